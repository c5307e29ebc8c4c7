#pragma once

#include <string>

#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Workflow.h"

namespace qujat::engine {

// What an approver hands in when approving a step.
struct ApprovalEvidence {
    std::string signature;   // detached CMS (DER); empty when none was given
};

// Everything a check may need to decide whether an approval holds.
struct ApprovalContext {
    const WorkflowDefinition& workflow;
    const Step& step;
    const Document& document;
    const Version& version;         // the version being approved
    const std::string& content;     // its exact bytes
    const std::string& actorLogin;  // who approves
    const ApprovalEvidence& evidence;
    Millis now;
};

// The single place where an approval's evidence is judged. The engine calls it for every
// approval of a sign step before anything is written. Returns OK with a report to store
// beside the approval, or a status saying why the approval is refused.
class ApprovalCheck {
public:
    virtual ~ApprovalCheck() = default;
    virtual Result<std::string> check(const ApprovalContext& ctx) = 0;
};

}  // namespace qujat::engine
