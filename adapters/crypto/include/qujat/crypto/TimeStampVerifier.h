#pragma once

#include <string>
#include <vector>

#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

// Whom timestamp tokens are checked against, as plain PEM text (each string may hold
// several concatenated PEM blocks). Kept independent of the crypto adapter's TrustStore so
// either can change; adapt one to the other at the composition root.
struct TimeStampTrust {
    // Trust anchors: the TSA's chain must end at one of these (self-signed roots).
    std::vector<std::string> anchorPems;
    // Untrusted CA or TSA certificates that may complete a chain the token does not carry.
    std::vector<std::string> intermediatePems;
    // CRLs. When any are given, the TSA certificate's revocation is checked and a missing
    // CRL from its issuer fails verification; with none, revocation is not checked.
    std::vector<std::string> crlPems;
};

// What a verified token says.
struct TimeStampInfo {
    engine::Millis genTime = 0;  // when the TSA stamped (ms since the epoch, UTC)
    std::string serial;          // the token's serial number, lower-case hex without leading zeros
    std::string policyOid;       // the TSA policy, dotted ("1.3.6.1.4.1.99999.1.1")
    std::string tsaSubject;      // RFC 2253 subject of the TSA certificate ("CN=Qujat TSA,O=Qujat")
    std::string hashAlgorithm;   // the imprint's hash algorithm ("sha256")
};

// Verifies RFC 3161 timestamp tokens (CMS_verify does not look at the timestamps embedded
// in a signature; this does). Stateless and thread-safe.
class TimeStampVerifier {
public:
    // Limits, with defaults suited to verifying on acceptance.
    struct Options {
        // Tokens whose genTime is later than `now` by more than this are refused.
        engine::Millis maxFutureSkew = 5 * 60 * 1000;
        // Larger inputs are refused as malformed before parsing.
        std::size_t maxTokenBytes = 1 << 20;
    };

    TimeStampVerifier() = default;
    explicit TimeStampVerifier(Options options) : options_(options) {}

    // Verifies a DER TimeStampToken (CMS ContentInfo over a TSTInfo) stamping
    // `expectedImprintSha256` (raw 32 bytes): the TSA's signature (with its ESS
    // signing-certificate attribute), its certificate chain to an anchor in `trust` at
    // `now` (with revocation when `trust` holds CRLs), the TSA certificate's critical
    // timeStamping extendedKeyUsage, TSTInfo version 1, a SHA-256 imprint equal to the
    // expected one, and a genTime not in the future. For archival re-verification pass the
    // token's genTime (or another past instant) as `now`.
    // Returns kInvalidArgument for malformed input (the token is not DER, is not a
    // timestamp token, has trailing bytes; the expected imprint is not 32 bytes; a trust PEM
    // does not parse) and kFailedPrecondition for a token that does not hold: its signature
    // is bad, its TSA is untrusted, revoked or lacks the timeStamping EKU, its imprint
    // is of another value or uses SHA-1 or another hash, or its genTime is in the future.
    // Messages say which. Never throws, whatever the bytes.
    [[nodiscard]] engine::Result<TimeStampInfo> verify(const std::string& tokenDer,
                                                       const std::string& expectedImprintSha256,
                                                       const TimeStampTrust& trust, engine::Millis now) const;

private:
    Options options_;
};

}  // namespace qujat::crypto
