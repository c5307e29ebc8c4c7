#pragma once

#include <optional>
#include <string>
#include <vector>

#include "qujat/crypto/Indication.h"
#include "qujat/crypto/TimeStampVerifier.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

// The outcome of verifying one signature, and what was learnt about it on the way. Fields
// the verifier could not reach (e.g. the signer of an unparseable signature) stay empty.
struct VerificationReport {
    Indication indication = Indication::kIndeterminate;
    SubIndication subIndication = SubIndication::kNone;
    std::string message;  // one sentence a person can act on

    std::string signerSubject;       // "CN=secretary.ppo-00001,serialNumber=759424280972"
    std::string signerCommonName;    // "secretary.ppo-00001"
    std::string signerSerialNumber;  // the subject serialNumber attribute (the IIN)
    std::string certificateSha256;   // fingerprint of the signer's certificate, lower-case hex
    std::string certificateSerial;   // the certificate's serial number, lower-case hex
    std::optional<engine::Millis> signingTime;
    std::vector<std::string> chain;  // subjects, signer first, trust anchor last
    std::string digestAlgorithm;     // "sha256"
    std::string signatureAlgorithm;  // "ecdsa-with-SHA256", "rsaEncryption", …
    std::vector<std::string> commitmentTypes;  // dotted OIDs, e.g. "1.2.840.113549.1.9.16.6.5"
    std::string revocation;          // how non-revocation was established: "crl", "crl+ocsp", "not checked"

    // The signature-time-stamp Qujat added when it accepted the signature, as the token says
    // after TimeStampVerifier checked it (CmsApprovalCheck fills it in). CadesVerifier does
    // not judge timestamps and leaves it empty; so do reports stored before it existed.
    std::optional<TimeStampInfo> timeStamp;

    bool passed() const { return indication == Indication::kPassed; }
    // One JSON object with every field above (times as "2026-11-24T22:03:09Z"). The
    // timestamp, when there is one, is "timeStamp":{"genTime","serial","tsa","policy"}
    // (serial in lower-case hex); without one the key is left out.
    std::string toJson() const;
    // Lines of "name: value" for people.
    std::string toText() const;
};

}  // namespace qujat::crypto
