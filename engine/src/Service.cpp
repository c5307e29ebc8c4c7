#include "qujat/engine/Service.h"

#include <algorithm>

#include "qujat/engine/SearchText.h"
#include "qujat/engine/WorkflowCheck.h"

namespace qujat::engine {

Service::Service(ServicePorts ports, std::vector<RoleDef> roles) : ports_(ports), roles_(std::move(roles)) {}

// ---------------------------------------------------------------- workflows

Result<WorkflowDefinition> Service::parseAndValidate(const std::string& xml, const std::string& sourceName) const {
    ParsedWorkflow checked = checkWorkflowSource(ports_.parser, xml, sourceName, roles_);
    if (!checked.definition) {
        std::string message = sourceName + " is not a valid workflow:";
        for (const Diagnostic& d : checked.diagnostics) message += "\n  " + d.toString();
        return invalidArgument(message);
    }
    WorkflowDefinition def = std::move(*checked.definition);
    def.sha256 = ports_.hasher.sha256Hex(xml);
    return def;
}

Result<WorkflowDefinition> Service::loadWorkflow(const std::string& xml, const std::string& sourceName,
                                                 const std::string& actor) {
    auto def = parseAndValidate(xml, sourceName);
    if (!def.isOk()) return audited(def, actor, "workflow.load", "workflow/" + sourceName);
    const Millis now = ports_.clock.now();
    Status s = ports_.store.write([&](StoreWriter& w) -> Status {
        auto existing = w.workflow(def->id, def->version);
        if (existing.isOk()) {
            if (existing->sha256 == def->sha256) return Status::ok();
            return alreadyExists("workflow '" + def->id + "' version " + std::to_string(def->version) +
                                 " is already loaded with different content; give the changed file a new version");
        }
        QUJAT_RETURN_IF_ERROR(w.putWorkflow({def->id, def->version, def->sha256, xml, sourceName, now}));
        return appendAudit(w, ports_.hasher,
                           {actor, "workflow.load", "workflow/" + def->id + "@" + std::to_string(def->version),
                            {{"sha256", def->sha256}, {"source", sourceName}}},
                           now)
            .status();
    });
    if (!s.isOk()) return audited(s, actor, "workflow.load", "workflow/" + def->id);
    return def;
}

Result<std::shared_ptr<const WorkflowDefinition>> Service::definitionFor(StoreReader& reader, const std::string& id,
                                                                        int version) {
    {
        std::lock_guard<std::mutex> lock(cacheMutex_);
        auto it = definitions_.find({id, version});
        if (it != definitions_.end()) return it->second;
    }
    QUJAT_ASSIGN_OR_RETURN(StoredWorkflow stored, reader.workflow(id, version));
    // A stored definition was validated when it was loaded; only parse it again.
    ParsedWorkflow parsed = ports_.parser.parse(stored.xml, stored.sourceName);
    if (!parsed.definition)
        return dataLoss("stored workflow '" + id + "' version " + std::to_string(version) + " no longer parses: " +
                        (parsed.diagnostics.empty() ? "" : parsed.diagnostics.front().toString()));
    parsed.definition->sha256 = stored.sha256;
    auto def = std::make_shared<const WorkflowDefinition>(std::move(*parsed.definition));
    std::lock_guard<std::mutex> lock(cacheMutex_);
    definitions_.emplace(std::make_pair(id, version), def);
    return def;
}

Result<std::vector<WorkflowDefinition>> Service::listWorkflows() {
    std::vector<WorkflowDefinition> out;
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(std::vector<StoredWorkflow> stored, r.latestWorkflows());
        for (const StoredWorkflow& w : stored) {
            QUJAT_ASSIGN_OR_RETURN(auto def, definitionFor(r, w.id, w.version));
            out.push_back(*def);
        }
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return out;
}

Result<WorkflowDefinition> Service::workflow(const std::string& id, int version) {
    std::shared_ptr<const WorkflowDefinition> def;
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        int v = version;
        if (v == 0) {
            auto latest = r.latestWorkflow(id);
            if (!latest.isOk()) return notFound("no workflow '" + id + "' is loaded");
            v = latest->version;
        }
        QUJAT_ASSIGN_OR_RETURN(def, definitionFor(r, id, v));
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return *def;
}

// ---------------------------------------------------------------- directory

Status Service::importDirectory(const std::vector<Org>& orgs, const std::vector<User>& users,
                               const std::vector<RoleGrant>& grants, const std::vector<Delegation>& delegations,
                               const std::string& actor) {
    const Millis now = ports_.clock.now();
    Status s = ports_.store.write([&](StoreWriter& w) -> Status {
        for (const Org& o : orgs) QUJAT_RETURN_IF_ERROR(w.insertOrg(o));
        for (const User& u : users) QUJAT_RETURN_IF_ERROR(w.insertUser(u));
        for (const RoleGrant& g : grants) {
            if (std::none_of(roles_.begin(), roles_.end(), [&](const RoleDef& r) { return r.name == g.role; }))
                return invalidArgument("grant of unknown role '" + g.role + "' to " + g.login);
            QUJAT_RETURN_IF_ERROR(w.insertGrant(g));
        }
        for (const Delegation& d : delegations) QUJAT_RETURN_IF_ERROR(w.insertDelegation(d).status());
        return appendAudit(w, ports_.hasher,
                           {actor, "directory.import", "directory",
                            {{"orgs", std::to_string(orgs.size())},
                             {"users", std::to_string(users.size())},
                             {"grants", std::to_string(grants.size())},
                             {"delegations", std::to_string(delegations.size())}}},
                           now)
            .status();
    });
    return audited(s, actor, "directory.import", "directory");
}

Status Service::registerCertificate(const std::string& actor, CertificateBinding binding) {
    binding.registeredAt = ports_.clock.now();
    binding.registeredBy = actor;
    Status s = ports_.store.write([&](StoreWriter& w) -> Status {
        QUJAT_RETURN_IF_ERROR(w.insertCertificateBinding(binding));
        return appendAudit(w, ports_.hasher,
                           {actor, "certificate.register", "user/" + binding.login,
                            {{"certificate", binding.certificateSha256}, {"subject", binding.subject}}},
                           binding.registeredAt)
            .status();
    });
    return audited(s, actor, "certificate.register", "user/" + binding.login);
}

Result<std::vector<CertificateBinding>> Service::certificatesOf(const std::string& login) {
    std::vector<CertificateBinding> out;
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_RETURN_IF_ERROR(r.userByLogin(login).status());
        QUJAT_ASSIGN_OR_RETURN(out, r.certificateBindingsOf(login));
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return out;
}

Result<Org> Service::organisation(const std::string& code) {
    Org org;
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        auto found = r.orgByCode(code);
        if (!found.isOk()) return notFound("no organisation '" + code + "'");
        org = std::move(found).value();
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return org;
}

Result<UserView> Service::user(const std::string& login) {
    UserView view;
    const Millis now = ports_.clock.now();
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(view.user, r.userByLogin(login));
        QUJAT_ASSIGN_OR_RETURN(view.grants, r.grantsOf(login, now));
        return Status::ok();
    });
    if (!s.isOk()) return s;
    view.user.passwordHash.clear();
    return view;
}

