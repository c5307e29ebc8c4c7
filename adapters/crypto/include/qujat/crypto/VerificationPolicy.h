#pragma once

#include <string>

#include "qujat/engine/Time.h"

namespace qujat::crypto {

class OcspFetcher;

// How long before its time-stamp (or before it is handed in) an approval's claimed signing
// time may lie. Certificates are judged at the signing time, which is only the signer's
// claim until a time-stamp covers it; this bound stops back-dating a signature into the
// validity of a certificate that has since expired or been revoked.
inline constexpr engine::Millis kApprovalSigningTimeMaxAge = 24LL * 60 * 60 * 1000;

// What CadesVerifier demands beyond the fixed profile (one signer, detached, SHA-256 or
// stronger, RSA >= 2048 or P-256/P-384, signing-certificate-v2). The defaults are the
// policy for approvals.
struct VerificationPolicy {
    // CRLs from the trust store for every certificate of the chain (X509_V_FLAG_CRL_CHECK |
    // X509_V_FLAG_CRL_CHECK_ALL), each current at verification time. Switching this off
    // reports revocation "not checked"; never do so for approvals.
    bool checkRevocation = true;
    // The signature must be DER exactly as OpenSSL re-encodes it: no BER, no trailing bytes.
    bool requireCanonicalDer = true;
    // The signature must carry commitment-type-indication proof-of-approval (what
    // `qujat sign` makes; signatures made with plain `openssl cms -cades` do not).
    bool requireProofOfApproval = false;
    // How far the signing time may lie ahead of "now", and CRL/OCSP times around it.
    engine::Millis maxClockSkew = 5 * 60 * 1000;
    // How long before "now" the signing time may lie; 0 for no limit. Without a time-stamp
    // the signing time is only the signer's claim: a limit stops back-dating into a
    // certificate's validity.
    engine::Millis maxSigningTimeAge = 0;

    // OCSP for a signer whose certificate names a responder (AIA): checked with
    // `ocspResponse` (DER) when given, else fetched through `ocspFetcher` (not owned; may be
    // null). A revoked answer fails the signature; an unusable one is INDETERMINATE.
    std::string ocspResponse;
    OcspFetcher* ocspFetcher = nullptr;
    // When the certificate names a responder, an OCSP answer is required (CRLs alone are
    // not enough).
    bool requireOcsp = false;
    // How old an OCSP response without nextUpdate may be.
    engine::Millis ocspMaxAge = 24LL * 60 * 60 * 1000;
};

}  // namespace qujat::crypto
