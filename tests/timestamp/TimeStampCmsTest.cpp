// CAdES-T: the signature-time-stamp attribute on a detached CMS signature, end to end
// with the openssl CLI on either side.

#include <openssl/evp.h>

#include <regex>

#include "TestPki.h"
#include "qujat/crypto/TimeStampCms.h"
#include "qujat/crypto/TimeStampVerifier.h"
#include "support/StatusMatchers.h"

using namespace qujat;
using namespace qujat::test;
using engine::StatusCode;

namespace {

// The SignerInfo's signature value as `openssl asn1parse` shows it: the last OCTET STRING
// of a CMS without unsigned attributes.
std::string signatureValueByAsn1parse(const std::string& path) {
    const auto result = runCommand("openssl asn1parse -inform DER -in " + shellQuote(path));
    REQUIRE(result.exitCode == 0);
    std::string last;
    const std::regex octets(R"(prim: OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]+))");
    for (std::sregex_iterator it(result.output.begin(), result.output.end(), octets), end; it != end; ++it)
        last = (*it)[1];
    REQUIRE(!last.empty());
    return fromHex(last);
}

std::string opensslCmsVerify(const TestPki& pki, const std::string& p7sPath) {
    const auto result = runCommand("openssl cms -verify -binary -inform DER -in " + shellQuote(p7sPath) + " -content " +
                                   shellQuote(pki.path("doc.txt")) + " -CAfile " + shellQuote(pki.path("ca.pem")) +
                                   " -purpose any -out /dev/null");
    return result.exitCode == 0 ? "ok" : result.output;
}

}  // namespace

TEST_CASE("a signature is stamped over its signature value, embedded, extracted and verified", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    const std::string p7s = pki.file("doc.p7s");

    auto imprint = crypto::signatureTimeStampImprint(p7s);
    REQUIRE_OK(imprint);
    CHECK(*imprint == sha256(signatureValueByAsn1parse(pki.path("doc.p7s"))));

    auto token = pki.localTsa("tsa")->stamp(*imprint);
    REQUIRE_OK(token);
    auto stamped = crypto::addSignatureTimeStamp(p7s, *token);
    REQUIRE_OK(stamped);
    writeFile(pki.path("stamped.p7s"), *stamped);

    SECTION("the signature still verifies with openssl cms, and carries the attribute") {
        CHECK(opensslCmsVerify(pki, pki.path("doc.p7s")) == "ok");
        CHECK(opensslCmsVerify(pki, pki.path("stamped.p7s")) == "ok");
        const auto printed = runCommand("openssl cms -cmsout -print -inform DER -in " + shellQuote(pki.path("stamped.p7s")));
        CHECK_THAT(printed.output, Catch::Contains("id-smime-aa-timeStampToken"));
        CHECK_THAT(printed.output, Catch::Contains("unsignedAttrs"));
    }
    SECTION("the signed bytes are unchanged: the stamped CMS holds the original's signed attributes and value") {
        const std::string value = signatureValueByAsn1parse(pki.path("doc.p7s"));
        CHECK(stamped->find(value) != std::string::npos);
        // Everything before the signature value, from the signer's version on, is the same
        // run of bytes; only the unsigned attributes follow.
        const auto originalAt = p7s.find(value);
        const auto stampedAt = stamped->find(value);
        REQUIRE(originalAt != std::string::npos);
        const std::size_t run = 300;  // well into the signed attributes (about 340 bytes here)
        REQUIRE(originalAt > run);
        CHECK(p7s.substr(originalAt - run, run + value.size()) == stamped->substr(stampedAt - run, run + value.size()));
        auto again = crypto::signatureTimeStampImprint(*stamped);
        REQUIRE_OK(again);
        CHECK(*again == *imprint);
    }
    SECTION("the token is extracted as it was embedded, and verifies with our verifier and openssl ts") {
        auto extracted = crypto::extractSignatureTimeStamp(*stamped);
        REQUIRE_OK(extracted);
        REQUIRE(extracted->has_value());
        CHECK(**extracted == *token);

        crypto::TimeStampTrust trust;
        trust.anchorPems = {pki.pem("ca")};
        auto info = crypto::TimeStampVerifier().verify(**extracted, *imprint, trust, pki.now());
        REQUIRE_OK(info);
        CHECK(info->tsaSubject == "CN=Qujat Test TSA,O=Qujat Test");

        writeFile(pki.path("extracted.tst"), **extracted);
        const auto verified = runCommand("openssl ts -verify -token_in -in " + shellQuote(pki.path("extracted.tst")) +
                                         " -digest " + toHex(*imprint) + " -CAfile " + shellQuote(pki.path("ca.pem")) +
                                         " -untrusted " + shellQuote(pki.path("tsa.pem")));
        INFO(verified.output);
        CHECK(verified.exitCode == 0);
        CHECK_THAT(verified.output, Catch::Contains("Verification: OK"));
    }
    SECTION("a signature without the attribute has none to extract") {
        auto none = crypto::extractSignatureTimeStamp(p7s);
        REQUIRE_OK(none);
        CHECK_FALSE(none->has_value());
    }
    SECTION("a second signature timestamp is refused") {
        CHECK_CODE(crypto::addSignatureTimeStamp(*stamped, *token), StatusCode::kAlreadyExists);
    }
}