Result<std::vector<UserView>> Service::users(const UserFilter& filter) {
    std::vector<UserView> out;
    const Millis now = ports_.clock.now();
    auto matches = [&](const UserView& v) {
        const bool inOrg = !filter.orgCode || v.user.homeOrgCode == *filter.orgCode ||
                           std::any_of(v.grants.begin(), v.grants.end(),
                                       [&](const RoleGrant& g) { return g.orgCode == *filter.orgCode; });
        const bool hasRole = !filter.role || std::any_of(v.grants.begin(), v.grants.end(), [&](const RoleGrant& g) {
                                 return g.role == *filter.role && (!filter.orgCode || g.orgCode == *filter.orgCode);
                             });
        return inOrg && hasRole;
    };
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        std::string after = filter.afterLogin;
        while (static_cast<int>(out.size()) < filter.limit) {
            QUJAT_ASSIGN_OR_RETURN(std::vector<User> page, r.listUsers(500, after));
            if (page.empty()) break;
            after = page.back().login;
            for (User& u : page) {
                UserView v{std::move(u), {}};
                QUJAT_ASSIGN_OR_RETURN(v.grants, r.grantsOf(v.user.login, now));
                v.user.passwordHash.clear();
                if (matches(v) && static_cast<int>(out.size()) < filter.limit) out.push_back(std::move(v));
            }
        }
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return out;
}

Result<std::vector<std::string>> Service::holdersOf(const std::string& role, const std::string& orgCode) {
    std::vector<std::string> logins;
    const Millis now = ports_.clock.now();
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(logins, r.holdersOf(role, orgCode, now));
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return logins;
}

// ---------------------------------------------------------------- queries

Status Service::requireVisible(StoreReader& r, const Viewer& viewer, DocumentId id, Millis now) {
    const Status missing = notFound("document " + std::to_string(id) + " does not exist");
    if (!r.document(id).isOk()) return missing;
    if (!viewer.login) return Status::ok();
    DocumentFilter filter;
    filter.id = id;
    filter.visibleTo = viewer.login;
    filter.visibleAt = now;
    filter.limit = 1;
    QUJAT_ASSIGN_OR_RETURN(std::vector<Document> visible, r.listDocuments(filter));
    if (!visible.empty()) return Status::ok();
    // A delegate sees what they may act on now.
    QUJAT_ASSIGN_OR_RETURN(std::vector<Task> actionable, r.openTasksFor(*viewer.login, now));
    for (const Task& t : actionable)
        if (t.documentId == id) return Status::ok();
    return missing;
}

Status Service::readDocument(const Viewer& viewer, DocumentId id, const std::function<Status(StoreReader&)>& work) {
    const Millis now = ports_.clock.now();
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_RETURN_IF_ERROR(requireVisible(r, viewer, id, now));
        return work(r);
    });
    if (s.isOk() || !viewer.login) return s;
    return audited(s, *viewer.login, "document.read", "document/" + std::to_string(id));
}

