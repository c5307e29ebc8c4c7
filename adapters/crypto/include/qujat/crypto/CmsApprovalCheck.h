#pragma once

#include <memory>

#include "qujat/crypto/CadesVerifier.h"
#include "qujat/crypto/TimeStampAuthority.h"
#include "qujat/crypto/TimeStampVerifier.h"
#include "qujat/crypto/VerificationPolicy.h"
#include "qujat/engine/ports/ApprovalCheck.h"

namespace qujat::crypto {

// The approval check of deployments that sign: an approval of a sign step must carry a
// detached CAdES signature over the exact bytes of the version being approved that
// verifies PASSED now (chain, key usage, validity, revocation, algorithms). An accepted
// signature is time-stamped over its signature value (CAdES-T) by `tsa`; the token is
// verified against `tsaTrust` (TimeStampVerifier, at the approval's time) and what it says
// (genTime, serial, TSA, policy) is recorded in the report's `timeStamp`; the stamped CMS is
// what the engine keeps. Whether the certificate belongs to the approver is the engine's
// decision (registered certificates). Thread-safe.
class CmsApprovalCheck final : public engine::ApprovalCheck {
public:
    CmsApprovalCheck(std::shared_ptr<const CadesVerifier> verifier, std::shared_ptr<TimeStampAuthority> tsa,
                     TimeStampTrust tsaTrust, VerificationPolicy policy = {});

    // kFailedPrecondition, with the indication and its reason, for a missing or refused
    // signature (and for one that already carries a signature timestamp: the engine stamps
    // what it accepts); kUnavailable when the TSA cannot stamp or its token does not verify
    // against `tsaTrust` (a TSA misconfigured or not trusted: nothing is kept).
    engine::Result<engine::ApprovalOutcome> check(const engine::ApprovalContext& ctx) override;

private:
    std::shared_ptr<const CadesVerifier> verifier_;
    std::shared_ptr<TimeStampAuthority> tsa_;
    TimeStampTrust tsaTrust_;
    VerificationPolicy policy_;
};

}  // namespace qujat::crypto
