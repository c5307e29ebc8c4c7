// What the SQLite store promises beyond the shared contract: its schema versioning, its
// behaviour under many threads, and the misuse it refuses instead of deadlocking.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "SqliteTestSupport.h"

using namespace qujat;
using namespace qujat::engine;
using namespace qujat::test;

namespace {

// Runs SQL on the file directly, bypassing the store.
void rawExec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

std::string rawText(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(statement) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return out;
}

Org centralOrg(const std::string& code) {
    Org o;
    o.code = code;
    o.level = OrgLevel::kCentral;
    return o;
}

AuditEvent nextEvent(const std::optional<AuditEvent>& last, const std::string& subject) {
    AuditEvent e;
    e.seq = last ? last->seq + 1 : 1;
    e.time = 1'700'000'000'000 + e.seq;
    e.actor = "system";
    e.action = "test.write";
    e.subject = subject;
    e.details = "{}";
    e.prevHash = last ? last->hash : std::string(64, '0');
    e.hash = std::to_string(e.seq);
    return e;
}

}  // namespace

TEST_CASE("sqlite store versions its schema with numbered migrations", "[sqlite][migrations]") {
    TempDir dir;
    const std::string path = dir.file("qujat.db");
    openSqliteStore(path, false).reset();

    SECTION("a new database is in WAL mode and records the schema version") {
        CHECK(sqlite::SqliteStore::schemaVersion() >= 1);
        CHECK(rawText(path, "PRAGMA user_version") == std::to_string(sqlite::SqliteStore::schemaVersion()));
        CHECK(rawText(path, "PRAGMA journal_mode") == "wal");
        // The names the audit tamper tests (and operators) use.
        rawExec(path, "SELECT seq, time, actor, action, subject, details, prev_hash, hash FROM audit_events;"
                      "SELECT seq, hash FROM audit_head;");
    }
    SECTION("reopening keeps the data and the version") {
        {
            auto store = openSqliteStore(path, false);
            REQUIRE_OK(store->write([](StoreWriter& w) { return w.insertOrg(centralOrg("KZ")); }));
        }
        auto store = openSqliteStore(path, true);
        Status s = store->read([](StoreReader& r) { return r.orgByCode("KZ").status(); });
        REQUIRE_OK(s);
        CHECK(rawText(path, "PRAGMA user_version") == std::to_string(sqlite::SqliteStore::schemaVersion()));
    }
    SECTION("a database from a newer version is refused and left alone") {
        const int newer = sqlite::SqliteStore::schemaVersion() + 1;
        rawExec(path, "PRAGMA user_version = " + std::to_string(newer));
        auto store = sqlite::SqliteStore::open(path, sqlite::SqliteOptions{});
        CHECK_CODE(store, StatusCode::kFailedPrecondition);
        CHECK_THAT(store.status().message(), Catch::Contains("newer"));
        CHECK(rawText(path, "PRAGMA user_version") == std::to_string(newer));
    }
    SECTION("a file that is not a database is refused") {
        const std::string junk = dir.file("junk.db");
        std::ofstream(junk) << std::string(8192, 'x');
        CHECK_CODE(sqlite::SqliteStore::open(junk, sqlite::SqliteOptions{}), StatusCode::kDataLoss);
    }
    SECTION("a database in a missing directory cannot be opened") {
        CHECK_CODE(sqlite::SqliteStore::open(dir.file("no/such/dir/q.db"), sqlite::SqliteOptions{}),
                   StatusCode::kUnavailable);
    }
}

