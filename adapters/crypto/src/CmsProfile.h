#pragma once

#include <string>

namespace qujat::crypto {

// Checks what OpenSSL's CMS API does not expose against the profile of a Qujat signature,
// on the DER of a SignedData ContentInfo: SignedData and SignerInfo versions consistent
// with the signer identifier (RFC 5652 5.1, 5.3), digestAlgorithms holding the signer's
// digest algorithm with absent or NULL parameters, X.509 certificates only. Returns "" when
// it conforms, else a sentence naming the first deviation. Never reads outside `der`.
std::string cmsProfileProblem(const std::string& der);

}  // namespace qujat::crypto
