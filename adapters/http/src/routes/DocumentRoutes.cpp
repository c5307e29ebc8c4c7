// /api/v1/documents: list and search, submit, read, versions, resubmit, approve, reject,
// history.
#include "ContentPolicy.h"
#include "JsonObjectReader.h"
#include "JsonReader.h"
#include "Multipart.h"
#include "RouteSupport.h"
#include "Routes.h"
#include "UrlPath.h"

namespace qujat::http::documents {

using namespace support;

namespace {

constexpr std::int64_t kDefaultPage = 50;
constexpr std::int64_t kMaxPage = 200;

std::string documentPath(engine::DocumentId id) { return "/api/v1/documents/" + std::to_string(id); }

// Reads a multipart/form-data upload and checks its parts against `known`; `file` must be
// one of them and carry a file name.
Outcome<std::map<std::string, FormPart>> readForm(Exchange& ex, std::initializer_list<const char*> known) {
    if (ex.mediaType() != "multipart/form-data")
        return problem(415, "unsupported-media-type",
                       "send the document as multipart/form-data with a 'file' part" +
                           (ex.mediaType().empty() ? std::string() : ", not " + ex.mediaType()));
    auto body = ex.readBody(ex.api().options.limits.uploadBytes);
    if (!body.ok()) return body.problem();
    auto parts = parseMultipart(ex.request().getContentType(), *body);
    if (!parts.ok()) return parts.problem();
    std::string allowed;
    for (const char* k : known) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
    for (const auto& [name, part] : *parts) {
        bool ok = false;
        for (const char* k : known) ok = ok || name == k;
        if (!ok) return problem(400, "unknown-field", "the form has an unknown part '" + name + "'; the parts are: " + allowed);
        if (name != "file" && part.fileName)
            return problem(400, "malformed-multipart", "the part '" + name + "' must be a plain value, not a file");
    }
    auto file = parts->find("file");
    if (file == parts->end() || !file->second.fileName)
        return problem(400, "missing-field", "the form needs a 'file' part with a file name (the document itself)");
    return parts;
}

std::string text(const std::map<std::string, FormPart>& parts, const std::string& name) {
    auto it = parts.find(name);
    return it == parts.end() ? std::string() : it->second.body;
}

Outcome<std::map<std::string, std::string>> fieldsPart(const std::map<std::string, FormPart>& parts) {
    auto it = parts.find("fields");
    if (it == parts.end()) return std::map<std::string, std::string>();
    auto parsed = parseJson(it->second.body);
    if (!parsed.ok()) {
        Problem p = parsed.problem();
        p.detail = "in the 'fields' part: " + p.detail;
        return p;
    }
    return fieldsFromJson(*parsed, "the 'fields' part");
}

engine::Content contentOf(const FormPart& file) {
    return engine::Content{file.body, *file.fileName, storedMediaType(file.contentType, *file.fileName)};
}

}  // namespace

Reply list(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {"workflow", "state", "org", "author", "q", "limit", "after"})) return *bad;
    auto limit = ex.query().integer("limit", kDefaultPage, 1, kMaxPage);
    if (!limit.ok()) return fail(limit.problem());
    auto after = ex.query().integer("after", 0, 0, INT64_MAX);
    if (!after.ok()) return fail(after.problem());
    engine::DocumentFilter filter;
    filter.workflowId = ex.query().get("workflow");
    filter.originOrgCode = ex.query().get("org");
    filter.authorLogin = ex.query().get("author");
    filter.text = ex.query().get("q");
    if (filter.text && filter.text->find_first_not_of(" \t") == std::string::npos) filter.text.reset();
    if (auto state = ex.query().get("state")) {
        filter.state = engine::parseDocumentState(*state);
        if (!filter.state)
            return fail(problem(400, "malformed-request", "state is one of in-progress, returned, completed"));
    }
    filter.afterId = *after;
    filter.limit = static_cast<int>(*limit) + 1;  // one more tells whether there is a next page
    auto docs = ex.service().listDocuments(ex.viewer(), filter);
    if (!docs.isOk()) return fail(docs.status());
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (std::size_t i = 0; i < docs->size() && static_cast<std::int64_t>(i) < *limit; ++i) items->add(json::toJson((*docs)[i]));
    std::optional<std::string> next;
    if (static_cast<std::int64_t>(docs->size()) > *limit) {
        std::string url = "/api/v1/documents?";
        for (const char* name : {"workflow", "state", "org", "author", "q"})
            if (auto v = ex.query().get(name)) url += std::string(name) + "=" + percentEncode(*v) + "&";
        url += "limit=" + std::to_string(*limit) + "&after=" + std::to_string((*docs)[*limit - 1].id);
        next = url;
    }
    return page(items, next);
}

