// Passwords, sign-in and sessions, over the real store and OpenSSL's scrypt.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "support/ServiceFixture.h"
#include "support/StatusMatchers.h"

using namespace qujat::engine;
using qujat::test::ServiceFixture;

namespace {

const std::string kPassword = "Қазақстан-2026-secret";

long long countRows(const std::string& path, const std::string& sql, const std::string& parameter) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    sqlite3_bind_text(stmt, 1, parameter.c_str(), -1, SQLITE_TRANSIENT);
    const long long n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

}  // namespace

TEST_CASE("a user signs in with a password and holds a session until it ends", "[accounts]") {
    ServiceFixture fx;
    REQUIRE_OK(fx.accounts().setPassword("operator", "secretary.p1", kPassword));

    SECTION("the password is stored only as a memory-hard hash") {
        CHECK(countRows(fx.databasePath(), "SELECT count(*) FROM users WHERE login = ?1 AND password_hash LIKE 'scrypt$%'",
                        "secretary.p1") == 1);
        CHECK(countRows(fx.databasePath(), "SELECT count(*) FROM users WHERE instr(password_hash, ?1) > 0", kPassword) ==
              0);
    }
    SECTION("a short password is refused") {
        CHECK_CODE(fx.accounts().setPassword("operator", "secretary.p1", "short"), StatusCode::kInvalidArgument);
    }
    SECTION("the right password opens a session; its token is stored only as a hash") {
        auto signedIn = fx.accounts().signIn("secretary.p1", kPassword, "192.0.2.7");
        REQUIRE_OK(signedIn);
        CHECK(signedIn->token.size() == 64);
        CHECK(countRows(fx.databasePath(), "SELECT count(*) FROM sessions WHERE token_sha256 = ?1", signedIn->token) == 0);
        auto session = fx.accounts().authenticate(signedIn->token);
        REQUIRE_OK(session);
        CHECK(session->login == "secretary.p1");
        CHECK(fx.lastAuditEvent()->action == "session.create");

        SECTION("signing out ends it") {
            REQUIRE_OK(fx.accounts().signOut(signedIn->token));
            CHECK_CODE(fx.accounts().authenticate(signedIn->token), StatusCode::kUnauthenticated);
        }
        SECTION("it expires") {
            fx.clock().advance(8LL * 3600 * 1000);
            CHECK_CODE(fx.accounts().authenticate(signedIn->token), StatusCode::kUnauthenticated);
        }
        SECTION("a forged token is refused") {
            std::string forged = signedIn->token;
            forged[0] = forged[0] == 'a' ? 'b' : 'a';
            CHECK_CODE(fx.accounts().authenticate(forged), StatusCode::kUnauthenticated);
            CHECK_CODE(fx.accounts().authenticate(""), StatusCode::kUnauthenticated);
        }
    }
    SECTION("a wrong password and an unknown login get the same answer, and are audited") {
        auto wrong = fx.accounts().signIn("secretary.p1", "not the password", "192.0.2.7");
        auto unknown = fx.accounts().signIn("nobody", kPassword, "192.0.2.7");
        auto noPassword = fx.accounts().signIn("chairman.p1", "", "192.0.2.7");
        for (const auto* r : {&wrong, &unknown, &noPassword}) {
            CHECK_CODE(*r, StatusCode::kUnauthenticated);
            CHECK(r->status().message() == "wrong login or password");
        }
        auto e = fx.lastAuditEvent();
        CHECK(e->action == "refused");
        CHECK_THAT(e->details, Catch::Contains("session.create") && Catch::Contains("192.0.2.7"));
    }
    SECTION("repeated failures slow down that login, even with the right password, until the window passes") {
        for (int i = 0; i < 5; ++i) CHECK_CODE(fx.accounts().signIn("secretary.p1", "guess", "192.0.2.8"), StatusCode::kUnauthenticated);
        auto blocked = fx.accounts().signIn("secretary.p1", kPassword, "198.51.100.1");
        CHECK_CODE(blocked, StatusCode::kResourceExhausted);
        CHECK_THAT(blocked.status().message(), Catch::Contains("try again in"));
        fx.clock().advance(15LL * 60 * 1000 + 1);
        REQUIRE_OK(fx.accounts().signIn("secretary.p1", kPassword, "198.51.100.1"));
    }
    SECTION("repeated failures from one address slow down every login from it") {
        for (int i = 0; i < 5; ++i) fx.accounts().signIn("user" + std::to_string(i), "guess", "203.0.113.9").status();
        CHECK_CODE(fx.accounts().signIn("secretary.p1", kPassword, "203.0.113.9"), StatusCode::kResourceExhausted);
        REQUIRE_OK(fx.accounts().signIn("secretary.p1", kPassword, "203.0.113.10"));
    }
}
