// Routing benchmark: bureau decisions (submit, quorum of 3, chairman, registration), each
// action one durable SQLite transaction, compared in the same run with the raw commit rate
// of a one-row SQLite transaction on the same disk.
//
//   routing_bench [--docs N] [--threads T] [--dir DIR] [--large-docs M]
#include <atomic>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "BenchSupport.h"
#include "Context.h"
#include "RawSqliteCommits.h"
#include "Runtime.h"
#include "qujat/directory/DirectoryGenerator.h"

using namespace qujat;
using namespace qujat::bench;

namespace {

struct Options {
    int docs = 300;
    int threads = 8;
    int largeDocs = 0;  // 0: skip the 100,000-document memory figure
    std::string dir = "bench-data";
};

// The people who route one district's decisions.
struct District {
    std::string code, secretary, chairman, registrar;
    std::vector<std::string> bureau;
};

[[noreturn]] void die(const engine::Status& s) {
    std::cerr << "routing_bench: " << s.toString() << "\n";
    std::exit(1);
}

template <typename T>
T orDie(engine::Result<T> r) {
    if (!r.isOk()) die(r.status());
    return std::move(r).value();
}

std::unique_ptr<cli::Runtime> openStore(const std::string& dir, bool groupCommit) {
    std::filesystem::remove_all(dir);
    cli::RuntimeOptions options;
    options.dataDir = dir;
    options.now = *engine::parseIsoUtc("2026-11-24T09:00:00Z");
    options.groupCommit = groupCommit;
    // Routing and durability only: what a signature check and its timestamp add is measured
    // by signature_bench.
    options.requireSignatures = false;
    auto rt = orDie(cli::Runtime::open(options));
    if (auto s = cli::loadBuiltInWorkflows(*rt, "bench", nullptr); !s.isOk()) die(s);
    const directory::DirectoryData data = directory::generateDirectory(1);
    if (auto s = rt->service().importDirectory(data.orgs, data.users, data.grants, data.delegations, "bench"); !s.isOk())
        die(s);
    return rt;
}

std::vector<District> districts(cli::Runtime& rt) {
    std::vector<District> out;
    for (const engine::Org& o : directory::generateDirectory(1).orgs) {
        if (o.level != engine::OrgLevel::kDistrict) continue;
        auto& s = rt.service();
        District d{o.code, orDie(s.holdersOf("secretary", o.code)).front(), orDie(s.holdersOf("chairman", o.code)).front(),
                   orDie(s.holdersOf("registrar", o.code)).front(), orDie(s.holdersOf("bureau-member", o.code))};
        out.push_back(std::move(d));
    }
    return out;
}

// Routes one decision through its six actions, appending each action's latency (ms).
void routeDecision(engine::Service& service, const District& d, int n, std::vector<double>& latencies) {
    auto timed = [&](auto&& action) {
        const auto t0 = Clock::now();
        auto r = action();
        latencies.push_back(secondsSince(t0) * 1000);
        return orDie(std::move(r));
    };
    engine::SubmitRequest req;
    req.workflowId = "bureau-decision";
    req.title = "Решение бюро № " + std::to_string(n);
    req.originOrgCode = d.code;
    req.fields = {{"decision-kind", "organisational"}};
    req.content = engine::Content{"Бюро шешімі № " + std::to_string(n), "decision.txt", "text/plain"};
    engine::Document doc = timed([&] { return service.submit(d.secretary, req); });
    for (int i = 0; i < 3; ++i) timed([&] { return service.approve(d.bureau[i], doc.id, {}); });
    timed([&] { return service.approve(d.chairman, doc.id, {}); });
    doc = timed([&] { return service.approve(d.registrar, doc.id, {}); });
    if (doc.state != engine::DocumentState::kCompleted) die(engine::internalError("a decision did not complete"));
}

struct RoutingFigures {
    double seconds = 0;
    int documents = 0;
    std::vector<double> latencies;
};

RoutingFigures route(cli::Runtime& rt, const std::vector<District>& ds, int docs, int threads) {
    RoutingFigures f;
    std::mutex mutex;
    std::atomic<int> next{0};
    const auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            std::vector<double> mine;
            // Each thread keeps to its own districts: concurrent work on different documents.
            for (int n; (n = next++) < docs;)
                routeDecision(rt.service(), ds[(static_cast<std::size_t>(t) + n * threads) % ds.size()], n, mine);
            std::lock_guard<std::mutex> lock(mutex);
            f.latencies.insert(f.latencies.end(), mine.begin(), mine.end());
        });
    for (auto& th : pool) th.join();
    f.seconds = secondsSince(start);
    f.documents = docs;
    return f;
}

