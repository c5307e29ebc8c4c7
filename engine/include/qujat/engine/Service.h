#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "qujat/engine/AuditChain.h"
#include "qujat/engine/Dashboard.h"
#include "qujat/engine/Directory.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Signature.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Workflow.h"
#include "qujat/engine/ports/ApprovalCheck.h"
#include "qujat/engine/ports/Clock.h"
#include "qujat/engine/ports/ContentStore.h"
#include "qujat/engine/ports/Hasher.h"
#include "qujat/engine/ports/Store.h"
#include "qujat/engine/ports/WorkflowParser.h"

namespace qujat::engine {

// The ports the service runs on. All must outlive the Service.
struct ServicePorts {
    Store& store;
    ContentStore& content;
    Clock& clock;
    const Hasher& hasher;
    const WorkflowParser& parser;
    ApprovalCheck& approvals;
};

// A file handed in as a document version.
struct Content {
    std::string bytes;
    std::string fileName;
    std::string mediaType;
};

struct SubmitRequest {
    std::string workflowId;                     // its latest version is used
    std::string title;
    std::string originOrgCode;                  // empty: the one org where the author may submit
    std::map<std::string, std::string> fields;
    Content content;
};

struct ResubmitRequest {
    Content content;
    std::map<std::string, std::string> fields;  // replaces the named fields; others are kept
    std::string comment;                        // what changed
};

struct Decision {
    std::optional<TaskId> taskId;               // which of the actor's seats; default: the only one
    std::string comment;                        // required for a rejection
    ApprovalEvidence evidence;
};

// A document with everything needed to show where it is.
struct DocumentView {
    Document document;
    std::vector<Version> versions;
    std::vector<Task> tasks;
    std::vector<SignatureRecord> signatures;
};

struct InboxItem {
    Task task;
    Document document;
};

// A user as administrators and colleagues see them: no password hash.
struct UserView {
    User user;
    std::vector<RoleGrant> grants;  // valid now
};

struct UserFilter {
    std::optional<std::string> role;     // holds this role (anywhere, or at orgCode)
    std::optional<std::string> orgCode;  // belongs to or holds a role at this organisation
    int limit = 100;
    std::string afterLogin;              // keyset pagination, ascending by login
};

struct TickReport {
    int escalated = 0;    // tasks whose deadline passed and which went to the escalation actor
    int overdue = 0;      // tasks whose deadline passed with no one to escalate to
    std::vector<std::string> problems;  // escalations that could not be made, and why
};

// Who is reading. A user sees only the documents the visibility rules give them
// (DocumentFilter::visibleTo, plus what they may act on now through a delegation) and gets
// kNotFound for any other, exactly as for an id that does not exist, so ids reveal nothing.
// The local operator (the CLI without --as) sees everything.
struct Viewer {
    std::optional<std::string> login;
    static Viewer localOperator() { return {}; }
    static Viewer user(std::string login) { return {std::move(login)}; }
};

// The one entry point for every use case, shared by the CLI and the HTTP API.
// Authorisation, validation and audit happen here once. Each command commits its state
// change, the tasks it opens and closes and its audit events in ONE transaction, or
// nothing; a refused command (wrong actor, bad input, wrong state) is itself audited.
// Thread-safe: commands may run concurrently; the store serialises them per document.
class Service {
public:
    Service(ServicePorts ports, std::vector<RoleDef> roles);

    // --- workflows ---
    // Stores a valid definition so documents can start on it. Loading the same bytes again is
    // a no-op; other bytes under an existing (id, version) are kAlreadyExists. Invalid
    // definitions are kInvalidArgument listing every diagnostic.
    Result<WorkflowDefinition> loadWorkflow(const std::string& xml, const std::string& sourceName,
                                            const std::string& actor);
    Result<std::vector<WorkflowDefinition>> listWorkflows();
    // `version` 0 means the latest.
    Result<WorkflowDefinition> workflow(const std::string& id, int version);
    const std::vector<RoleDef>& roles() const { return roles_; }

    // --- directory ---
    // Inserts organisations, users, grants and delegations in one transaction, audited.
    Status importDirectory(const std::vector<Org>& orgs, const std::vector<User>& users,
                           const std::vector<RoleGrant>& grants, const std::vector<Delegation>& delegations,
                           const std::string& actor);

    Result<Org> organisation(const std::string& code);
    Result<UserView> user(const std::string& login);
    Result<std::vector<UserView>> users(const UserFilter& filter);
    // Who holds `role` at `orgCode` now (directly or by a subtree grant above it), sorted.
    Result<std::vector<std::string>> holdersOf(const std::string& role, const std::string& orgCode);

    // --- certificates ---
    // Registers a certificate to `binding.login`, so that signatures made with it count as
    // that user's approvals and no one else's. kAlreadyExists if it is registered (to
    // anyone), kNotFound for an unknown user. Audited.
    Status registerCertificate(const std::string& actor, CertificateBinding binding);
    Result<std::vector<CertificateBinding>> certificatesOf(const std::string& login);

