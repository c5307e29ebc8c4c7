// LocalTsa: the engine's own RFC 3161 TSA on OpenSSL's TS_RESP_CTX.

#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>

#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "TestPki.h"
#include "qujat/crypto/TimeStampVerifier.h"
#include "qujat/crypto/TsaLocal.h"
#include "support/StatusMatchers.h"

using namespace qujat;
using namespace qujat::test;
using engine::StatusCode;

namespace {

crypto::LocalTsaConfig configFor(const TestPki& pki, const std::string& name) {
    crypto::LocalTsaConfig config;
    config.keyPem = pki.key(name);
    config.certificatePem = pki.pem(name);
    config.nextSerial = [] { return std::int64_t{1}; };
    const engine::Millis now = pki.now();
    config.clock = [now] { return now; };
    return config;
}

crypto::TimeStampTrust rootTrust(const TestPki& pki) {
    crypto::TimeStampTrust trust;
    trust.anchorPems = {pki.pem("ca")};
    return trust;
}

// Status and failure-info bits of a DER TimeStampResp.
struct ParsedResponse {
    long status = -1;
    bool badAlg = false;
    bool badDataFormat = false;
};

ParsedResponse parseResponse(const std::string& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    TS_RESP* resp = d2i_TS_RESP(nullptr, &p, static_cast<long>(der.size()));
    REQUIRE(resp != nullptr);
    ParsedResponse parsed;
    const TS_STATUS_INFO* info = TS_RESP_get_status_info(resp);
    parsed.status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(info));
    if (const ASN1_BIT_STRING* failure = TS_STATUS_INFO_get0_failure_info(info)) {
        parsed.badAlg = ASN1_BIT_STRING_get_bit(failure, TS_INFO_BAD_ALG) == 1;
        parsed.badDataFormat = ASN1_BIT_STRING_get_bit(failure, TS_INFO_BAD_DATA_FORMAT) == 1;
    }
    TS_RESP_free(resp);
    return parsed;
}

int certificateCount(const std::string& tokenDer) {
    const auto* p = reinterpret_cast<const unsigned char*>(tokenDer.data());
    PKCS7* token = d2i_PKCS7(nullptr, &p, static_cast<long>(tokenDer.size()));
    REQUIRE(token != nullptr);
    const int count = sk_X509_num(token->d.sign->cert);
    PKCS7_free(token);
    return count;
}

}  // namespace

