// Acknowledged means durable: a writer process is killed with SIGKILL mid-stream and every
// value it reported as committed must be in the database when it is opened again.
#include <catch2/catch.hpp>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <sstream>
#include <string>

#include "SqliteTestSupport.h"

extern char** environ;

using namespace qujat;
using namespace qujat::engine;
using namespace qujat::test;

namespace {

struct KilledRun {
    std::string output;  // what the writer printed before it died
    int signal = 0;      // the signal that ended it, 0 if it exited
};

// Starts the crash writer, reads its output for about `runFor`, then kills it with SIGKILL.
KilledRun runAndKill(const std::string& db, const std::string& mode, std::chrono::milliseconds runFor) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    std::string program = QUJAT_CRASH_WRITER, threads = "4";
    char* argv[] = {program.data(), const_cast<char*>(db.c_str()), const_cast<char*>(mode.c_str()), threads.data(),
                    nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    REQUIRE(spawned == 0);

    KilledRun run;
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + runFor;
    bool open = true;
    while (open && std::chrono::steady_clock::now() < deadline) {
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0) open = false;
        else run.output.append(buffer, static_cast<std::size_t>(n));
    }
    ::kill(pid, SIGKILL);
    // Whatever it wrote before dying is still in the pipe.
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) run.output.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
    return run;
}

std::set<std::int64_t> acknowledged(const std::string& output) {
    std::set<std::int64_t> values;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line))
        if (!lines.eof()) values.insert(std::stoll(line));  // the last piece may lack its newline
    return values;
}

}  // namespace

TEMPLATE_TEST_CASE("sqlite store keeps every acknowledged commit when its process is killed", "[sqlite][durability]",
                   PlainCommit, GroupCommit) {
    TempDir dir;
    const std::string db = dir.file("qujat.db");
    const std::string mode = TestType::kGroupCommit ? "group" : "plain";
    std::set<std::int64_t> acked;
    // Killed twice, so the second run also starts from a database recovered after a kill.
    for (int round = 0; round < 2; ++round) {
        KilledRun run = runAndKill(db, mode, std::chrono::milliseconds(600));
        INFO(run.output.substr(0, 500));
        REQUIRE(run.signal == SIGKILL);
        const std::set<std::int64_t> now = acknowledged(run.output);
        REQUIRE(now.size() > 5);
        acked.insert(now.begin(), now.end());
    }

    auto store = openSqliteStore(db, false);
    std::set<std::int64_t> present;
    std::int64_t expectedSeq = 1;
    REQUIRE_OK(store->read([&](StoreReader& r) {
        return r.forEachAuditEvent([&](const AuditEvent& e) {
            if (e.seq != expectedSeq) return internalError("audit gap at " + std::to_string(expectedSeq));
            ++expectedSeq;
            present.insert(e.seq);
            if (e.details != "{\"value\":\"" + std::to_string(e.seq) + "\"}")
                return internalError("event " + std::to_string(e.seq) + " does not match its counter value");
            return Status::ok();
        });
    }));
    std::int64_t missing = 0;
    for (std::int64_t v : acked)
        if (!present.count(v)) ++missing;
    CHECK(missing == 0);
    CHECK(*acked.rbegin() <= expectedSeq - 1);
    // The counter moved in the same transactions as the chain, so it continues right after it.
    auto next = change(*store, [](StoreWriter& w) { return w.nextCounterValue("crash"); });
    REQUIRE_OK(next);
    CHECK(*next == expectedSeq);
}
