#include "qujat/engine/WorkflowValidator.h"

#include <algorithm>
#include <map>
#include <set>

#include "qujat/engine/Router.h"

namespace qujat::engine {

namespace {

// Collects problems, each at the construct it concerns.
class Checker {
public:
    Checker(const WorkflowDefinition& wf, const std::vector<RoleDef>& roles) : wf_(wf) {
        for (const RoleDef& r : roles) roles_.insert(r.name);
    }

    std::vector<Diagnostic> run() {
        checkFields();
        if (wf_.steps.empty()) {
            add(wf_.where, "the workflow has no steps");
            return std::move(problems_);
        }
        if (wf_.steps.front().kind != StepKind::kSubmit)
            add(wf_.steps.front().where, "the first step '" + wf_.steps.front().id +
                                             "' must be a submit step: documents start with their author");
        std::set<std::string> ids;
        for (const Step& s : wf_.steps)
            if (!ids.insert(s.id).second) add(s.where, "step id '" + s.id + "' is used twice");
        for (std::size_t i = 0; i < wf_.steps.size(); ++i) checkStep(wf_.steps[i], i + 1 == wf_.steps.size());
        if (problems_.empty()) checkGraph();
        return std::move(problems_);
    }

private:
    void add(const SourceLocation& where, std::string message) { problems_.push_back({where, std::move(message)}); }

    void checkFields() {
        std::set<std::string> names;
        for (const FieldDef& f : wf_.fields) {
            const std::string what = "field '" + f.name + "'";
            if (!names.insert(f.name).second) add(f.where, what + " is declared twice");
            if ((f.min || f.max) && f.type != FieldType::kInteger) add(f.where, what + ": min and max apply to integer fields only");
            if (f.min && f.max && *f.min > *f.max) add(f.where, what + ": min is greater than max");
            if (f.maxLength && f.type != FieldType::kString && f.type != FieldType::kText)
                add(f.where, what + ": max-length applies to string and text fields only");
            if (f.maxLength && *f.maxLength == 0) add(f.where, what + ": max-length must be at least 1");
            if (f.type == FieldType::kEnum && f.options.empty()) add(f.where, what + ": an enum field needs options");
            if (f.type != FieldType::kEnum && !f.options.empty()) add(f.where, what + ": only enum fields have options");
            std::set<std::string> values;
            for (const FieldOption& o : f.options)
                if (!values.insert(o.value).second) add(f.where, what + ": option '" + o.value + "' is listed twice");
        }
    }

    void checkActor(const ActorExpr& a, const std::string& what) {
        if (a.kind == ActorExpr::Kind::kRole && !roles_.count(a.role))
            add(a.where, what + " names unknown role '" + a.role + "' (see roles.xml)");
        if (a.kind == ActorExpr::Kind::kUser && a.each)
            add(a.where, what + ": each=\"true\" applies to role actors only");
    }

    void checkReference(const Step& s, const std::optional<std::string>& target, const std::string& attribute) {
        if (target && !wf_.step(*target)) add(s.where, "step '" + s.id + "': " + attribute + " names unknown step '" + *target + "'");
    }

    void checkStep(const Step& s, bool last) {
        const std::string what = "step '" + s.id + "'";
        for (const ActorExpr& a : s.actors) checkActor(a, what);
        if (s.escalateTo) checkActor(*s.escalateTo, what + " (escalate)");
        checkReference(s, s.next, "next");
        checkReference(s, s.onReject, "on-reject");

        if (!isActionable(s.kind)) {
            if (!s.actors.empty()) add(s.where, what + ": branch and end steps have no actors");
            if (s.due || s.escalateTo) add(s.where, what + ": branch and end steps have no deadline");
        } else {
            if (s.actors.empty()) add(s.where, what + " has no actor: say who acts (actor=\"role:NAME@origin\")");
            if (!s.due && s.escalateTo) add(s.where, what + ": escalate needs a deadline (due=\"P3D\")");
            if (s.due && *s.due <= 0) add(s.where, what + ": the deadline must be positive");
            if (!s.next && last) add(s.where, what + " is the last step but not an end: add <end id=\"done\"/>");
        }
        if (s.onReject) {
            if (!isRejectable(s.kind)) add(s.where, what + ": on-reject is only for sign, review and register steps");
            else if (const Step* t = wf_.step(*s.onReject); t && !isActionable(t->kind))
                add(s.where, what + ": on-reject must name a step where someone acts, not '" + t->id + "'");
        }
        if (s.kind == StepKind::kEnd && s.next) add(s.where, what + ": an end step has no next step");
        if (s.mode == DecisionMode::kQuorum) checkQuorum(s);
        if (s.kind == StepKind::kRegister) checkNumberPattern(s);
        else if (!s.numberPattern.empty()) add(s.where, what + ": only register steps assign numbers");
        if (s.kind == StepKind::kBranch) checkBranch(s);
    }

    void checkQuorum(const Step& s) {
        const bool open = std::any_of(s.actors.begin(), s.actors.end(), [](const ActorExpr& a) { return a.each; });
        const int seats = static_cast<int>(s.actors.size());
        if (s.quorum < 1) add(s.where, "step '" + s.id + "': a quorum needs k of at least 1");
        else if (!open && s.quorum > seats)
            add(s.where, "step '" + s.id + "': quorum k=" + std::to_string(s.quorum) + " exceeds its " +
                             std::to_string(seats) + " seat(s), so it could never be reached");
    }

