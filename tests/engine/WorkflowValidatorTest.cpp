// The semantic checks of a workflow definition, on definitions built in code.
#include <catch2/catch.hpp>

#include "qujat/engine/ActorExpression.h"
#include "qujat/engine/WorkflowValidator.h"

using namespace qujat::engine;

namespace {

ActorExpr actor(const std::string& text, bool each = false) {
    ActorExpr a = parseActorExpr(text).value();
    a.each = each;
    a.where = {"wf.xml", 10, 3};
    return a;
}

Step step(const std::string& id, StepKind kind, std::vector<ActorExpr> actors = {}) {
    Step s;
    s.id = id;
    s.kind = kind;
    s.actors = std::move(actors);
    s.where = {"wf.xml", 10, 3};
    return s;
}

const std::vector<RoleDef> kRoles = {{"secretary", {}}, {"chairman", {}}, {"registrar", {}}, {"bureau-member", {}}};

// draft → vote (quorum) → register → done: valid as written.
WorkflowDefinition decision() {
    WorkflowDefinition wf;
    wf.id = "decision";
    wf.steps.push_back(step("draft", StepKind::kSubmit, {actor("role:secretary@origin")}));
    Step vote = step("vote", StepKind::kSign, {actor("role:chairman@origin"), actor("role:registrar@origin")});
    vote.mode = DecisionMode::kQuorum;
    vote.quorum = 2;
    wf.steps.push_back(vote);
    Step reg = step("register", StepKind::kRegister, {actor("role:registrar@origin.parent")});
    reg.numberPattern = "{org}-{yyyy}-{seq:5}";
    wf.steps.push_back(reg);
    wf.steps.push_back(step("done", StepKind::kEnd));
    return wf;
}

std::string messages(const std::vector<Diagnostic>& ds) {
    std::string all;
    for (const Diagnostic& d : ds) all += d.toString() + "\n";
    return all;
}

}  // namespace

TEST_CASE("a complete definition has no problems", "[workflow][validator]") {
    CHECK(messages(validateWorkflow(decision(), kRoles)).empty());
}

TEST_CASE("each semantic mistake is reported at its step", "[workflow][validator]") {
    WorkflowDefinition wf = decision();
    std::string expected;
    SECTION("a quorum larger than its seats") {
        wf.steps[1].quorum = 3;
        expected = "quorum k=3 exceeds its 2 seat(s)";
    }
    SECTION("a quorum over every holder of a role is checked when the step opens, not here") {
        wf.steps[1].actors = {actor("role:bureau-member@origin", true)};
        wf.steps[1].quorum = 3;
        CHECK(validateWorkflow(wf, kRoles).empty());
        return;
    }
    SECTION("an unknown role") {
        wf.steps[1].actors[0] = actor("role:pope@central");
        expected = "unknown role 'pope'";
    }
    SECTION("a reference to a step that does not exist") {
        wf.steps[1].onReject = "nowhere";
        expected = "on-reject names unknown step 'nowhere'";
    }
    SECTION("a step no path reaches") {
        wf.steps[0].next = "register";
        expected = "step 'vote' can never be reached";
    }
    SECTION("a cycle with no way out") {
        wf.steps[2].next = "vote";
        expected = "no path leads to an end";
    }
    SECTION("a route that falls off the last step") {
        wf.steps.pop_back();
        expected = "is the last step but not an end";
    }
    SECTION("a register step without a sequence") {
        wf.steps[2].numberPattern = "{org}-{yyyy}";
        expected = "must contain {seq:N} exactly once";
    }
    SECTION("an unknown placeholder in a number") {
        wf.steps[2].numberPattern = "{region}-{seq:3}";
        expected = "unknown placeholder {region}";
    }
    SECTION("escalation without a deadline") {
        wf.steps[1].escalateTo = actor("role:chairman@origin.parent");
        expected = "escalate needs a deadline";
    }
    SECTION("a first step that is not a submit step") {
        std::swap(wf.steps[0], wf.steps[1]);
        expected = "must be a submit step";
    }
    SECTION("an actionable step without actors") {
        wf.steps[2].actors.clear();
        expected = "step 'register' has no actor";
    }
    const auto problems = validateWorkflow(wf, kRoles);
    REQUIRE_FALSE(problems.empty());
    CHECK_THAT(messages(problems), Catch::Contains(expected));
    CHECK_THAT(messages(problems), Catch::Contains("wf.xml:10:3: "));
}

