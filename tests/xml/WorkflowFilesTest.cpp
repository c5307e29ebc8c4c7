// The shipped workflows/ files parse to the definitions their authors meant.
#include <catch2/catch.hpp>

#include "XmlTestSupport.h"
#include "qujat/engine/WorkflowCheck.h"

namespace qujat::test {
namespace {

using engine::DecisionMode;
using engine::FieldType;
using engine::OrgRef;
using engine::StepKind;

constexpr engine::Millis kDay = 24LL * 60 * 60 * 1000;

const engine::WorkflowDefinition& definitionOf(const engine::ParsedWorkflow& parsed) {
    INFO(describe(parsed.diagnostics));
    REQUIRE(parsed.diagnostics.empty());
    REQUIRE(parsed.definition);
    return *parsed.definition;
}

std::vector<engine::RoleDef> shippedRoles() {
    std::vector<engine::Diagnostic> problems;
    auto roles = repositoryParser().parseRoles(readText(repoPath("workflows/roles.xml")), "roles.xml", problems);
    INFO(describe(problems));
    REQUIRE(problems.empty());
    return roles;
}

void checkTrilingual(const engine::LocalizedText& text, const std::string& what) {
    INFO(what);
    for (const char* lang : {"kk", "ru", "en"}) {
        INFO(lang);
        CHECK(text.byLang.count(lang) == 1);
        CHECK_FALSE(text.in(lang).empty());
    }
}

void checkRole(const engine::ActorExpr& a, const std::string& role, int parentHops,
               std::optional<std::string> level = std::nullopt) {
    INFO(a.text);
    CHECK(a.kind == engine::ActorExpr::Kind::kRole);
    CHECK(a.role == role);
    CHECK(a.org.anchor == OrgRef::Anchor::kOrigin);
    CHECK(a.org.parentHops == parentHops);
    CHECK(a.org.level == level);
}

}  // namespace

TEST_CASE("the role catalogue lists the seven roles, each titled in Kazakh, Russian and English", "[xml]") {
    const auto roles = shippedRoles();
    std::vector<std::string> names;
    for (const auto& r : roles) {
        names.push_back(r.name);
        checkTrilingual(r.title, "role " + r.name);
    }
    CHECK(names == std::vector<std::string>{"secretary", "chairman", "first-deputy", "bureau-member", "registrar",
                                            "inspector", "auditor"});
    CHECK(roles[1].title.in("kk") == "Төраға");
}

TEST_CASE("the PPO protocol is drafted, signed by chairman and secretary, and numbered by the district", "[xml]") {
    const auto parsed = parseRepositoryFile("workflows/ppo-protocol.xml");
    const auto& wf = definitionOf(parsed);
    const std::string text = readText(repoPath("workflows/ppo-protocol.xml"));

    CHECK(wf.id == "ppo-protocol");
    CHECK(wf.version == 1);
    CHECK(wf.documentType == "protocol");
    CHECK(wf.sha256.empty());  // the engine fills it from the exact bytes
    CHECK(wf.title.in("kk") == "БПҰ жиналысының хаттамасы");
    CHECK(wf.title.in("ru") == "Протокол собрания ППО");
    CHECK(wf.title.in("en") == "PPO meeting protocol");

    SECTION("its fields and their constraints") {
        REQUIRE(wf.fields.size() == 3);
        const auto* date = wf.field("meeting-date");
        REQUIRE(date);
        CHECK(date->type == FieldType::kDate);
        CHECK(date->required);
        const auto* present = wf.field("present");
        REQUIRE(present);
        CHECK(present->type == FieldType::kInteger);
        CHECK_FALSE(present->required);
        CHECK(present->min == 1);
        CHECK_FALSE(present->max);
        const auto* agenda = wf.field("agenda");
        REQUIRE(agenda);
        CHECK(agenda->type == FieldType::kText);
        CHECK(agenda->maxLength == std::size_t{2000});
        CHECK(agenda->label.in("kk") == "Күн тәртібі");
        CHECK(present->where.line == lineOf(text, "<field name=\"present\""));
        CHECK(present->where.column == 3);
    }
    SECTION("its steps, seats, deadline, escalation and number pattern") {
        REQUIRE(wf.steps.size() == 4);
        const auto& draft = wf.steps[0];
        CHECK(draft.id == "draft");
        CHECK(draft.kind == StepKind::kSubmit);
        REQUIRE(draft.actors.size() == 1);
        checkRole(draft.actors[0], "secretary", 0);
        CHECK(draft.actors[0].where.line == lineOf(text, "actor=\"role:secretary@origin\""));
        CHECK(draft.actors[0].where.column == columnOf(text, "actor=\"role:secretary@origin\""));

        const auto& sign = wf.steps[1];
        CHECK(sign.id == "sign");
        CHECK(sign.kind == StepKind::kSign);
        CHECK(sign.mode == DecisionMode::kAll);
        REQUIRE(sign.actors.size() == 2);
        checkRole(sign.actors[0], "chairman", 0);
        checkRole(sign.actors[1], "secretary", 0);
        CHECK_FALSE(sign.actors[0].each);
        CHECK(sign.actors[1].where.line == lineOf(text, "<actor>role:secretary@origin</actor>"));
        CHECK(sign.actors[1].where.column == 5);
        CHECK_FALSE(sign.due);
        CHECK(sign.where.line == lineOf(text, "<step id=\"sign\""));
        CHECK(sign.where.column == 3);
        CHECK(sign.where.file == "ppo-protocol.xml");

        const auto& reg = wf.steps[2];
        CHECK(reg.kind == StepKind::kRegister);
        REQUIRE(reg.actors.size() == 1);
        checkRole(reg.actors[0], "registrar", 1);
        CHECK(reg.numberPattern == "{org}-{yyyy}-{seq:5}");
        CHECK(reg.due == 3 * kDay);
        REQUIRE(reg.escalateTo);
        checkRole(*reg.escalateTo, "first-deputy", 1);
        CHECK(reg.escalateTo->where.line == lineOf(text, "escalate="));
        CHECK(reg.escalateTo->where.column == columnOf(text, "escalate="));
        CHECK_FALSE(reg.next);
        CHECK_FALSE(reg.onReject);
        CHECK(reg.title.in("en") == "Registration at the district branch");

        CHECK(wf.steps[3].id == "done");
        CHECK(wf.steps[3].kind == StepKind::kEnd);
        CHECK(wf.steps[3].actors.empty());
    }
}

TEST_CASE("the bureau decision needs three votes from the bureau, then the chairman's signature", "[xml]") {
    const auto parsed = parseRepositoryFile("workflows/bureau-decision.xml");
    const auto& wf = definitionOf(parsed);
    CHECK(wf.id == "bureau-decision");
    CHECK(wf.documentType == "decision");

    const auto* kind = wf.field("decision-kind");
    REQUIRE(kind);
    CHECK(kind->type == FieldType::kEnum);
    CHECK(kind->required);
    std::vector<std::string> values;
    for (const auto& o : kind->options) {
        values.push_back(o.value);
        checkTrilingual(o.label, "option " + o.value);
    }
    CHECK(values == std::vector<std::string>{"organisational", "personnel", "financial", "other"});
    CHECK(kind->options[2].label.in("kk") == "Қаржы мәселесі");
    const auto* effective = wf.field("effective-date");
    REQUIRE(effective);
    CHECK(effective->type == FieldType::kDate);
    CHECK_FALSE(effective->required);

    REQUIRE(wf.steps.size() == 5);
    const auto& vote = *wf.step("vote");
    CHECK(vote.kind == StepKind::kSign);
    CHECK(vote.mode == DecisionMode::kQuorum);
    CHECK(vote.quorum == 3);
    REQUIRE(vote.actors.size() == 1);
    checkRole(vote.actors[0], "bureau-member", 0);
    CHECK(vote.actors[0].each);
    CHECK(vote.due == 7 * kDay);
    REQUIRE(vote.escalateTo);
    checkRole(*vote.escalateTo, "chairman", 0);
    CHECK_FALSE(vote.escalateTo->each);

    const auto& chairman = *wf.step("chairman");
    CHECK(chairman.mode == DecisionMode::kAll);
    REQUIRE(chairman.actors.size() == 1);
    checkRole(chairman.actors[0], "chairman", 0);

    const auto& reg = *wf.step("register");
    CHECK(reg.kind == StepKind::kRegister);
    CHECK(reg.numberPattern == "{org}-Б-{yyyy}-{seq:4}");
    checkRole(reg.actors.at(0), "registrar", 0);
    CHECK(wf.steps.back().kind == StepKind::kEnd);
}

TEST_CASE("the PPO report is reviewed, then routed by its period to the chairman or straight on", "[xml]") {
    const auto parsed = parseRepositoryFile("workflows/ppo-report.xml");
    const auto& wf = definitionOf(parsed);
    const std::string text = readText(repoPath("workflows/ppo-report.xml"));
    CHECK(wf.id == "ppo-report");
    CHECK(wf.documentType == "report");

    const auto* period = wf.field("period");
    REQUIRE(period);
    CHECK(period->type == FieldType::kEnum);
    CHECK(period->options.size() == 3);
    const auto* members = wf.field("members-count");
    REQUIRE(members);
    CHECK(members->type == FieldType::kInteger);
    CHECK(members->min == 0);

    std::vector<std::string> ids;
    for (const auto& s : wf.steps) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"draft", "review", "route", "chairman-sign", "acknowledge", "done"});

    const auto& review = *wf.step("review");
    CHECK(review.kind == StepKind::kReview);
    checkRole(review.actors.at(0), "inspector", 1);
    CHECK(review.due == 5 * kDay);
    REQUIRE(review.escalateTo);
    checkRole(*review.escalateTo, "first-deputy", 1);
    CHECK(review.onReject == std::optional<std::string>("draft"));

    const auto& route = *wf.step("route");
    CHECK(route.kind == StepKind::kBranch);
    CHECK(route.branchField == "period");
    REQUIRE(route.cases.size() == 1);
    CHECK(route.cases[0].equals == "annual");
    CHECK(route.cases[0].target == "chairman-sign");
    CHECK(route.cases[0].where.line == lineOf(text, "<when equals=\"annual\""));
    CHECK(route.cases[0].where.column == 5);
    CHECK(route.otherwise == std::optional<std::string>("acknowledge"));
    CHECK(route.actors.empty());

    const auto& chairman = *wf.step("chairman-sign");
    checkRole(chairman.actors.at(0), "chairman", 1);
    CHECK(chairman.next == std::optional<std::string>("acknowledge"));

    const auto& acknowledge = *wf.step("acknowledge");
    CHECK(acknowledge.kind == StepKind::kAcknowledge);
    checkRole(acknowledge.actors.at(0), "inspector", 0, std::string("region"));
}

