#include "DocumentFlow.h"

#include <algorithm>
#include <cstdio>

#include "Eligibility.h"
#include "qujat/engine/Router.h"

namespace qujat::engine {

DocumentFlow::DocumentFlow(StoreWriter& writer, const Hasher& hasher, const WorkflowDefinition& def, Document& doc,
                           Millis now, std::string actor)
    : writer_(writer), hasher_(hasher), def_(def), doc_(doc), now_(now), actor_(std::move(actor)) {}

Status DocumentFlow::audit(const std::string& action, std::map<std::string, std::string> details) {
    AuditDraft draft{actor_, action, "document/" + std::to_string(doc_.id), std::move(details)};
    return appendAudit(writer_, hasher_, draft, now_).status();
}

Result<std::string> DocumentFlow::resolveOrg(const OrgRef& ref) {
    QUJAT_ASSIGN_OR_RETURN(Org org, writer_.orgByCode(doc_.originOrgCode));
    if (ref.anchor == OrgRef::Anchor::kCentral) {
        while (org.parentCode) {
            QUJAT_ASSIGN_OR_RETURN(org, writer_.orgByCode(*org.parentCode));
        }
    }
    for (int hop = 0; hop < ref.parentHops; ++hop) {
        if (!org.parentCode)
            return failedPrecondition("'" + ref.text + "' goes above the top of the hierarchy from " +
                                      doc_.originOrgCode);
        QUJAT_ASSIGN_OR_RETURN(org, writer_.orgByCode(*org.parentCode));
    }
    if (ref.level) {
        while (orgLevelName(org.level) != *ref.level) {
            if (!org.parentCode)
                return failedPrecondition("'" + ref.text + "': " + doc_.originOrgCode + " has no " + *ref.level +
                                          " above it");
            QUJAT_ASSIGN_OR_RETURN(org, writer_.orgByCode(*org.parentCode));
        }
    }
    return org.code;
}

Result<std::vector<Task>> DocumentFlow::seatsFor(const ActorExpr& expr, const Step& step) {
    Task proto;
    proto.documentId = doc_.id;
    proto.stepId = step.id;
    proto.round = doc_.round;
    proto.openedAt = now_;
    proto.versionNumber = doc_.currentVersion;
    if (expr.kind == ActorExpr::Kind::kUser) {
        auto user = writer_.userByLogin(expr.login);
        if (!user.isOk())
            return failedPrecondition("step '" + step.id + "' names user '" + expr.login + "', who does not exist");
        proto.orgCode = doc_.originOrgCode;
        proto.assigneeLogin = expr.login;
        return std::vector<Task>{proto};
    }
    QUJAT_ASSIGN_OR_RETURN(proto.orgCode, resolveOrg(expr.org));
    proto.role = expr.role;
    QUJAT_ASSIGN_OR_RETURN(std::vector<std::string> holders, writer_.holdersOf(expr.role, proto.orgCode, now_));
    if (holders.empty())
        return failedPrecondition("no one holds the role '" + expr.role + "' at " + proto.orgCode + ", needed by step '" +
                                  step.id + "' (" + expr.text + ")");
    if (!expr.each) return std::vector<Task>{proto};
    std::vector<Task> seats;
    for (const std::string& login : holders) {
        seats.push_back(proto);
        seats.back().assigneeLogin = login;
    }
    return seats;
}

Result<std::vector<Task>> DocumentFlow::resolveSeats(const Step& step) {
    std::vector<Task> seats;
    for (const ActorExpr& expr : step.actors) {
        QUJAT_ASSIGN_OR_RETURN(std::vector<Task> some, seatsFor(expr, step));
        for (Task& t : some) {
            // One person fills at most one seat of a step: the same holder named twice
            // (e.g. by two expressions) gets one seat.
            bool duplicate = std::any_of(seats.begin(), seats.end(), [&](const Task& s) {
                return s.assigneeLogin && t.assigneeLogin && *s.assigneeLogin == *t.assigneeLogin;
            });
            if (!duplicate) seats.push_back(std::move(t));
        }
    }
    if (step.mode == DecisionMode::kQuorum && static_cast<int>(seats.size()) < step.quorum)
        return failedPrecondition("step '" + step.id + "' needs " + std::to_string(step.quorum) +
                                  " approvals but only " + std::to_string(seats.size()) + " people can give one (" +
                                  describeSeats(seats) + ")");
    for (std::size_t i = 0; i < seats.size(); ++i) seats[i].seat = static_cast<int>(i);
    return seats;
}

Status DocumentFlow::openSeats(const Step& step) {
    QUJAT_ASSIGN_OR_RETURN(std::vector<Task> seats, resolveSeats(step));
    for (Task& t : seats) {
        const bool waits = step.mode == DecisionMode::kSequence && t.seat > 0;
        t.state = waits ? TaskState::kWaiting : TaskState::kOpen;
        if (step.due && !waits) t.dueAt = now_ + *step.due;
        QUJAT_ASSIGN_OR_RETURN(t.id, writer_.insertTask(t));
    }
    std::map<std::string, std::string> details{{"step", step.id}, {"seats", describeSeats(seats)},
                                               {"round", std::to_string(doc_.round)}};
    if (step.due) details["due"] = formatIsoUtc(now_ + *step.due);
    return audit("step.enter", std::move(details));
}

Status DocumentFlow::returnToAuthor(const Step& submitStep) {
    Task task;
    task.documentId = doc_.id;
    task.stepId = submitStep.id;
    task.round = doc_.round;
    task.orgCode = doc_.originOrgCode;
    task.role = submitStep.actors.empty() ? std::string() : submitStep.actors.front().role;
    task.assigneeLogin = doc_.authorLogin;
    task.openedAt = now_;
    task.versionNumber = doc_.currentVersion;
    if (submitStep.due) task.dueAt = now_ + *submitStep.due;
    QUJAT_ASSIGN_OR_RETURN(task.id, writer_.insertTask(task));
    doc_.state = DocumentState::kReturned;
    return audit("document.return", {{"step", submitStep.id}, {"author", doc_.authorLogin}});
}

Status DocumentFlow::routeTo(const std::string& stepId) {
    std::vector<std::string> branches;
    QUJAT_ASSIGN_OR_RETURN(const Step* landing, landingStep(def_, stepId, doc_.fields, &branches));
    for (const std::string& b : branches) {
        const Step* branch = def_.step(b);
        auto value = doc_.fields.find(branch->branchField);
        QUJAT_RETURN_IF_ERROR(audit("route.branch", {{"branch", b},
                                                     {"field", branch->branchField},
                                                     {"value", value == doc_.fields.end() ? "" : value->second}}));
    }
    doc_.round += 1;
    doc_.currentStep = landing->id;
    switch (landing->kind) {
        case StepKind::kEnd:
            doc_.state = DocumentState::kCompleted;
            return audit("document.complete", {{"step", landing->id}});
        case StepKind::kSubmit:
            return returnToAuthor(*landing);
        default:
            doc_.state = DocumentState::kInProgress;
            return openSeats(*landing);
    }
}

Result<std::vector<Task>> DocumentFlow::currentTasks() {
    QUJAT_ASSIGN_OR_RETURN(std::vector<Task> all, writer_.tasksOf(doc_.id));
    std::vector<Task> current;
    for (Task& t : all)
        if (t.round == doc_.round && t.stepId == doc_.currentStep) current.push_back(std::move(t));
    return current;
}

Status DocumentFlow::supersedeRemaining(std::vector<Task>& tasks) {
    for (Task& t : tasks) {
        if (t.state != TaskState::kOpen && t.state != TaskState::kWaiting) continue;
        t.state = TaskState::kSuperseded;
        t.closedAt = now_;
        QUJAT_RETURN_IF_ERROR(writer_.updateTask(t));
    }
    return Status::ok();
}

Result<std::string> DocumentFlow::assignRegistrationNumber(const Step& step, const std::string& registeringOrg) {
    // The counter is keyed by the number with its sequence blanked out: two numbers can only
    // be equal if they come from the same counter, which never repeats a value.
    auto render = [&](const std::string& seqText) {
        std::string out;
        const std::string& p = step.numberPattern;
        for (std::size_t i = 0; i < p.size();) {
            if (p[i] != '{') {
                out += p[i++];
                continue;
            }
            const std::size_t close = p.find('}', i);
            const std::string name = p.substr(i + 1, close - i - 1);
            const std::string year = std::to_string(utcYear(now_));
            if (name == "org") out += registeringOrg;
            else if (name == "origin") out += doc_.originOrgCode;
            else if (name == "type") out += doc_.documentType;
            else if (name == "yyyy") out += year;
            else if (name == "yy") out += year.substr(year.size() - 2);
            else if (name.rfind("seq", 0) == 0) out += seqText;
            i = close + 1;
        }
        return out;
    };
    const std::string counterKey = "number:" + render("#");
    QUJAT_ASSIGN_OR_RETURN(std::int64_t seq, writer_.nextCounterValue(counterKey));
    int width = 1;
    const std::size_t seqAt = step.numberPattern.find("{seq:");
    if (seqAt != std::string::npos) width = std::atoi(step.numberPattern.c_str() + seqAt + 5);
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*lld", std::clamp(width, 1, 12), static_cast<long long>(seq));
    return render(digits);
}

Result<Task> DocumentFlow::openEscalation(const Task& original, const ActorExpr& expr) {
    Step pseudo;
    pseudo.id = original.stepId;
    QUJAT_ASSIGN_OR_RETURN(std::vector<Task> seats, seatsFor(expr, pseudo));
    Task t = seats.front();
    if (expr.each) t.assigneeLogin.reset();  // escalation goes to the role, whoever holds it
    t.seat = original.seat;
    t.round = original.round;
    t.versionNumber = original.versionNumber;
    t.escalatedFrom = original.id;
    QUJAT_ASSIGN_OR_RETURN(t.id, writer_.insertTask(t));
    return t;
}

std::string describeSeats(const std::vector<Task>& tasks) {
    std::string out;
    for (const Task& t : tasks) {
        if (!out.empty()) out += ", ";
        out += describeAssignee(t);
    }
    return out;
}

}  // namespace qujat::engine