Reply submit(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto parts = readForm(ex, {"file", "workflow", "title", "org", "fields"});
    if (!parts.ok()) return fail(parts.problem());
    auto fields = fieldsPart(*parts);
    if (!fields.ok()) return fail(fields.problem());
    engine::SubmitRequest req;
    req.workflowId = text(*parts, "workflow");
    req.title = text(*parts, "title");
    req.originOrgCode = text(*parts, "org");
    req.fields = std::move(*fields);
    req.content = contentOf(parts->at("file"));
    if (req.workflowId.empty()) return fail(problem(400, "missing-field", "the form needs a 'workflow' part"));
    auto doc = ex.service().submit(ex.me().login, req);
    if (!doc.isOk()) return fail(doc.status());
    Reply r = Reply::json(201, json::toJson(*doc));
    r.header("Location", documentPath(doc->id));
    return r;
}

Reply get(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    auto view = ex.service().document(ex.viewer(), *id);
    if (!view.isOk()) return fail(view.status());
    return Reply::json(200, json::toJson(*view));
}

Reply versions(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    auto view = ex.service().document(ex.viewer(), *id);
    if (!view.isOk()) return fail(view.status());
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& v : view->versions) items->add(json::toJson(v));
    return page(items, std::nullopt);
}

Reply version(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    auto n = idParam(ex, "n", "a version number");
    if (!n.ok()) return fail(n.problem());
    auto view = ex.service().document(ex.viewer(), *id);
    if (!view.isOk()) return fail(view.status());
    for (const auto& v : view->versions)
        if (v.number == *n) return Reply::json(200, json::toJson(v));
    return fail(problem(404, "not-found", "document " + std::to_string(*id) + " has no version " + std::to_string(*n)));
}

Reply resubmit(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    auto parts = readForm(ex, {"file", "fields", "comment"});
    if (!parts.ok()) return fail(parts.problem());
    auto fields = fieldsPart(*parts);
    if (!fields.ok()) return fail(fields.problem());
    if (engine::Status s = requireVisible(ex, *id); !s.isOk()) return fail(s);
    engine::ResubmitRequest req{contentOf(parts->at("file")), std::move(*fields), text(*parts, "comment")};
    auto doc = ex.service().resubmit(ex.me().login, *id, req);
    if (!doc.isOk()) return fail(doc.status());
    Reply r = Reply::json(201, json::toJson(*doc));
    r.header("Location", documentPath(*id) + "/versions/" + std::to_string(doc->currentVersion));
    return r;
}

Reply approve(Exchange& ex) {
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    engine::Decision decision;
    const std::string type = ex.mediaType();
    if (type == "application/json") {
        if (auto bad = unknownQuery(ex, {})) return *bad;
        auto body = ex.readJson();
        if (!body.ok()) return fail(body.problem());
        auto reader = JsonObjectReader::from(*body, {"comment", "task"});
        if (!reader.ok()) return fail(reader.problem());
        auto comment = reader->optionalString("comment");
        if (!comment.ok()) return fail(comment.problem());
        auto task = reader->optionalInteger("task");
        if (!task.ok()) return fail(task.problem());
        decision.comment = comment->value_or("");
        decision.taskId = *task;
    } else if (type.empty() || type == "application/pkcs7-signature" || type == "application/octet-stream") {
        // A detached CMS signature as the body (or no body); the rest in the query.
        if (auto bad = unknownQuery(ex, {"comment", "task"})) return *bad;
        auto task = ex.query().integer("task", 0, 1, INT64_MAX);
        if (!task.ok()) return fail(task.problem());
        if (ex.query().get("task")) decision.taskId = *task;
        decision.comment = ex.query().get("comment").value_or("");
        auto body = ex.readBody(ex.api().options.limits.signatureBytes);
        if (!body.ok()) return fail(body.problem());
        if (!type.empty() && body->empty())
            return fail(problem(400, "malformed-request", "the signature body is empty"));
        decision.evidence.signature = std::move(*body);
    } else {
        return fail(problem(415, "unsupported-media-type",
                            "approve with application/json {\"comment\", \"task\"}, or with the detached CMS "
                            "signature as application/pkcs7-signature (comment and task in the query), not " + type));
    }
    if (engine::Status s = requireVisible(ex, *id); !s.isOk()) return fail(s);
    auto doc = ex.service().approve(ex.me().login, *id, decision);
    if (!doc.isOk()) return fail(doc.status());
    return Reply::json(200, json::toJson(*doc));
}

Reply reject(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    auto body = ex.readJson();
    if (!body.ok()) return fail(body.problem());
    auto reader = JsonObjectReader::from(*body, {"comment", "task"});
    if (!reader.ok()) return fail(reader.problem());
    auto comment = reader->requiredString("comment");
    if (!comment.ok()) return fail(comment.problem());
    auto task = reader->optionalInteger("task");
    if (!task.ok()) return fail(task.problem());
    if (engine::Status s = requireVisible(ex, *id); !s.isOk()) return fail(s);
    engine::Decision decision;
    decision.comment = *comment;
    decision.taskId = *task;
    auto doc = ex.service().reject(ex.me().login, *id, decision);
    if (!doc.isOk()) return fail(doc.status());
    return Reply::json(200, json::toJson(*doc));
}

Reply history(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    auto events = ex.service().history(ex.viewer(), *id);
    if (!events.isOk()) return fail(events.status());
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& e : *events) items->add(json::toJson(e));
    return page(items, std::nullopt);
}

}  // namespace qujat::http::documents