TEST_CASE("every title and label of the shipped workflows is written in Kazakh, Russian and English", "[xml]") {
    for (const char* file : {"workflows/ppo-protocol.xml", "workflows/bureau-decision.xml", "workflows/ppo-report.xml"}) {
        const auto parsed = parseRepositoryFile(file);
        const auto& wf = definitionOf(parsed);
        checkTrilingual(wf.title, wf.id);
        for (const auto& f : wf.fields) {
            checkTrilingual(f.label, wf.id + " field " + f.name);
            for (const auto& o : f.options) checkTrilingual(o.label, wf.id + " option " + o.value);
        }
        for (const auto& s : wf.steps) checkTrilingual(s.title, wf.id + " step " + s.id);
    }
}

TEST_CASE("every shipped workflow passes the engine's semantic checks against the shipped roles", "[xml]") {
    const auto roles = shippedRoles();
    for (const char* file : {"workflows/ppo-protocol.xml", "workflows/bureau-decision.xml", "workflows/ppo-report.xml"}) {
        INFO(file);
        const auto checked = engine::checkWorkflowSource(repositoryParser(), readText(repoPath(file)), file, roles);
        INFO(describe(checked.diagnostics));
        CHECK(checked.diagnostics.empty());
        CHECK(checked.definition);
    }
}

}  // namespace qujat::test
