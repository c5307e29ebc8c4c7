#pragma once

#include <memory>

#include "qujat/crypto/CadesVerifier.h"
#include "qujat/crypto/TimeStampAuthority.h"
#include "qujat/crypto/VerificationPolicy.h"
#include "qujat/engine/ports/ApprovalCheck.h"

namespace qujat::crypto {

// The approval check of deployments that sign: an approval of a sign step must carry a
// detached CAdES signature over the exact bytes of the version being approved that
// verifies PASSED now (chain, key usage, validity, revocation, algorithms). An accepted
// signature is time-stamped over its signature value (CAdES-T) by `tsa`, and the stamped
// CMS is what the engine keeps. Whether the certificate belongs to the approver is the
// engine's decision (registered certificates). Thread-safe.
class CmsApprovalCheck final : public engine::ApprovalCheck {
public:
    CmsApprovalCheck(std::shared_ptr<const CadesVerifier> verifier, std::shared_ptr<TimeStampAuthority> tsa,
                     VerificationPolicy policy = {});

    // kFailedPrecondition, with the indication and its reason, for a missing or refused
    // signature (and for one that already carries a signature timestamp: the engine stamps
    // what it accepts); kUnavailable when the TSA cannot stamp.
    engine::Result<engine::ApprovalOutcome> check(const engine::ApprovalContext& ctx) override;

private:
    std::shared_ptr<const CadesVerifier> verifier_;
    std::shared_ptr<TimeStampAuthority> tsa_;
    VerificationPolicy policy_;
};

}  // namespace qujat::crypto
