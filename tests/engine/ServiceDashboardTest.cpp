// The dashboard: what a subtree's documents amount to, and who may ask.
#include <catch2/catch.hpp>

#include "support/ServiceFixture.h"
#include "support/StatusMatchers.h"

using namespace qujat::engine;
using qujat::test::ServiceFixture;

namespace {

constexpr Millis kHour = 3'600'000;
constexpr Millis kDayMs = 24 * kHour;

void registerProtocol(ServiceFixture& fx, DocumentId id) { REQUIRE_OK(fx.approve("registrar.dis", id)); }

void signProtocol(ServiceFixture& fx, const std::string& ppo, DocumentId id) {
    REQUIRE_OK(fx.approve("chairman." + ppo, id));
    REQUIRE_OK(fx.approve("secretary." + ppo, id));
}

// Documents of every kind in DIS and its PPOs, starting 2026-03-02T09:00:00Z (T0):
//   P1  A completed after 1 h, B completed after 3 h, F waiting for registration (due T0+3d)
//   P2  C completed after 8 h, E returned, G submitted at T0+7d and waiting for signatures
//   DIS D, a bureau decision whose five votes were due at T0+7d
// and the clock at T0+8d, when F's registration and D's five votes are overdue.
struct Scenario {
    Millis t0 = 0;
    explicit Scenario(ServiceFixture& fx) {
        t0 = fx.clock().now();
        const Document a = fx.submitProtocol("P1"), b = fx.submitProtocol("P1"), f = fx.submitProtocol("P1");
        const Document c = fx.submitProtocol("P2"), e = fx.submitProtocol("P2");
        fx.submitDecision();
        for (const Document* d : {&a, &b, &f}) signProtocol(fx, "p1", d->id);
        signProtocol(fx, "p2", c.id);
        REQUIRE_OK(fx.reject("chairman.p2", e.id, "не тот протокол"));
        fx.clock().set(t0 + 1 * kHour);
        registerProtocol(fx, a.id);
        fx.clock().set(t0 + 3 * kHour);
        registerProtocol(fx, b.id);
        fx.clock().set(t0 + 8 * kHour);
        registerProtocol(fx, c.id);
        fx.clock().set(t0 + 7 * kDayMs);
        fx.submitProtocol("P2");
        fx.clock().set(t0 + 8 * kDayMs);
    }
};

Dashboard dashboardOf(ServiceFixture& fx, const Viewer& viewer, std::optional<std::string> org = std::nullopt) {
    auto board = fx.service().dashboard(viewer, org);
    REQUIRE_OK(board);
    return *board;
}

std::vector<std::string> codes(const Dashboard& d) {
    std::vector<std::string> out;
    for (const OrgActivity& row : d.organisations) out.push_back(row.org.code);
    return out;
}

void checkActivity(const Activity& a, std::int64_t inProgress, std::int64_t completed, std::int64_t returned,
                   std::int64_t overdue, std::optional<Millis> median) {
    CHECK(a.inProgress == inProgress);
    CHECK(a.completed == completed);
    CHECK(a.returned == returned);
    CHECK(a.overdueTasks == overdue);
    REQUIRE(a.medianTurnaround.has_value() == median.has_value());
    if (median) CHECK(*a.medianTurnaround == *median);
}

}  // namespace

