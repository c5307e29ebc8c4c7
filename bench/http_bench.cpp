// HTTP benchmark: `qujat serve` on the generated directory with documents loaded, driven by
// wrk at 64 connections. Measures the inbox, the document list and search against
// /healthz in the same run, /healthz being what the machine can do at all for one request
// over HTTP (no database, no session).
//
//   http_bench [--docs N] [--inbox N] [--seconds S] [--connections C] [--wrk-threads T]
//              [--dir DIR] [--port P]
//
// Needs wrk (Debian package `wrk`). Not a CTest test: run it by hand on a quiet machine.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <regex>
#include <thread>

#include "BenchSupport.h"
#include "Context.h"
#include "Runtime.h"
#include "qujat/directory/DirectoryGenerator.h"

using namespace qujat;
using namespace qujat::bench;

namespace {

struct Options {
    int docs = 2000;        // documents in the store
    int inbox = 12;         // of which waiting for the benchmark user's registration
    int seconds = 10;       // per wrk run
    int connections = 64;
    int wrkThreads = 2;
    int port = 18931;
    std::string dir = "http-bench-data";
};

const char* const kPassword = "http bench password 2026";
const char* const kInboxUser = "registrar.ast-01";  // registers the protocols of AST-01's PPOs
const char* const kReader = "auditor.kz";           // sees every document
const char* const kSearchWord = "бюджет";           // in one title of every 20

[[noreturn]] void die(const std::string& message) {
    std::cerr << "http_bench: " << message << "\n";
    std::exit(1);
}

template <typename T>
T orDie(engine::Result<T> r) {
    if (!r.isOk()) die(r.status().toString());
    return std::move(r).value();
}

void orDie(const engine::Status& s) {
    if (!s.isOk()) die(s.toString());
}

engine::Document submit(engine::Service& service, const std::string& ppo, int n) {
    std::string lower = ppo;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    engine::SubmitRequest req;
    req.workflowId = "ppo-protocol";
    req.title = "Протокол собрания №" + std::to_string(n) + (n % 20 == 0 ? std::string(" о бюджете, ") + kSearchWord : "") +
                " " + ppo;
    req.originOrgCode = ppo;
    req.fields = {{"meeting-date", "2026-11-20"}, {"present", std::to_string(5 + n % 40)}};
    req.content = engine::Content{"Протокол собрания первичной партийной организации " + ppo + ", №" +
                                      std::to_string(n) + ". Повестка дня: отчёт, бюджет, план работы.",
                                  "protocol-" + std::to_string(n) + ".txt", "text/plain; charset=utf-8"};
    return orDie(service.submit("secretary." + lower, req));
}

// The data directory: built-in workflows, the generated party directory, `docs` protocols
// of which `inbox` wait at the registration step for kInboxUser.
void prepare(const Options& o) {
    std::filesystem::remove_all(o.dir);
    cli::RuntimeOptions options;
    options.dataDir = o.dir;
    options.requireSignatures = false;  // loading only; the benchmark itself only reads
    auto rt = orDie(cli::Runtime::open(options));
    orDie(cli::loadBuiltInWorkflows(*rt, "bench", nullptr));
    const directory::DirectoryData data = directory::generateDirectory(1);
    orDie(rt->service().importDirectory(data.orgs, data.users, data.grants, data.delegations, "bench"));
    for (const char* login : {kInboxUser, kReader}) orDie(rt->accounts().setPassword("bench", login, kPassword));
    std::vector<std::string> local, all;
    for (const engine::Org& org : data.orgs) {
        if (org.level != engine::OrgLevel::kPrimary) continue;
        all.push_back(org.code);
        if (org.parentCode == std::string("AST-01")) local.push_back(org.code);
    }
    const auto start = Clock::now();
    auto& service = rt->service();
    for (int i = 0; i < o.docs; ++i) {
        if (i < o.inbox) {
            const std::string ppo = local[static_cast<std::size_t>(i) % local.size()];
            std::string lower = ppo;
            for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const engine::Document d = submit(service, ppo, i + 1);
            orDie(service.approve("chairman." + lower, d.id, engine::Decision{}).status());
            orDie(service.approve("secretary." + lower, d.id, engine::Decision{}).status());
        } else {
            submit(service, all[static_cast<std::size_t>(i * 7) % all.size()], i + 1);
        }
    }
    std::cout << "prepared " << o.docs << " documents (" << o.inbox << " in " << kInboxUser << "'s inbox) in "
              << secondsSince(start) << " s\n";
}

pid_t startServer(const Options& o) {
    const pid_t pid = fork();
    if (pid < 0) die("fork failed");
    if (pid == 0) {
        const std::string port = std::to_string(o.port), log = o.dir + "/access.log";
        execl(QUJAT_BIN, QUJAT_BIN, "--data", o.dir.c_str(), "serve", "--port", port.c_str(), "--tick", "0",
              "--access-log", log.c_str(), static_cast<char*>(nullptr));
        std::perror("exec qujat");
        _exit(127);
    }
    return pid;
}

std::pair<int, std::string> call(const Options& o, const std::string& method, const std::string& path,
                                 const std::string& body) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(o.port));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string text;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
    return {response.getStatus(), text};
}