TEST_CASE("a local TSA issues tokens that openssl ts -verify accepts", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    auto counter = std::make_shared<std::int64_t>(41);
    auto tsa = pki.localTsa("tsa", counter);
    const std::string imprint = sha256("the signature value");

    auto token = tsa->stamp(imprint);
    REQUIRE_OK(token);
    writeFile(pki.path("local.tst"), *token);

    SECTION("openssl ts -verify accepts it against the root, with the TSA certificate from the token") {
        const auto result = runCommand("openssl ts -verify -token_in -in " + shellQuote(pki.path("local.tst")) +
                                       " -digest " + toHex(imprint) + " -CAfile " + shellQuote(pki.path("ca.pem")));
        INFO(result.output);
        CHECK(result.exitCode == 0);
        CHECK(result.output.find("Verification: OK") != std::string::npos);
    }
    SECTION("openssl ts -verify, given the TSA certificate as -untrusted as well, accepts it") {
        const auto result = runCommand("openssl ts -verify -token_in -in " + shellQuote(pki.path("local.tst")) +
                                       " -digest " + toHex(imprint) + " -CAfile " + shellQuote(pki.path("ca.pem")) +
                                       " -untrusted " + shellQuote(pki.path("tsa.pem")));
        INFO(result.output);
        CHECK(result.exitCode == 0);
    }
    SECTION("openssl ts -verify refuses it for another digest") {
        const auto result = runCommand("openssl ts -verify -token_in -in " + shellQuote(pki.path("local.tst")) +
                                       " -digest " + toHex(sha256("something else")) + " -CAfile " +
                                       shellQuote(pki.path("ca.pem")));
        CHECK(result.exitCode != 0);
        CHECK(result.output.find("message imprint mismatch") != std::string::npos);
    }
    SECTION("the token says what was configured: serial from the callback, default policy, time, SHA-256") {
        auto info = crypto::TimeStampVerifier().verify(*token, imprint, rootTrust(pki), pki.now());
        REQUIRE_OK(info);
        CHECK(info->serial == "2a");  // 42
        CHECK(info->policyOid == crypto::kDefaultTsaPolicyOid);
        CHECK(info->genTime == pki.now() / 1000 * 1000);
        CHECK(info->hashAlgorithm == "sha256");
        CHECK(info->tsaSubject == "CN=Qujat Test TSA,O=Qujat Test");
        const auto text = runCommand("openssl ts -reply -token_in -in " + shellQuote(pki.path("local.tst")) +
                                     " -token_out -text");
        INFO(text.output);
        CHECK(text.output.find("Accuracy: 0x01 seconds") != std::string::npos);
        CHECK(text.output.find("Nonce: 0x") != std::string::npos);
    }
    SECTION("each token takes the next serial") {
        auto second = tsa->stamp(imprint);
        REQUIRE_OK(second);
        auto info = crypto::TimeStampVerifier().verify(*second, imprint, rootTrust(pki), pki.now());
        REQUIRE_OK(info);
        CHECK(info->serial == "2b");
        CHECK(*counter == 43);
    }
}

TEST_CASE("a local TSA is configured with its policy, chain and an encrypted key", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    const std::string imprint = sha256("x");

    SECTION("a configured policy OID appears in the token") {
        auto config = configFor(pki, "tsa");
        config.policyOid = "1.2.398.3.3.2.6.1";
        auto tsa = crypto::LocalTsa::create(config);
        REQUIRE_OK(tsa);
        auto token = (*tsa)->stamp(imprint);
        REQUIRE_OK(token);
        auto info = crypto::TimeStampVerifier().verify(*token, imprint, rootTrust(pki), pki.now());
        REQUIRE_OK(info);
        CHECK(info->policyOid == "1.2.398.3.3.2.6.1");
    }
    SECTION("chain certificates travel in the token beside the TSA certificate") {
        auto config = configFor(pki, "tsa");
        config.chainPem = pki.pem("ca");
        auto tsa = crypto::LocalTsa::create(config);
        REQUIRE_OK(tsa);
        auto token = (*tsa)->stamp(imprint);
        REQUIRE_OK(token);
        CHECK(certificateCount(*token) == 2);
        auto plain = pki.localTsa("tsa")->stamp(imprint);
        REQUIRE_OK(plain);
        CHECK(certificateCount(*plain) == 1);
    }
    SECTION("an encrypted key opens with its passphrase, and is refused without it (never prompting)") {
        REQUIRE(runCommand("openssl pkey -in " + shellQuote(pki.path("tsa.key")) + " -aes256 -passout pass:s3cret -out " +
                           shellQuote(pki.path("tsa-enc.key")))
                    .exitCode == 0);
        auto config = configFor(pki, "tsa");
        config.keyPem = pki.file("tsa-enc.key");
        config.keyPassphrase = "s3cret";
        auto opened = crypto::LocalTsa::create(config);
        REQUIRE_OK(opened);
        REQUIRE_OK((*opened)->stamp(imprint));

        config.keyPassphrase = "wrong";
        CHECK_CODE(crypto::LocalTsa::create(config), StatusCode::kInvalidArgument);
        config.keyPassphrase.clear();
        auto refused = crypto::LocalTsa::create(config);
        CHECK_CODE(refused, StatusCode::kInvalidArgument);
        CHECK_THAT(refused.status().message(), Catch::Contains("encrypted"));
    }
}

