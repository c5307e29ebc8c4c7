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

namespace {

Poco::JSON::Object::Ptr localized(const engine::LocalizedText& text) {
    auto o = newObject();
    for (const auto& [lang, value] : text.byLang) o->set(lang, value);
    return o;
}




Poco::Dynamic::Var optionalText(const std::optional<std::string>& s) {
    return s ? Poco::Dynamic::Var(*s) : Poco::Dynamic::Var();
}

}  // namespace

Poco::JSON::Object::Ptr toJson(const engine::DocumentView& view) {
    auto o = toJson(view.document);
    Poco::JSON::Array::Ptr versions = new Poco::JSON::Array(), tasks = new Poco::JSON::Array(),
                           signatures = new Poco::JSON::Array();
    for (const auto& v : view.versions) versions->add(toJson(v));
    for (const auto& t : view.tasks) tasks->add(toJson(t));
    for (const auto& s : view.signatures) signatures->add(toJson(s));
    o->set("versions", versions);
    o->set("tasks", tasks);
    o->set("signatures", signatures);
    return o;
}

Poco::JSON::Object::Ptr toJsonDetailed(const engine::WorkflowDefinition& w) {
    auto o = toJson(w);
    Poco::JSON::Array::Ptr fields = new Poco::JSON::Array();
    for (const auto& f : w.fields) {
        auto fo = newObject();
        fo->set("name", f.name);
        fo->set("type", engine::fieldTypeName(f.type));
        fo->set("required", f.required);
        fo->set("min", f.min ? Poco::Dynamic::Var(*f.min) : Poco::Dynamic::Var());
        fo->set("max", f.max ? Poco::Dynamic::Var(*f.max) : Poco::Dynamic::Var());
        fo->set("maxLength", f.maxLength ? Poco::Dynamic::Var(static_cast<Poco::UInt64>(*f.maxLength)) : Poco::Dynamic::Var());
        Poco::JSON::Array::Ptr options = new Poco::JSON::Array();
        for (const auto& opt : f.options) {
            auto oo = newObject();
            oo->set("value", opt.value);
            oo->set("label", localized(opt.label));
            options->add(oo);
        }
        fo->set("options", options);
        fo->set("label", localized(f.label));
        fields->add(fo);
    }
    o->set("fields", fields);
    Poco::JSON::Array::Ptr steps = new Poco::JSON::Array();
    for (const auto& s : w.steps) {
        auto so = newObject();
        so->set("id", s.id);
        so->set("kind", engine::stepKindName(s.kind));
        so->set("title", localized(s.title));
        so->set("mode", engine::decisionModeName(s.mode));
        so->set("quorum", s.quorum);
        Poco::JSON::Array::Ptr actors = new Poco::JSON::Array();
        for (const auto& a : s.actors) actors->add(a.each ? a.text + " (each)" : a.text);
        so->set("actors", actors);
        so->set("next", optionalText(s.next));
        so->set("onReject", optionalText(s.onReject));
        so->set("dueSeconds", s.due ? Poco::Dynamic::Var(*s.due / 1000) : Poco::Dynamic::Var());
        so->set("escalateTo", s.escalateTo ? Poco::Dynamic::Var(s.escalateTo->text) : Poco::Dynamic::Var());
        so->set("numberPattern", s.numberPattern.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s.numberPattern));
        if (s.kind == engine::StepKind::kBranch) {
            so->set("branchField", s.branchField);
            Poco::JSON::Array::Ptr cases = new Poco::JSON::Array();
            for (const auto& c : s.cases) {
                auto co = newObject();
                co->set("equals", c.equals);
                co->set("target", c.target);
                cases->add(co);
            }
            so->set("cases", cases);
            so->set("otherwise", optionalText(s.otherwise));
        }
        steps->add(so);
    }
    o->set("stepDetails", steps);
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::InboxItem& item, engine::Millis now) {
    auto o = toJson(item.task);
    o->set("overdue", item.task.dueAt.has_value() && *item.task.dueAt < now);
    auto d = newObject();
    d->set("id", item.document.id);
    d->set("title", item.document.title);
    d->set("workflow", item.document.workflowId);
    d->set("type", item.document.documentType);
    d->set("origin", item.document.originOrgCode);
    d->set("author", item.document.authorLogin);
    d->set("state", engine::documentStateName(item.document.state));
    d->set("step", item.document.currentStep);
    d->set("version", item.document.currentVersion);
    o->set("documentSummary", d);
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::Org& org) {
    auto o = newObject();
    o->set("code", org.code);
    o->set("parent", optionalText(org.parentCode));
    o->set("level", engine::orgLevelName(org.level));
    auto names = newObject();
    names->set("kk", org.nameKk);
    names->set("ru", org.nameRu);
    names->set("en", org.nameEn);
    o->set("name", names);
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::User& u) {
    auto o = newObject();
    o->set("login", u.login);
    o->set("displayName", u.displayName);
    o->set("homeOrg", u.homeOrgCode);
    o->set("email", u.email);
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::RoleGrant& g) {
    auto o = newObject();
    o->set("role", g.role);
    o->set("org", g.orgCode);
    o->set("scope", g.scope == engine::GrantScope::kSubtree ? "subtree" : "org");
    o->set("validFrom", engine::formatIsoUtc(g.validFrom));
    o->set("validTo", optionalTime(g.validTo));
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::Delegation& d) {
    auto o = newObject();
    o->set("id", d.id);
    o->set("from", d.fromLogin);
    o->set("to", d.toLogin);
    o->set("role", d.role);
    o->set("validFrom", engine::formatIsoUtc(d.validFrom));
    o->set("validTo", engine::formatIsoUtc(d.validTo));
    return o;
}

Poco::JSON::Object::Ptr toJson(const engine::AuditVerification& v) {
    auto o = newObject();
    o->set("intact", v.intact());
    o->set("events", v.events);
    o->set("headSeq", v.headSeq);
    o->set("headHash", v.headHash);
    o->set("firstBadSeq", v.firstBadSeq ? Poco::Dynamic::Var(*v.firstBadSeq) : Poco::Dynamic::Var());
    o->set("problem", v.problem);
    return o;
}

namespace {

// The figures of a dashboard row, added to `o`.
void setActivity(Poco::JSON::Object& o, const engine::Activity& a) {
    o.set("inProgress", a.inProgress);
    o.set("completed", a.completed);
    o.set("returned", a.returned);
    o.set("overdueTasks", a.overdueTasks);
    o.set("medianTurnaroundSeconds",
          a.medianTurnaround ? Poco::Dynamic::Var((*a.medianTurnaround + 500) / 1000) : Poco::Dynamic::Var());
}

}  // namespace

Poco::JSON::Object::Ptr toJson(const engine::Dashboard& d) {
    auto o = newObject();
    o->set("org", toJson(d.org));
    o->set("asOf", engine::formatIsoUtc(d.asOf));
    auto totals = newObject();
    setActivity(*totals, d.totals);
    o->set("totals", totals);
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array();
    for (const engine::OrgActivity& row : d.organisations) {
        auto r = toJson(row.org);
        setActivity(*r, row.activity);
        rows->add(r);
    }
    o->set("organisations", rows);
    Poco::JSON::Array::Ptr days = new Poco::JSON::Array();
    for (const engine::DayCount& day : d.submittedPerDay) {
        auto c = newObject();
        c->set("date", engine::formatIsoUtc(day.day).substr(0, 10));
        c->set("count", day.count);
        days->add(c);
    }
    o->set("submittedPerDay", days);
    return o;
}

}  // namespace qujat::json
