#pragma once

#include <string>

#include "TrustSnapshot.h"
#include "qujat/crypto/OcspChecker.h"
#include "qujat/crypto/OcspOutcome.h"

namespace qujat::crypto {

// OcspChecker::checkResponse against one trust snapshot, so a verifier judges OCSP with
// the same contents it built the chain from.
OcspOutcome judgeOcspResponse(const TrustSnapshot& trust, const std::string& response, X509* certificate,
                              X509* issuer, engine::Millis now, const std::string& request,
                              const OcspOptions& options);

}  // namespace qujat::crypto
