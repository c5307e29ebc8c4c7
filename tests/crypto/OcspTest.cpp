#include <catch2/catch.hpp>
#include <filesystem>

#include "CmsTools.h"
#include "support/DevPki.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/CadesVerifier.h"
#include "qujat/crypto/OcspChecker.h"

using namespace qujat;
using namespace qujat::test;

namespace {

constexpr engine::Millis kDay = 24LL * 60 * 60 * 1000;

// An OCSP responder: `openssl ocsp` in file mode (-reqin/-respout) over a CA database, no
// network. `signer` names the directory of the responder's cert.pem and key.pem.
class OpensslResponder {
public:
    explicit OpensslResponder(std::string pkiDir, std::string signerCert = "", std::string signerKey = "",
                              std::string extra = "-ndays 1")
        : pkiDir_(std::move(pkiDir)),
          signerCert_(signerCert.empty() ? pkiDir_ + "/ocsp/cert.pem" : std::move(signerCert)),
          signerKey_(signerKey.empty() ? pkiDir_ + "/ocsp/key.pem" : std::move(signerKey)),
          extra_(std::move(extra)) {}

    std::string answer(const std::string& request) const {
        TempDir dir;
        writeFile(dir.file("req.der"), request);
        openssl("ocsp -index " + shellQuote(pkiDir_ + "/ca/issuing/index.txt") + " -CA " +
                shellQuote(pkiDir_ + "/ca/issuing/cert.pem") + " -rsigner " + shellQuote(signerCert_) + " -rkey " +
                shellQuote(signerKey_) + " -reqin " + dir.file("req.der") + " -respout " + dir.file("resp.der") + " " +
                extra_);
        return readFile(dir.file("resp.der"));
    }

private:
    std::string pkiDir_, signerCert_, signerKey_, extra_;
};

// The OcspFetcher port over an OpensslResponder; counts the requests it sees.
class ResponderFetcher : public crypto::OcspFetcher {
public:
    explicit ResponderFetcher(OpensslResponder responder) : responder_(std::move(responder)) {}
    engine::Result<std::string> fetch(const std::string& url, const std::string& request) override {
        lastUrl = url;
        ++requests;
        return responder_.answer(request);
    }
    std::string lastUrl;
    int requests = 0;

private:
    OpensslResponder responder_;
};

class DownFetcher : public crypto::OcspFetcher {
public:
    engine::Result<std::string> fetch(const std::string&, const std::string&) override {
        return engine::unavailable("connection refused");
    }
};

std::string signAs(const std::string& login, const std::string& content) {
    const crypto::SigningIdentity id = DevPki::shared().identity(login);
    auto signature = crypto::CadesSigner().signDetached(content, id.key, id.certificate, id.chain);
    REQUIRE_OK(signature);
    return *signature;
}

}  // namespace

