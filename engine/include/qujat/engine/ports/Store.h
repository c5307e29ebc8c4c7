#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "qujat/engine/Dashboard.h"
#include "qujat/engine/Directory.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Session.h"
#include "qujat/engine/Signature.h"
#include "qujat/engine/Status.h"

namespace qujat::engine {

// The XML of a workflow definition as it was loaded; documents pin (id, version).
struct StoredWorkflow {
    std::string id;
    int version = 0;
    std::string sha256;
    std::string xml;
    std::string sourceName;  // file name it was loaded from, for messages
    Millis loadedAt = 0;
};

struct DocumentFilter {
    std::optional<DocumentId> id;  // just this document
    std::optional<std::string> workflowId;
    std::optional<DocumentState> state;
    std::optional<std::string> originOrgCode;
    std::optional<std::string> authorLogin;
    // Words that must all occur (case-insensitively, Kazakh and Russian included; each word
    // also as the start of a longer one) in the document's search text (setSearchText).
    std::optional<std::string> text;
    // Only documents this user may see at `visibleAt`: authored by them; originating in the
    // subtree of an organisation where they hold any role; or with a task assigned to them
    // by name or decided by them. Unset: every document (the local operator).
    std::optional<std::string> visibleTo;
    Millis visibleAt = 0;
    int limit = 100;
    std::int64_t afterId = 0;   // keyset pagination: documents with id > afterId, ascending
};

// Read access inside one consistent snapshot. Methods return kNotFound for a missing
// key and kUnavailable/kDataLoss for storage failures; never throw.
class StoreReader {
public:
    virtual ~StoreReader() = default;

    // --- directory ---
    virtual Result<Org> orgByCode(const std::string& code) = 0;
    virtual Result<std::vector<Org>> childOrgs(const std::string& parentCode) = 0;
    // The organisations without a parent (the central office), ordered by code.
    virtual Result<std::vector<Org>> rootOrgs() = 0;
    virtual Result<User> userByLogin(const std::string& login) = 0;
    virtual Result<std::vector<User>> listUsers(int limit, const std::string& afterLogin) = 0;
    // Logins that hold `role` at `orgCode` at instant `at`: a grant at that org (any
    // scope) or a kSubtree grant at one of its ancestors. Sorted, no duplicates.
    virtual Result<std::vector<std::string>> holdersOf(const std::string& role, const std::string& orgCode,
                                                      Millis at) = 0;
    virtual Result<std::vector<RoleGrant>> grantsOf(const std::string& login, Millis at) = 0;
    // Delegations to `toLogin` valid at `at`.
    virtual Result<std::vector<Delegation>> delegationsTo(const std::string& toLogin, Millis at) = 0;
    virtual Result<std::int64_t> countOrgs() = 0;
    virtual Result<std::int64_t> countUsers() = 0;

    // --- workflows ---
    virtual Result<StoredWorkflow> workflow(const std::string& id, int version) = 0;
    // The highest version of `id`.
    virtual Result<StoredWorkflow> latestWorkflow(const std::string& id) = 0;
    // The latest version of every workflow, ordered by id.
    virtual Result<std::vector<StoredWorkflow>> latestWorkflows() = 0;

    // --- documents ---
    virtual Result<Document> document(DocumentId id) = 0;
    virtual Result<std::vector<Document>> listDocuments(const DocumentFilter& filter) = 0;
    virtual Result<std::vector<Version>> versions(DocumentId id) = 0;
    // Every task of the document, ordered by id (the order they were opened).
    virtual Result<std::vector<Task>> tasksOf(DocumentId id) = 0;
    virtual Result<Task> task(TaskId id) = 0;
    // Open tasks that `login` may act on at `at`: assigned to them by name; or assigned to a
    // role at an org where they hold it (see holdersOf); or either of these for a user who
    // delegated that role to them for a period containing `at`. Ordered by due time
    // (tasks without a due time last), then id.
    virtual Result<std::vector<Task>> openTasksFor(const std::string& login, Millis at) = 0;
    // Open tasks whose due time is <= `at` and that have not been escalated yet.
    virtual Result<std::vector<Task>> overdueTasks(Millis at) = 0;
    virtual Result<std::int64_t> countDocuments() = 0;

    // --- activity --- (aggregated in the store: no document leaves it one by one)
    // Each organisation in the subtree of `orgCode` (itself included) that originates any
    // document, with what those documents amount to; overdue tasks are open tasks due
    // before `at`. In no particular order; kNotFound for an unknown organisation.
    virtual Result<std::vector<OriginActivity>> activityByOrigin(const std::string& orgCode, Millis at) = 0;
    // Documents originating in the subtree of `orgCode` first submitted in [from, to], per
    // UTC day, ascending; days without any are left out.
    virtual Result<std::vector<DayCount>> submissionsPerDay(const std::string& orgCode, Millis from, Millis to) = 0;

