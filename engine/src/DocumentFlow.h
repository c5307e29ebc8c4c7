#pragma once

#include <map>
#include <string>
#include <vector>

#include "qujat/engine/AuditChain.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Workflow.h"
#include "qujat/engine/ports/Hasher.h"
#include "qujat/engine/ports/Store.h"

namespace qujat::engine {

// Moves one document along its route inside the caller's write transaction: resolves who
// must act, opens and closes tasks, assigns registration numbers and records each step in
// the audit chain. Holds no state beyond one command; the caller saves the document.
class DocumentFlow {
public:
    DocumentFlow(StoreWriter& writer, const Hasher& hasher, const WorkflowDefinition& def, Document& doc, Millis now,
                 std::string actor);

    // Appends an audit event about this document.
    Status audit(const std::string& action, std::map<std::string, std::string> details);

    // Routes the document to `stepId`: follows branches, then opens the seats of the step
    // it lands on, returns it to its author (a submit step) or completes it (an end).
    Status routeTo(const std::string& stepId);

    // The organisation an OrgRef names for this document's origin.
    Result<std::string> resolveOrg(const OrgRef& ref);

    // Tasks of the current step in the current round.
    Result<std::vector<Task>> currentTasks();

    // Closes every open or waiting task of the current round without a decision.
    Status supersedeRemaining(std::vector<Task>& tasks);

    // Gives the document its registration number from the register step's pattern, using
    // the gap-free counter of the organisation that registers it.
    Result<std::string> assignRegistrationNumber(const Step& step, const std::string& registeringOrg);

    // Opens a task for `expr` on the same seat as `original` (deadline escalation).
    Result<Task> openEscalation(const Task& original, const ActorExpr& expr);

private:
    Status openSeats(const Step& step);
    Status returnToAuthor(const Step& submitStep);
    // Seats a step opens, in order, before ids and states are assigned.
    Result<std::vector<Task>> resolveSeats(const Step& step);
    Result<std::vector<Task>> seatsFor(const ActorExpr& expr, const Step& step);

    StoreWriter& writer_;
    const Hasher& hasher_;
    const WorkflowDefinition& def_;
    Document& doc_;
    Millis now_;
    std::string actor_;
};

// "role:NAME@ORG", "user:LOGIN", joined with ", ".
std::string describeSeats(const std::vector<Task>& tasks);

}  // namespace qujat::engine