TEST_CASE("a district's dashboard counts its documents by state, overdue tasks and median turnaround",
          "[dashboard]") {
    ServiceFixture fx;
    const Scenario s(fx);

    SECTION("the district itself, then its PPOs, busiest first") {
        const Dashboard d = dashboardOf(fx, Viewer::user("chairman.dis"));
        CHECK(d.org.code == "DIS");
        CHECK(d.asOf == s.t0 + 8 * kDayMs);
        // Turnarounds 1 h, 3 h, 8 h: the median is 3 h (the mean would be 4 h).
        checkActivity(d.totals, 3, 3, 1, 6, 3 * kHour);
        REQUIRE(codes(d) == std::vector<std::string>{"DIS", "P1", "P2"});
        checkActivity(d.organisations[0].activity, 1, 0, 0, 5, std::nullopt);
        // Two completed: the median is halfway between 1 h and 3 h.
        checkActivity(d.organisations[1].activity, 1, 2, 0, 1, 2 * kHour);
        checkActivity(d.organisations[2].activity, 1, 1, 1, 0, 8 * kHour);
        CHECK(d.organisations[1].org.nameRu == "Организация P1");
    }
    SECTION("submissions per day: thirty days ending today, every day present") {
        const Dashboard d = dashboardOf(fx, Viewer::user("chairman.dis"));
        REQUIRE(d.submittedPerDay.size() == 30);
        CHECK(formatIsoUtc(d.submittedPerDay.front().day) == "2026-02-09T00:00:00Z");
        CHECK(formatIsoUtc(d.submittedPerDay.back().day) == "2026-03-10T00:00:00Z");
        std::int64_t sum = 0;
        for (const DayCount& day : d.submittedPerDay) {
            sum += day.count;
            const std::string date = formatIsoUtc(day.day).substr(0, 10);
            if (date == "2026-03-02") CHECK(day.count == 6);
            else if (date == "2026-03-09") CHECK(day.count == 1);
            else CHECK(day.count == 0);
        }
        CHECK(sum == 7);
    }
    SECTION("the region and the centre see the district's subtree rolled up") {
        for (const char* login : {"inspector.reg", "auditor.kz"}) {
            INFO(login);
            const Dashboard d = dashboardOf(fx, Viewer::user(login));
            CHECK(d.org.code == (std::string(login) == "auditor.kz" ? "KZ" : "REG"));
            checkActivity(d.totals, 3, 3, 1, 6, 3 * kHour);
            REQUIRE(d.organisations.size() == 1);  // nothing originates at the level asked about
            checkActivity(d.organisations[0].activity, 3, 3, 1, 6, 3 * kHour);
        }
        CHECK(codes(dashboardOf(fx, Viewer::user("auditor.kz"))) == std::vector<std::string>{"REG"});
        CHECK(codes(dashboardOf(fx, Viewer::user("auditor.kz"), "DIS")) == std::vector<std::string>{"DIS", "P1", "P2"});
    }
    SECTION("a PPO sees its own documents") {
        const Dashboard d = dashboardOf(fx, Viewer::user("secretary.p2"));
        CHECK(d.org.code == "P2");
        checkActivity(d.totals, 1, 1, 1, 0, 8 * kHour);
        CHECK(codes(d) == std::vector<std::string>{"P2"});
    }
    SECTION("an escalated task that is still open stays overdue") {
        auto ticked = fx.service().tick();
        REQUIRE_OK(ticked);
        CHECK(ticked->escalated == 6);  // F's registration to the first deputy, D's five votes to the chairman
        checkActivity(dashboardOf(fx, Viewer::user("chairman.dis")).totals, 3, 3, 1, 6, 3 * kHour);
    }
    SECTION("the local operator starts at the central office") {
        CHECK(dashboardOf(fx, Viewer::localOperator()).org.code == "KZ");
    }
}

