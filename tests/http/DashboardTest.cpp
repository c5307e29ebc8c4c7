// GET /api/v1/dashboard: a subtree at a glance, for the people whose scope it is.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include "HttpFixture.h"

namespace qujat::test {

TEST_CASE("the dashboard shows a district's subtree, and nothing outside the caller's scope", "[http]") {
    HttpFixture fx;
    const std::string secretary = fx.signIn("secretary.p1");
    const std::int64_t registered = fx.submitProtocol(secretary, "P1");
    fx.submitProtocol(secretary, "P1");
    REQUIRE(fx.approve(fx.signIn("chairman.p1"), registered).status == 200);
    REQUIRE(fx.approve(secretary, registered).status == 200);
    fx.clock().advance(90 * 60 * 1000);
    REQUIRE(fx.approve(fx.signIn("registrar.dis"), registered).status == 200);
    const std::string district = fx.signIn("chairman.dis");

    auto r = fx.client().get("/api/v1/dashboard", district);
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type") == "application/json; charset=utf-8");
    auto board = r.object();
    auto org = board->getObject("org");
    CHECK(org->getValue<std::string>("code") == "DIS");
    CHECK(org->getValue<std::string>("level") == "district");
    CHECK(org->getObject("name")->getValue<std::string>("kk") == "DIS ұйымы");
    CHECK(board->getValue<std::string>("asOf") == "2026-03-02T10:30:00Z");
    auto totals = board->getObject("totals");
    CHECK(totals->getValue<int>("inProgress") == 1);
    CHECK(totals->getValue<int>("completed") == 1);
    CHECK(totals->getValue<int>("returned") == 0);
    CHECK(totals->getValue<int>("overdueTasks") == 0);
    CHECK(totals->getValue<int>("medianTurnaroundSeconds") == 90 * 60);

    // DIS originates nothing itself; both PPOs are shown, the idle one too (fewer than 50).
    auto rows = board->getArray("organisations");
    REQUIRE(rows->size() == 2);
    auto p1 = rows->getObject(0), p2 = rows->getObject(1);
    CHECK(p1->getValue<std::string>("code") == "P1");
    CHECK(p1->getValue<std::string>("level") == "primary");
    CHECK(p1->getValue<int>("inProgress") == 1);
    CHECK(p1->getValue<int>("completed") == 1);
    CHECK(p1->getValue<int>("medianTurnaroundSeconds") == 90 * 60);
    CHECK(p2->getValue<std::string>("code") == "P2");
    CHECK(p2->getValue<int>("inProgress") == 0);
    CHECK(p2->isNull("medianTurnaroundSeconds"));

    auto days = board->getArray("submittedPerDay");
    REQUIRE(days->size() == 30);
    CHECK(days->getObject(0)->getValue<std::string>("date") == "2026-02-01");
    CHECK(days->getObject(29)->getValue<std::string>("date") == "2026-03-02");
    CHECK(days->getObject(29)->getValue<int>("count") == 2);
    CHECK(days->getObject(28)->getValue<int>("count") == 0);

    SECTION("a PPO of the district, by ?org=") {
        auto ppo = fx.client().get("/api/v1/dashboard?org=P1", district);
        REQUIRE(ppo.status == 200);
        CHECK(ppo.object()->getObject("org")->getValue<std::string>("code") == "P1");
        CHECK(ppo.object()->getObject("totals")->getValue<int>("completed") == 1);
    }
    SECTION("outside the caller's scope: 404, as for an organisation that does not exist") {
        for (const char* path : {"/api/v1/dashboard?org=DIS", "/api/v1/dashboard?org=P2", "/api/v1/dashboard?org=NOPE"}) {
            INFO(path);
            auto refused = fx.client().get(path, secretary);
            CHECK(refused.status == 404);
            CHECK(refused.header("Content-Type").rfind("application/problem+json", 0) == 0);
            CHECK(refused.object()->getValue<std::string>("type") == "urn:qujat:problem:not-found");
        }
    }
    SECTION("an unknown parameter is 400, no session is 401") {
        CHECK(fx.client().get("/api/v1/dashboard?organisation=DIS", district).status == 400);
        CHECK(fx.client().get("/api/v1/dashboard", "").status == 401);
    }
}

}  // namespace qujat::test