    // --- documents ---
    // Starts a document: version 1, submit step done, routed to the next step.
    // kUnauthenticated for an unknown actor, kPermissionDenied if they may not submit on
    // this workflow at that organisation, kInvalidArgument for bad fields or title,
    // kFailedPrecondition if the route cannot be staffed (no one holds a required role).
    Result<Document> submit(const std::string& actor, const SubmitRequest& request);
    // Approves the actor's seat of the current step; on a register step this registers the
    // document. kPermissionDenied if the step has no open seat for the actor,
    // kFailedPrecondition if the document is not waiting for a decision or the actor has
    // already decided on this step, or the approval check refuses the evidence. On a sign
    // step the evidence is checked first, outside the write transaction; kPermissionDenied
    // if the signing certificate is not registered to the actor, kAborted if the document
    // moved on (e.g. a new version) while it was being checked.
    Result<Document> approve(const std::string& actor, DocumentId id, const Decision& decision);
    // Rejects with a mandatory comment; the document returns to its author (or the step's
    // on-reject target). Errors as approve(), and kInvalidArgument without a comment.
    Result<Document> reject(const std::string& actor, DocumentId id, const Decision& decision);
    // A new version from the author of a returned document; earlier approvals stay history.
    Result<Document> resubmit(const std::string& actor, DocumentId id, const ResubmitRequest& request);
    // Processes every deadline that has passed: escalates or marks overdue. Idempotent.
    Result<TickReport> tick();

    // Reads, each limited to what `viewer` may see; a refused read is audited.
    Result<DocumentView> document(const Viewer& viewer, DocumentId id);
    Result<std::vector<Document>> listDocuments(const Viewer& viewer, DocumentFilter filter);
    Result<std::string> versionContent(const Viewer& viewer, DocumentId id, int versionNumber);
    // The audit events of one document, oldest first.
    Result<std::vector<AuditEvent>> history(const Viewer& viewer, DocumentId id);
    // Records that `actor` exported the document's evidence package (by its SHA-256), so
    // the trail shows who took evidence out and when.
    Status recordExport(const std::string& actor, DocumentId id, const std::string& package);
    // The kept CMS (DER, with its timestamp) of one accepted signature of the document.
    Result<std::string> signatureContent(const Viewer& viewer, DocumentId id, std::int64_t signatureId);
    // Open tasks the user may act on now, soonest due first.
    Result<std::vector<InboxItem>> inbox(const std::string& login);
    // What the documents originating in the subtree of `orgCode` amount to now; without
    // it, of the highest organisation where the viewer holds a role (the central office for
    // the local operator). A user may ask about the subtrees of the organisations where
    // they hold a role, as for documents; any other organisation is kNotFound, audited.
    Result<Dashboard> dashboard(const Viewer& viewer, const std::optional<std::string>& orgCode);

    // --- audit ---
    Result<AuditVerification> verifyAudit();

private:
    Result<std::shared_ptr<const WorkflowDefinition>> definitionFor(StoreReader& reader, const std::string& id,
                                                                   int version);
    Result<WorkflowDefinition> parseAndValidate(const std::string& xml, const std::string& sourceName) const;
    // Returns `status` after recording it as a refusal when it is the actor's doing.
    Status audited(Status status, const std::string& actor, const std::string& command, const std::string& subject);
    template <typename T>
    Result<T> audited(Result<T> result, const std::string& actor, const std::string& command,
                      const std::string& subject) {
        if (result.isOk()) return result;
        return audited(result.status(), actor, command, subject);
    }
    Result<Document> decide(const std::string& actor, DocumentId id, const Decision& decision, bool approve);
    // kNotFound unless the document exists and `viewer` may see it.
    Status requireVisible(StoreReader& reader, const Viewer& viewer, DocumentId id, Millis now);
    // Runs a read of one document for `viewer`, auditing a refusal.
    Status readDocument(const Viewer& viewer, DocumentId id, const std::function<Status(StoreReader&)>& work);
    // For an approval of a sign step: the evidence judged by the ApprovalCheck, and where
    // the document stood when it was judged. nullopt for any other step.
    struct CheckedApproval {
        std::string stepId;
        int round = 0;
        int versionNumber = 0;
        ApprovalOutcome outcome;
        std::string cmsSha256;  // the kept signature in the content store
    };
    Result<std::optional<CheckedApproval>> checkApproval(const std::string& actor, DocumentId id,
                                                         const Decision& decision);

    ServicePorts ports_;
    std::vector<RoleDef> roles_;
    std::mutex cacheMutex_;
    std::map<std::pair<std::string, int>, std::shared_ptr<const WorkflowDefinition>> definitions_;
};

}  // namespace qujat::engine
