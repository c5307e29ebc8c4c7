#include <catch2/catch.hpp>
#include <filesystem>

#include "CmsTools.h"
#include "support/DevPki.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/CadesVerifier.h"
#include "qujat/crypto/TimeStampCms.h"
#include "qujat/crypto/TsaLocal.h"

using namespace qujat;
using namespace qujat::test;
namespace fs = std::filesystem;

namespace {

constexpr engine::Millis kDay = 24LL * 60 * 60 * 1000;
const std::string kDocument = "Decision of the bureau of AST-01: approve the report for Q3.\n";

std::string signAs(const std::string& login, const std::string& content, const crypto::SigningOptions& options = {}) {
    const crypto::SigningIdentity id = DevPki::shared().identity(login);
    auto signature = crypto::CadesSigner().signDetached(content, id.key, id.certificate, id.chain, options);
    REQUIRE_OK(signature);
    return *signature;
}

std::shared_ptr<crypto::TrustStore> trustFrom(const std::string& dir) {
    auto trust = crypto::TrustStore::open(dir);
    REQUIRE_OK(trust);
    return *trust;
}

}  // namespace

TEST_CASE("a valid signature passes and the report says who signed what, when", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    crypto::CadesVerifier verifier(pki.openTrust());

    SECTION("one made by CadesSigner") {
        const auto report = verifyNow(verifier, signAs("secretary.ppo-00001", kDocument), kDocument);
        CHECK_VERDICT(report, kPassed, kNone);
        const crypto::Certificate cert = pki.certificate("secretary.ppo-00001");
        CHECK(report.signerCommonName == "secretary.ppo-00001");
        CHECK(report.signerSerialNumber == iinOf("secretary.ppo-00001"));
        CHECK(report.signerSubject == cert.subject());
        CHECK(report.certificateSha256 == cert.sha256Hex());
        CHECK(report.certificateSerial == cert.serialHex());
        REQUIRE(report.signingTime);
        CHECK(std::abs(*report.signingTime - nowMillis()) < 60 * 1000);
        REQUIRE(report.chain.size() == 3);
        CHECK(report.chain[2] == "C=KZ,O=Qujat Development,CN=Qujat Development Root CA");
        CHECK(report.digestAlgorithm == "sha256");
        CHECK(report.signatureAlgorithm == "ecdsa-with-SHA256");
        CHECK(report.commitmentTypes == std::vector<std::string>{"1.2.840.113549.1.9.16.6.5"});
        CHECK(report.revocation == "crl");
        const std::string json = report.toJson();
        CHECK(json.find("\"indication\":\"PASSED\",\"subIndication\":null") != std::string::npos);
        CHECK(json.find("\"signerSerialNumber\":\"" + iinOf("secretary.ppo-00001") + "\"") != std::string::npos);
        CHECK(report.toText().find("commitment: proof-of-approval") != std::string::npos);
    }

    SECTION("one made by openssl cms -sign -cades, with or without its chain") {
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("chairman.ppo-00001", kDocument), kDocument), kPassed, kNone);
        const std::string withChain = opensslSignAs("chairman.ppo-00001", kDocument,
                                                    "-cades -md sha256 -certfile " + pki.issuingCaPath());
        CHECK_VERDICT(verifyNow(verifier, withChain, kDocument), kPassed, kNone);
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("rsa.user", kDocument, "-cades -md sha384"), kDocument), kPassed,
                      kNone);
    }

    SECTION("openssl variants: a subjectKeyIdentifier signer, RSASSA-PSS") {
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("chairman.ppo-00001", kDocument, "-cades -md sha256 -keyid"),
                                kDocument),
                      kPassed, kNone);
        const auto pss = verifyNow(verifier,
                                   opensslSignAs("rsa.user", kDocument,
                                                 "-cades -md sha256 -keyopt rsa_padding_mode:pss"),
                                   kDocument);
        CHECK_VERDICT(pss, kPassed, kNone);
        CHECK(pss.signatureAlgorithm == "rsassaPss");
    }

    SECTION("BER only when the policy allows more than DER") {
        const std::string der = opensslSignAs("chairman.ppo-00001", kDocument);
        REQUIRE(der.substr(0, 2) == "\x30\x82");
        // The outer SEQUENCE with an indefinite length: valid BER, not DER.
        const std::string ber = std::string("\x30\x80", 2) + der.substr(4) + std::string("\x00\x00", 2);
        const auto strict = verifyNow(verifier, ber, kDocument);
        CHECK_VERDICT(strict, kFailed, kFormatFailure);
        CHECK(strict.message.find("not in DER") != std::string::npos);
        crypto::VerificationPolicy lenient;
        lenient.requireCanonicalDer = false;
        CHECK_VERDICT(verifyNow(verifier, ber, kDocument, lenient), kPassed, kNone);
        CHECK_VERDICT(verifyNow(verifier, ber + std::string("\x00\x00", 2), kDocument, lenient), kFailed, kFormatFailure);
    }

    SECTION("a signature-time-stamp (CAdES-T, an unsigned attribute) leaves the verdict alone") {
        crypto::LocalTsaConfig config;
        config.keyPem = readFile(pki.dir() + "/tsa/key.pem");
        config.certificatePem = readFile(pki.dir() + "/tsa/cert.pem");
        config.nextSerial = [] { return std::int64_t{1}; };
        config.clock = [] { return nowMillis(); };
        auto tsa = crypto::LocalTsa::create(config);
        REQUIRE_OK(tsa);
        const std::string signature = signAs("registrar.ast-01", kDocument);
        auto imprint = crypto::signatureTimeStampImprint(signature);
        REQUIRE_OK(imprint);
        auto token = (*tsa)->stamp(*imprint);
        REQUIRE_OK(token);
        auto stamped = crypto::addSignatureTimeStamp(signature, *token);
        REQUIRE_OK(stamped);
        CHECK_VERDICT(verifyNow(verifier, *stamped, kDocument), kPassed, kNone);
        CHECK_VERDICT(verifyNow(verifier, *stamped, kDocument + "?"), kFailed, kHashFailure);
    }

    SECTION("proof-of-approval is demanded only when the policy says so") {
        crypto::VerificationPolicy policy;
        policy.requireProofOfApproval = true;
        CHECK_VERDICT(verifyNow(verifier, signAs("chairman.ppo-00001", kDocument), kDocument, policy), kPassed, kNone);
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("chairman.ppo-00001", kDocument), kDocument, policy),
                      kIndeterminate, kSigConstraintsFailure);
    }
}

