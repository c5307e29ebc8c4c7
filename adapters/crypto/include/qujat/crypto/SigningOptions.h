#pragma once

#include <optional>

#include "qujat/engine/Time.h"

namespace qujat::crypto {

// The digests a Qujat signature may use; weaker ones cannot be asked for.
enum class DigestAlgorithm { kSha256, kSha384, kSha512 };

// How CadesSigner builds a signature.
struct SigningOptions {
    // Adds commitment-type-indication proof-of-approval (1.2.840.113549.1.9.16.6.5): what
    // `qujat sign` states about the document. Off for a signature that approves nothing.
    bool commitmentProofOfApproval = true;
    // The signing-time attribute; the system clock when not given.
    std::optional<engine::Millis> signingTime;
    DigestAlgorithm digest = DigestAlgorithm::kSha256;
    // Embeds the chain certificates passed to signDetached (the signer's own certificate is
    // always embedded).
    bool includeChain = true;
};

}  // namespace qujat::crypto