    // --- audit ---
    // The last event of the chain, or nullopt for an empty chain.
    virtual Result<std::optional<AuditEvent>> lastAuditEvent() = 0;
    // The (seq, hash) recorded as the chain's head, updated with every append. A row
    // deleted from the end of the chain shows as a head that is no longer there.
    virtual Result<std::optional<std::pair<std::int64_t, std::string>>> auditHead() = 0;
    // Calls `visit` for every event in ascending seq order, stopping at the first non-OK
    // status it returns (which is then returned).
    virtual Status forEachAuditEvent(const std::function<Status(const AuditEvent&)>& visit) = 0;
    // Events whose subject is `subject`, ascending seq.
    virtual Result<std::vector<AuditEvent>> auditEventsFor(const std::string& subject) = 0;

    // --- signatures ---
    // The binding of a certificate (by its SHA-256), kNotFound if it is registered to no one.
    virtual Result<CertificateBinding> certificateBinding(const std::string& certificateSha256) = 0;
    // The certificates registered to `login`, oldest first.
    virtual Result<std::vector<CertificateBinding>> certificateBindingsOf(const std::string& login) = 0;
    // Every accepted signature of a document, ordered by id.
    virtual Result<std::vector<SignatureRecord>> signaturesOf(DocumentId id) = 0;

    // --- sessions --- (by the SHA-256 of the token) kNotFound if unknown; a session that
    // was signed out comes back with `revoked` set.
    virtual Result<std::pair<Session, bool>> session(const std::string& tokenSha256) = 0;
};

// Write access inside one transaction. Nothing is visible to others, or durable, until the
// enclosing Store::write returns OK.
class StoreWriter : public StoreReader {
public:
    // --- directory --- (kAlreadyExists on a duplicate key, kNotFound for an unknown reference)
    virtual Status insertOrg(const Org& org) = 0;              // parent must exist first
    virtual Status insertUser(const User& user) = 0;           // home org must exist
    virtual Status insertGrant(const RoleGrant& grant) = 0;    // user and org must exist
    virtual Result<std::int64_t> insertDelegation(const Delegation& d) = 0;
    // kAlreadyExists if the certificate is registered already (to anyone); user must exist.
    virtual Status insertCertificateBinding(const CertificateBinding& binding) = 0;
    virtual Status setPasswordHash(const std::string& login, const std::string& hash) = 0;
    virtual Status insertSession(const std::string& tokenSha256, const Session& session) = 0;
    virtual Status revokeSession(const std::string& tokenSha256, Millis at) = 0;  // kNotFound if unknown

    // --- workflows --- kAlreadyExists if (id, version) exists with other bytes; a no-op
    // if it exists with the same sha256.
    virtual Status putWorkflow(const StoredWorkflow& wf) = 0;

    // --- documents ---
    virtual Result<DocumentId> insertDocument(const Document& doc) = 0;  // doc.id ignored
    // Replaces the row if its revision is still `expectedRevision` (doc.revision is stored
    // as given); kAborted otherwise.
    virtual Status updateDocument(const Document& doc, std::int64_t expectedRevision) = 0;
    virtual Status insertVersion(const Version& v) = 0;
    // Replaces what full-text search finds the document by (DocumentFilter::text).
    virtual Status setSearchText(DocumentId id, const std::string& text) = 0;
    virtual Result<TaskId> insertTask(const Task& task) = 0;   // task.id ignored
    virtual Status updateTask(const Task& task) = 0;
    virtual Result<std::int64_t> insertSignature(const SignatureRecord& signature) = 0;  // id ignored
    // Next value of the gap-free counter `key` (first call returns 1). Rolled back with
    // the transaction, so a failed action never consumes a number.
    virtual Result<std::int64_t> nextCounterValue(const std::string& key) = 0;

    // --- audit --- appends exactly as given (seq, hashes computed by the engine) and
    // moves the head to it.
    virtual Status appendAuditEvent(const AuditEvent& e) = 0;
};

// A transactional store. Implementations serialise writers; readers see committed
// snapshots and never block the writer.
class Store {
public:
    virtual ~Store() = default;

    // Runs `work` in one write transaction. If `work` returns OK the transaction is
    // committed and durable (it survives kill -9 and power loss) before write() returns OK.
    // If `work` fails, nothing it did is kept and its status is returned. `work` may run
    // on another thread (group commit) and must not start another transaction.
    virtual Status write(const std::function<Status(StoreWriter&)>& work) = 0;

    // Runs `work` against one consistent committed snapshot.
    virtual Status read(const std::function<Status(StoreReader&)>& work) = 0;
};

}  // namespace qujat::engine
