#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "qujat/crypto/TimeStampAuthority.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

// The TSA policy OID put in tokens when none is configured. 1.3.6.1.4.1.99999 is NOT an
// assigned enterprise arc: it is a private placeholder. A deployment that publishes a TSA
// policy configures its own OID (under its IANA Private Enterprise Number).
inline constexpr const char* kDefaultTsaPolicyOid = "1.3.6.1.4.1.99999.1.1";

// What the engine's own TSA signs with.
struct LocalTsaConfig {
    // The TSA private key (PEM; PKCS#8 or traditional; RSA, EC or Ed25519).
    std::string keyPem;
    // Decrypts `keyPem` when it is encrypted; empty for a plain key.
    std::string keyPassphrase;
    // The TSA certificate (PEM, exactly one). It must match the key and carry a critical
    // extendedKeyUsage whose only purpose is timeStamping (RFC 3161 §2.3).
    std::string certificatePem;
    // Optional intermediate CA certificates (PEM, concatenated) put in every token beside
    // the TSA certificate, so verifiers need only the root.
    std::string chainPem;
    // The TSA policy under which tokens are issued (dotted OID).
    std::string policyOid = kDefaultTsaPolicyOid;
    // Returns the next token serial number: unique and increasing, >= 1. The caller persists
    // the counter (a token's serial must never repeat). Called once per stamp()/respond()
    // that reaches token creation, under LocalTsa's lock; a number may be skipped if signing
    // then fails. May throw: the exception is caught and reported as kUnavailable.
    std::function<std::int64_t()> nextSerial;
    // The time source for genTime (milliseconds since the epoch, UTC). Tokens carry whole
    // seconds with an accuracy of ±1 s. May throw: caught and reported as kUnavailable.
    std::function<engine::Millis()> clock;
};

// The engine's own RFC 3161 TSA, for deployments without an external one: OpenSSL's
// TS_RESP_CTX signing with a configured key and certificate. Tokens: SHA-256 imprints only,
// signer digest SHA-256, ESSCertIDv2 (SHA-256) signing-certificate attribute, accuracy 1 s,
// the TSA certificate (and chain) included, no TSA name. Thread-safe (calls are serialised).
class LocalTsa final : public TimeStampAuthority {
public:
    // Loads and checks the configuration. Returns kInvalidArgument when the key or a
    // certificate does not parse, the key does not match the certificate, the certificate
    // lacks the critical timeStamping extendedKeyUsage, the policy is not a dotted OID, or
    // a callback is missing.
    [[nodiscard]] static engine::Result<std::unique_ptr<LocalTsa>> create(LocalTsaConfig config);

    ~LocalTsa() override;
    LocalTsa(const LocalTsa&) = delete;
    LocalTsa& operator=(const LocalTsa&) = delete;

    // Issues a token over the 32-byte SHA-256 imprint (see TimeStampAuthority::stamp): builds
    // a request in memory (random nonce, certReq) and answers it. Returns kInvalidArgument
    // for a wrong-sized imprint, kFailedPrecondition when the clock lies outside the TSA
    // certificate's validity, kUnavailable when a callback fails, kInternal when OpenSSL
    // cannot sign.
    [[nodiscard]] engine::Result<std::string> stamp(const std::string& messageImprintSha256) override;

    // Answers a DER TimeStampReq as a TSA server does: returns the DER TimeStampResp, which
    // may carry a rejection status (badAlg for a hash other than SHA-256, badDataFormat for
    // a malformed request, unacceptedPolicy for a policy other than ours). Returns an error
    // Status only when no response can be produced at all: kFailedPrecondition when the
    // clock lies outside the certificate's validity, kInternal for OpenSSL failures.
    [[nodiscard]] engine::Result<std::string> respond(const std::string& timeStampReqDer);

    // The configured policy OID (dotted).
    const std::string& policyOid() const { return policyOid_; }

private:
    struct Keys;
    LocalTsa(std::unique_ptr<Keys> keys, LocalTsaConfig config);

    // respond() without taking the lock.
    engine::Result<std::string> respondLocked(const std::string& timeStampReqDer);

    std::mutex mutex_;
    std::unique_ptr<Keys> keys_;
    std::string policyOid_;
    std::function<std::int64_t()> nextSerial_;
    std::function<engine::Millis()> clock_;
};

}  // namespace qujat::crypto
