#pragma once

#include <optional>
#include <string>

#include "qujat/crypto/Indication.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

// What an OCSP responder said about one certificate (RFC 6960 CertStatus), or kNotChecked
// when no usable answer was obtained.
enum class OcspCertStatus { kNotChecked, kGood, kRevoked, kUnknown };

// "not-checked", "good", "revoked", "unknown".
const char* ocspCertStatusName(OcspCertStatus status);

// The judgement of one OCSP response: PASSED for a fresh, properly signed "good";
// FAILED/REVOKED for "revoked"; INDETERMINATE/TRY_LATER for "unknown" and for any response
// that cannot be relied on (malformed, unsigned by the CA or its delegated responder,
// stale, answering another certificate, a mismatched nonce).
struct OcspOutcome {
    Indication indication = Indication::kIndeterminate;
    SubIndication subIndication = SubIndication::kTryLater;
    std::string message;
    OcspCertStatus status = OcspCertStatus::kNotChecked;
    std::optional<engine::Millis> thisUpdate;
    std::optional<engine::Millis> nextUpdate;
    std::optional<engine::Millis> revocationTime;
    std::string responder;  // subject of the certificate that signed the response

    bool passed() const { return indication == Indication::kPassed; }
};

}  // namespace qujat::crypto