void print(const char* label, const RoutingFigures& f, const RawCommitFigures& raw) {
    const double transitions = static_cast<double>(f.latencies.size());
    const double tps = transitions / f.seconds;
    std::printf("%s\n", label);
    std::printf("  documents/s            %10.1f\n", f.documents / f.seconds);
    std::printf("  transitions/s          %10.1f   (%.2fx the raw commit rate)\n", tps, tps / raw.commitsPerSecond);
    std::printf("  action latency p50     %10.2f ms (%.2fx the raw commit p50)\n", median(f.latencies),
                median(f.latencies) / raw.p50Ms);
    std::printf("  action latency p99     %10.2f ms\n", quantile(f.latencies, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--docs")) o.docs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--threads")) o.threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--dir")) o.dir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--large-docs")) o.largeDocs = std::atoi(argv[i + 1]);
        else {
            std::cerr << "usage: routing_bench [--docs N] [--threads T] [--dir DIR] [--large-docs M]\n";
            return 2;
        }
    }
    std::filesystem::create_directories(o.dir);
    std::printf("routing benchmark: %d bureau decisions x 6 durable actions, directory of 5,839 PPOs\n"
                "(approvals without signatures: signature_bench measures verification)\n",
                o.docs);

    std::filesystem::remove(o.dir + "/raw.db");
    const RawCommitFigures raw = measureRawCommits(o.dir + "/raw.db", 2000);
    std::printf("raw SQLite one-row commit (WAL, synchronous=FULL), same disk\n");
    std::printf("  commits/s              %10.1f\n  commit p50             %10.2f ms\n  commit p99             %10.2f ms\n",
                raw.commitsPerSecond, raw.p50Ms, raw.p99Ms);

    {
        auto rt = openStore(o.dir + "/unbatched", false);
        const auto ds = districts(*rt);
        print("engine, one thread, one transaction per action", route(*rt, ds, o.docs, 1), raw);
    }
    {
        auto rt = openStore(o.dir + "/group", true);
        const auto ds = districts(*rt);
        char label[128];
        std::snprintf(label, sizeof label, "engine, %d concurrent threads, group commit", o.threads);
        print(label, route(*rt, ds, o.docs, o.threads), raw);
    }
    std::printf("peak RSS so far          %10.1f MiB\n", peakRssMiB());

    if (o.largeDocs > 0) {
        auto rt = openStore(o.dir + "/large", true);
        const auto ds = districts(*rt);
        std::printf("memory with the generated directory loaded: %.1f MiB RSS\n", currentRssMiB());
        std::atomic<int> next{0};
        const auto start = Clock::now();
        std::vector<std::thread> pool;
        for (int t = 0; t < o.threads; ++t)
            pool.emplace_back([&] {
                for (int n; (n = next++) < o.largeDocs;) {
                    const District& d = ds[static_cast<std::size_t>(n) % ds.size()];
                    engine::SubmitRequest req;
                    req.workflowId = "bureau-decision";
                    req.title = "Решение № " + std::to_string(n);
                    req.originOrgCode = d.code;
                    req.fields = {{"decision-kind", "personnel"}};
                    req.content = engine::Content{"Шешім " + std::to_string(n), "d.txt", "text/plain"};
                    orDie(rt->service().submit(d.secretary, req));
                }
            });
        for (auto& th : pool) th.join();
        const double seconds = secondsSince(start);
        const auto t0 = Clock::now();
        const auto inbox = orDie(rt->service().inbox(ds.front().bureau.front()));
        const double inboxMs = secondsSince(t0) * 1000;
        std::printf("%d documents submitted in %.1f s (%.1f/s); RSS now %.1f MiB, peak %.1f MiB\n", o.largeDocs, seconds,
                    o.largeDocs / seconds, currentRssMiB(), peakRssMiB());
        std::printf("inbox of %s with %zu open tasks: %.2f ms\n", ds.front().bureau.front().c_str(), inbox.size(),
                    inboxMs);
    }
    return 0;
}