TEST_CASE("a branch must route every value of its field", "[workflow][validator]") {
    WorkflowDefinition wf = decision();
    FieldDef period;
    period.name = "period";
    period.type = FieldType::kEnum;
    period.required = true;
    period.options = {{"quarterly", {}}, {"annual", {}}};
    wf.fields.push_back(period);
    Step branch = step("route", StepKind::kBranch);
    branch.branchField = "period";
    branch.cases.push_back({"annual", "register", {"wf.xml", 12, 5}});
    wf.steps.insert(wf.steps.begin() + 2, branch);

    SECTION("a missing value without otherwise is a problem") {
        CHECK_THAT(messages(validateWorkflow(wf, kRoles)), Catch::Contains("do not cover every value of 'period'"));
    }
    SECTION("covering every option of a required enum is enough") {
        wf.steps[2].cases.push_back({"quarterly", "register", {}});
        CHECK(messages(validateWorkflow(wf, kRoles)).empty());
    }
    SECTION("otherwise routes the rest") {
        wf.steps[2].otherwise = "register";
        CHECK(messages(validateWorkflow(wf, kRoles)).empty());
    }
    SECTION("a case for a value the field cannot take") {
        wf.steps[2].otherwise = "register";
        wf.steps[2].cases.push_back({"monthly", "register", {"wf.xml", 13, 5}});
        CHECK_THAT(messages(validateWorkflow(wf, kRoles)),
                   Catch::Contains("wf.xml:13:5: branch 'route': 'monthly' is not an option"));
    }
    SECTION("a branch on an undeclared field") {
        wf.steps[2].branchField = "colour";
        CHECK_THAT(messages(validateWorkflow(wf, kRoles)), Catch::Contains("undeclared field 'colour'"));
    }
}

TEST_CASE("actor expressions are parsed relative to the document's origin", "[workflow][actors]") {
    SECTION("a role at an ancestor") {
        ActorExpr a = parseActorExpr("role:registrar@origin.parent.parent").value();
        CHECK(a.kind == ActorExpr::Kind::kRole);
        CHECK(a.role == "registrar");
        CHECK(a.org.anchor == OrgRef::Anchor::kOrigin);
        CHECK(a.org.parentHops == 2);
        CHECK_FALSE(a.org.level);
    }
    SECTION("a role at the nearest region") {
        ActorExpr a = parseActorExpr("role:inspector@origin.region").value();
        CHECK(a.org.level == std::optional<std::string>("region"));
    }
    SECTION("a role at the central office") {
        CHECK(parseActorExpr("role:auditor@central").value().org.anchor == OrgRef::Anchor::kCentral);
    }
    SECTION("a named user") {
        ActorExpr a = parseActorExpr("user:aigerim.n").value();
        CHECK(a.kind == ActorExpr::Kind::kUser);
        CHECK(a.login == "aigerim.n");
    }
    SECTION("malformed expressions say what is wrong") {
        for (const char* bad : {"chairman@origin", "role:chairman", "role:Chairman@origin", "role:chairman@parent",
                                "role:chairman@origin.region.parent", "role:chairman@origin.sibling", "user:",
                                "role:@origin", "role:chairman@origin."}) {
            INFO(bad);
            auto r = parseActorExpr(bad);
            REQUIRE_FALSE(r.isOk());
            CHECK(r.status().code() == StatusCode::kInvalidArgument);
            CHECK_THAT(r.status().message(), Catch::Contains(bad));
        }
    }
}
