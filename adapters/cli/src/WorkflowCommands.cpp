// qujat init; qujat workflow check|list|show|load
#include <iostream>

#include "Context.h"
#include "EmbeddedFiles.h"
#include "FileIo.h"
#include "Output.h"
#include "SignatureCommands.h"
#include "qujat/engine/WorkflowCheck.h"

namespace qujat::cli {

using engine::Status;

Status loadBuiltInWorkflows(Runtime& rt, const std::string& actor, std::ostream* log) {
    for (const char* name : kDefaultWorkflows) {
        auto def = rt.service().loadWorkflow(std::string(embeddedFile(name)), name, actor);
        if (!def.isOk()) return def.status();
        if (log)
            *log << "  workflow " << def->id << " v" << def->version << ": " << def->title.in("ru") << " / "
                 << def->title.in("kk") << "\n";
    }
    return Status::ok();
}

int runInit(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({"pki"}); !s.isOk()) return reportFailure(s, ctx.json());
    // Before the runtime opens: it chooses how approvals are checked from what it finds.
    if (auto pki = args.option("pki")) {
        if (Status s = makeDirectories(ctx.options().dataDir); !s.isOk()) return reportFailure(s, ctx.json());
        if (Status s = installPki(*pki, ctx.options().dataDir); !s.isOk()) return reportFailure(s, ctx.json());
    }
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    std::ostream* log = ctx.json() ? nullptr : &std::cout;
    if (log) *log << "data directory " << (*rt)->dataDir() << " is ready\n";
    Status s = loadBuiltInWorkflows(**rt, ctx.actorOr("operator"), log);
    if (!s.isOk()) return reportFailure(s, ctx.json());
    if (ctx.json()) {
        auto o = newObject();
        o->set("data", (*rt)->dataDir());
        printJson(o);
    }
    return 0;
}

namespace {

int check(Context& ctx, const Args& args) {
    const auto& files = args.positionals();
    if (files.size() < 2) return reportFailure(engine::invalidArgument("name at least one workflow file"), ctx.json());
    auto rt = ctx.tools();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    Poco::JSON::Array::Ptr report = new Poco::JSON::Array();
    int invalid = 0;
    for (std::size_t i = 1; i < files.size(); ++i) {
        std::vector<engine::Diagnostic> problems;
        auto xml = readFile(files[i]);
        if (!xml.isOk()) problems.push_back({{files[i], 0, 0}, xml.status().message()});
        else problems = engine::checkWorkflowSource((*rt)->parser(), *xml, files[i], (*rt)->roles()).diagnostics;
        invalid += problems.empty() ? 0 : 1;
        auto entry = newObject();
        entry->set("file", files[i]);
        entry->set("valid", problems.empty());
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array();
        for (const auto& d : problems) {
            list->add(toJson(d));
            if (!ctx.json()) std::cout << d.toString() << "\n";
        }
        entry->set("problems", list);
        report->add(entry);
        if (!ctx.json() && problems.empty()) std::cout << files[i] << ": valid\n";
    }
    if (ctx.json()) printJson(report);
    return invalid ? exitCodeFor(engine::StatusCode::kInvalidArgument) : 0;
}

int load(Context& ctx, const Args& args) {
    const auto& files = args.positionals();
    if (files.size() < 2) return reportFailure(engine::invalidArgument("name at least one workflow file"), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    for (std::size_t i = 1; i < files.size(); ++i) {
        auto xml = readFile(files[i]);
        if (!xml.isOk()) return reportFailure(xml.status(), ctx.json());
        auto def = (*rt)->service().loadWorkflow(*xml, baseName(files[i]), ctx.actorOr("operator"));
        if (!def.isOk()) return reportFailure(def.status(), ctx.json());
        if (!ctx.json()) std::cout << "loaded " << def->id << " version " << def->version << "\n";
    }
    return 0;
}

int list(Context& ctx) {
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto defs = (*rt)->service().listWorkflows();
    if (!defs.isOk()) return reportFailure(defs.status(), ctx.json());
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
    for (const auto& d : *defs) {
        if (ctx.json()) out->add(toJson(d));
        else std::cout << d.id << " v" << d.version << " (" << d.documentType << "): " << d.title.in("en") << " | "
                       << d.title.in("ru") << " | " << d.title.in("kk") << "\n";
    }
    if (ctx.json()) printJson(out);
    return 0;
}



int show(Context& ctx, const Args& args) {
    if (args.positionals().size() != 2) return reportFailure(engine::invalidArgument("name one workflow id"), ctx.json());
    auto version = args.integer("version", 0);
    if (!version.isOk()) return reportFailure(version.status(), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto def = (*rt)->service().workflow(args.positionals()[1], static_cast<int>(*version));
    if (!def.isOk()) return reportFailure(def.status(), ctx.json());
    if (ctx.json()) {
        printJson(toJson(*def));
        return 0;
    }
    std::cout << def->id << " version " << def->version << " (" << def->documentType << ", sha256 " << def->sha256
              << ")\n  " << def->title.in("kk") << " | " << def->title.in("ru") << " | " << def->title.in("en") << "\n";
    for (const auto& f : def->fields)
        std::cout << "  field " << f.name << (f.required ? " (required)" : "") << ": " << f.label.in("en") << "\n";
    for (const auto& s : def->steps) {
        std::cout << "  step " << s.id << " [" << engine::stepKindName(s.kind);
        if (s.kind == engine::StepKind::kSign || s.kind == engine::StepKind::kReview)
            std::cout << ", " << engine::decisionModeName(s.mode) << (s.mode == engine::DecisionMode::kQuorum ? " k=" + std::to_string(s.quorum) : "");
        std::cout << "] " << s.title.in("en");
        for (const auto& a : s.actors) std::cout << (a.each ? " each " : " ") << a.text;
        if (s.due) std::cout << ", due " << *s.due / 3600000 << " h";
        if (s.escalateTo) std::cout << ", escalates to " << s.escalateTo->text;
        if (!s.numberPattern.empty()) std::cout << ", number " << s.numberPattern;
        for (const auto& c : s.cases) std::cout << ", " << s.branchField << "=" << c.equals << " → " << c.target;
        if (s.otherwise) std::cout << ", otherwise → " << *s.otherwise;
        std::cout << "\n";
    }
    return 0;
}

}  // namespace

int runWorkflow(Context& ctx, const Args& args) {
    const auto& p = args.positionals();
    const std::string sub = p.empty() ? "" : p[0];
    if (Status s = args.onlyKnown({"version"}); !s.isOk()) return reportFailure(s, ctx.json());
    if (sub == "check") return check(ctx, args);
    if (sub == "load") return load(ctx, args);
    if (sub == "list") return list(ctx);
    if (sub == "show") return show(ctx, args);
    return reportFailure(engine::invalidArgument("usage: qujat workflow check|load FILE... | list | show ID [--version N]"),
                         ctx.json());
}

}  // namespace qujat::cli
