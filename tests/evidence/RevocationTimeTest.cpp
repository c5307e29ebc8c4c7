// Signatures are judged as of the time the package's revocation data speaks for: a CRL
// issued after the timestamp does not spoil a signature, a CRL that had expired before it
// cannot vouch for it; and a signing time the timestamp does not cover is not believed.
#include <catch2/catch.hpp>
#include <ctime>

#include "EvidenceFixture.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/OpenSslHasher.h"
#include "qujat/crypto/TimeStampCms.h"
#include "qujat/crypto/TsaLocal.h"
#include "qujat/engine/Clocks.h"
#include "qujat/evidence/PackageVerifier.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"

namespace qujat::test {

namespace {

constexpr engine::Millis kDay = 24LL * 3600 * 1000;

std::string opensslTime(engine::Millis t) {
    const std::time_t seconds = static_cast<std::time_t>(t / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d%H%M%SZ", &tm);
    return text;
}

// A CRL of the development issuing CA (none revoked but what the PKI revoked) dated
// [from, to], made with `openssl ca` on a copy of the PKI.
std::string issuingCaCrl(engine::Millis from, engine::Millis to) {
    TempDir copy;
    DevPki::shared().copyTo(copy.path());
    const std::string out = copy.file("issuing.crl.pem");
    const CommandResult r = runCommand(
        "QUJAT_CA_DIR=" + shellQuote(copy.path() + "/ca/issuing") + " QUJAT_OCSP_URL=http://127.0.0.1:8889/ocsp " +
        "openssl ca -batch -config " + shellQuote(QUJAT_SOURCE_DIR "/certs/openssl/issuing-ca.cnf") +
        " -gencrl -crl_lastupdate " + opensslTime(from) + " -crl_nextupdate " + opensslTime(to) + " -out " +
        shellQuote(out));
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    return readFile(out);
}

// The fixture's package with the issuing CA's CRL replaced.
std::string packageWithIssuingCrl(const std::string& crl) {
    evidence::PackageInput input = EvidenceFixture::shared().input();
    REQUIRE(input.trustFiles.count("issuing-ca.crl.pem") == 1);
    input.trustFiles["issuing-ca.crl.pem"] = crl;
    auto zip = evidence::writePackage(input);
    REQUIRE_OK(zip);
    return *zip;
}

// `content` signed by `login` claiming `signingTime`, stamped now by the PKI's TSA: what a
// signer who back-dates gets if a TSA stamps it.
std::string stampedSignature(const std::string& login, const std::string& content, engine::Millis signingTime) {
    const DevPki& pki = DevPki::shared();
    const crypto::SigningIdentity id = pki.identity(login);
    crypto::SigningOptions options;
    options.signingTime = signingTime;
    auto cms = crypto::CadesSigner().signDetached(content, id.key, id.certificate, id.chain, options);
    REQUIRE_OK(cms);
    crypto::LocalTsaConfig config;
    config.keyPem = readFile(pki.dir() + "/tsa/key.pem");
    config.certificatePem = readFile(pki.dir() + "/tsa/cert.pem");
    config.chainPem = readFile(pki.dir() + "/tsa/chain.pem");
    config.nextSerial = [] { return std::int64_t{1000}; };
    config.clock = [] { return engine::SystemClock().now(); };
    auto tsa = crypto::LocalTsa::create(config);
    REQUIRE_OK(tsa);
    auto imprint = crypto::signatureTimeStampImprint(*cms);
    REQUIRE_OK(imprint);
    auto token = (*tsa)->stamp(*imprint);
    REQUIRE_OK(token);
    auto stamped = crypto::addSignatureTimeStamp(*cms, *token);
    REQUIRE_OK(stamped);
    return *stamped;
}

}  // namespace

TEST_CASE("signatures are judged as of their timestamp or the later CRLs", "[evidence]") {
    const engine::Millis now = engine::SystemClock().now();
    const auto& signatures = EvidenceFixture::shared().input().view.signatures;

    SECTION("a CRL issued after the signatures were time-stamped still vouches for them") {
        const engine::Millis issued = now + kDay;
        const std::string zip = packageWithIssuingCrl(issuingCaCrl(issued, now + 31 * kDay));
        auto v = evidence::verifyPackage(zip, now + 2 * kDay);
        REQUIRE_OK(v);
        INFO(v->toText());
        CHECK(v->passed());
        const std::string judged = "judged as of " + engine::formatIsoUtc(issued / 1000 * 1000);
        for (const engine::SignatureRecord& s : signatures)
            CHECK(checkNamed(*v, "signature " + std::to_string(s.id)).detail.find(judged) != std::string::npos);
    }

    SECTION("a CRL that had expired before the signatures were made cannot vouch for them") {
        const std::string zip = packageWithIssuingCrl(issuingCaCrl(now - 20 * kDay, now - kDay));
        auto v = evidence::verifyPackage(zip, now);
        REQUIRE_OK(v);
        INFO(v->toText());
        REQUIRE_FALSE(v->passed());
        for (const engine::SignatureRecord& s : signatures) {
            const evidence::PackageCheck c = checkNamed(*v, "signature " + std::to_string(s.id));
            CHECK_FALSE(c.passed);
            CHECK(c.detail.find("INDETERMINATE/TRY_LATER") != std::string::npos);
        }
    }
}

TEST_CASE("a signature claiming a signing time long before its timestamp fails", "[evidence]") {
    evidence::PackageInput input = EvidenceFixture::shared().input();
    engine::SignatureRecord& record = input.view.signatures.front();
    const engine::Millis now = engine::SystemClock().now();
    // Within the certificate's validity, but two days before the stamp proves it existed.
    const std::string cms = stampedSignature(record.signerLogin, input.versionContents.at(record.versionNumber),
                                             now - 2 * kDay);
    input.signatureContents[record.id] = cms;
    record.cmsSha256 = crypto::OpenSslHasher().sha256Hex(cms);
    auto zip = evidence::writePackage(input);
    REQUIRE_OK(zip);
    const evidence::PackageVerification v = verify(*zip);
    INFO(v.toText());
    CHECK(checkNamed(v, "timestamp of signature " + std::to_string(record.id)).passed);
    const evidence::PackageCheck c = checkNamed(v, "signature " + std::to_string(record.id));
    CHECK_FALSE(c.passed);
    CHECK(c.detail.find("more than a day before its timestamp") != std::string::npos);
}

}  // namespace qujat::test
