#include <catch2/catch.hpp>

#include "CmsTools.h"
#include "support/DevPki.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/CadesVerifier.h"

using namespace qujat;
using namespace qujat::test;

namespace {

const char kDocumentBytes[] = "Protocol No. 7 of the PPO-00001 meeting\r\nBinary: \x00\x01\xff\n";
const std::string kDocument(kDocumentBytes, sizeof kDocumentBytes - 1);

std::string bundleOf(const DevPki& pki, const TempDir& dir) {
    std::string bundle;
    for (const char* name : {"root.pem", "issuing-ca.pem", "root.crl.pem", "issuing-ca.crl.pem"})
        bundle += readFile(pki.trustDir() + "/" + name);
    writeFile(dir.file("bundle.pem"), bundle);
    return dir.file("bundle.pem");
}

std::string signAs(const std::string& login, const std::string& content, const crypto::SigningOptions& options = {}) {
    const crypto::SigningIdentity id = DevPki::shared().identity(login);
    auto signature = crypto::CadesSigner().signDetached(content, id.key, id.certificate, id.chain, options);
    REQUIRE_OK(signature);
    return *signature;
}

}  // namespace

TEST_CASE("a CadesSigner signature is a detached CAdES signature the openssl CLI accepts", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    TempDir dir;
    const std::string& document = kDocument;
    writeFile(dir.file("doc.bin"), document);
    writeFile(dir.file("sig.der"), signAs("secretary.ppo-00001", document));
    const std::string bundle = bundleOf(pki, dir);
    const std::string verify = "cms -verify -binary -inform DER -in " + dir.file("sig.der") + " -content " +
                               dir.file("doc.bin") + " -purpose any -out " + dir.file("out.bin");

    SECTION("openssl cms -verify checks it against the root, with CRLs, as CAdES") {
        const std::string output = openssl(verify + " -CAfile " + bundle + " -crl_check_all -cades");
        CHECK(output.find("Verification successful") != std::string::npos);
        CHECK(readFile(dir.file("out.bin")) == document);
    }

    SECTION("openssl cms -verify -attime checks validity at the signing time, as an auditor would") {
        const auto report = verifyNow(crypto::CadesVerifier(pki.openTrust()), readFile(dir.file("sig.der")), document);
        REQUIRE(report.signingTime);
        const std::string output = openssl(verify + " -CAfile " + bundle + " -cades -attime " +
                                           std::to_string(*report.signingTime / 1000));
        CHECK(output.find("Verification successful") != std::string::npos);
    }

    SECTION("openssl refuses it for other bytes") {
        writeFile(dir.file("doc.bin"), document + " ");
        CHECK(runCommand("openssl " + verify + " -CAfile " + bundle).exitCode != 0);
    }

    SECTION("openssl cms -cmsout -print shows the CAdES attributes and no embedded content") {
        const std::string printed = openssl("cms -cmsout -print -inform DER -in " + dir.file("sig.der"));
        CHECK(printed.find("signingCertificateV2") != std::string::npos);
        CHECK(printed.find("id-smime-aa-ets-commitmentType") != std::string::npos);
        CHECK(printed.find("signingTime") != std::string::npos);
        CHECK(printed.find("messageDigest") != std::string::npos);
        CHECK(printed.find("eContent: <ABSENT>") != std::string::npos);
        // The commitment type is a SEQUENCE openssl prints as hex: 06 0b <1.2.840.113549.1.9.16.6.5>.
        const std::string asn1 = openssl("asn1parse -inform DER -in " + dir.file("sig.der"));
        CHECK(asn1.find(":id-smime-aa-ets-commitmentType") != std::string::npos);
        CHECK(asn1.find(":id-smime-cti-ets-proofOfApproval") != std::string::npos);
    }
}

TEST_CASE("CadesSigner options shape the signature the verifier reads", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    crypto::CadesVerifier verifier(pki.openTrust());

    SECTION("an explicit signing time is the one reported") {
        const engine::Millis at = (nowMillis() / 1000 - 3600) * 1000;
        crypto::SigningOptions options;
        options.signingTime = at;
        const auto report = verifyNow(verifier, signAs("registrar.ast-01", kDocument, options), kDocument);
        CHECK_VERDICT(report, kPassed, kNone);
        CHECK(report.signingTime == at);
    }

    SECTION("SHA-384 and SHA-512") {
        for (auto [digest, name] : {std::pair{crypto::DigestAlgorithm::kSha384, "sha384"},
                                    std::pair{crypto::DigestAlgorithm::kSha512, "sha512"}}) {
            crypto::SigningOptions options;
            options.digest = digest;
            const auto report = verifyNow(verifier, signAs("chairman.ast-01", kDocument, options), kDocument);
            CHECK_VERDICT(report, kPassed, kNone);
            CHECK(report.digestAlgorithm == name);
        }
    }

    SECTION("without the commitment, without the chain") {
        crypto::SigningOptions options;
        options.commitmentProofOfApproval = false;
        options.includeChain = false;
        const auto report = verifyNow(verifier, signAs("chairman.ast-01", kDocument, options), kDocument);
        CHECK_VERDICT(report, kPassed, kNone);
        CHECK(report.commitmentTypes.empty());
    }

    SECTION("an RSA-2048 signer") {
        const auto report = verifyNow(verifier, signAs("rsa.user", kDocument), kDocument);
        CHECK_VERDICT(report, kPassed, kNone);
        CHECK(report.signatureAlgorithm == "rsaEncryption");
    }

    SECTION("empty content") {
        CHECK_VERDICT(verifyNow(verifier, signAs("chairman.ast-01", ""), ""), kPassed, kNone);
    }
}

TEST_CASE("CadesSigner refuses keys and certificates that may not sign", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    const crypto::CadesSigner signer;

    SECTION("an RSA-1024 key") {
        const crypto::SigningIdentity weak = pki.identity("weak.user");
        auto signature = signer.signDetached(kDocument, weak.key, weak.certificate, weak.chain);
        CHECK_CODE(signature, engine::StatusCode::kInvalidArgument);
        CHECK(signature.status().message().find("1024") != std::string::npos);
    }

    SECTION("a certificate whose key usage is keyEncipherment only") {
        const crypto::SigningIdentity id = pki.identity("encipher.user");
        CHECK_CODE(signer.signDetached(kDocument, id.key, id.certificate, id.chain), engine::StatusCode::kInvalidArgument);
    }

    SECTION("a key that is not the certificate's") {
        const crypto::SigningIdentity a = pki.identity("chairman.ast-01");
        const crypto::SigningIdentity b = pki.identity("registrar.ast-01");
        CHECK_CODE(signer.signDetached(kDocument, a.key, b.certificate, b.chain), engine::StatusCode::kFailedPrecondition);
    }

    SECTION("a PKCS#12 file opened with the wrong password") {
        const std::string dir = pki.userDir("chairman.ast-01");
        CHECK_CODE(crypto::SigningIdentity::fromPkcs12(readFile(dir + "/chairman.ast-01.p12"), "wrong"),
                   engine::StatusCode::kInvalidArgument);
    }
}
