// The commands that change documents: submit, approve, reject, resubmit, tick.
#include <algorithm>

#include "DocumentFlow.h"
#include "Eligibility.h"
#include "qujat/engine/FieldValidation.h"
#include "qujat/engine/Router.h"
#include "qujat/engine/SearchText.h"
#include "qujat/engine/Service.h"
#include "qujat/engine/Utf8.h"

namespace qujat::engine {
namespace {

constexpr std::size_t kMaxTitleLength = 500;
constexpr std::size_t kMaxCommentLength = 4000;
constexpr std::size_t kMaxFileNameLength = 255;

std::string docSubject(DocumentId id) { return "document/" + std::to_string(id); }

Status checkText(const std::string& what, const std::string& text, std::size_t maxLength, bool required) {
    auto length = utf8Length(text);
    if (!length) return invalidArgument(what + " is not valid UTF-8");
    if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) return invalidArgument(what + " is empty");
    if (*length > maxLength)
        return invalidArgument(what + " is " + std::to_string(*length) + " characters long; the limit is " +
                               std::to_string(maxLength));
    return Status::ok();
}

Status checkContent(const Content& c) {
    if (c.bytes.empty()) return invalidArgument("the file is empty");
    QUJAT_RETURN_IF_ERROR(checkText("the file name", c.fileName, kMaxFileNameLength, true));
    if (c.fileName.find_first_of("/\\") != std::string::npos || c.fileName == "." || c.fileName == "..")
        return invalidArgument("the file name '" + c.fileName + "' must not contain a path");
    return Status::ok();
}

Version newVersion(const Document& doc, int number, const Content& c, const std::string& sha,
                   const std::string& author, const std::string& comment, Millis now) {
    return Version{doc.id, number, sha, static_cast<std::int64_t>(c.bytes.size()), c.mediaType,
                   c.fileName, author, comment, now};
}

// Saves the document if no one else changed it since it was read.
Status save(StoreWriter& w, Document& doc, Millis now) {
    const std::int64_t expected = doc.revision;
    doc.revision += 1;
    doc.updatedAt = now;
    return w.updateDocument(doc, expected);
}

}  // namespace

