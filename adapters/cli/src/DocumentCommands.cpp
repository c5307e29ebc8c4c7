// qujat doc submit|show|history|approve|reject|resubmit|list|content
#include <iostream>

#include "Context.h"
#include "EvidenceCommands.h"
#include "FileIo.h"
#include "Output.h"
#include "qujat/engine/MediaType.h"

namespace qujat::cli {

using engine::Result;
using engine::Status;

namespace {

// --field name=value, repeatable.
Result<std::map<std::string, std::string>> fieldsFrom(const Args& args) {
    std::map<std::string, std::string> fields;
    for (const std::string& f : args.all("field")) {
        const auto eq = f.find('=');
        if (eq == std::string::npos || eq == 0)
            return engine::invalidArgument("--field takes name=value, not '" + f + "'");
        fields[f.substr(0, eq)] = f.substr(eq + 1);
    }
    return fields;
}

Result<engine::Content> contentFrom(const std::string& path) {
    QUJAT_ASSIGN_OR_RETURN(std::string bytes, readFile(path));
    const std::string name = baseName(path);
    return engine::Content{std::move(bytes), name, engine::mediaTypeForFileName(name)};
}

Result<engine::DocumentId> documentId(const Args& args) {
    const auto& p = args.positionals();
    if (p.size() < 2) return engine::invalidArgument("name the document id");
    try {
        std::size_t used = 0;
        const long long id = std::stoll(p[1], &used);
        if (used == p[1].size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    return engine::invalidArgument("'" + p[1] + "' is not a document id");
}

int printDocument(Context& ctx, const Result<engine::Document>& doc, const std::string& verb) {
    if (!doc.isOk()) return reportFailure(doc.status(), ctx.json());
    if (ctx.json()) printJson(toJson(*doc));
    else std::cout << verb << " " << describe(*doc) << "\n";
    return 0;
}

int submit(Context& ctx, const Args& args) {
    auto actor = ctx.actor();
    if (!actor.isOk()) return reportFailure(actor.status(), ctx.json());
    if (args.positionals().size() != 2) return reportFailure(engine::invalidArgument("name one file to submit"), ctx.json());
    engine::SubmitRequest req;
    auto workflow = args.required("workflow");
    auto title = args.required("title");
    auto fields = fieldsFrom(args);
    auto content = contentFrom(args.positionals()[1]);
    for (const Status& s : {workflow.status(), title.status(), fields.status(), content.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    req.workflowId = *workflow;
    req.title = *title;
    req.originOrgCode = args.option("org").value_or("");
    req.fields = *fields;
    req.content = *content;
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    return printDocument(ctx, (*rt)->service().submit(*actor, req), "submitted");
}

int decide(Context& ctx, const Args& args, bool approve) {
    auto actor = ctx.actor();
    auto id = documentId(args);
    auto task = args.integer("task", 0);
    for (const Status& s : {actor.status(), id.status(), task.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    engine::Decision decision;
    decision.comment = args.option("comment").value_or("");
    if (*task) decision.taskId = *task;
    if (auto signature = args.option("signature")) {
        auto der = readFile(*signature);
        if (!der.isOk()) return reportFailure(der.status(), ctx.json());
        decision.evidence.signature = std::move(der).value();
    }
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto& service = (*rt)->service();
    return printDocument(ctx, approve ? service.approve(*actor, *id, decision) : service.reject(*actor, *id, decision),
                         approve ? "approved" : "rejected");
}

int resubmit(Context& ctx, const Args& args) {
    auto actor = ctx.actor();
    auto id = documentId(args);
    auto fields = fieldsFrom(args);
    for (const Status& s : {actor.status(), id.status(), fields.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    if (args.positionals().size() != 3)
        return reportFailure(engine::invalidArgument("usage: qujat doc resubmit ID FILE"), ctx.json());
    auto content = contentFrom(args.positionals()[2]);
    if (!content.isOk()) return reportFailure(content.status(), ctx.json());
    engine::ResubmitRequest req{*content, *fields, args.option("comment").value_or("")};
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    return printDocument(ctx, (*rt)->service().resubmit(*actor, *id, req), "resubmitted");
}

int show(Context& ctx, const Args& args) {
    auto id = documentId(args);
    if (!id.isOk()) return reportFailure(id.status(), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto view = (*rt)->service().document(ctx.viewer(), *id);
    if (!view.isOk()) return reportFailure(view.status(), ctx.json());
    if (ctx.json()) {
        auto o = toJson(view->document);
        Poco::JSON::Array::Ptr versions = new Poco::JSON::Array(), tasks = new Poco::JSON::Array(),
                               signatures = new Poco::JSON::Array();
        for (const auto& v : view->versions) versions->add(toJson(v));
        for (const auto& t : view->tasks) tasks->add(toJson(t));
        for (const auto& sig : view->signatures) signatures->add(toJson(sig));
        o->set("versions", versions);
        o->set("tasks", tasks);
        o->set("signatures", signatures);
        printJson(o);
        return 0;
    }
    std::cout << describe(view->document) << "\n  author " << view->document.authorLogin << ", workflow "
              << view->document.workflowId << " v" << view->document.workflowVersion << "\n";
    for (const auto& [k, v] : view->document.fields) std::cout << "  " << k << " = " << v << "\n";
    for (const auto& v : view->versions)
        std::cout << "  version " << v.number << ": " << v.fileName << " (" << v.mediaType << ", " << v.size
                  << " bytes, sha256 " << v.sha256 << ") by " << v.authorLogin << " at " << engine::formatIsoUtc(v.createdAt)
                  << (v.comment.empty() ? "" : ": «" + v.comment + "»") << "\n";
    for (const auto& t : view->tasks) std::cout << "  " << describe(t) << "\n";
    for (const auto& sig : view->signatures)
        std::cout << "  signature " << sig.id << " by " << sig.signerLogin << " on version " << sig.versionNumber
                  << " at step '" << sig.stepId << "', " << engine::formatIsoUtc(sig.acceptedAt) << ", certificate sha256 "
                  << sig.certificateSha256 << "\n";
    return 0;
}

int history(Context& ctx, const Args& args) {
    auto id = documentId(args);
    if (!id.isOk()) return reportFailure(id.status(), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto events = (*rt)->service().history(ctx.viewer(), *id);
    if (!events.isOk()) return reportFailure(events.status(), ctx.json());
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
    for (const auto& e : *events) {
        if (ctx.json()) out->add(toJson(e));
        else std::cout << "#" << e.seq << " " << engine::formatIsoUtc(e.time) << " " << e.actor << " " << e.action << " "
                       << e.details << "\n";
    }
    if (ctx.json()) printJson(out);
    return 0;
}

int list(Context& ctx, const Args& args) {
    engine::DocumentFilter filter;
    auto limit = args.integer("limit", 50);
    auto after = args.integer("after", 0);
    for (const Status& s : {limit.status(), after.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    filter.limit = static_cast<int>(*limit);
    filter.afterId = *after;
    filter.workflowId = args.option("workflow");
    filter.originOrgCode = args.option("org");
    filter.authorLogin = args.option("author");
    filter.text = args.option("search");
    if (auto state = args.option("state")) {
        filter.state = engine::parseDocumentState(*state);
        if (!filter.state)
            return reportFailure(engine::invalidArgument("--state is one of in-progress, returned, completed"), ctx.json());
    }
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto docs = (*rt)->service().listDocuments(ctx.viewer(), filter);
    if (!docs.isOk()) return reportFailure(docs.status(), ctx.json());
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
    for (const auto& d : *docs) {
        if (ctx.json()) out->add(toJson(d));
        else std::cout << describe(d) << "\n";
    }
    if (ctx.json()) printJson(out);
    return 0;
}

int content(Context& ctx, const Args& args) {
    auto id = documentId(args);
    auto version = args.integer("version", 0);
    auto out = args.required("out");
    for (const Status& s : {id.status(), version.status(), out.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    int number = static_cast<int>(*version);
    if (number == 0) {
        auto view = (*rt)->service().document(ctx.viewer(), *id);
        if (!view.isOk()) return reportFailure(view.status(), ctx.json());
        number = view->document.currentVersion;
    }
    auto bytes = (*rt)->service().versionContent(ctx.viewer(), *id, number);
    if (!bytes.isOk()) return reportFailure(bytes.status(), ctx.json());
    if (Status s = writeFile(*out, *bytes); !s.isOk()) return reportFailure(s, ctx.json());
    if (!ctx.json()) std::cout << "wrote version " << number << " to " << *out << "\n";
    return 0;
}

}  // namespace

int runDoc(Context& ctx, const Args& args) {
    const auto& p = args.positionals();
    const std::string sub = p.empty() ? "" : p[0];
    if (Status s = args.onlyKnown({"workflow", "title", "org", "field", "comment", "task", "signature", "state", "author", "search", "limit",
                                   "after", "version", "out"});
        !s.isOk())
        return reportFailure(s, ctx.json());
    if (sub == "submit") return submit(ctx, args);
    if (sub == "approve") return decide(ctx, args, true);
    if (sub == "reject") return decide(ctx, args, false);
    if (sub == "resubmit") return resubmit(ctx, args);
    if (sub == "show") return show(ctx, args);
    if (sub == "history") return history(ctx, args);
    if (sub == "export") return runDocExport(ctx, args);
    if (sub == "list") return list(ctx, args);
    if (sub == "content") return content(ctx, args);
    return reportFailure(engine::invalidArgument("usage: qujat doc submit|approve|reject|resubmit|show|history|list|content "
                                                 "(see qujat help)"),
                         ctx.json());
}

}  // namespace qujat::cli
