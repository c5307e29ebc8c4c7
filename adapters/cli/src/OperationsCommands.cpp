// qujat task list; qujat tick; qujat audit verify
#include <iostream>

#include "Context.h"
#include "Output.h"

namespace qujat::cli {

using engine::Status;

int runTask(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({}); !s.isOk()) return reportFailure(s, ctx.json());
    if (args.positionals().empty() || args.positionals()[0] != "list")
        return reportFailure(engine::invalidArgument("usage: qujat task list --as LOGIN"), ctx.json());
    auto actor = ctx.actor();
    if (!actor.isOk()) return reportFailure(actor.status(), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto items = (*rt)->service().inbox(*actor);
    if (!items.isOk()) return reportFailure(items.status(), ctx.json());
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
    for (const auto& item : *items) {
        if (ctx.json()) {
            auto o = toJson(item.task);
            o->set("documentTitle", item.document.title);
            o->set("workflow", item.document.workflowId);
            out->add(o);
        } else {
            std::cout << describe(item.task) << "\n    " << describe(item.document) << "\n";
        }
    }
    if (ctx.json()) printJson(out);
    else if (items->empty()) std::cout << "no open tasks for " << *actor << "\n";
    return 0;
}

int runTick(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({}); !s.isOk()) return reportFailure(s, ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto report = (*rt)->service().tick();
    if (!report.isOk()) return reportFailure(report.status(), ctx.json());
    if (ctx.json()) {
        auto o = newObject();
        o->set("escalated", report->escalated);
        o->set("overdue", report->overdue);
        Poco::JSON::Array::Ptr problems = new Poco::JSON::Array();
        for (const auto& p : report->problems) problems->add(p);
        o->set("problems", problems);
        printJson(o);
    } else {
        std::cout << report->escalated << " escalated, " << report->overdue << " overdue without escalation\n";
        for (const auto& p : report->problems) std::cout << "  could not escalate " << p << "\n";
    }
    return report->problems.empty() ? 0 : exitCodeFor(engine::StatusCode::kFailedPrecondition);
}

int runAudit(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({}); !s.isOk()) return reportFailure(s, ctx.json());
    if (args.positionals().empty() || args.positionals()[0] != "verify")
        return reportFailure(engine::invalidArgument("usage: qujat audit verify"), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto v = (*rt)->service().verifyAudit();
    if (!v.isOk()) return reportFailure(v.status(), ctx.json());
    if (ctx.json()) {
        auto o = newObject();
        o->set("intact", v->intact());
        o->set("events", v->events);
        o->set("headSeq", v->headSeq);
        o->set("headHash", v->headHash);
        o->set("firstBadSeq", v->firstBadSeq ? Poco::Dynamic::Var(*v->firstBadSeq) : Poco::Dynamic::Var());
        o->set("problem", v->problem);
        printJson(o);
    } else if (v->intact()) {
        std::cout << "audit chain intact: " << v->events << " events, head #" << v->headSeq << " " << v->headHash << "\n";
    } else {
        std::cout << "audit chain BROKEN at event #" << *v->firstBadSeq << ": " << v->problem << "\n";
    }
    return v->intact() ? 0 : exitCodeFor(engine::StatusCode::kDataLoss);
}

}  // namespace qujat::cli
