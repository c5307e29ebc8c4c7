// TimeStampVerifier: what a token must satisfy, and the message for each way it fails.

#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>

#include "TestPki.h"
#include "qujat/crypto/TimeStampVerifier.h"
#include "support/StatusMatchers.h"

using namespace qujat;
using namespace qujat::test;
using engine::StatusCode;

namespace {

crypto::TimeStampTrust trustIn(const TestPki& pki, const std::string& root) {
    crypto::TimeStampTrust trust;
    trust.anchorPems = {pki.pem(root)};
    return trust;
}

// The DER TSTInfo inside a token.
std::string tstInfoOf(const std::string& tokenDer) {
    const auto* p = reinterpret_cast<const unsigned char*>(tokenDer.data());
    PKCS7* token = d2i_PKCS7(nullptr, &p, static_cast<long>(tokenDer.size()));
    REQUIRE(token != nullptr);
    TS_TST_INFO* tst = PKCS7_to_TS_TST_INFO(token);
    REQUIRE(tst != nullptr);
    unsigned char* der = nullptr;
    const int length = i2d_TS_TST_INFO(tst, &der);
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    TS_TST_INFO_free(tst);
    PKCS7_free(token);
    return out;
}

// A token carrying `tstInfoDer` but signed by `name` (whatever its certificate says), made
// with `openssl cms` as a forger would.
std::string signAsToken(const TestPki& pki, const std::string& name, const std::string& tstInfoDer) {
    writeFile(pki.path("forged.tstinfo"), tstInfoDer);
    const auto result = runCommand(
        "openssl cms -sign -binary -nodetach -cades -md sha256 -econtent_type 1.2.840.113549.1.9.16.1.4 -in " +
        shellQuote(pki.path("forged.tstinfo")) + " -signer " + shellQuote(pki.path(name + ".pem")) + " -inkey " +
        shellQuote(pki.path(name + ".key")) + " -outform DER -out " + shellQuote(pki.path("forged.tst")));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    return pki.file("forged.tst");
}

}  // namespace

TEST_CASE("a valid token verifies and tells when, what and who", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    const std::string imprint = sha256("a signature value");
    auto token = pki.localTsa("tsa")->stamp(imprint);
    REQUIRE_OK(token);
    crypto::TimeStampVerifier verifier;

    SECTION("against the root") {
        auto info = verifier.verify(*token, imprint, trustIn(pki, "ca"), pki.now());
        REQUIRE_OK(info);
        CHECK(info->genTime == pki.now() / 1000 * 1000);
        CHECK(info->serial == "1");
        CHECK(info->tsaSubject == "CN=Qujat Test TSA,O=Qujat Test");
    }
    SECTION("with CRLs that revoke nothing") {
        auto trust = trustIn(pki, "ca");
        trust.crlPems = {pki.file("emptycrl.pem")};
        REQUIRE_OK(verifier.verify(*token, imprint, trust, pki.now()));
    }
    SECTION("among several anchors, and with an intermediates list that is not needed") {
        crypto::TimeStampTrust trust;
        trust.anchorPems = {pki.pem("otherca") + pki.pem("ca")};
        trust.intermediatePems = {pki.pem("tsa")};
        REQUIRE_OK(verifier.verify(*token, imprint, trust, pki.now()));
    }
    SECTION("a token made by openssl ts -reply verifies too") {
        REQUIRE(pki.run("openssl ts -query -data doc.txt -sha256 -cert -out o.tsq"
                           " && openssl ts -reply -config ts.cnf -queryfile o.tsq -token_out -out o.tst")
                    .exitCode == 0);
        auto info = verifier.verify(pki.file("o.tst"), sha256(pki.file("doc.txt")), trustIn(pki, "ca"),
                                    wallClockMillis());
        REQUIRE_OK(info);
        CHECK(info->policyOid == "1.2.3.4.5");
    }
}

