#include "qujat/json/EngineJson.h"

namespace qujat::json {

Poco::JSON::Object::Ptr newObject() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

namespace {

Poco::Dynamic::Var optionalTime(const std::optional<engine::Millis>& t) {
    return t ? Poco::Dynamic::Var(engine::formatIsoUtc(*t)) : Poco::Dynamic::Var();
}

}  // namespace

Poco::JSON::Object::Ptr toJson(const engine::Document& d) {
    auto o = newObject();
    o->set("id", d.id);
    o->set("title", d.title);
    o->set("workflow", d.workflowId);
    o->set("workflowVersion", d.workflowVersion);
    o->set("type", d.documentType);
    o->set("origin", d.originOrgCode);
    o->set("author", d.authorLogin);
    o->set("state", engine::documentStateName(d.state));
    o->set("step", d.currentStep);
    o->set("version", d.currentVersion);
    o->set("registrationNumber", d.registrationNumber ? Poco::Dynamic::Var(*d.registrationNumber) : Poco::Dynamic::Var());
    auto fields = newObject();
    for (const auto& [k, v] : d.fields) fields->set(k, v);
    o->set("fields", fields);
    o->set("createdAt", engine::formatIsoUtc(d.createdAt));
    o->set("updatedAt", engine::formatIsoUtc(d.updatedAt));
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::Version& v) {
    auto o = newObject();
    o->set("number", v.number);
    o->set("sha256", v.sha256);
    o->set("size", v.size);
    o->set("mediaType", v.mediaType);
    o->set("fileName", v.fileName);
    o->set("author", v.authorLogin);
    o->set("comment", v.comment);
    o->set("createdAt", engine::formatIsoUtc(v.createdAt));
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::Task& t) {
    auto o = newObject();
    o->set("id", t.id);
    o->set("document", t.documentId);
    o->set("step", t.stepId);
    o->set("round", t.round);
    o->set("seat", t.seat);
    o->set("role", t.role);
    o->set("org", t.orgCode);
    o->set("assignee", t.assigneeLogin ? Poco::Dynamic::Var(*t.assigneeLogin) : Poco::Dynamic::Var());
    o->set("state", engine::taskStateName(t.state));
    o->set("openedAt", engine::formatIsoUtc(t.openedAt));
    o->set("dueAt", optionalTime(t.dueAt));
    o->set("escalated", t.escalated);
    o->set("escalatedFrom", t.escalatedFrom ? Poco::Dynamic::Var(*t.escalatedFrom) : Poco::Dynamic::Var());
    o->set("closedAt", optionalTime(t.closedAt));
    o->set("actor", t.actorLogin ? Poco::Dynamic::Var(*t.actorLogin) : Poco::Dynamic::Var());
    o->set("comment", t.comment);
    o->set("version", t.versionNumber);
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::AuditEvent& e) {
    auto o = newObject();
    o->set("seq", e.seq);
    o->set("time", engine::formatIsoUtc(e.time));
    o->set("actor", e.actor);
    o->set("action", e.action);
    o->set("subject", e.subject);
    o->set("details", e.details);
    o->set("prevHash", e.prevHash);
    o->set("hash", e.hash);
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::SignatureRecord& s) {
    auto o = newObject();
    o->set("id", s.id);
    o->set("document", s.documentId);
    o->set("version", s.versionNumber);
    o->set("task", s.taskId);
    o->set("step", s.stepId);
    o->set("signer", s.signerLogin);
    o->set("certificateSha256", s.certificateSha256);
    o->set("cmsSha256", s.cmsSha256);
    o->set("acceptedAt", engine::formatIsoUtc(s.acceptedAt));
    o->set("report", s.report);
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::WorkflowDefinition& w) {
    auto o = newObject();
    o->set("id", w.id);
    o->set("version", w.version);
    o->set("documentType", w.documentType);
    auto titles = newObject();
    for (const auto& [lang, text] : w.title.byLang) titles->set(lang, text);
    o->set("title", titles);
    o->set("sha256", w.sha256);
    Poco::JSON::Array::Ptr steps = new Poco::JSON::Array();
    for (const auto& s : w.steps) steps->add(s.id);
    o->set("steps", steps);
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::Diagnostic& d) {
    auto o = newObject();
    o->set("file", d.where.file);
    o->set("line", d.where.line);
    o->set("column", d.where.column);
    o->set("message", d.message);
    return o;
}

}  // namespace qujat::json