TEST_CASE("each defect of a signature gets its own indication", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    crypto::CadesVerifier verifier(pki.openTrust());
    const std::string good = signAs("secretary.ppo-00001", kDocument);

    SECTION("a bit flipped in the signature value: SIG_CRYPTO_FAILURE") {
        std::string bad = good;
        bad[bad.size() - 8] ^= 0x01;  // inside the ECDSA signature, the last field
        CHECK_VERDICT(verifyNow(verifier, bad, kDocument), kFailed, kSigCryptoFailure);
    }

    SECTION("other content: HASH_FAILURE") {
        CHECK_VERDICT(verifyNow(verifier, good, kDocument + "!"), kFailed, kHashFailure);
        CHECK_VERDICT(verifyNow(verifier, good, ""), kFailed, kHashFailure);
    }

    SECTION("no signing-certificate-v2 (openssl cms -sign without -cades): SIG_CONSTRAINTS_FAILURE") {
        const auto report = verifyNow(verifier, opensslSignAs("secretary.ppo-00001", kDocument, "-md sha256"), kDocument);
        CHECK_VERDICT(report, kIndeterminate, kSigConstraintsFailure);
        CHECK(report.message.find("signing-certificate-v2") != std::string::npos);
    }

    SECTION("a root the trust store does not know: NO_CERTIFICATE_CHAIN_FOUND") {
        TempDir tmp;
        fs::create_directories(tmp.file("trust"));
        openssl("req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=Other-Root -days 30 -keyout " +
                tmp.file("other.key") + " -out " + tmp.file("trust/other-root.pem"));
        crypto::CadesVerifier stranger(trustFrom(tmp.file("trust")));
        CHECK_VERDICT(verifyNow(stranger, good, kDocument), kIndeterminate, kNoCertificateChainFound);
    }

    SECTION("a certificate expired at the signing time: EXPIRED") {
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("expired.user", kDocument), kDocument), kFailed, kExpired);
    }

    SECTION("a certificate not yet valid at the signing time: NOT_YET_VALID") {
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("future.user", kDocument), kDocument), kFailed, kNotYetValid);
    }

    SECTION("validity is judged at the signing time, which a policy may bound") {
        crypto::SigningOptions options;
        options.signingTime = nowMillis() - 150 * kDay;  // inside expired.user's validity
        const std::string backdated = signAs("expired.user", kDocument, options);
        CHECK_VERDICT(verifyNow(verifier, backdated, kDocument), kPassed, kNone);
        crypto::VerificationPolicy policy;
        policy.maxSigningTimeAge = kDay;
        CHECK_VERDICT(verifyNow(verifier, backdated, kDocument, policy), kIndeterminate, kSigConstraintsFailure);
    }

    SECTION("a signing time in the future: SIG_CONSTRAINTS_FAILURE") {
        crypto::SigningOptions options;
        options.signingTime = nowMillis() + kDay;
        CHECK_VERDICT(verifyNow(verifier, signAs("secretary.ppo-00001", kDocument, options), kDocument), kIndeterminate,
                      kSigConstraintsFailure);
    }

    SECTION("a revoked certificate: REVOKED") {
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("revoked.user", kDocument), kDocument), kFailed, kRevoked);
    }

    SECTION("no CRL in the trust directory: TRY_LATER, never a pass") {
        TempDir tmp;
        fs::create_directories(tmp.file("trust"));
        for (const char* name : {"root.pem", "issuing-ca.pem"})
            fs::copy_file(pki.trustDir() + "/" + name, tmp.file(std::string("trust/") + name));
        crypto::CadesVerifier noCrl(trustFrom(tmp.file("trust")));
        const auto report = verifyNow(noCrl, good, kDocument);
        CHECK_VERDICT(report, kIndeterminate, kTryLater);
        CHECK(report.message.find("unable to get certificate CRL") != std::string::npos);
        crypto::VerificationPolicy unchecked;
        unchecked.checkRevocation = false;
        const auto lax = verifyNow(noCrl, good, kDocument, unchecked);
        CHECK_VERDICT(lax, kPassed, kNone);
        CHECK(lax.revocation == "not checked");
    }

    SECTION("a stale CRL (nextUpdate past): TRY_LATER") {
        const auto report = verifyNow(verifier, good, kDocument, {}, nowMillis() + 31 * kDay);
        CHECK_VERDICT(report, kIndeterminate, kTryLater);
        CHECK(report.message.find("stale") != std::string::npos);
    }

    SECTION("key usage keyEncipherment only: CHAIN_CONSTRAINTS_FAILURE") {
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("encipher.user", kDocument), kDocument), kIndeterminate,
                      kChainConstraintsFailure);
    }

    SECTION("the TSA's certificate (extended key usage timeStamping): CHAIN_CONSTRAINTS_FAILURE") {
        const std::string signature =
            opensslSign(pki.dir() + "/tsa/key.pem", pki.dir() + "/tsa/cert.pem", kDocument);
        CHECK_VERDICT(verifyNow(verifier, signature, kDocument), kIndeterminate, kChainConstraintsFailure);
    }

    SECTION("an RSA-1024 key: CRYPTO_CONSTRAINTS_FAILURE") {
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("weak.user", kDocument), kDocument), kIndeterminate,
                      kCryptoConstraintsFailure);
    }

    SECTION("a SHA-1 digest: CRYPTO_CONSTRAINTS_FAILURE") {
        const auto report = verifyNow(verifier, opensslSignAs("secretary.ppo-00001", kDocument, "-cades -md sha1"), kDocument);
        CHECK_VERDICT(report, kIndeterminate, kCryptoConstraintsFailure);
        CHECK(report.digestAlgorithm == "sha1");
    }

    SECTION("two signers: SIG_CONSTRAINTS_FAILURE") {
        const std::string two = opensslSignAs("secretary.ppo-00001", kDocument,
                                              "-cades -md sha256 -signer " + pki.certPath("chairman.ppo-00001") +
                                                  " -inkey " + pki.keyPath("chairman.ppo-00001"));
        const auto report = verifyNow(verifier, two, kDocument);
        CHECK_VERDICT(report, kIndeterminate, kSigConstraintsFailure);
        CHECK(report.message.find("2 signers") != std::string::npos);
    }

    SECTION("the content embedded instead of detached: FORMAT_FAILURE") {
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("secretary.ppo-00001", kDocument, "-cades -md sha256 -nodetach"),
                                kDocument),
                      kFailed, kFormatFailure);
        // openssl cms -sign -stream -outform DER leaves an empty eContent in a "detached" signature.
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("secretary.ppo-00001", kDocument, "-cades -md sha256 -stream"),
                                kDocument),
                      kFailed, kFormatFailure);
    }

    SECTION("empty, truncated and random bytes: FORMAT_FAILURE") {
        CHECK_VERDICT(verifyNow(verifier, "", kDocument), kFailed, kFormatFailure);
        CHECK_VERDICT(verifyNow(verifier, good.substr(0, good.size() / 2), kDocument), kFailed, kFormatFailure);
        CHECK_VERDICT(verifyNow(verifier, good + '\0', kDocument), kFailed, kFormatFailure);
        CHECK_VERDICT(verifyNow(verifier, std::string(300, '\x5a'), kDocument), kFailed, kFormatFailure);
    }

    SECTION("a certificate substituted for the one signed for: NO_SIGNING_CERTIFICATE_FOUND") {
        // A second certificate for the same key, issuer and serial number: the signature
        // value still verifies, only signing-certificate-v2 tells the two apart.
        TempDir tmp;
        const crypto::Certificate original = pki.certificate("secretary.ppo-00001");
        openssl("req -new -key " + pki.keyPath("secretary.ppo-00001") + " -subj '/CN=secretary.ppo-00001' -out " +
                tmp.file("csr.pem"));
        writeFile(tmp.file("ext.cnf"), "keyUsage = critical, digitalSignature, nonRepudiation\n");
        openssl("x509 -req -in " + tmp.file("csr.pem") + " -CA " + pki.issuingCaPath() + " -CAkey " + pki.dir() +
                "/ca/issuing/key.pem -set_serial 0x" + original.serialHex() + " -days 10 -sha256 -extfile " +
                tmp.file("ext.cnf") + " -out " + tmp.file("twin.pem"));
        const std::string substituted = opensslSign(pki.keyPath("secretary.ppo-00001"), tmp.file("twin.pem"), kDocument,
                                                    "-cades -md sha256 -nocerts -certfile " +
                                                        pki.certPath("secretary.ppo-00001"));
        const auto report = verifyNow(verifier, substituted, kDocument);
        CHECK_VERDICT(report, kIndeterminate, kNoSigningCertificateFound);
        CHECK(report.message.find("signing-certificate-v2") != std::string::npos);
    }

    SECTION("a certificate carried that is not on the signer's chain: SIG_CONSTRAINTS_FAILURE") {
        const std::string extra = opensslSignAs("secretary.ppo-00001", kDocument,
                                                "-cades -md sha256 -certfile " + pki.certPath("chairman.ppo-00001"));
        CHECK_VERDICT(verifyNow(verifier, extra, kDocument), kIndeterminate, kSigConstraintsFailure);
    }
}
