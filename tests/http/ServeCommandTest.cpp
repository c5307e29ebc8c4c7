// `qujat serve` as an operator runs it: a process that serves until SIGTERM, then stops
// cleanly; and a configuration it cannot use stops it at once with a message.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <thread>

#include "HttpClient.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"

namespace qujat::test {

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("qujat serve answers until SIGTERM and then exits 0", "[http]") {
    TempDir dir;
    const std::string data = dir.file("data");
    REQUIRE(runCommand(std::string(QUJAT_BIN) + " --data " + shellQuote(data) + " init").exitCode == 0);
    const std::string log = dir.file("serve.log");
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, 2);
        execl(QUJAT_BIN, QUJAT_BIN, "--data", data.c_str(), "serve", "--port", "0", "--tick", "0",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    std::string address;
    for (int i = 0; i < 100 && address.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const std::string text = slurp(log);
        const auto at = text.find("serving http://127.0.0.1:");
        if (at != std::string::npos) address = text.substr(at + 8, text.find(' ', at + 8) - at - 8);
    }
    INFO(slurp(log));
    REQUIRE_FALSE(address.empty());
    const auto port = static_cast<std::uint16_t>(std::stoi(address.substr(address.rfind(':') + 1)));
    CHECK(HttpClient(port).get("/healthz", "").status == 200);
    CHECK(HttpClient(port).get("/api/v1/workflows", "").status == 401);

    kill(pid, SIGTERM);
    int status = -1;
    for (int i = 0; i < 100; ++i) {
        if (waitpid(pid, &status, WNOHANG) == pid) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const std::string text = slurp(log);
    CHECK(text.find("SIGTERM") != std::string::npos);
    CHECK(text.find("qujat: stopped") != std::string::npos);
    CHECK(text.find("\"path\":\"/healthz\"") != std::string::npos);  // the access log went to stderr
}

TEST_CASE("qujat serve refuses a configuration it cannot use", "[http]") {
    TempDir dir;
    std::ofstream(dir.file("bad.properties")) << "limits.treads = 8\n";
    auto r = runCommand(std::string(QUJAT_BIN) + " --data " + shellQuote(dir.file("data")) + " serve --config " +
                        shellQuote(dir.file("bad.properties")));
    CHECK(r.exitCode == 3);
    CHECK(r.output.find("'limits.treads'") != std::string::npos);
    r = runCommand(std::string(QUJAT_BIN) + " --data " + shellQuote(dir.file("data")) + " serve --port 70000");
    CHECK(r.exitCode == 3);
}

}  // namespace qujat::test
