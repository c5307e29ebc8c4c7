#pragma once

#include <optional>
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

// A signature the check found valid. Whether its certificate belongs to the actor is
// decided by the engine, against the certificates registered to users.
struct VerifiedSignature {
    std::string cms;                // DER to keep as evidence (with its timestamp, if any)
    std::string certificateSha256;  // lower-case hex SHA-256 of the signer's certificate
    std::string signerSubject;
};

struct ApprovalOutcome {
    std::string report;             // recorded with the approval (audit details)
    std::optional<VerifiedSignature> signature;
};

// The single place where an approval's evidence is judged. The engine calls it for every
// approval of a sign step, before its write transaction (checks may be slow: CMS, chain,
// revocation, a timestamp), and then confirms in the transaction that the document still
// waits on the same version. Returns the outcome, or a status saying why the approval is
// refused (kInvalidArgument for malformed evidence, kFailedPrecondition for a signature
// that does not hold). Thread-safe.
class ApprovalCheck {
public:
    virtual ~ApprovalCheck() = default;
    virtual Result<ApprovalOutcome> check(const ApprovalContext& ctx) = 0;
};

}  // namespace qujat::engine
