// sqlite_crash_writer DB plain|group THREADS
//
// Commits transactions into the store at DB until it is killed. Each transaction takes the
// next value of the counter "crash" and appends the audit event with that seq; once write()
// has returned OK the value is printed on its own line (one write(2), so a kill never
// leaves half a line). Used by SqliteCrashTest to check that acknowledged means durable.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "qujat/sqlite/SqliteStore.h"

using namespace qujat;
using namespace qujat::engine;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s DB plain|group THREADS\n", argv[0]);
        return 2;
    }
    sqlite::SqliteOptions options;
    options.groupCommit = std::string(argv[2]) == "group";
    auto opened = sqlite::SqliteStore::open(argv[1], options);
    if (!opened.isOk()) {
        std::fprintf(stderr, "%s\n", opened.status().toString().c_str());
        return 1;
    }
    std::unique_ptr<sqlite::SqliteStore> store = std::move(opened).value();
    const int threads = std::atoi(argv[3]);
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t)
        writers.emplace_back([&store] {
            for (;;) {
                std::int64_t value = 0;
                Status s = store->write([&](StoreWriter& w) -> Status {
                    QUJAT_ASSIGN_OR_RETURN(value, w.nextCounterValue("crash"));
                    QUJAT_ASSIGN_OR_RETURN(std::optional<AuditEvent> last, w.lastAuditEvent());
                    AuditEvent e;
                    e.seq = last ? last->seq + 1 : 1;
                    e.time = e.seq;
                    e.actor = "crash-writer";
                    e.action = "test.commit";
                    e.subject = "counter/crash";
                    e.details = "{\"value\":\"" + std::to_string(value) + "\"}";
                    e.prevHash = last ? last->hash : std::string(64, '0');
                    e.hash = std::to_string(e.seq);
                    return w.appendAuditEvent(e);
                });
                if (!s.isOk()) {
                    std::fprintf(stderr, "%s\n", s.toString().c_str());
                    std::_Exit(1);
                }
                const std::string line = std::to_string(value) + "\n";
                if (::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) std::_Exit(1);
            }
        });
    for (auto& w : writers) w.join();
}
