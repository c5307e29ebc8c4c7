#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "qujat/engine/Time.h"

namespace qujat::engine {

using DocumentId = std::int64_t;
using TaskId = std::int64_t;

enum class DocumentState {
    kInProgress,  // on its route
    kReturned,    // rejected back to its author, waiting for a new version
    kCompleted,   // reached an end step
};
const char* documentStateName(DocumentState s);
std::optional<DocumentState> parseDocumentState(const std::string& s);

struct Document {
    DocumentId id = 0;                         // assigned by the store
    std::string workflowId;
    int workflowVersion = 0;
    std::string documentType;
    std::string title;
    std::string originOrgCode;
    std::string authorLogin;
    DocumentState state = DocumentState::kInProgress;
    std::string currentStep;
    int round = 1;                             // how many times the current step was entered
    std::map<std::string, std::string> fields; // validated against the workflow
    std::optional<std::string> registrationNumber;
    int currentVersion = 1;
    std::int64_t revision = 0;                 // bumped on every change; optimistic concurrency
    Millis createdAt = 0;
    Millis updatedAt = 0;
};

// One immutable version of a document's content. Bytes live in the content store by SHA-256.
struct Version {
    DocumentId documentId = 0;
    int number = 1;
    std::string sha256;
    std::int64_t size = 0;
    std::string mediaType;
    std::string fileName;
    std::string authorLogin;
    std::string comment;
    Millis createdAt = 0;
};

enum class TaskState {
    kWaiting,     // a later seat of a sequence step; not yet actionable
    kOpen,        // actionable, shows in inboxes
    kApproved,
    kRejected,
    kSuperseded,  // closed without action: the step finished or the seat was filled otherwise
};
const char* taskStateName(TaskState s);
std::optional<TaskState> parseTaskState(const std::string& s);

// One seat of one step, in one round. Assigned to a named user, or to whoever holds
// `role` at `orgCode` (or acts for such a holder by delegation) at the moment of acting.
struct Task {
    TaskId id = 0;                             // assigned by the store
    DocumentId documentId = 0;
    std::string stepId;
    int round = 1;
    int seat = 0;                              // index of the seat within the step
    std::string role;                          // empty for a named user's seat
    std::string orgCode;                       // where the role is held
    std::optional<std::string> assigneeLogin;  // named user (user: actor, `each` seat, author)
    TaskState state = TaskState::kOpen;
    Millis openedAt = 0;
    std::optional<Millis> dueAt;
    std::optional<TaskId> escalatedFrom;       // this task was added by escalation of that one
    bool escalated = false;                    // its deadline passed and escalation happened
    std::optional<Millis> closedAt;
    std::optional<std::string> actorLogin;     // who acted (may be a delegate)
    std::string comment;
    int versionNumber = 1;                     // the document version it was opened for
};

// One entry of the append-only audit chain.
struct AuditEvent {
    std::int64_t seq = 0;          // 1, 2, 3, ... without gaps
    Millis time = 0;
    std::string actor;             // login, or "system"
    std::string action;            // e.g. "document.submit", "task.approve", "refused"
    std::string subject;           // e.g. "document/42", "workflow/ppo-protocol@1"
    std::string details;           // canonical JSON object (sorted keys), hashed as stored
    std::string prevHash;          // hex SHA-256 of the previous event; 64 zeros for the first
    std::string hash;              // hex SHA-256 over prevHash and the canonical encoding
};

}  // namespace qujat::engine