TEST_CASE("a dashboard outside the viewer's scope does not exist for them, and the refusal is audited",
          "[dashboard][access]") {
    ServiceFixture fx;
    fx.submitProtocol("P1");
    // A second region with its own auditor.
    Org reg2;
    reg2.code = "REG2";
    reg2.parentCode = "KZ";
    reg2.level = OrgLevel::kRegion;
    reg2.nameKk = reg2.nameRu = reg2.nameEn = "REG2";
    const User auditor{"auditor.reg2", "Аудитор", "REG2", "", ""};
    const RoleGrant grant{"auditor.reg2", "auditor", "REG2", GrantScope::kSubtree, *parseIsoUtc("2020-01-01"),
                          std::nullopt};
    REQUIRE_OK(fx.service().importDirectory({reg2}, {auditor}, {grant}, {}, "operator"));

    SECTION("a PPO secretary asking for the region, or for another PPO") {
        for (const char* org : {"REG", "DIS", "P2", "KZ"}) {
            INFO(org);
            auto refused = fx.service().dashboard(Viewer::user("secretary.p1"), std::string(org));
            CHECK_CODE(refused, StatusCode::kNotFound);
        }
        const std::int64_t before = fx.auditLength();
        CHECK_CODE(fx.service().dashboard(Viewer::user("secretary.p1"), std::string("REG")), StatusCode::kNotFound);
        CHECK(fx.auditLength() == before + 1);
        auto e = fx.lastAuditEvent();
        REQUIRE_OK(e);
        CHECK(e->action == "refused");
        CHECK(e->actor == "secretary.p1");
        CHECK(e->subject == "org/REG");
        CHECK_THAT(e->details, Catch::Contains("dashboard.read"));
    }
    SECTION("an auditor sees their region's subtree only") {
        const Dashboard own = dashboardOf(fx, Viewer::user("auditor.reg2"));
        CHECK(own.org.code == "REG2");
        checkActivity(own.totals, 0, 0, 0, 0, std::nullopt);
        CHECK(own.organisations.empty());
        for (const char* org : {"REG", "DIS", "P1", "KZ"}) {
            INFO(org);
            CHECK_CODE(fx.service().dashboard(Viewer::user("auditor.reg2"), std::string(org)), StatusCode::kNotFound);
        }
    }
    SECTION("an organisation out of scope is refused exactly like one that does not exist") {
        auto hidden = fx.service().dashboard(Viewer::user("secretary.p1"), std::string("P2"));
        auto missing = fx.service().dashboard(Viewer::user("secretary.p1"), std::string("NOPE"));
        CHECK_CODE(missing, StatusCode::kNotFound);
        CHECK(hidden.status().message() == "no organisation 'P2' within what secretary.p1 may see");
        CHECK(missing.status().message() == "no organisation 'NOPE' within what secretary.p1 may see");
    }
    SECTION("an unknown user is not authenticated") {
        CHECK_CODE(fx.service().dashboard(Viewer::user("nobody"), std::nullopt), StatusCode::kUnauthenticated);
    }
}

TEST_CASE("idle children are left out beyond the first fifty, busy ones never", "[dashboard]") {
    ServiceFixture fx;
    // District BIG with 70 PPOs, Q01..Q70; only the last one has a document.
    auto org = [](const std::string& code, const std::string& parent, OrgLevel level) {
        Org o;
        o.code = code;
        o.parentCode = parent;
        o.level = level;
        o.nameKk = o.nameRu = o.nameEn = code;
        return o;
    };
    std::vector<Org> orgs{org("BIG", "REG", OrgLevel::kDistrict)};
    for (int i = 1; i <= 70; ++i) orgs.push_back(org((i < 10 ? "Q0" : "Q") + std::to_string(i), "BIG", OrgLevel::kPrimary));
    std::vector<User> users;
    std::vector<RoleGrant> grants;
    for (const char* role : {"secretary", "chairman"}) {
        users.push_back(User{std::string(role) + ".q70", role, "Q70", "", ""});
        grants.push_back(RoleGrant{users.back().login, role, "Q70", GrantScope::kOrg, 0, std::nullopt});
    }
    REQUIRE_OK(fx.service().importDirectory(orgs, users, grants, {}, "operator"));
    SubmitRequest req;
    req.workflowId = "ppo-protocol";
    req.title = "Протокол Q70";
    req.fields = {{"meeting-date", "2026-02-27"}, {"present", "12"}};
    req.content = Content{"protocol text", "protocol.txt", "text/plain"};
    REQUIRE_OK(fx.service().submit("secretary.q70", req));

    const Dashboard big = dashboardOf(fx, Viewer::localOperator(), "BIG");
    REQUIRE(big.organisations.size() == 50);
    CHECK(big.organisations[0].org.code == "Q70");
    CHECK(big.organisations[0].activity.inProgress == 1);
    CHECK(big.organisations[1].org.code == "Q01");
    CHECK(big.organisations[49].org.code == "Q49");
    CHECK(big.totals.inProgress == 1);

    SECTION("a sibling whose path extends another's as text is not in its subtree") {
        auto q01 = fx.service().organisation("Q01");
        auto q70 = fx.service().organisation("Q70");
        REQUIRE_OK(q01);
        REQUIRE_OK(q70);
        REQUIRE(q70->path.rfind(q01->path.substr(0, q01->path.size() - 1), 0) == 0);  // e.g. /1/2/6/7/ and /1/2/6/76/
        const Dashboard d = dashboardOf(fx, Viewer::localOperator(), "Q01");
        checkActivity(d.totals, 0, 0, 0, 0, std::nullopt);
        CHECK(d.organisations.empty());
        CHECK(dashboardOf(fx, Viewer::localOperator(), "Q70").totals.inProgress == 1);
    }
}