Result<Document> Service::submit(const std::string& actor, const SubmitRequest& req) {
    Document doc;
    const Millis now = ports_.clock.now();
    auto work = [&](StoreWriter& w) -> Status {
        if (!w.userByLogin(actor).isOk()) return unauthenticated("unknown user '" + actor + "'");
        auto stored = w.latestWorkflow(req.workflowId);
        if (!stored.isOk()) return notFound("no workflow '" + req.workflowId + "' is loaded");
        QUJAT_ASSIGN_OR_RETURN(auto def, definitionFor(w, stored->id, stored->version));
        QUJAT_RETURN_IF_ERROR(checkText("the title", req.title, kMaxTitleLength, true));
        QUJAT_RETURN_IF_ERROR(checkContent(req.content));
        QUJAT_RETURN_IF_ERROR(validateFields(*def, req.fields));
        const Step& first = def->steps.front();

        // The origin: as asked, or the one organisation where the actor may submit.
        std::string origin = req.originOrgCode;
        if (origin.empty()) {
            QUJAT_ASSIGN_OR_RETURN(std::vector<RoleGrant> grants, w.grantsOf(actor, now));
            std::vector<std::string> candidates;
            for (const ActorExpr& e : first.actors)
                for (const RoleGrant& g : grants)
                    if (e.kind == ActorExpr::Kind::kRole && g.role == e.role && g.scope == GrantScope::kOrg)
                        candidates.push_back(g.orgCode);
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
            if (candidates.empty())
                return permissionDenied(actor + " holds no role that may start a '" + def->id + "' document");
            if (candidates.size() > 1) {
                std::string list;
                for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
                return invalidArgument(actor + " may submit for several organisations (" + list +
                                       "); name the one this document comes from");
            }
            origin = candidates.front();
        }
        if (!w.orgByCode(origin).isOk()) return invalidArgument("unknown organisation '" + origin + "'");

        doc.workflowId = def->id;
        doc.workflowVersion = def->version;
        doc.documentType = def->documentType;
        doc.title = req.title;
        doc.originOrgCode = origin;
        doc.authorLogin = actor;
        doc.currentStep = first.id;
        doc.round = 0;
        doc.fields = req.fields;
        doc.currentVersion = 1;
        doc.createdAt = doc.updatedAt = now;
        DocumentFlow flow(w, ports_.hasher, *def, doc, now, actor);

        // The actor must be one of the submit step's actors at this origin.
        bool allowed = false;
        for (const ActorExpr& e : first.actors) {
            if (e.kind == ActorExpr::Kind::kUser) {
                allowed = allowed || e.login == actor;
                continue;
            }
            QUJAT_ASSIGN_OR_RETURN(std::string org, flow.resolveOrg(e.org));
            QUJAT_ASSIGN_OR_RETURN(auto authority, authorityFor(w, actor, e.role, org, now));
            allowed = allowed || authority.has_value();
        }
        if (!allowed)
            return permissionDenied(actor + " may not start a '" + def->id + "' document at " + origin);

        QUJAT_ASSIGN_OR_RETURN(doc.id, w.insertDocument(doc));
        QUJAT_RETURN_IF_ERROR(w.insertVersion(newVersion(doc, 1, req.content, ports_.hasher.sha256Hex(req.content.bytes),
                                                         actor, "", now)));
        QUJAT_RETURN_IF_ERROR(
            w.setSearchText(doc.id, searchableText(doc.title, doc.fields, req.content.mediaType, req.content.bytes)));
        QUJAT_RETURN_IF_ERROR(flow.audit("document.submit", {{"workflow", def->id + "@" + std::to_string(def->version)},
                                                            {"title", doc.title},
                                                            {"origin", origin},
                                                            {"version", "1"},
                                                            {"sha256", ports_.hasher.sha256Hex(req.content.bytes)},
                                                            {"file", req.content.fileName}}));
        QUJAT_ASSIGN_OR_RETURN(const Step* next, successorOf(*def, first));
        QUJAT_RETURN_IF_ERROR(flow.routeTo(next->id));
        return save(w, doc, now);
    };
    // Bytes go to the content store first: if the transaction fails they are an unreferenced
    // blob, never a version without its bytes.
    auto stored = ports_.content.put(req.content.bytes);
    Status s = stored.isOk() ? ports_.store.write(work) : stored.status();
    if (!s.isOk()) return audited(s, actor, "document.submit", "workflow/" + req.workflowId);
    return doc;
}

Result<Document> Service::approve(const std::string& actor, DocumentId id, const Decision& decision) {
    return decide(actor, id, decision, true);
}

Result<Document> Service::reject(const std::string& actor, DocumentId id, const Decision& decision) {
    return decide(actor, id, decision, false);
}

