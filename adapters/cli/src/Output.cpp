#include "Output.h"

#include <Poco/JSON/Stringifier.h>

#include <iostream>

namespace qujat::cli {

using engine::StatusCode;

int exitCodeFor(StatusCode code) {
    switch (code) {
        case StatusCode::kOk: return 0;
        case StatusCode::kInvalidArgument: return 3;
        case StatusCode::kNotFound: return 4;
        case StatusCode::kAlreadyExists: return 5;
        case StatusCode::kFailedPrecondition: return 6;
        case StatusCode::kAborted: return 7;
        case StatusCode::kPermissionDenied: return 8;
        case StatusCode::kUnauthenticated: return 9;
        case StatusCode::kUnavailable: return 10;
        case StatusCode::kDataLoss: return 11;
        case StatusCode::kInternal: return 12;
    }
    return 12;
}

int reportFailure(const engine::Status& status, bool json) {
    if (json) {
        auto o = newObject();
        o->set("error", engine::statusCodeName(status.code()));
        o->set("message", status.message());
        printJson(o);
    } else {
        std::cerr << "qujat: " << engine::statusCodeName(status.code()) << ": " << status.message() << "\n";
    }
    return exitCodeFor(status.code());
}

void printJson(const Poco::Dynamic::Var& value) {
    Poco::JSON::Stringifier::stringify(value, std::cout, 2);
    std::cout << "\n";
}

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

std::string describe(const engine::Document& d) {
    std::string s = "#" + std::to_string(d.id) + " " + d.documentType + " «" + d.title + "» from " + d.originOrgCode +
                    ": " + engine::documentStateName(d.state) + ", step " + d.currentStep + ", version " +
                    std::to_string(d.currentVersion);
    if (d.registrationNumber) s += ", № " + *d.registrationNumber;
    return s;
}

std::string describe(const engine::Task& t) {
    std::string who = t.assigneeLogin ? "user:" + *t.assigneeLogin : "role:" + t.role + "@" + t.orgCode;
    std::string s = "task " + std::to_string(t.id) + " [" + t.stepId + " seat " + std::to_string(t.seat) + "] " + who +
                    " " + engine::taskStateName(t.state);
    if (t.dueAt) s += ", due " + engine::formatIsoUtc(*t.dueAt);
    if (t.escalated) s += ", escalated";
    if (t.escalatedFrom) s += ", escalation of task " + std::to_string(*t.escalatedFrom);
    if (t.actorLogin) s += ", by " + *t.actorLogin;
    if (!t.comment.empty()) s += ": «" + t.comment + "»";
    return s;
}

}  // namespace qujat::cli
