// The pure routing rules, with definitions built in code: no parser, no store.
#include <catch2/catch.hpp>

#include "qujat/engine/Router.h"

using namespace qujat::engine;

namespace {

Step step(const std::string& id, StepKind kind, DecisionMode mode = DecisionMode::kAll, int k = 0) {
    Step s;
    s.id = id;
    s.kind = kind;
    s.mode = mode;
    s.quorum = k;
    return s;
}

WorkflowDefinition routeWithBranch() {
    WorkflowDefinition def;
    def.id = "test";
    def.steps.push_back(step("draft", StepKind::kSubmit));
    def.steps.push_back(step("review", StepKind::kReview));
    Step branch = step("route", StepKind::kBranch);
    branch.branchField = "period";
    branch.cases.push_back({"annual", "chair", {}});
    branch.otherwise = "ack";
    def.steps.push_back(branch);
    Step chair = step("chair", StepKind::kSign);
    chair.next = "ack";
    def.steps.push_back(chair);
    def.steps.push_back(step("ack", StepKind::kAcknowledge));
    def.steps.push_back(step("done", StepKind::kEnd));
    return def;
}

}  // namespace

TEST_CASE("the successor of a step is its explicit next, else the step written after it", "[routing]") {
    WorkflowDefinition def = routeWithBranch();
    CHECK(successorOf(def, *def.step("draft")).value()->id == "review");
    CHECK(successorOf(def, *def.step("chair")).value()->id == "ack");
    CHECK(successorOf(def, *def.step("done")).status().code() == StatusCode::kInternal);
}

TEST_CASE("a branch chooses the next step by a field value", "[routing]") {
    WorkflowDefinition def = routeWithBranch();
    std::vector<std::string> taken;
    SECTION("a matching case") {
        auto landing = landingStep(def, "route", {{"period", "annual"}}, &taken);
        REQUIRE(landing.isOk());
        CHECK(landing.value()->id == "chair");
        CHECK(taken == std::vector<std::string>{"route"});
    }
    SECTION("no matching case takes otherwise") {
        CHECK(landingStep(def, "route", {{"period", "quarterly"}}, &taken).value()->id == "ack");
    }
    SECTION("a missing field takes otherwise too") {
        CHECK(landingStep(def, "route", {}, &taken).value()->id == "ack");
    }
    SECTION("a branch without otherwise and no match is refused, naming the field") {
        def.steps[2].otherwise.reset();
        auto landing = landingStep(def, "route", {{"period", "monthly"}}, &taken);
        CHECK(landing.status().code() == StatusCode::kFailedPrecondition);
        CHECK_THAT(landing.status().message(), Catch::Contains("period") && Catch::Contains("monthly"));
    }
    SECTION("a non-branch step is its own landing") {
        CHECK(landingStep(def, "review", {}, &taken).value()->id == "review");
        CHECK(taken.empty());
    }
}

TEST_CASE("rejection returns to on-reject, else to the first submit step", "[routing]") {
    WorkflowDefinition def = routeWithBranch();
    CHECK(rejectionTarget(def, *def.step("review")).value()->id == "draft");
    def.steps[3].onReject = "review";
    CHECK(rejectionTarget(def, *def.step("chair")).value()->id == "review");
}

TEST_CASE("mode all needs every seat and returns on any rejection", "[routing]") {
    Step s = step("sign", StepKind::kSign, DecisionMode::kAll);
    using T = TaskState;
    CHECK(evaluateStep(s, {T::kApproved, T::kOpen}) == StepProgress::kPending);
    CHECK(evaluateStep(s, {T::kApproved, T::kApproved}) == StepProgress::kCompleted);
    CHECK(evaluateStep(s, {T::kApproved, T::kRejected}) == StepProgress::kRejected);
}

TEST_CASE("mode any completes on the first approval", "[routing]") {
    Step s = step("sign", StepKind::kSign, DecisionMode::kAny);
    using T = TaskState;
    CHECK(evaluateStep(s, {T::kOpen, T::kOpen, T::kOpen}) == StepProgress::kPending);
    CHECK(evaluateStep(s, {T::kOpen, T::kApproved, T::kOpen}) == StepProgress::kCompleted);
    CHECK(evaluateStep(s, {T::kRejected, T::kOpen}) == StepProgress::kRejected);
}

TEST_CASE("a quorum step completes at k approvals and returns once k is out of reach", "[routing]") {
    Step s = step("vote", StepKind::kSign, DecisionMode::kQuorum, 3);
    using T = TaskState;
    SECTION("two of five is not enough") {
        CHECK(evaluateStep(s, {T::kApproved, T::kApproved, T::kOpen, T::kOpen, T::kOpen}) == StepProgress::kPending);
    }
    SECTION("the third approval completes it") {
        CHECK(evaluateStep(s, {T::kApproved, T::kApproved, T::kApproved, T::kOpen, T::kOpen}) ==
              StepProgress::kCompleted);
    }
    SECTION("two rejections of five leave three possible approvals") {
        CHECK(evaluateStep(s, {T::kRejected, T::kRejected, T::kOpen, T::kOpen, T::kOpen}) == StepProgress::kPending);
    }
    SECTION("a third rejection makes three approvals impossible") {
        CHECK(evaluateStep(s, {T::kRejected, T::kRejected, T::kRejected, T::kApproved, T::kOpen}) ==
              StepProgress::kRejected);
    }
}

TEST_CASE("a sequence completes when its last seat approves", "[routing]") {
    Step s = step("seq", StepKind::kSign, DecisionMode::kSequence);
    using T = TaskState;
    CHECK(evaluateStep(s, {T::kApproved, T::kOpen, T::kWaiting}) == StepProgress::kPending);
    CHECK(evaluateStep(s, {T::kApproved, T::kApproved, T::kApproved}) == StepProgress::kCompleted);
    CHECK(evaluateStep(s, {T::kApproved, T::kRejected, T::kWaiting}) == StepProgress::kRejected);
}

TEST_CASE("acknowledgements and submissions cannot be rejected", "[routing]") {
    CHECK_FALSE(isRejectable(StepKind::kAcknowledge));
    CHECK_FALSE(isRejectable(StepKind::kSubmit));
    CHECK(isRejectable(StepKind::kSign));
    CHECK(isRejectable(StepKind::kReview));
    CHECK(isRejectable(StepKind::kRegister));
}