Result<std::optional<Service::CheckedApproval>> Service::checkApproval(const std::string& actor, DocumentId id,
                                                                       const Decision& decision) {
    std::optional<CheckedApproval> checked;
    std::shared_ptr<const WorkflowDefinition> def;
    Document doc;
    Version current;
    bool hasSeat = false;
    const Millis now = ports_.clock.now();
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        auto loaded = r.document(id);
        if (!loaded.isOk()) return notFound("document " + std::to_string(id) + " does not exist");
        doc = std::move(loaded).value();
        QUJAT_ASSIGN_OR_RETURN(def, definitionFor(r, doc.workflowId, doc.workflowVersion));
        QUJAT_ASSIGN_OR_RETURN(std::vector<Version> versions, r.versions(id));
        current = versions.back();
        QUJAT_ASSIGN_OR_RETURN(std::vector<Task> tasks, r.tasksOf(id));
        for (const Task& t : tasks) {
            if (t.state != TaskState::kOpen || t.stepId != doc.currentStep || t.round != doc.round) continue;
            QUJAT_ASSIGN_OR_RETURN(auto authority, authorityOn(r, t, actor, now));
            hasSeat = hasSeat || authority.has_value();
        }
        return Status::ok();
    });
    QUJAT_RETURN_IF_ERROR(s);
    const Step* step = def->step(doc.currentStep);
    // The transaction decides who may act and in which state; evidence is only checked
    // for someone who has a seat now, so no one else can use the check as an oracle.
    if (!hasSeat || doc.state != DocumentState::kInProgress || !step || step->kind != StepKind::kSign) return checked;
    QUJAT_ASSIGN_OR_RETURN(std::string bytes, ports_.content.get(current.sha256));
    ApprovalContext ctx{*def, *step, doc, current, bytes, actor, decision.evidence, now};
    QUJAT_ASSIGN_OR_RETURN(ApprovalOutcome outcome, ports_.approvals.check(ctx));
    checked = CheckedApproval{step->id, doc.round, doc.currentVersion, std::move(outcome), ""};
    if (checked->outcome.signature) {
        QUJAT_ASSIGN_OR_RETURN(checked->cmsSha256, ports_.content.put(checked->outcome.signature->cms));
    }
    return checked;
}