void waitUntilUp(const Options& o) {
    for (int i = 0; i < 100; ++i) {
        try {
            if (call(o, "GET", "/healthz", "").first == 200) return;
        } catch (const Poco::Exception&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    die("qujat serve did not answer /healthz");
}

std::string signIn(const Options& o, const std::string& login) {
    auto [status, body] =
        call(o, "POST", "/api/v1/session", "{\"login\":\"" + login + "\",\"password\":\"" + kPassword + "\"}");
    if (status != 201) die("sign-in of " + login + " failed: " + body);
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");
}

struct Figures {
    std::string name;
    double rps = 0, p50 = 0, p99 = 0;
    long errors = 0;
};

double millis(const std::string& value, const std::string& unit) {
    const double v = std::stod(value);
    if (unit == "us") return v / 1000;
    if (unit == "s") return v * 1000;
    return v;
}

Figures runWrk(const Options& o, const std::string& name, const std::string& path, const std::string& token) {
    const std::string url = "http://127.0.0.1:" + std::to_string(o.port) + path;
    const std::string command = "QUJAT_TOKEN=" + token + " wrk -t" + std::to_string(o.wrkThreads) + " -c" +
                                std::to_string(o.connections) + " -d" + std::to_string(o.seconds) + "s --latency -s " +
                                QUJAT_BENCH_LUA + " '" + url + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) die("cannot run wrk");
    std::string output;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    if (pclose(pipe) != 0) die("wrk failed (is it installed? apt-get install wrk):\n" + output);
    Figures f;
    f.name = name;
    std::smatch m;
    if (std::regex_search(output, m, std::regex(R"(Requests/sec:\s+([0-9.]+))"))) f.rps = std::stod(m[1]);
    if (std::regex_search(output, m, std::regex(R"(\n\s+50%\s+([0-9.]+)(us|ms|s)\b)"))) f.p50 = millis(m[1], m[2]);
    if (std::regex_search(output, m, std::regex(R"(\n\s+99%\s+([0-9.]+)(us|ms|s)\b)"))) f.p99 = millis(m[1], m[2]);
    if (std::regex_search(output, m, std::regex(R"(Non-2xx or 3xx responses:\s+(\d+))"))) f.errors = std::stol(m[1]);
    if (std::regex_search(output, m, std::regex(R"(Socket errors:.*)"))) std::cout << "  " << name << ": " << m[0] << "\n";
    if (f.rps == 0) die("could not read wrk's output:\n" + output);
    return f;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die(a + " needs a value");
            return argv[++i];
        };
        if (a == "--docs") o.docs = std::stoi(next());
        else if (a == "--inbox") o.inbox = std::stoi(next());
        else if (a == "--seconds") o.seconds = std::stoi(next());
        else if (a == "--connections") o.connections = std::stoi(next());
        else if (a == "--wrk-threads") o.wrkThreads = std::stoi(next());
        else if (a == "--port") o.port = std::stoi(next());
        else if (a == "--dir") o.dir = next();
        else die("unknown option " + a);
    }
    if (o.inbox > o.docs) die("--inbox cannot exceed --docs");
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    prepare(o);
    const pid_t server = startServer(o);
    waitUntilUp(o);
    const std::string inboxToken = signIn(o, kInboxUser), readerToken = signIn(o, kReader);

    std::vector<Figures> runs;
    runs.push_back(runWrk(o, "/healthz (ceiling)", "/healthz", inboxToken));
    runs.push_back(runWrk(o, "inbox (" + std::to_string(o.inbox) + " tasks)", "/api/v1/tasks", inboxToken));
    runs.push_back(runWrk(o, "document list (20)", "/api/v1/documents?limit=20", readerToken));
    runs.push_back(runWrk(o, "search (1 title in 20)", "/api/v1/documents?limit=20&q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82",
                          readerToken));
    kill(server, SIGTERM);
    int status = 0;
    waitpid(server, &status, 0);

    const double ceiling = runs[0].rps;
    std::printf("\n%d connections, %d wrk threads, %d s per run, %u hardware threads, %d documents\n",
                o.connections, o.wrkThreads, o.seconds, std::thread::hardware_concurrency(), o.docs);
    std::printf("%-24s %12s %10s %10s %9s %8s\n", "endpoint", "requests/s", "p50 ms", "p99 ms", "ceiling", "non-2xx");
    for (const Figures& f : runs)
        std::printf("%-24s %12.0f %10.2f %10.2f %8.0f%% %8ld\n", f.name.c_str(), f.rps, f.p50, f.p99,
                    100.0 * f.rps / ceiling, f.errors);
    const Figures& inbox = runs[1];
    const bool met = inbox.rps >= 0.5 * ceiling && inbox.p99 < 20.0;
    std::printf("\naim (inbox >= 50%% of /healthz, p99 < 20 ms): %s\n", met ? "met" : "NOT met");
    std::printf("server exit: %s\n", WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "clean (SIGTERM)" : "abnormal");
    return 0;
}
