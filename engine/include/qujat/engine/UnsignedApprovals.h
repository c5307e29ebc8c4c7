#pragma once

#include "qujat/engine/ports/ApprovalCheck.h"

namespace qujat::engine {

// Accepts an approval from the actor the step expects without asking for a signature:
// the engine has already checked who the actor is. Deployments that require CMS
// signatures plug a verifying ApprovalCheck in its place. A signature handed in anyway is
// refused rather than silently recorded as if it had been checked.
class UnsignedApprovals final : public ApprovalCheck {
public:
    Result<ApprovalOutcome> check(const ApprovalContext& ctx) override {
        if (!ctx.evidence.signature.empty())
            return failedPrecondition("this installation does not verify signatures; approve without one");
        return ApprovalOutcome{"approved by the step's actor; no signature required", std::nullopt};
    }
};

}  // namespace qujat::engine