TEST_CASE("tokens that do not hold are refused, each with a message saying why", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    const std::string imprint = sha256("a signature value");
    auto token = pki.localTsa("tsa")->stamp(imprint);
    REQUIRE_OK(token);
    crypto::TimeStampVerifier verifier;
    const auto trust = trustIn(pki, "ca");

    SECTION("the imprint of another signature") {
        auto info = verifier.verify(*token, sha256("another signature value"), trust, pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("stamps another value"));
        CHECK_THAT(info.status().message(), Catch::Contains(toHex(imprint)));
    }
    SECTION("a TSA under a root we do not trust") {
        auto other = pki.localTsa("othertsa")->stamp(imprint);
        REQUIRE_OK(other);
        auto info = verifier.verify(*other, imprint, trust, pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("not trusted"));
        CHECK_THAT(info.status().message(), Catch::Contains("unable to get local issuer certificate"));
    }
    SECTION("our TSA when only another root is trusted") {
        auto info = verifier.verify(*token, imprint, trustIn(pki, "otherca"), pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("not trusted"));
    }
    SECTION("a revoked TSA certificate, when CRLs are given") {
        auto revoked = pki.localTsa("revokedtsa")->stamp(imprint);
        REQUIRE_OK(revoked);
        auto withCrl = trust;
        withCrl.crlPems = {pki.file("crl.pem")};
        auto info = verifier.verify(*revoked, imprint, withCrl, pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("certificate revoked"));
        // Without CRLs revocation is not checked (documented).
        REQUIRE_OK(verifier.verify(*revoked, imprint, trust, pki.now()));
    }
    SECTION("an expired TSA certificate") {
        auto info = verifier.verify(*token, imprint, trust, pki.now() + 60LL * 24 * 3600 * 1000);
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("certificate has expired"));
    }
    SECTION("a genTime in the future") {
        const engine::Millis later = pki.now() + 3600 * 1000;
        auto future = pki.localTsa("tsa", nullptr, later)->stamp(imprint);
        REQUIRE_OK(future);
        auto info = verifier.verify(*future, imprint, trust, pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("in the future"));
        REQUIRE_OK(verifier.verify(*future, imprint, trust, later));
    }
    SECTION("a tampered genTime") {
        std::string tampered = *token;
        const std::string genTime = engine::formatIsoUtc(pki.now());  // "2026-11-27T09:47:05Z"
        std::string asn1 = genTime.substr(0, 4) + genTime.substr(5, 2) + genTime.substr(8, 2) + genTime.substr(11, 2) +
                           genTime.substr(14, 2) + genTime.substr(17, 2) + "Z";
        const auto at = tampered.find(asn1);
        REQUIRE(at != std::string::npos);
        tampered[at + 3] = tampered[at + 3] == '9' ? '8' : static_cast<char>(tampered[at + 3] + 1);  // another year
        auto info = verifier.verify(tampered, imprint, trust, pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("bad signature"));
        writeFile(pki.path("tampered.tst"), tampered);
        CHECK(runCommand("openssl ts -verify -token_in -in " + shellQuote(pki.path("tampered.tst")) + " -digest " +
                         toHex(imprint) + " -CAfile " + shellQuote(pki.path("ca.pem")))
                  .exitCode != 0);
    }
    SECTION("a tampered signature value") {
        std::string tampered = *token;
        tampered.back() = static_cast<char>(tampered.back() ^ 0x01);
        auto info = verifier.verify(tampered, imprint, trust, pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("bad signature"));
    }
    SECTION("a TSTInfo signed by a certificate without extendedKeyUsage") {
        const std::string forged = signAsToken(pki, "noeku", tstInfoOf(*token));
        auto info = verifier.verify(forged, imprint, trust, pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("may not sign timestamps"));
        CHECK_THAT(info.status().message(), Catch::Contains("no extendedKeyUsage"));
        CHECK(runCommand("openssl ts -verify -token_in -in " + shellQuote(pki.path("forged.tst")) + " -digest " +
                         toHex(imprint) + " -CAfile " + shellQuote(pki.path("ca.pem")))
                  .exitCode != 0);
    }
    SECTION("a TSTInfo signed by a certificate whose timeStamping EKU is not critical") {
        auto info = verifier.verify(signAsToken(pki, "softeku", tstInfoOf(*token)), imprint, trust, pki.now());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("not critical"));
    }
    SECTION("the same TSTInfo re-signed by the real TSA key through openssl cms is accepted") {
        // The forging path above is sound: only the certificate makes the difference.
        auto info = verifier.verify(signAsToken(pki, "tsa", tstInfoOf(*token)), imprint, trust, pki.now());
        REQUIRE_OK(info);
    }
    SECTION("a SHA-1 imprint") {
        REQUIRE(pki.run("openssl ts -query -data doc.txt -sha1 -cert -out s1.tsq"
                           " && openssl ts -reply -config ts.cnf -queryfile s1.tsq -token_out -out s1.tst")
                    .exitCode == 0);
        auto info = verifier.verify(pki.file("s1.tst"), sha256(pki.file("doc.txt")), trust, wallClockMillis());
        CHECK_CODE(info, StatusCode::kFailedPrecondition);
        CHECK_THAT(info.status().message(), Catch::Contains("SHA-1"));
    }
}

TEST_CASE("malformed input is refused as invalid, never crashing", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    const std::string imprint = sha256("v");
    auto token = pki.localTsa("tsa")->stamp(imprint);
    REQUIRE_OK(token);
    crypto::TimeStampVerifier verifier;
    const auto trust = trustIn(pki, "ca");

    SECTION("empty, random and truncated bytes") {
        CHECK_CODE(verifier.verify("", imprint, trust, pki.now()), StatusCode::kInvalidArgument);
        CHECK_CODE(verifier.verify("\x30\x03\x02\x01\x01", imprint, trust, pki.now()), StatusCode::kInvalidArgument);
        auto truncated = verifier.verify(token->substr(0, token->size() / 2), imprint, trust, pki.now());
        CHECK_CODE(truncated, StatusCode::kInvalidArgument);
        CHECK_THAT(truncated.status().message(), Catch::Contains("not a DER"));
    }
    SECTION("trailing bytes after the token") {
        CHECK_CODE(verifier.verify(*token + std::string(1, '\0'), imprint, trust, pki.now()),
                   StatusCode::kInvalidArgument);
    }
    SECTION("a CMS signature that is not a timestamp token") {
        auto info = verifier.verify(pki.file("doc.p7s"), imprint, trust, pki.now());
        CHECK_CODE(info, StatusCode::kInvalidArgument);
        CHECK_THAT(info.status().message(), Catch::Contains("not a TSTInfo"));
    }
    SECTION("an expected imprint that is not 32 bytes") {
        CHECK_CODE(verifier.verify(*token, "abc", trust, pki.now()), StatusCode::kInvalidArgument);
    }
    SECTION("trust that is missing or does not parse") {
        CHECK_CODE(verifier.verify(*token, imprint, crypto::TimeStampTrust{}, pki.now()), StatusCode::kInvalidArgument);
        crypto::TimeStampTrust broken;
        broken.anchorPems = {"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"};
        CHECK_CODE(verifier.verify(*token, imprint, broken, pki.now()), StatusCode::kInvalidArgument);
        auto badCrl = trust;
        badCrl.crlPems = {"no crl here"};
        CHECK_CODE(verifier.verify(*token, imprint, badCrl, pki.now()), StatusCode::kInvalidArgument);
    }
}