TEST_CASE("a token over another signature's value is refused when embedding and when verifying", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    // ECDSA signatures are randomised: signing the same document again gives another value.
    REQUIRE(pki.run("openssl cms -sign -binary -cades -md sha256 -in doc.txt -signer signer.pem -inkey "
                       "signer.key -outform DER -out again.p7s")
                .exitCode == 0);
    auto imprint = crypto::signatureTimeStampImprint(pki.file("doc.p7s"));
    auto otherImprint = crypto::signatureTimeStampImprint(pki.file("again.p7s"));
    REQUIRE_OK(imprint);
    REQUIRE_OK(otherImprint);
    REQUIRE(*imprint != *otherImprint);
    auto tokenForOther = pki.localTsa("tsa")->stamp(*otherImprint);
    REQUIRE_OK(tokenForOther);

    auto embedded = crypto::addSignatureTimeStamp(pki.file("doc.p7s"), *tokenForOther);
    CHECK_CODE(embedded, StatusCode::kFailedPrecondition);
    CHECK_THAT(embedded.status().message(), Catch::Contains("does not stamp this signature"));

    crypto::TimeStampTrust trust;
    trust.anchorPems = {pki.pem("ca")};
    auto info = crypto::TimeStampVerifier().verify(*tokenForOther, *imprint, trust, pki.now());
    CHECK_CODE(info, StatusCode::kFailedPrecondition);
    CHECK_THAT(info.status().message(), Catch::Contains("stamps another value"));
}

TEST_CASE("BER signatures are stamped when their signature can be re-checked", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    const std::string sign = "openssl cms -sign -binary -cades -md sha256 -stream -in doc.txt -signer signer.pem "
                             "-inkey signer.key -outform DER ";
    REQUIRE(pki.run(sign + "-out ber.p7s").exitCode == 0);
    REQUIRE(pki.run(sign + "-nocerts -out ber-nocerts.p7s").exitCode == 0);
    auto tsa = pki.localTsa("tsa");

    SECTION("with the signer certificate inside: re-encoded as DER, still verifying") {
        const std::string ber = pki.file("ber.p7s");
        REQUIRE(static_cast<unsigned char>(ber[1]) == 0x80);  // indefinite length
        auto imprint = crypto::signatureTimeStampImprint(ber);
        REQUIRE_OK(imprint);
        auto token = tsa->stamp(*imprint);
        REQUIRE_OK(token);
        auto stamped = crypto::addSignatureTimeStamp(ber, *token);
        REQUIRE_OK(stamped);
        writeFile(pki.path("ber-stamped.p7s"), *stamped);
        CHECK(opensslCmsVerify(pki, pki.path("ber-stamped.p7s")) == "ok");
    }
    SECTION("without it: refused, asking for DER") {
        const std::string ber = pki.file("ber-nocerts.p7s");
        auto imprint = crypto::signatureTimeStampImprint(ber);
        REQUIRE_OK(imprint);
        auto token = tsa->stamp(*imprint);
        REQUIRE_OK(token);
        auto stamped = crypto::addSignatureTimeStamp(ber, *token);
        CHECK_CODE(stamped, StatusCode::kInvalidArgument);
        CHECK_THAT(stamped.status().message(), Catch::Contains("DER"));
    }
}

TEST_CASE("the signature helpers refuse what is not a one-signer CMS SignedData", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    REQUIRE(pki.run("openssl cms -sign -binary -md sha256 -in doc.txt -signer signer.pem -inkey signer.key "
                       "-signer revokedtsa.pem -inkey revokedtsa.key -outform DER -out two.p7s")
                .exitCode == 0);
    auto token = pki.localTsa("tsa")->stamp(std::string(32, 'x'));
    REQUIRE_OK(token);

    SECTION("two signers") {
        auto imprint = crypto::signatureTimeStampImprint(pki.file("two.p7s"));
        CHECK_CODE(imprint, StatusCode::kInvalidArgument);
        CHECK_THAT(imprint.status().message(), Catch::Contains("exactly one signer"));
        CHECK_CODE(crypto::extractSignatureTimeStamp(pki.file("two.p7s")), StatusCode::kInvalidArgument);
    }
    SECTION("bytes that are not a CMS") {
        CHECK_CODE(crypto::signatureTimeStampImprint("hello"), StatusCode::kInvalidArgument);
        CHECK_CODE(crypto::extractSignatureTimeStamp(""), StatusCode::kInvalidArgument);
        CHECK_CODE(crypto::addSignatureTimeStamp("hello", *token), StatusCode::kInvalidArgument);
    }
    SECTION("a timestamp token where the signature should be (it is SignedData, but its signer is the TSA)") {
        // A token is itself a one-signer SignedData: its imprint is computable, which is fine.
        REQUIRE_OK(crypto::signatureTimeStampImprint(*token));
    }
    SECTION("a token that is not a token") {
        CHECK_CODE(crypto::addSignatureTimeStamp(pki.file("doc.p7s"), "garbage"), StatusCode::kInvalidArgument);
        CHECK_CODE(crypto::addSignatureTimeStamp(pki.file("doc.p7s"), pki.file("doc.p7s")), StatusCode::kInvalidArgument);
    }
}