TEST_CASE("a local TSA refuses a certificate that may not sign timestamps, and bad configuration", "[timestamp]") {
    const TestPki& pki = TestPki::shared();

    SECTION("a certificate without extendedKeyUsage") {
        auto tsa = crypto::LocalTsa::create(configFor(pki, "noeku"));
        CHECK_CODE(tsa, StatusCode::kInvalidArgument);
        CHECK_THAT(tsa.status().message(), Catch::Contains("no extendedKeyUsage"));
    }
    SECTION("a certificate whose timeStamping extendedKeyUsage is not critical") {
        auto tsa = crypto::LocalTsa::create(configFor(pki, "softeku"));
        CHECK_CODE(tsa, StatusCode::kInvalidArgument);
        CHECK_THAT(tsa.status().message(), Catch::Contains("not critical"));
    }
    SECTION("a document signer's certificate") {
        auto tsa = crypto::LocalTsa::create(configFor(pki, "signer"));
        CHECK_CODE(tsa, StatusCode::kInvalidArgument);
        CHECK_THAT(tsa.status().message(), Catch::Contains("timeStamping"));
    }
    SECTION("a key that is not the certificate's") {
        auto config = configFor(pki, "tsa");
        config.keyPem = pki.key("revokedtsa");
        auto tsa = crypto::LocalTsa::create(config);
        CHECK_CODE(tsa, StatusCode::kInvalidArgument);
        CHECK_THAT(tsa.status().message(), Catch::Contains("does not belong"));
    }
    SECTION("text that is not PEM") {
        auto config = configFor(pki, "tsa");
        config.certificatePem = "not a certificate";
        CHECK_CODE(crypto::LocalTsa::create(config), StatusCode::kInvalidArgument);
        config = configFor(pki, "tsa");
        config.keyPem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        CHECK_CODE(crypto::LocalTsa::create(config), StatusCode::kInvalidArgument);
    }
    SECTION("a policy that is not a dotted OID") {
        auto config = configFor(pki, "tsa");
        config.policyOid = "sha256";
        CHECK_CODE(crypto::LocalTsa::create(config), StatusCode::kInvalidArgument);
    }
    SECTION("missing callbacks") {
        auto config = configFor(pki, "tsa");
        config.nextSerial = nullptr;
        CHECK_CODE(crypto::LocalTsa::create(config), StatusCode::kInvalidArgument);
        config = configFor(pki, "tsa");
        config.clock = nullptr;
        CHECK_CODE(crypto::LocalTsa::create(config), StatusCode::kInvalidArgument);
    }
}

TEST_CASE("a local TSA reports failing callbacks, bad imprints and an expired certificate as values", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    const std::string imprint = sha256("y");

    SECTION("an imprint that is not 32 bytes") {
        auto tsa = pki.localTsa("tsa");
        CHECK_CODE(tsa->stamp("short"), StatusCode::kInvalidArgument);
        CHECK_CODE(tsa->stamp(imprint + "x"), StatusCode::kInvalidArgument);
    }
    SECTION("a serial callback that throws") {
        auto config = configFor(pki, "tsa");
        config.nextSerial = []() -> std::int64_t { throw std::runtime_error("counter store is down"); };
        auto tsa = crypto::LocalTsa::create(config);
        REQUIRE_OK(tsa);
        auto token = (*tsa)->stamp(imprint);
        CHECK_CODE(token, StatusCode::kUnavailable);
        CHECK_THAT(token.status().message(), Catch::Contains("counter store is down"));
    }
    SECTION("a serial callback that returns zero") {
        auto config = configFor(pki, "tsa");
        config.nextSerial = [] { return std::int64_t{0}; };
        auto tsa = crypto::LocalTsa::create(config);
        REQUIRE_OK(tsa);
        CHECK_CODE((*tsa)->stamp(imprint), StatusCode::kUnavailable);
    }
    SECTION("a clock that throws") {
        auto config = configFor(pki, "tsa");
        config.clock = []() -> engine::Millis { throw std::runtime_error("no time"); };
        auto tsa = crypto::LocalTsa::create(config);
        REQUIRE_OK(tsa);
        CHECK_CODE((*tsa)->stamp(imprint), StatusCode::kUnavailable);
    }
    SECTION("a clock beyond the certificate's validity") {
        auto tsa = pki.localTsa("tsa", nullptr, pki.now() + 60LL * 24 * 3600 * 1000);
        auto token = tsa->stamp(imprint);
        CHECK_CODE(token, StatusCode::kFailedPrecondition);
        CHECK_THAT(token.status().message(), Catch::Contains("not valid at"));
    }
}

