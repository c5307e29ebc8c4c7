// CmsApprovalCheck: an accepted signature is time-stamped, the token verified, and the report
// kept with the signature says what the token says (as openssl reads it from the kept CMS).
#include <catch2/catch.hpp>

#include "support/DevPki.h"
#include "support/OpensslToken.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/CmsApprovalCheck.h"
#include "qujat/crypto/TimeStampCms.h"
#include "qujat/crypto/TsaLocal.h"
#include "qujat/engine/Encoding.h"

using namespace qujat;
using namespace qujat::test;

namespace {

const std::string kContent = "Хаттама №7: бастауыш партия ұйымының жиналысы.\n";

// The TSA's trust as the CLI's composition root builds it: the trust directory's anchors,
// intermediates and CRLs (so the TSA certificate's revocation is checked too).
crypto::TimeStampTrust trustOf(const crypto::TrustStore& store) {
    crypto::TimeStampTrust trust;
    for (const crypto::Certificate& c : store.anchors()) trust.anchorPems.push_back(c.pem());
    for (const crypto::Certificate& c : store.intermediates()) trust.intermediatePems.push_back(c.pem());
    auto crls = store.crlPems();
    REQUIRE_OK(crls);
    trust.crlPems = *crls;
    return trust;
}

// The development PKI's TSA, stamping at `now` with serials from `serial` on.
std::shared_ptr<crypto::TimeStampAuthority> devTsa(engine::Millis now, std::int64_t serial) {
    const DevPki& pki = DevPki::shared();
    crypto::LocalTsaConfig config;
    config.keyPem = readFile(pki.dir() + "/tsa/key.pem");
    config.certificatePem = readFile(pki.dir() + "/tsa/cert.pem");
    config.chainPem = readFile(pki.dir() + "/tsa/chain.pem");
    auto next = std::make_shared<std::int64_t>(serial);
    config.nextSerial = [next] { return (*next)++; };
    config.clock = [now] { return now; };
    auto tsa = crypto::LocalTsa::create(std::move(config));
    REQUIRE_OK(tsa);
    return std::shared_ptr<crypto::TimeStampAuthority>(std::move(tsa).value());
}

// One approval of a sign step over kContent with `signature`, at `now`.
engine::Result<engine::ApprovalOutcome> approve(crypto::CmsApprovalCheck& check, const std::string& signature,
                                                engine::Millis now) {
    engine::WorkflowDefinition workflow;
    workflow.id = "ppo-protocol";
    engine::Step step;
    step.id = "sign";
    engine::Document document;
    document.id = 7;
    engine::Version version;
    version.documentId = 7;
    const std::string actor = "chairman.ppo-00001";
    const engine::ApprovalEvidence evidence{signature};
    const engine::ApprovalContext ctx{workflow, step, document, version, kContent, actor, evidence, now};
    return check.check(ctx);
}

std::string signedNow(engine::Millis now) {
    const crypto::SigningIdentity id = DevPki::shared().identity("chairman.ppo-00001");
    crypto::SigningOptions options;
    options.signingTime = now;
    auto der = crypto::CadesSigner().signDetached(kContent, id.key, id.certificate, id.chain, options);
    REQUIRE_OK(der);
    return *der;
}

}  // namespace

