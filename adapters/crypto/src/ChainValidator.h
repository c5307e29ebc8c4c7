#pragma once

#include <optional>
#include <string>
#include <vector>

#include "OpenSslHandles.h"
#include "TrustSnapshot.h"
#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/Indication.h"

namespace qujat::crypto {

// Why a chain did not validate, already in ETSI terms.
struct ChainProblem {
    Indication indication = Indication::kIndeterminate;
    SubIndication subIndication = SubIndication::kCertificateChainGeneralFailure;
    std::string message;
};

// The time-independent part of validating a signer's certificate.
struct ChainBuild {
    std::vector<Certificate> chain;  // as far as it was built: signer first
    std::vector<CrlInfo> crls;       // the CRLs covering the chain's certificates
    std::optional<ChainProblem> problem;
};

// Builds and checks the path from `leaf` to an anchor of `trust` with X509_verify_cert:
// anchors from the store; the store's intermediates and `embedded` (may be null) as
// untrusted candidates; every certificate signature; CA constraints; purpose "any";
// security level 2 (RSA >= 2048, no SHA-1 on certificates); and, when `checkRevocation`,
// the CRLs of the store for every certificate (X509_V_FLAG_CRL_CHECK |
// X509_V_FLAG_CRL_CHECK_ALL). Validity periods and CRL freshness are left to the caller
// (X509_V_FLAG_NO_CHECK_TIME): they depend on the signing time and on "now", so the result
// can be cached. Of several errors, a missing chain comes first, then a revocation, then
// the rest in order of severity.
ChainBuild buildChain(const TrustSnapshot& trust, X509* leaf, STACK_OF(X509) * embedded, bool checkRevocation);

}  // namespace qujat::crypto