TEST_CASE("sqlite store in group commit mode commits concurrent writers without gaps", "[sqlite][concurrency]") {
    TempDir dir;
    auto store = openSqliteStore(dir.file("qujat.db"), true);
    constexpr int kThreads = 8, kEach = 200;
    std::mutex mutex;
    std::vector<std::int64_t> committed;
    std::atomic<int> refused{0}, unexpected{0}, readFailures{0};
    std::atomic<bool> writing{true};

    // Readers run throughout and must never fail or see the chain shrink.
    std::vector<std::thread> readers;
    for (int t = 0; t < 2; ++t)
        readers.emplace_back([&] {
            std::int64_t lastSeen = 0;
            while (writing.load()) {
                Status s = store->read([&](StoreReader& r) -> Status {
                    QUJAT_ASSIGN_OR_RETURN(auto head, r.auditHead());
                    const std::int64_t seq = head ? head->first : 0;
                    if (seq < lastSeen) return internalError("the head went backwards");
                    lastSeen = seq;
                    return Status::ok();
                });
                if (!s.isOk()) ++readFailures;
            }
        });

    std::vector<std::thread> writers;
    for (int t = 0; t < kThreads; ++t)
        writers.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                std::int64_t value = 0;
                // Every tenth transaction fails after taking a number: only its savepoint is
                // rolled back, and the number is given to the next one.
                const bool fail = i % 10 == 9;
                Status s = store->write([&](StoreWriter& w) -> Status {
                    QUJAT_ASSIGN_OR_RETURN(value, w.nextCounterValue("shared"));
                    QUJAT_ASSIGN_OR_RETURN(std::optional<AuditEvent> last, w.lastAuditEvent());
                    QUJAT_RETURN_IF_ERROR(w.appendAuditEvent(nextEvent(last, "thread/" + std::to_string(t))));
                    return fail ? aborted("refused on purpose") : Status::ok();
                });
                if (fail && s.code() == StatusCode::kAborted) ++refused;
                else if (!fail && s.isOk()) {
                    std::lock_guard<std::mutex> lock(mutex);
                    committed.push_back(value);
                } else {
                    ++unexpected;
                }
            }
        });
    for (auto& th : writers) th.join();
    writing = false;
    for (auto& th : readers) th.join();

    CHECK(unexpected == 0);
    CHECK(readFailures == 0);
    CHECK(refused == kThreads * kEach / 10);
    const auto expected = static_cast<std::size_t>(kThreads * kEach - refused);
    REQUIRE(committed.size() == expected);
    std::sort(committed.begin(), committed.end());
    for (std::size_t i = 0; i < committed.size(); ++i) REQUIRE(committed[i] == static_cast<std::int64_t>(i + 1));

    std::int64_t expectedSeq = 1;
    REQUIRE_OK(store->read([&](StoreReader& r) {
        return r.forEachAuditEvent([&](const AuditEvent& e) {
            if (e.seq != expectedSeq) return internalError("gap at " + std::to_string(expectedSeq));
            ++expectedSeq;
            return Status::ok();
        });
    }));
    CHECK(expectedSeq - 1 == static_cast<std::int64_t>(expected));
    auto head = query(*store, [](StoreReader& r) { return r.auditHead(); });
    REQUIRE_OK(head);
    CHECK((*head)->first == static_cast<std::int64_t>(expected));
}

TEMPLATE_TEST_CASE("sqlite store serialises writers from many threads", "[sqlite][concurrency]", PlainCommit,
                   GroupCommit) {
    TempDir dir;
    auto store = openSqliteStore(dir.file("qujat.db"), TestType::kGroupCommit);
    constexpr int kThreads = 4, kEach = 25;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < kEach; ++i) {
                Status s = store->write([&](StoreWriter& w) -> Status {
                    QUJAT_RETURN_IF_ERROR(w.nextCounterValue("n").status());
                    QUJAT_ASSIGN_OR_RETURN(std::optional<AuditEvent> last, w.lastAuditEvent());
                    return w.appendAuditEvent(nextEvent(last, "x"));
                });
                if (!s.isOk()) ++failures;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    auto next = change(*store, [](StoreWriter& w) { return w.nextCounterValue("n"); });
    CHECK(*next == kThreads * kEach + 1);
}

TEMPLATE_TEST_CASE("sqlite store refuses misuse instead of hanging or throwing", "[sqlite]", PlainCommit, GroupCommit) {
    TempDir dir;
    auto store = openSqliteStore(dir.file("qujat.db"), TestType::kGroupCommit);

    SECTION("a write started from inside a write is refused") {
        Status inner;
        Status outer = store->write([&](StoreWriter& w) -> Status {
            QUJAT_RETURN_IF_ERROR(w.insertOrg(centralOrg("KZ")));
            inner = store->write([](StoreWriter& w2) { return w2.insertOrg(centralOrg("KZ2")); });
            return inner;
        });
        CHECK(inner.code() == StatusCode::kInternal);
        CHECK(outer.code() == StatusCode::kInternal);
        CHECK(*query(*store, [](StoreReader& r) { return r.countOrgs(); }) == 0);
    }
    SECTION("an exception from the work is a status and rolls back") {
        Status s = store->write([](StoreWriter& w) -> Status {
            QUJAT_RETURN_IF_ERROR(w.insertOrg(centralOrg("KZ")));
            throw std::runtime_error("boom");
        });
        CHECK(s.code() == StatusCode::kInternal);
        CHECK_THAT(s.message(), Catch::Contains("boom"));
        CHECK(*query(*store, [](StoreReader& r) { return r.countOrgs(); }) == 0);
        REQUIRE_OK(store->write([](StoreWriter& w) { return w.insertOrg(centralOrg("KZ")); }));
        Status r = store->read([](StoreReader&) -> Status { throw std::runtime_error("read boom"); });
        CHECK(r.code() == StatusCode::kInternal);
        CHECK(*query(*store, [](StoreReader& reader) { return reader.countOrgs(); }) == 1);
    }
    SECTION("a write waits for a lock held by another process, then fails as unavailable") {
        sqlite::SqliteOptions options;
        options.groupCommit = TestType::kGroupCommit;
        options.busyTimeoutMs = 50;
        store.reset();
        auto impatient = sqlite::SqliteStore::open(dir.file("qujat.db"), options);
        REQUIRE_OK(impatient);
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open(dir.file("qujat.db").c_str(), &other) == SQLITE_OK);
        REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
        CHECK_CODE((*impatient)->write([](StoreWriter& w) { return w.insertOrg(centralOrg("KZ")); }),
                   StatusCode::kUnavailable);
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        REQUIRE_OK((*impatient)->write([](StoreWriter& w) { return w.insertOrg(centralOrg("KZ")); }));
    }
}