TEST_CASE("an accepted signature's report records the timestamp token the kept CMS carries", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    std::shared_ptr<crypto::TrustStore> store = pki.openTrust();
    // A time with milliseconds: the token (and so the report) keeps whole seconds.
    const engine::Millis now = nowMillis() / 1000 * 1000 - 3000 + 417;
    auto verifier = std::make_shared<const crypto::CadesVerifier>(store);
    crypto::CmsApprovalCheck check(verifier, devTsa(now, 0x3e7), trustOf(*store));

    auto outcome = approve(check, signedNow(now - 2000), now);
    REQUIRE_OK(outcome);
    REQUIRE(outcome->signature);
    auto token = crypto::extractSignatureTimeStamp(outcome->signature->cms);
    REQUIRE_OK(token);
    REQUIRE(*token);
    const TokenAsOpensslReadsIt read = readTokenWithOpenssl(**token);
    const std::string tsaSubject =
        openssl("x509 -in " + shellQuote(pki.dir() + "/tsa/cert.pem") + " -noout -subject -nameopt RFC2253");
    const std::string& report = outcome->report;
    INFO(report);
    INFO(read.text);

    SECTION("openssl reads from the token what the TSA was given: its clock, serial, certificate, policy") {
        CHECK(read.genTime == now / 1000 * 1000);
        CHECK(read.serial == "3e7");
        CHECK(read.policyOid == crypto::kDefaultTsaPolicyOid);
        CHECK("subject=" + read.tsaSubject + "\n" == tsaSubject);
        CHECK(read.tsaSubject == "CN=Qujat Development TSA,O=Qujat Development,C=KZ");
    }
    SECTION("the report names exactly that genTime, serial, TSA and policy") {
        const std::string expected = ",\"timeStamp\":{\"genTime\":\"" + engine::formatIsoUtc(read.genTime) +
                                     "\",\"serial\":\"" + read.serial + "\",\"tsa\":\"" + read.tsaSubject +
                                     "\",\"policy\":\"" + read.policyOid + "\"}}";
        REQUIRE(report.size() > expected.size());
        CHECK(report.substr(report.size() - expected.size()) == expected);
        CHECK(report.find("\"indication\":\"PASSED\"") != std::string::npos);
    }
    SECTION("the token in the kept CMS verifies with openssl ts -verify against the trust directory") {
        TempDir dir;
        writeFile(dir.file("token.tst"), **token);
        std::string bundle;
        for (const char* name : {"root.pem", "issuing-ca.pem"}) bundle += readFile(pki.trustDir() + "/" + name);
        writeFile(dir.file("ca.pem"), bundle);
        auto imprint = crypto::signatureTimeStampImprint(outcome->signature->cms);
        REQUIRE_OK(imprint);
        const std::string hex = engine::toHex(*imprint);
        const std::string output = openssl("ts -verify -token_in -in " + shellQuote(dir.file("token.tst")) +
                                           " -digest " + hex + " -CAfile " + shellQuote(dir.file("ca.pem")));
        CHECK(output.find("Verification: OK") != std::string::npos);
    }
    SECTION("the next approval gets the next serial in its report") {
        auto second = approve(check, signedNow(now - 1000), now + 5000);
        REQUIRE_OK(second);
        CHECK(second->report.find("\"serial\":\"3e8\"") != std::string::npos);
        CHECK(second->report.find("\"genTime\":\"" + engine::formatIsoUtc(now / 1000 * 1000) + "\"") !=
              std::string::npos);  // the TSA's clock, not the approval's time
    }
}

TEST_CASE("an approval whose timestamp token does not verify against the TSA trust is refused", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    std::shared_ptr<crypto::TrustStore> store = pki.openTrust();
    const engine::Millis now = nowMillis();
    auto verifier = std::make_shared<const crypto::CadesVerifier>(store);

    SECTION("a TSA that does not chain to the given anchors") {
        TempDir dir;
        openssl("req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=Another\\ Root -days 2" +
                std::string(" -keyout ") + shellQuote(dir.file("key.pem")) + " -out " + shellQuote(dir.file("root.pem")));
        crypto::TimeStampTrust elsewhere;
        elsewhere.anchorPems = {readFile(dir.file("root.pem"))};
        crypto::CmsApprovalCheck check(verifier, devTsa(now, 1), elsewhere);
        auto outcome = approve(check, signedNow(now), now);
        CHECK_CODE(outcome, engine::StatusCode::kUnavailable);
        CHECK_THAT(outcome.status().message(), Catch::Contains("time-stamped") && Catch::Contains("not trusted") &&
                                                   Catch::Contains("Qujat Development TSA"));
    }
    SECTION("a TSA whose clock runs an hour ahead: its genTime lies in the future") {
        crypto::CmsApprovalCheck check(verifier, devTsa(now + 3600 * 1000, 1), trustOf(*store));
        auto outcome = approve(check, signedNow(now), now);
        CHECK_CODE(outcome, engine::StatusCode::kUnavailable);
        CHECK_THAT(outcome.status().message(), Catch::Contains("does not verify") && Catch::Contains("in the future"));
    }
}

TEST_CASE("a report without a timestamp leaves it out of its JSON and text", "[crypto]") {
    crypto::VerificationReport report;
    report.indication = crypto::Indication::kPassed;
    report.message = "valid";
    CHECK(report.toJson().find("timeStamp") == std::string::npos);
    CHECK(report.toText().find("time-stamped") == std::string::npos);

    crypto::TimeStampInfo stamp;
    stamp.genTime = *engine::parseIsoUtc("2026-11-27T10:00:32Z");
    stamp.serial = "2a";
    stamp.policyOid = "1.3.6.1.4.1.99999.1.1";
    stamp.tsaSubject = "CN=Qujat Development TSA,O=Qujat Development,C=KZ";
    report.timeStamp = stamp;
    CHECK_THAT(report.toJson(),
               Catch::EndsWith(",\"revocation\":\"\",\"timeStamp\":{\"genTime\":\"2026-11-27T10:00:32Z\","
                               "\"serial\":\"2a\",\"tsa\":\"CN=Qujat Development TSA,O=Qujat Development,C=KZ\","
                               "\"policy\":\"1.3.6.1.4.1.99999.1.1\"}}"));
    CHECK_THAT(report.toText(), Catch::Contains("time-stamped: 2026-11-27T10:00:32Z\n"
                                                "tsa: CN=Qujat Development TSA,O=Qujat Development,C=KZ\n"
                                                "tsa serial: 2a\ntsa policy: 1.3.6.1.4.1.99999.1.1\n"));
}
