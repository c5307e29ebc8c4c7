#pragma once

namespace qujat::crypto {

// The main status of a signature validation, as in ETSI EN 319 102-1 (5.1.3).
enum class Indication {
    kPassed,         // every check passed
    kFailed,         // the signature is definitively bad; no further evidence can save it
    kIndeterminate,  // the checks could not conclude; another policy or later data may
};

// Why a validation did not pass, in the vocabulary of ETSI EN 319 102-1 table 5. Which
// indication each one comes with is listed in docs/signatures.md.
enum class SubIndication {
    kNone,
    // with kFailed
    kFormatFailure,     // not a well-formed detached CAdES signature (or not DER)
    kHashFailure,       // the message-digest does not match the content
    kSigCryptoFailure,  // the signature value does not verify with the signer's key
    kRevoked,           // a certificate of the chain is revoked (CRL or OCSP)
    kExpired,           // a certificate of the chain had expired at the signing time
    kNotYetValid,       // a certificate of the chain was not yet valid at the signing time
    // with kIndeterminate
    kSigConstraintsFailure,           // the signature breaks the policy (signing-certificate-v2, signers, time)
    kChainConstraintsFailure,         // the chain breaks the policy (key usage, CA constraints)
    kCertificateChainGeneralFailure,  // the chain could not be validated for another reason
    kCryptoConstraintsFailure,        // an algorithm or key is too weak (SHA-1, MD5, RSA < 2048)
    kNoSigningCertificateFound,       // the signer's certificate is missing or is not the one signed for
    kNoCertificateChainFound,         // no chain to a trusted root
    kTryLater,                        // revocation data missing or stale; may pass with fresher data
};

// "PASSED", "FAILED", "INDETERMINATE".
const char* indicationName(Indication indication);
// "HASH_FAILURE", "NO_CERTIFICATE_CHAIN_FOUND", …; "" for kNone.
const char* subIndicationName(SubIndication subIndication);

}  // namespace qujat::crypto
