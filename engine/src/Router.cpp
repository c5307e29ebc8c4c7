#include "qujat/engine/Router.h"

#include <algorithm>

namespace qujat::engine {

Result<const Step*> successorOf(const WorkflowDefinition& def, const Step& step) {
    if (step.next) {
        const Step* next = def.step(*step.next);
        if (!next) return internalError("step '" + step.id + "' names unknown next step '" + *step.next + "'");
        return next;
    }
    for (std::size_t i = 0; i + 1 < def.steps.size(); ++i)
        if (&def.steps[i] == &step) return &def.steps[i + 1];
    return internalError("step '" + step.id + "' of workflow '" + def.id + "' has no successor");
}

Result<const Step*> landingStep(const WorkflowDefinition& def, const std::string& stepId,
                                const std::map<std::string, std::string>& fields,
                                std::vector<std::string>* branchesTaken) {
    std::string id = stepId;
    // A definition has finitely many branches; passing more than that many means a cycle.
    for (std::size_t hops = 0; hops <= def.steps.size(); ++hops) {
        const Step* step = def.step(id);
        if (!step) return internalError("workflow '" + def.id + "' has no step '" + id + "'");
        if (step->kind != StepKind::kBranch) return step;
        if (branchesTaken) branchesTaken->push_back(step->id);
        auto value = fields.find(step->branchField);
        const BranchCase* match = nullptr;
        if (value != fields.end())
            for (const BranchCase& c : step->cases)
                if (c.equals == value->second) {
                    match = &c;
                    break;
                }
        if (match) id = match->target;
        else if (step->otherwise) id = *step->otherwise;
        else
            return failedPrecondition("branch '" + step->id + "' has no route for field '" + step->branchField +
                                      "' = '" + (value == fields.end() ? std::string() : value->second) + "'");
    }
    return internalError("workflow '" + def.id + "' loops through branches without reaching a step");
}

Result<const Step*> rejectionTarget(const WorkflowDefinition& def, const Step& step) {
    if (step.onReject) {
        const Step* target = def.step(*step.onReject);
        if (!target) return internalError("step '" + step.id + "' names unknown on-reject step '" + *step.onReject + "'");
        return target;
    }
    for (const Step& s : def.steps)
        if (s.kind == StepKind::kSubmit) return &s;
    return internalError("workflow '" + def.id + "' has no submit step to return documents to");
}

int approvalsRequired(const Step& step, int seats) {
    switch (step.mode) {
        case DecisionMode::kAny: return std::min(1, seats);
        case DecisionMode::kQuorum: return step.quorum;
        case DecisionMode::kAll:
        case DecisionMode::kSequence: return seats;
    }
    return seats;
}

StepProgress evaluateStep(const Step& step, const std::vector<TaskState>& seatStates) {
    const int seats = static_cast<int>(seatStates.size());
    const int approved = static_cast<int>(std::count(seatStates.begin(), seatStates.end(), TaskState::kApproved));
    const int rejected = static_cast<int>(std::count(seatStates.begin(), seatStates.end(), TaskState::kRejected));
    const int required = approvalsRequired(step, seats);
    if (step.mode == DecisionMode::kQuorum) {
        if (approved >= required) return StepProgress::kCompleted;
        if (seats - rejected < required) return StepProgress::kRejected;
        return StepProgress::kPending;
    }
    if (rejected > 0) return StepProgress::kRejected;
    if (approved >= required) return StepProgress::kCompleted;
    return StepProgress::kPending;
}

bool isActionable(StepKind kind) { return kind != StepKind::kBranch && kind != StepKind::kEnd; }

bool isRejectable(StepKind kind) {
    return kind == StepKind::kSign || kind == StepKind::kReview || kind == StepKind::kRegister;
}

}  // namespace qujat::engine