TEST_CASE("OCSP answers from openssl ocsp are judged good, revoked or unusable", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    const crypto::OcspChecker checker(pki.openTrust());
    const crypto::Certificate issuer = pki.issuingCa();
    const crypto::Certificate good = pki.certificate("secretary.ppo-00001");
    const crypto::Certificate revoked = pki.certificate("revoked.user");
    const OpensslResponder responder(pki.dir());
    const engine::Millis now = nowMillis();

    auto judge = [&](const crypto::Certificate& cert, const OpensslResponder& r, engine::Millis at) {
        auto request = crypto::OcspChecker::buildRequest(cert, issuer);
        REQUIRE_OK(request);
        auto outcome = checker.checkResponse(r.answer(*request), cert, issuer, at, *request);
        REQUIRE_OK(outcome);
        INFO(outcome->message);
        return *outcome;
    };

    SECTION("good, from the delegated responder") {
        const crypto::OcspOutcome outcome = judge(good, responder, now);
        CHECK(outcome.passed());
        CHECK(outcome.status == crypto::OcspCertStatus::kGood);
        CHECK(outcome.responder.find("OCSP Responder") != std::string::npos);
        REQUIRE(outcome.nextUpdate);
        CHECK(*outcome.nextUpdate - *outcome.thisUpdate == kDay);
    }

    SECTION("revoked") {
        const crypto::OcspOutcome outcome = judge(revoked, responder, now);
        CHECK(outcome.indication == crypto::Indication::kFailed);
        CHECK(outcome.subIndication == crypto::SubIndication::kRevoked);
        CHECK(outcome.status == crypto::OcspCertStatus::kRevoked);
        CHECK(outcome.revocationTime);
        CHECK(outcome.message.find("keyCompromise") != std::string::npos);
    }

    SECTION("good, signed by the issuing CA itself") {
        const OpensslResponder ca(pki.dir(), pki.issuingCaPath(), pki.dir() + "/ca/issuing/key.pem");
        CHECK(judge(good, ca, now).passed());
    }

    SECTION("signed by a certificate the CA did not authorise for OCSP: unusable") {
        const OpensslResponder impostor(pki.dir(), pki.dir() + "/tls/cert.pem", pki.dir() + "/tls/key.pem");
        const crypto::OcspOutcome outcome = judge(revoked, impostor, now);
        CHECK(outcome.indication == crypto::Indication::kIndeterminate);
        CHECK(outcome.subIndication == crypto::SubIndication::kTryLater);
        CHECK(outcome.message.find("not signed by the CA") != std::string::npos);
    }

    SECTION("past its nextUpdate: unusable") {
        const crypto::OcspOutcome outcome = judge(good, responder, now + 2 * kDay);
        CHECK(outcome.subIndication == crypto::SubIndication::kTryLater);
        CHECK(outcome.message.find("stale") != std::string::npos);
    }

    SECTION("without nextUpdate: good while young, then too old") {
        const OpensslResponder noNext(pki.dir(), "", "", "");
        CHECK(judge(good, noNext, now).passed());
        CHECK(judge(good, noNext, now + 2 * kDay).message.find("too old") != std::string::npos);
    }

    SECTION("the answer to another request (nonce mismatch): unusable") {
        auto first = crypto::OcspChecker::buildRequest(good, issuer);
        auto second = crypto::OcspChecker::buildRequest(good, issuer);
        REQUIRE_OK(first);
        REQUIRE_OK(second);
        auto outcome = checker.checkResponse(responder.answer(*second), good, issuer, now, *first);
        REQUIRE_OK(outcome);
        CHECK(outcome->subIndication == crypto::SubIndication::kTryLater);
        CHECK(outcome->message.find("nonce") != std::string::npos);
    }

    SECTION("an answer about another certificate: unusable") {
        auto request = crypto::OcspChecker::buildRequest(revoked, issuer);
        REQUIRE_OK(request);
        auto outcome = checker.checkResponse(responder.answer(*request), good, issuer, now);
        REQUIRE_OK(outcome);
        CHECK(outcome->subIndication == crypto::SubIndication::kTryLater);
    }

    SECTION("a certificate the CA database does not know: unknown") {
        TempDir tmp;
        openssl("req -new -key " + pki.keyPath("secretary.ppo-00001") + " -subj /CN=stray -out " + tmp.file("csr.pem"));
        openssl("x509 -req -in " + tmp.file("csr.pem") + " -CA " + pki.issuingCaPath() + " -CAkey " + pki.dir() +
                "/ca/issuing/key.pem -set_serial 0x0123456789 -days 10 -out " + tmp.file("stray.pem"));
        auto stray = crypto::Certificate::fromPem(readFile(tmp.file("stray.pem")));
        REQUIRE_OK(stray);
        const crypto::OcspOutcome outcome = judge(*stray, responder, now);
        CHECK(outcome.status == crypto::OcspCertStatus::kUnknown);
        CHECK(outcome.indication == crypto::Indication::kIndeterminate);
    }

    SECTION("garbage: unusable, no crash") {
        for (const std::string& bytes : {std::string(), std::string("\x30\x03\x0a\x01\x00", 5), std::string(100, '\xff')}) {
            auto outcome = checker.checkResponse(bytes, good, issuer, now);
            REQUIRE_OK(outcome);
            CHECK(outcome->subIndication == crypto::SubIndication::kTryLater);
        }
    }
}

