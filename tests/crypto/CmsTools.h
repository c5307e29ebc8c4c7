#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "support/DevPki.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "qujat/crypto/CadesVerifier.h"

namespace qujat::test {

// A detached signature of `content` made by the openssl CLI (`openssl cms -sign -binary
// -outform DER` followed by `options`) with the key and certificate at the given paths.
inline std::string opensslSign(const std::string& keyPath, const std::string& certPath, const std::string& content,
                               const std::string& options = "-cades -md sha256") {
    TempDir dir;
    writeFile(dir.file("content"), content);
    openssl("cms -sign -binary -outform DER -in " + shellQuote(dir.file("content")) + " -signer " +
            shellQuote(certPath) + " -inkey " + shellQuote(keyPath) + " -out " + shellQuote(dir.file("sig.der")) +
            " " + options);
    return readFile(dir.file("sig.der"));
}

// The same for a user of the development PKI.
inline std::string opensslSignAs(const std::string& login, const std::string& content,
                                 const std::string& options = "-cades -md sha256") {
    const DevPki& pki = DevPki::shared();
    return opensslSign(pki.keyPath(login), pki.certPath(login), content, options);
}

// Verifies now and fails the test when the verifier returns an error status.
inline crypto::VerificationReport verifyNow(const crypto::CadesVerifier& verifier, const std::string& signature,
                                            const std::string& content, const crypto::VerificationPolicy& policy = {},
                                            engine::Millis now = nowMillis()) {
    auto report = verifier.verify(signature, content, policy, now);
    INFO(report.status().toString());
    REQUIRE(report.isOk());
    return *report;
}

// "INDICATION/SUB_INDICATION: message", for readable assertions.
inline std::string verdict(const crypto::VerificationReport& report) {
    return std::string(crypto::indicationName(report.indication)) + "/" +
           crypto::subIndicationName(report.subIndication) + ": " + report.message;
}

}  // namespace qujat::test

// CHECK_VERDICT(report, kFailed, kHashFailure): checks both and prints the message.
#define CHECK_VERDICT(report, expectedIndication, expectedSubIndication)                        \
    do {                                                                                        \
        const auto& qujat_report_ = (report);                                                   \
        INFO(::qujat::test::verdict(qujat_report_));                                            \
        CHECK(qujat_report_.indication == ::qujat::crypto::Indication::expectedIndication);     \
        CHECK(qujat_report_.subIndication == ::qujat::crypto::SubIndication::expectedSubIndication); \
    } while (0)