TEST_CASE("a local TSA answers requests as a TSA server, rejecting what it does not support", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    auto tsa = pki.localTsa("tsa");

    SECTION("a SHA-256 request from openssl ts -query is granted") {
        REQUIRE(runCommand("openssl ts -query -data " + shellQuote(pki.path("doc.txt")) + " -sha256 -cert -out " +
                           shellQuote(pki.path("q256.tsq")))
                    .exitCode == 0);
        auto response = tsa->respond(pki.file("q256.tsq"));
        REQUIRE_OK(response);
        CHECK(parseResponse(*response).status == TS_STATUS_GRANTED);
        writeFile(pki.path("r256.tsr"), *response);
        const auto verify = runCommand("openssl ts -verify -in " + shellQuote(pki.path("r256.tsr")) + " -queryfile " +
                                       shellQuote(pki.path("q256.tsq")) + " -CAfile " + shellQuote(pki.path("ca.pem")));
        INFO(verify.output);
        CHECK(verify.exitCode == 0);
    }
    SECTION("a SHA-1 request is rejected with badAlg") {
        REQUIRE(runCommand("openssl ts -query -data " + shellQuote(pki.path("doc.txt")) + " -sha1 -out " +
                           shellQuote(pki.path("q1.tsq")))
                    .exitCode == 0);
        auto response = tsa->respond(pki.file("q1.tsq"));
        REQUIRE_OK(response);
        const ParsedResponse parsed = parseResponse(*response);
        CHECK(parsed.status == TS_STATUS_REJECTION);
        CHECK(parsed.badAlg);
    }
    SECTION("garbage is rejected with badDataFormat") {
        auto response = tsa->respond("this is not a TimeStampReq");
        REQUIRE_OK(response);
        const ParsedResponse parsed = parseResponse(*response);
        CHECK(parsed.status == TS_STATUS_REJECTION);
        CHECK(parsed.badDataFormat);
    }
}

TEST_CASE("a local TSA is safe to call from several threads and its serials never repeat", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    auto counter = std::make_shared<std::int64_t>(0);
    auto tsa = pki.localTsa("revokedtsa", counter);  // an EC key: fast
    constexpr int kThreads = 4;
    constexpr int kEach = 25;
    std::vector<std::vector<std::string>> serials(kThreads);
    std::vector<std::thread> threads;
    crypto::TimeStampTrust trust;
    trust.anchorPems = {pki.pem("ca")};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                const std::string imprint = sha256(std::to_string(t) + "/" + std::to_string(i));
                auto token = tsa->stamp(imprint);
                if (!token.isOk()) continue;
                auto info = crypto::TimeStampVerifier().verify(*token, imprint, trust, pki.now());
                if (info.isOk()) serials[static_cast<std::size_t>(t)].push_back(info->serial);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    std::set<std::string> unique;
    std::size_t total = 0;
    for (const auto& list : serials) {
        total += list.size();
        unique.insert(list.begin(), list.end());
    }
    CHECK(total == kThreads * kEach);
    CHECK(unique.size() == total);
    CHECK(*counter == kThreads * kEach);
}