TEST_CASE("OcspChecker::check asks the responder the certificate names", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    const crypto::OcspChecker checker(pki.openTrust());
    ResponderFetcher fetcher{OpensslResponder(pki.dir())};

    SECTION("a user's certificate") {
        auto outcome = checker.check(pki.certificate("registrar.ast-01"), pki.issuingCa(), fetcher, nowMillis());
        REQUIRE_OK(outcome);
        CHECK(outcome->passed());
        CHECK(fetcher.lastUrl == "http://127.0.0.1:8889/ocsp");
    }

    SECTION("a certificate that names no responder") {
        auto tls = crypto::Certificate::fromPem(readFile(pki.dir() + "/tls/cert.pem"));
        REQUIRE_OK(tls);
        CHECK_CODE(checker.check(*tls, pki.issuingCa(), fetcher, nowMillis()), engine::StatusCode::kFailedPrecondition);
        CHECK(fetcher.requests == 0);
    }

    SECTION("a responder that cannot be reached") {
        DownFetcher down;
        auto outcome = checker.check(pki.certificate("registrar.ast-01"), pki.issuingCa(), down, nowMillis());
        REQUIRE_OK(outcome);
        CHECK(outcome->subIndication == crypto::SubIndication::kTryLater);
        CHECK(outcome->message.find("connection refused") != std::string::npos);
    }
}

TEST_CASE("the verifier asks the responder a certificate names, through the fetcher port", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    crypto::CadesVerifier verifier(pki.openTrust());
    const std::string document = "Protocol of the PPO-00001 meeting\n";

    SECTION("good: PASSED with CRL and OCSP") {
        ResponderFetcher fetcher{OpensslResponder(pki.dir())};
        crypto::VerificationPolicy policy;
        policy.ocspFetcher = &fetcher;
        policy.requireOcsp = true;
        const auto report = verifyNow(verifier, signAs("secretary.ppo-00001", document), document, policy);
        CHECK_VERDICT(report, kPassed, kNone);
        CHECK(report.revocation == "crl+ocsp");
        CHECK(fetcher.lastUrl == "http://127.0.0.1:8889/ocsp");
        CHECK(fetcher.requests == 1);
    }

    SECTION("a response supplied by the caller") {
        auto request = crypto::OcspChecker::buildRequest(pki.certificate("secretary.ppo-00001"), pki.issuingCa(), false);
        REQUIRE_OK(request);
        crypto::VerificationPolicy policy;
        policy.ocspResponse = OpensslResponder(pki.dir()).answer(*request);
        CHECK_VERDICT(verifyNow(verifier, signAs("secretary.ppo-00001", document), document, policy), kPassed, kNone);
    }

    SECTION("revoked by OCSP while the CRL in the trust directory still says good: REVOKED") {
        TempDir tmp;
        const std::string copy = tmp.file("pki");
        pki.copyTo(copy);
        const CommandResult revoked =
            runCommand("QUJAT_CA_DIR=" + shellQuote(copy + "/ca/issuing") + " QUJAT_OCSP_URL=x openssl ca -batch -config " +
                       shellQuote(QUJAT_SOURCE_DIR "/certs/openssl/issuing-ca.cnf") + " -revoke " +
                       shellQuote(copy + "/users/chairman.ppo-00001/cert.pem"));
        INFO(revoked.output);
        REQUIRE(revoked.exitCode == 0);
        ResponderFetcher fetcher{OpensslResponder(copy)};
        crypto::VerificationPolicy policy;
        policy.ocspFetcher = &fetcher;
        const std::string signature = signAs("chairman.ppo-00001", document);
        CHECK_VERDICT(verifyNow(verifier, signature, document), kPassed, kNone);
        CHECK_VERDICT(verifyNow(verifier, signature, document, policy), kFailed, kRevoked);
    }

    SECTION("responder down: INDETERMINATE when OCSP is required, noted when CRLs suffice") {
        DownFetcher down;
        crypto::VerificationPolicy policy;
        policy.ocspFetcher = &down;
        const std::string signature = signAs("secretary.ppo-00001", document);
        const auto lenient = verifyNow(verifier, signature, document, policy);
        CHECK_VERDICT(lenient, kPassed, kNone);
        CHECK(lenient.revocation.find("connection refused") != std::string::npos);
        policy.requireOcsp = true;
        CHECK_VERDICT(verifyNow(verifier, signature, document, policy), kIndeterminate, kTryLater);
        crypto::VerificationPolicy nothing;
        nothing.requireOcsp = true;
        CHECK_VERDICT(verifyNow(verifier, signature, document, nothing), kIndeterminate, kTryLater);
    }
}