Result<Document> Service::decide(const std::string& actor, DocumentId id, const Decision& decision, bool approve) {
    Document doc;
    const Millis now = ports_.clock.now();
    const char* command = approve ? "task.approve" : "task.reject";
    std::optional<CheckedApproval> checked;
    if (approve) {
        auto result = checkApproval(actor, id, decision);
        if (!result.isOk()) return audited(result.status(), actor, command, docSubject(id));
        checked = std::move(result).value();
    }
    Status s = ports_.store.write([&](StoreWriter& w) -> Status {
        if (!w.userByLogin(actor).isOk()) return unauthenticated("unknown user '" + actor + "'");
        auto loaded = w.document(id);
        if (!loaded.isOk()) return notFound("document " + std::to_string(id) + " does not exist");
        doc = std::move(loaded).value();
        QUJAT_ASSIGN_OR_RETURN(auto def, definitionFor(w, doc.workflowId, doc.workflowVersion));
        if (doc.state == DocumentState::kCompleted)
            return failedPrecondition("document " + std::to_string(id) + " has completed its route");
        if (doc.state == DocumentState::kReturned)
            return failedPrecondition("document " + std::to_string(id) +
                                      " was returned to its author and waits for a new version");
        const Step& step = *def->step(doc.currentStep);
        if (!approve && !isRejectable(step.kind))
            return failedPrecondition("step '" + step.id + "' is an acknowledgement and cannot be rejected");
        if (!approve) QUJAT_RETURN_IF_ERROR(checkText("a rejection's comment", decision.comment, kMaxCommentLength, true));
        else QUJAT_RETURN_IF_ERROR(checkText("the comment", decision.comment, kMaxCommentLength, false));

        DocumentFlow flow(w, ports_.hasher, *def, doc, now, actor);
        QUJAT_ASSIGN_OR_RETURN(std::vector<Task> tasks, flow.currentTasks());
        for (const Task& t : tasks)
            if (t.actorLogin == actor && (t.state == TaskState::kApproved || t.state == TaskState::kRejected))
                return failedPrecondition(actor + " has already decided on step '" + step.id + "' of document " +
                                          std::to_string(id));

        // The actor's seat: the one asked for, else theirs by name, else one they hold by role.
        Task* chosen = nullptr;
        Authority authority;
        for (Task& t : tasks) {
            if (t.state != TaskState::kOpen || (decision.taskId && t.id != *decision.taskId)) continue;
            QUJAT_ASSIGN_OR_RETURN(auto a, authorityOn(w, t, actor, now));
            if (!a) continue;
            if (!chosen || (t.assigneeLogin && *t.assigneeLogin == actor)) {
                chosen = &t;
                authority = *a;
            }
        }
        if (!chosen) {
            // Someone who may not even see the document learns nothing about it.
            QUJAT_RETURN_IF_ERROR(requireVisible(w, Viewer::user(actor), id, now));
            std::vector<Task> open;
            for (const Task& t : tasks)
                if (t.state == TaskState::kOpen) open.push_back(t);
            return permissionDenied(actor + " may not act on step '" + step.id + "' of document " +
                                    std::to_string(id) + "; it waits for " + describeSeats(open));
        }

        std::map<std::string, std::string> details{{"step", step.id},
                                                   {"task", std::to_string(chosen->id)},
                                                   {"seat", std::to_string(chosen->seat)},
                                                   {"version", std::to_string(doc.currentVersion)}};
        if (!decision.comment.empty()) details["comment"] = decision.comment;
        if (!authority.onBehalfOf.empty()) details["on-behalf-of"] = authority.onBehalfOf;
        std::optional<SignatureRecord> signature;
        if (approve && step.kind == StepKind::kSign) {
            if (!checked || checked->stepId != step.id || checked->round != doc.round ||
                checked->versionNumber != doc.currentVersion)
                return aborted("document " + std::to_string(id) + " moved on while the approval was being checked; "
                               "look at its current version and approve again");
            details["evidence"] = checked->outcome.report;
            if (const auto& verified = checked->outcome.signature) {
                auto binding = w.certificateBinding(verified->certificateSha256);
                if (!binding.isOk() || binding->login != actor)
                    return permissionDenied("the signing certificate (" + verified->signerSubject + ", SHA-256 " +
                                            verified->certificateSha256 + ") is not registered to " + actor);
                details["certificate"] = verified->certificateSha256;
                details["signature"] = checked->cmsSha256;
                signature = SignatureRecord{0, id, doc.currentVersion, chosen->id, step.id, actor,
                                            verified->certificateSha256, checked->cmsSha256, checked->outcome.report,
                                            now};
            }
        }

        chosen->state = approve ? TaskState::kApproved : TaskState::kRejected;
        chosen->actorLogin = actor;
        chosen->comment = decision.comment;
        chosen->closedAt = now;
        QUJAT_RETURN_IF_ERROR(w.updateTask(*chosen));
        if (signature) QUJAT_RETURN_IF_ERROR(w.insertSignature(*signature).status());
        QUJAT_RETURN_IF_ERROR(flow.audit(command, std::move(details)));

        // The state of each seat: decided by any of its tasks (an escalation adds a second
        // task to a seat), else still open or waiting.
        const Task decided = *chosen;
        int seats = 0;
        for (const Task& t : tasks) seats = std::max(seats, t.seat + 1);
        std::vector<TaskState> seatStates(seats, TaskState::kWaiting);
        for (Task& t : tasks) {
            TaskState& seatState = seatStates[t.seat];
            if (t.state == TaskState::kApproved || t.state == TaskState::kRejected) seatState = t.state;
            else if (t.state == TaskState::kOpen && seatState == TaskState::kWaiting) seatState = TaskState::kOpen;
        }
        for (Task& t : tasks)  // the decided seat's other tasks are no longer needed
            if (t.seat == decided.seat && t.id != decided.id && t.state == TaskState::kOpen) {
                t.state = TaskState::kSuperseded;
                t.closedAt = now;
                QUJAT_RETURN_IF_ERROR(w.updateTask(t));
            }

        switch (evaluateStep(step, seatStates)) {
            case StepProgress::kPending:
                if (step.mode == DecisionMode::kSequence) {
                    for (Task& t : tasks)
                        if (t.state == TaskState::kWaiting && t.seat == decided.seat + 1) {
                            t.state = TaskState::kOpen;
                            t.openedAt = now;
                            if (step.due) t.dueAt = now + *step.due;
                            QUJAT_RETURN_IF_ERROR(w.updateTask(t));
                        }
                }
                break;
            case StepProgress::kCompleted: {
                QUJAT_RETURN_IF_ERROR(flow.supersedeRemaining(tasks));
                if (step.kind == StepKind::kRegister) {
                    // The number belongs to the organisation the step names, even when an
                    // escalation brought someone from elsewhere to register it.
                    std::string registeringOrg = decided.orgCode;
                    for (const Task& t : tasks)
                        if (t.seat == decided.seat && !t.escalatedFrom) registeringOrg = t.orgCode;
                    QUJAT_ASSIGN_OR_RETURN(std::string number, flow.assignRegistrationNumber(step, registeringOrg));
                    doc.registrationNumber = number;
                    QUJAT_RETURN_IF_ERROR(flow.audit("document.register", {{"number", number}, {"org", registeringOrg}}));
                }
                QUJAT_RETURN_IF_ERROR(flow.audit("step.complete", {{"step", step.id}}));
                QUJAT_ASSIGN_OR_RETURN(const Step* next, successorOf(*def, step));
                QUJAT_RETURN_IF_ERROR(flow.routeTo(next->id));
                break;
            }
            case StepProgress::kRejected: {
                QUJAT_RETURN_IF_ERROR(flow.supersedeRemaining(tasks));
                QUJAT_ASSIGN_OR_RETURN(const Step* target, rejectionTarget(*def, step));
                QUJAT_RETURN_IF_ERROR(flow.audit("step.reject", {{"step", step.id}, {"to", target->id}}));
                QUJAT_RETURN_IF_ERROR(flow.routeTo(target->id));
                break;
            }
        }
        return save(w, doc, now);
    });
    if (!s.isOk()) return audited(s, actor, command, docSubject(id));
    return doc;
}

