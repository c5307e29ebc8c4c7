#include "qujat/engine/Document.h"

namespace qujat::engine {

const char* documentStateName(DocumentState s) {
    switch (s) {
        case DocumentState::kInProgress: return "in-progress";
        case DocumentState::kReturned: return "returned";
        case DocumentState::kCompleted: return "completed";
    }
    return "in-progress";
}

std::optional<DocumentState> parseDocumentState(const std::string& s) {
    for (DocumentState d : {DocumentState::kInProgress, DocumentState::kReturned, DocumentState::kCompleted})
        if (s == documentStateName(d)) return d;
    return std::nullopt;
}

const char* taskStateName(TaskState s) {
    switch (s) {
        case TaskState::kWaiting: return "waiting";
        case TaskState::kOpen: return "open";
        case TaskState::kApproved: return "approved";
        case TaskState::kRejected: return "rejected";
        case TaskState::kSuperseded: return "superseded";
    }
    return "open";
}

std::optional<TaskState> parseTaskState(const std::string& s) {
    for (TaskState t : {TaskState::kWaiting, TaskState::kOpen, TaskState::kApproved, TaskState::kRejected,
                        TaskState::kSuperseded})
        if (s == taskStateName(t)) return t;
    return std::nullopt;
}

}  // namespace qujat::engine