Result<DocumentView> Service::document(const Viewer& viewer, DocumentId id) {
    DocumentView view;
    QUJAT_RETURN_IF_ERROR(readDocument(viewer, id, [&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(view.document, r.document(id));
        QUJAT_ASSIGN_OR_RETURN(view.versions, r.versions(id));
        QUJAT_ASSIGN_OR_RETURN(view.tasks, r.tasksOf(id));
        QUJAT_ASSIGN_OR_RETURN(view.signatures, r.signaturesOf(id));
        return Status::ok();
    }));
    return view;
}

Result<std::vector<Document>> Service::listDocuments(const Viewer& viewer, DocumentFilter filter) {
    filter.visibleTo = viewer.login;
    filter.visibleAt = ports_.clock.now();
    if (filter.text) filter.text = searchQueryText(*filter.text);
    std::vector<Document> docs;
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(docs, r.listDocuments(filter));
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return docs;
}

Result<std::string> Service::versionContent(const Viewer& viewer, DocumentId id, int versionNumber) {
    std::string sha;
    QUJAT_RETURN_IF_ERROR(readDocument(viewer, id, [&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(std::vector<Version> versions, r.versions(id));
        for (const Version& v : versions)
            if (v.number == versionNumber) sha = v.sha256;
        if (sha.empty())
            return notFound("document " + std::to_string(id) + " has no version " + std::to_string(versionNumber));
        return Status::ok();
    }));
    return ports_.content.get(sha);
}

Status Service::recordExport(const std::string& actor, DocumentId id, const std::string& package) {
    const std::string packageSha256 = ports_.hasher.sha256Hex(package);
    const Millis now = ports_.clock.now();
    return ports_.store.write([&](StoreWriter& w) -> Status {
        QUJAT_RETURN_IF_ERROR(w.document(id).status());
        return appendAudit(w, ports_.hasher,
                           {actor, "document.export", "document/" + std::to_string(id), {{"package-sha256", packageSha256}}},
                           now)
            .status();
    });
}

Result<std::string> Service::signatureContent(const Viewer& viewer, DocumentId id, std::int64_t signatureId) {
    std::string sha;
    QUJAT_RETURN_IF_ERROR(readDocument(viewer, id, [&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(std::vector<SignatureRecord> signatures, r.signaturesOf(id));
        for (const SignatureRecord& s : signatures)
            if (s.id == signatureId) sha = s.cmsSha256;
        if (sha.empty())
            return notFound("document " + std::to_string(id) + " has no signature " + std::to_string(signatureId));
        return Status::ok();
    }));
    return ports_.content.get(sha);
}

Result<std::vector<AuditEvent>> Service::history(const Viewer& viewer, DocumentId id) {
    std::vector<AuditEvent> events;
    QUJAT_RETURN_IF_ERROR(readDocument(viewer, id, [&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(events, r.auditEventsFor("document/" + std::to_string(id)));
        return Status::ok();
    }));
    return events;
}

Result<std::vector<InboxItem>> Service::inbox(const std::string& login) {
    std::vector<InboxItem> items;
    const Millis now = ports_.clock.now();
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        if (!r.userByLogin(login).isOk()) return unauthenticated("unknown user '" + login + "'");
        QUJAT_ASSIGN_OR_RETURN(std::vector<Task> tasks, r.openTasksFor(login, now));
        for (Task& t : tasks) {
            QUJAT_ASSIGN_OR_RETURN(Document d, r.document(t.documentId));
            items.push_back({std::move(t), std::move(d)});
        }
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return items;
}

Result<AuditVerification> Service::verifyAudit() {
    AuditVerification result;
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(result, verifyAuditChain(r, ports_.hasher));
        return Status::ok();
    });
    if (!s.isOk()) return s;
    return result;
}

// ---------------------------------------------------------------- refusals

Status Service::audited(Status status, const std::string& actor, const std::string& command,
                        const std::string& subject) {
    switch (status.code()) {
        case StatusCode::kInvalidArgument:
        case StatusCode::kNotFound:
        case StatusCode::kAlreadyExists:
        case StatusCode::kFailedPrecondition:
        case StatusCode::kPermissionDenied:
        case StatusCode::kUnauthenticated:
            break;
        default:
            return status;  // not the actor's doing: nothing to hold them to
    }
    const Millis now = ports_.clock.now();
    Status recorded = ports_.store.write([&](StoreWriter& w) -> Status {
        return appendAudit(w, ports_.hasher,
                           {actor.empty() ? "anonymous" : actor, "refused", subject,
                            {{"command", command}, {"code", statusCodeName(status.code())}, {"reason", status.message()}}},
                           now)
            .status();
    });
    if (!recorded.isOk())
        return Status(status.code(), status.message() + " (and the refusal could not be audited: " +
                                         recorded.message() + ")");
    return status;
}

}  // namespace qujat::engine