Result<Document> Service::resubmit(const std::string& actor, DocumentId id, const ResubmitRequest& req) {
    Document doc;
    const Millis now = ports_.clock.now();
    auto work = [&](StoreWriter& w) -> Status {
        if (!w.userByLogin(actor).isOk()) return unauthenticated("unknown user '" + actor + "'");
        auto loaded = w.document(id);
        if (!loaded.isOk()) return notFound("document " + std::to_string(id) + " does not exist");
        doc = std::move(loaded).value();
        QUJAT_ASSIGN_OR_RETURN(auto def, definitionFor(w, doc.workflowId, doc.workflowVersion));
        if (doc.state != DocumentState::kReturned)
            return failedPrecondition("document " + std::to_string(id) +
                                      " is not waiting for a new version; only a returned document can be resubmitted");
        QUJAT_RETURN_IF_ERROR(checkContent(req.content));
        QUJAT_RETURN_IF_ERROR(checkText("the comment", req.comment, kMaxCommentLength, false));
        DocumentFlow flow(w, ports_.hasher, *def, doc, now, actor);
        QUJAT_ASSIGN_OR_RETURN(std::vector<Task> tasks, flow.currentTasks());
        Task* own = nullptr;
        for (Task& t : tasks) {
            if (t.state != TaskState::kOpen) continue;
            QUJAT_ASSIGN_OR_RETURN(auto a, authorityOn(w, t, actor, now));
            if (a) own = &t;
        }
        if (!own) QUJAT_RETURN_IF_ERROR(requireVisible(w, Viewer::user(actor), id, now));
        if (!own)
            return permissionDenied(actor + " may not resubmit document " + std::to_string(id) + "; it waits for " +
                                    describeSeats(tasks));
        std::map<std::string, std::string> fields = doc.fields;
        for (const auto& [name, value] : req.fields) fields[name] = value;
        QUJAT_RETURN_IF_ERROR(validateFields(*def, fields));
        doc.fields = std::move(fields);
        doc.currentVersion += 1;
        const std::string sha = ports_.hasher.sha256Hex(req.content.bytes);
        QUJAT_RETURN_IF_ERROR(
            w.insertVersion(newVersion(doc, doc.currentVersion, req.content, sha, actor, req.comment, now)));
        QUJAT_RETURN_IF_ERROR(
            w.setSearchText(doc.id, searchableText(doc.title, doc.fields, req.content.mediaType, req.content.bytes)));
        own->state = TaskState::kApproved;
        own->actorLogin = actor;
        own->comment = req.comment;
        own->closedAt = now;
        QUJAT_RETURN_IF_ERROR(w.updateTask(*own));
        QUJAT_RETURN_IF_ERROR(flow.audit("document.resubmit", {{"version", std::to_string(doc.currentVersion)},
                                                              {"sha256", sha},
                                                              {"file", req.content.fileName},
                                                              {"comment", req.comment}}));
        QUJAT_ASSIGN_OR_RETURN(const Step* next, successorOf(*def, *def->step(doc.currentStep)));
        QUJAT_RETURN_IF_ERROR(flow.routeTo(next->id));
        return save(w, doc, now);
    };
    auto stored = ports_.content.put(req.content.bytes);
    Status s = stored.isOk() ? ports_.store.write(work) : stored.status();
    if (!s.isOk()) return audited(s, actor, "document.resubmit", docSubject(id));
    return doc;
}