    void checkNumberPattern(const Step& s) {
        const std::string what = "step '" + s.id + "': number pattern '" + s.numberPattern + "'";
        if (s.numberPattern.empty()) {
            add(s.where, "step '" + s.id + "': a register step needs a number pattern, e.g. {org}-{yyyy}-{seq:5}");
            return;
        }
        int sequences = 0;
        for (std::size_t i = 0; i < s.numberPattern.size(); ++i) {
            const char c = s.numberPattern[i];
            if (c == '}') return add(s.where, what + " has an unmatched '}'");
            if (c != '{') continue;
            const std::size_t close = s.numberPattern.find('}', i);
            if (close == std::string::npos) return add(s.where, what + " has an unclosed '{'");
            const std::string name = s.numberPattern.substr(i + 1, close - i - 1);
            if (name.rfind("seq:", 0) == 0) {
                const std::string width = name.substr(4);
                const bool digits = !width.empty() && width.size() <= 2 &&
                                    std::all_of(width.begin(), width.end(), [](char d) { return d >= '0' && d <= '9'; });
                if (!digits || std::stoi(width) < 1 || std::stoi(width) > 12)
                    add(s.where, what + ": {seq:N} needs a width N from 1 to 12");
                ++sequences;
            } else if (name != "org" && name != "origin" && name != "type" && name != "yyyy" && name != "yy") {
                add(s.where, what + ": unknown placeholder {" + name + "} (use org, origin, type, yyyy, yy, seq:N)");
            }
            i = close;
        }
        if (sequences != 1) add(s.where, what + " must contain {seq:N} exactly once");
    }

    void checkBranch(const Step& s) {
        const std::string what = "branch '" + s.id + "'";
        const FieldDef* f = wf_.field(s.branchField);
        if (!f) return add(s.where, what + " tests undeclared field '" + s.branchField + "'");
        if (s.cases.empty()) add(s.where, what + " has no <when> case");
        std::set<std::string> covered;
        for (const BranchCase& c : s.cases) {
            if (!wf_.step(c.target)) add(c.where, what + ": goto names unknown step '" + c.target + "'");
            if (!covered.insert(c.equals).second) add(c.where, what + ": value '" + c.equals + "' is tested twice");
            if (f->type == FieldType::kEnum &&
                std::none_of(f->options.begin(), f->options.end(), [&](const FieldOption& o) { return o.value == c.equals; }))
                add(c.where, what + ": '" + c.equals + "' is not an option of field '" + f->name + "'");
        }
        if (s.otherwise) {
            if (!wf_.step(*s.otherwise)) add(s.where, what + ": otherwise names unknown step '" + *s.otherwise + "'");
            return;
        }
        const bool exhaustive = f->type == FieldType::kEnum && f->required &&
                                std::all_of(f->options.begin(), f->options.end(),
                                            [&](const FieldOption& o) { return covered.count(o.value) > 0; });
        if (!exhaustive)
            add(s.where, what + " has no <otherwise> and its cases do not cover every value of '" + f->name + "'");
    }

    // Edges of the route: where each step can lead, including returns after a rejection.
    std::vector<const Step*> successors(const Step& s) {
        std::vector<const Step*> out;
        if (s.kind == StepKind::kEnd) return out;
        if (s.kind == StepKind::kBranch) {
            for (const BranchCase& c : s.cases) out.push_back(wf_.step(c.target));
            if (s.otherwise) out.push_back(wf_.step(*s.otherwise));
            return out;
        }
        if (auto next = successorOf(wf_, s); next.isOk()) out.push_back(*next);
        if (isRejectable(s.kind))
            if (auto back = rejectionTarget(wf_, s); back.isOk()) out.push_back(*back);
        return out;
    }

    void checkGraph() {
        std::map<const Step*, std::vector<const Step*>> edges;
        for (const Step& s : wf_.steps) edges[&s] = successors(s);

        std::set<const Step*> reachable{&wf_.steps.front()};
        std::vector<const Step*> pending{&wf_.steps.front()};
        while (!pending.empty()) {
            const Step* s = pending.back();
            pending.pop_back();
            for (const Step* t : edges[s])
                if (reachable.insert(t).second) pending.push_back(t);
        }
        // Steps from which an end can be reached, found backwards from the end steps.
        std::set<const Step*> ending;
        bool grew = true;
        for (const Step& s : wf_.steps)
            if (s.kind == StepKind::kEnd) ending.insert(&s);
        if (ending.empty()) add(wf_.where, "the workflow has no <end> step, so no document could ever complete");
        while (grew) {
            grew = false;
            for (const Step& s : wf_.steps)
                if (!ending.count(&s))
                    for (const Step* t : edges[&s])
                        if (ending.count(t)) {
                            ending.insert(&s);
                            grew = true;
                            break;
                        }
        }
        for (const Step& s : wf_.steps) {
            if (!reachable.count(&s)) add(s.where, "step '" + s.id + "' can never be reached from '" + wf_.steps.front().id + "'");
            else if (!ending.empty() && !ending.count(&s))
                add(s.where, "from step '" + s.id + "' no path leads to an end: documents would be stuck");
        }
    }

    const WorkflowDefinition& wf_;
    std::set<std::string> roles_;
    std::vector<Diagnostic> problems_;
};

}  // namespace

std::vector<Diagnostic> validateWorkflow(const WorkflowDefinition& workflow, const std::vector<RoleDef>& roles) {
    return Checker(workflow, roles).run();
}

}  // namespace qujat::engine
