// The audit chain catches rows edited, deleted or reordered directly in SQLite.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "support/ServiceFixture.h"
#include "support/StatusMatchers.h"

using namespace qujat::engine;
using qujat::test::ServiceFixture;

namespace {

// Runs SQL against the database file behind the engine's back, as an intruder would.
void tamper(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

// The single integer a query returns, to confirm a tampering really changed something.
long long queryInteger(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    const long long value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

AuditVerification verify(ServiceFixture& fx) {
    auto v = fx.service().verifyAudit();
    REQUIRE_OK(v);
    return *v;
}

}  // namespace

TEST_CASE("audit verification recomputes the chain and names the first broken event", "[audit]") {
    ServiceFixture fx;
    Document doc = fx.submitProtocol();
    REQUIRE_OK(fx.approve("chairman.p1", doc.id));
    REQUIRE_OK(fx.approve("secretary.p1", doc.id));
    const AuditVerification clean = verify(fx);
    REQUIRE(clean.intact());
    REQUIRE(clean.events >= 8);
    const std::string db = fx.databasePath();

    SECTION("an edited detail") {
        tamper(db, "UPDATE audit_events SET details = replace(details, 'chairman', 'chairmen') WHERE seq = 6");
        REQUIRE(queryInteger(db, "SELECT count(*) FROM audit_events WHERE seq = 6 AND details LIKE '%chairmen%'") == 1);
        auto v = verify(fx);
        CHECK_FALSE(v.intact());
        CHECK(v.firstBadSeq == 6);
    }
    SECTION("an edited actor") {
        tamper(db, "UPDATE audit_events SET actor = 'someone.else' WHERE seq = 3");
        CHECK(verify(fx).firstBadSeq == 3);
    }
    SECTION("a back-dated event") {
        tamper(db, "UPDATE audit_events SET time = time - 86400000 WHERE seq = 6");
        CHECK(verify(fx).firstBadSeq == 6);
    }
    SECTION("a deleted event in the middle") {
        tamper(db, "DELETE FROM audit_events WHERE seq = 4");
        auto v = verify(fx);
        CHECK(v.firstBadSeq == 4);
        CHECK_THAT(v.problem, Catch::Contains("missing"));
    }
    SECTION("a deleted last event") {
        tamper(db, "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)");
        auto v = verify(fx);
        CHECK_FALSE(v.intact());
        CHECK(v.firstBadSeq == clean.headSeq);
        SECTION("stays detected after later actions append to the chain") {
            REQUIRE_OK(fx.approve("registrar.dis", doc.id));
            auto later = verify(fx);
            CHECK_FALSE(later.intact());
            CHECK(later.firstBadSeq == clean.headSeq);
            CHECK_THAT(later.problem, Catch::Contains("missing"));
        }
    }
    SECTION("two events swapped") {
        tamper(db,
               "UPDATE audit_events SET seq = -1 WHERE seq = 5;"
               "UPDATE audit_events SET seq = 5 WHERE seq = 6;"
               "UPDATE audit_events SET seq = 6 WHERE seq = -1;");
        CHECK(verify(fx).firstBadSeq == 5);
    }
    SECTION("an edited event whose own hash was recomputed still breaks the link to the next") {
        // An intruder who knows the hashing scheme rewrites event 2 consistently; event 3
        // still names the original's hash.
        AuditEvent forged;
        REQUIRE(fx.store().read([&](StoreReader& r) -> Status {
            return r.forEachAuditEvent([&](const AuditEvent& e) -> Status {
                if (e.seq == 2) forged = e;
                return Status::ok();
            });
        }).isOk());
        forged.actor = "someone.else";
        forged.hash = auditEventHash(forged, qujat::crypto::OpenSslHasher());
        tamper(db, "UPDATE audit_events SET actor = 'someone.else', hash = '" + forged.hash + "' WHERE seq = 2");
        auto v = verify(fx);
        CHECK(v.firstBadSeq == 3);
        CHECK_THAT(v.problem, Catch::Contains("does not link"));
    }
}