Result<TickReport> Service::tick() {
    const Millis now = ports_.clock.now();
    std::vector<Task> overdue;
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(overdue, r.overdueTasks(now));
        return Status::ok();
    });
    if (!s.isOk()) return s;
    TickReport report;
    // One transaction per task: a deadline that cannot be escalated does not hold up others.
    for (const Task& candidate : overdue) {
        enum class Outcome { kNone, kEscalated, kOverdue } outcome = Outcome::kNone;
        Status one = ports_.store.write([&](StoreWriter& w) -> Status {
            QUJAT_ASSIGN_OR_RETURN(Task task, w.task(candidate.id));
            if (task.state != TaskState::kOpen || task.escalated || !task.dueAt || *task.dueAt > now)
                return Status::ok();  // acted on or escalated since it was listed
            QUJAT_ASSIGN_OR_RETURN(Document doc, w.document(task.documentId));
            QUJAT_ASSIGN_OR_RETURN(auto def, definitionFor(w, doc.workflowId, doc.workflowVersion));
            const Step* step = def->step(task.stepId);
            DocumentFlow flow(w, ports_.hasher, *def, doc, now, "system");
            task.escalated = true;
            QUJAT_RETURN_IF_ERROR(w.updateTask(task));
            std::map<std::string, std::string> details{{"step", task.stepId},
                                                       {"task", std::to_string(task.id)},
                                                       {"due", formatIsoUtc(*task.dueAt)},
                                                       {"assignee", describeAssignee(task)}};
            if (step && step->escalateTo) {
                QUJAT_ASSIGN_OR_RETURN(Task added, flow.openEscalation(task, *step->escalateTo));
                details["escalated-to"] = describeAssignee(added);
                details["new-task"] = std::to_string(added.id);
                QUJAT_RETURN_IF_ERROR(flow.audit("task.escalate", std::move(details)));
                outcome = Outcome::kEscalated;
            } else {
                QUJAT_RETURN_IF_ERROR(flow.audit("task.overdue", std::move(details)));
                outcome = Outcome::kOverdue;
            }
            return save(w, doc, now);
        });
        if (!one.isOk()) {
            report.problems.push_back("task " + std::to_string(candidate.id) + ": " + one.message());
            continue;
        }
        if (outcome == Outcome::kEscalated) report.escalated += 1;
        if (outcome == Outcome::kOverdue) report.overdue += 1;
    }
    return report;
}

}  // namespace qujat::engine
