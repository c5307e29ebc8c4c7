#include "qujat/crypto/Indication.h"

namespace qujat::crypto {

const char* indicationName(Indication indication) {
    switch (indication) {
        case Indication::kPassed: return "PASSED";
        case Indication::kFailed: return "FAILED";
        case Indication::kIndeterminate: break;
    }
    return "INDETERMINATE";
}

const char* subIndicationName(SubIndication subIndication) {
    switch (subIndication) {
        case SubIndication::kNone: return "";
        case SubIndication::kFormatFailure: return "FORMAT_FAILURE";
        case SubIndication::kHashFailure: return "HASH_FAILURE";
        case SubIndication::kSigCryptoFailure: return "SIG_CRYPTO_FAILURE";
        case SubIndication::kRevoked: return "REVOKED";
        case SubIndication::kExpired: return "EXPIRED";
        case SubIndication::kNotYetValid: return "NOT_YET_VALID";
        case SubIndication::kSigConstraintsFailure: return "SIG_CONSTRAINTS_FAILURE";
        case SubIndication::kChainConstraintsFailure: return "CHAIN_CONSTRAINTS_FAILURE";
        case SubIndication::kCertificateChainGeneralFailure: return "CERTIFICATE_CHAIN_GENERAL_FAILURE";
        case SubIndication::kCryptoConstraintsFailure: return "CRYPTO_CONSTRAINTS_FAILURE";
        case SubIndication::kNoSigningCertificateFound: return "NO_SIGNING_CERTIFICATE_FOUND";
        case SubIndication::kNoCertificateChainFound: return "NO_CERTIFICATE_CHAIN_FOUND";
        case SubIndication::kTryLater: return "TRY_LATER";
    }
    return "";
}

}  // namespace qujat::crypto
