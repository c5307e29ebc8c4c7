#pragma once

#include <map>
#include <string>
#include <vector>

#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Workflow.h"

namespace qujat::engine {

// The pure routing rules: no storage, no clock, no I/O. The Service feeds them the
// definition and the tasks of the current step and applies what they decide.

// The step that follows `step` on approval: its explicit `next`, else the next step in
// file order. kInternal if there is none (a validated definition always has one).
Result<const Step*> successorOf(const WorkflowDefinition& def, const Step& step);

// Where a document lands when it is routed to `stepId`: branches are followed using
// `fields` until a step someone acts on (or an end) is reached. The ids of the branches
// passed are appended to `branchesTaken`. kFailedPrecondition if a branch has no matching
// case and no `otherwise`; kInternal for an unknown id or a branch cycle.
Result<const Step*> landingStep(const WorkflowDefinition& def, const std::string& stepId,
                                const std::map<std::string, std::string>& fields,
                                std::vector<std::string>* branchesTaken);

// Where a rejection on `step` sends the document: its `on-reject`, else the first submit step.
Result<const Step*> rejectionTarget(const WorkflowDefinition& def, const Step& step);

// How many approvals complete `step` when it has `seats` seats.
int approvalsRequired(const Step& step, int seats);

enum class StepProgress { kPending, kCompleted, kRejected };

// Decides a step from the states of its seats. `seatStates[i]` is the state of seat i:
// kApproved or kRejected once decided, kOpen or kWaiting while not. all/any/sequence
// return on the first rejection; quorum returns once its k approvals are out of reach.
StepProgress evaluateStep(const Step& step, const std::vector<TaskState>& seatStates);

// Whether people act on this kind of step (submit, sign, review, acknowledge, register).
bool isActionable(StepKind kind);
// Whether this kind of step may be rejected.
bool isRejectable(StepKind kind);

}  // namespace qujat::engine
