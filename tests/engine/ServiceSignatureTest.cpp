// Sign steps with real CAdES signatures from the development PKI, checked by OpenSSL and
// time-stamped by the engine's TSA; refusals say why, are audited and change nothing else.
#include <catch2/catch.hpp>

#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/TimeStampCms.h"
#include "support/DevPki.h"
#include "support/ServiceFixture.h"
#include "qujat/engine/Encoding.h"
#include "support/StatusMatchers.h"

using namespace qujat;
using namespace qujat::engine;
using qujat::test::DevPki;
using qujat::test::ServiceFixture;

namespace {

std::string signAs(const std::string& pkiLogin, const std::string& content,
                   Millis signingTime = qujat::test::nowMillis()) {
    const crypto::SigningIdentity id = DevPki::shared().identity(pkiLogin);
    crypto::SigningOptions options;
    options.signingTime = signingTime;
    auto der = crypto::CadesSigner().signDetached(content, id.key, id.certificate, id.chain, options);
    REQUIRE_OK(der);
    return *der;
}

// Binds a development-PKI certificate to a login of the fixture's directory.
void bind(ServiceFixture& fx, const std::string& login, const std::string& pkiLogin) {
    const crypto::Certificate cert = DevPki::shared().certificate(pkiLogin);
    CertificateBinding binding;
    binding.login = login;
    binding.certificateSha256 = cert.sha256Hex();
    binding.subject = cert.subject();
    REQUIRE_OK(fx.service().registerCertificate("operator", binding));
}

Result<Document> approveWith(ServiceFixture& fx, const std::string& login, DocumentId id, const std::string& der) {
    Decision decision;
    decision.evidence.signature = der;
    return fx.service().approve(login, id, decision);
}

}  // namespace

TEST_CASE("a sign step takes only a valid signature over the current version by the approver's own certificate",
          "[signature]") {
    auto fx = ServiceFixture::signing(DevPki::shared().dir());
    // The development PKI's certificates are valid around today, so the engine's clock is too.
    fx->clock().set(qujat::test::nowMillis());
    bind(*fx, "chairman.p1", "chairman.ppo-00001");
    bind(*fx, "secretary.p1", "secretary.ppo-00001");
    bind(*fx, "chairman.p2", "revoked.user");
    const std::string text = "Хаттама № 1: жиналыс өтті.";
    const Document doc = fx->submitProtocol("P1", text);
    const std::int64_t before = fx->auditLength();

    auto refusedWith = [&](Result<Document> r, StatusCode code, const std::string& reason) {
        CHECK_CODE(r, code);
        CHECK_THAT(r.status().message(), Catch::Contains(reason));
        // Audited, and nothing else changed: the seats are still open, no signature kept.
        CHECK(fx->auditLength() == before + 1);
        CHECK(fx->lastAuditEvent()->action == "refused");
        CHECK(fx->openTasks(doc.id).size() == 2);
        CHECK(fx->service().document(Viewer::localOperator(), doc.id)->signatures.empty());
    };

    SECTION("an approval without a signature") {
        refusedWith(fx->approve("chairman.p1", doc.id), StatusCode::kFailedPrecondition, "needs a signature");
    }
    SECTION("someone else's valid signature") {
        refusedWith(approveWith(*fx, "chairman.p1", doc.id, signAs("secretary.ppo-00001", text)),
                    StatusCode::kPermissionDenied, "is not registered to chairman.p1");
    }
    SECTION("a valid signature by a certificate registered to no one") {
        refusedWith(approveWith(*fx, "chairman.p1", doc.id, signAs("rsa.user", text)), StatusCode::kPermissionDenied,
                    "is not registered to chairman.p1");
    }
    SECTION("a signature over other text") {
        refusedWith(approveWith(*fx, "chairman.p1", doc.id, signAs("chairman.ppo-00001", text + " ")),
                    StatusCode::kFailedPrecondition, "HASH_FAILURE");
    }
    SECTION("a revoked certificate") {
        refusedWith(approveWith(*fx, "chairman.p2", doc.id, signAs("revoked.user", text)),
                    StatusCode::kNotFound, "does not exist");  // P1's document is none of P2's business
        const Document other = fx->submitProtocol("P2", text);
        auto r = approveWith(*fx, "chairman.p2", other.id, signAs("revoked.user", text));
        CHECK_CODE(r, StatusCode::kFailedPrecondition);
        CHECK_THAT(r.status().message(), Catch::Contains("FAILED/REVOKED"));
    }
    SECTION("a signature claiming to be older than a day") {
        const Millis twoDaysAgo = qujat::test::nowMillis() - 2LL * 24 * 3600 * 1000;
        refusedWith(approveWith(*fx, "chairman.p1", doc.id, signAs("chairman.ppo-00001", text, twoDaysAgo)),
                    StatusCode::kFailedPrecondition, "signing time");
    }
    SECTION("random bytes") {
        refusedWith(approveWith(*fx, "chairman.p1", doc.id, "\x30\x82\x01\x00 not DER at all"),
                    StatusCode::kFailedPrecondition, "FORMAT_FAILURE");
    }
    SECTION("a valid signature is accepted, time-stamped and kept with its report") {
        const std::string der = signAs("chairman.ppo-00001", text);
        REQUIRE_OK(approveWith(*fx, "chairman.p1", doc.id, der));
        auto view = fx->service().document(Viewer::localOperator(), doc.id);
        REQUIRE_OK(view);
        REQUIRE(view->signatures.size() == 1);
        const SignatureRecord& kept = view->signatures.front();
        CHECK(kept.signerLogin == "chairman.p1");
        CHECK(kept.versionNumber == 1);
        CHECK(kept.stepId == "sign");
        CHECK(kept.certificateSha256 == DevPki::shared().certificate("chairman.ppo-00001").sha256Hex());
        CHECK_THAT(kept.report, Catch::Contains("\"indication\":\"PASSED\""));

        // The kept CMS carries a timestamp over its signature value that plain OpenSSL accepts.
        auto cms = fx->service().signatureContent(Viewer::localOperator(), doc.id, kept.id);
        REQUIRE_OK(cms);
        auto token = crypto::extractSignatureTimeStamp(*cms);
        REQUIRE_OK(token);
        REQUIRE(token->has_value());
        auto imprint = crypto::signatureTimeStampImprint(*cms);
        REQUIRE_OK(imprint);
        const std::string hex = engine::toHex(*imprint);
        qujat::test::TempDir tmp;
        qujat::test::writeFile(tmp.file("token.tst"), **token);
        qujat::test::openssl("ts -verify -digest " + hex + " -token_in -in " + tmp.file("token.tst") + " -CAfile " +
                             DevPki::shared().trustDir() + "/root.pem -untrusted " + DevPki::shared().dir() +
                             "/tsa/chain.pem");
        // The signed part is what the approver sent.
        qujat::test::writeFile(tmp.file("content.txt"), text);
        qujat::test::writeFile(tmp.file("kept.p7s"), *cms);
        qujat::test::openssl("cms -verify -binary -inform DER -in " + tmp.file("kept.p7s") + " -content " +
                             tmp.file("content.txt") + " -CAfile " + DevPki::shared().trustDir() +
                             "/root.pem -purpose any -out /dev/null");

        SECTION("and a signature of the old version does not count for a new one") {
            REQUIRE_OK(fx->reject("secretary.p1", doc.id, "Қате бар / Есть ошибка"));
            ResubmitRequest again;
            again.content = Content{text + " Түзетілді.", "p.txt", "text/plain"};
            REQUIRE_OK(fx->service().resubmit("secretary.p1", doc.id, again));
            auto stale = approveWith(*fx, "chairman.p1", doc.id, der);
            CHECK_CODE(stale, StatusCode::kFailedPrecondition);
            CHECK_THAT(stale.status().message(), Catch::Contains("HASH_FAILURE"));
        }
    }
}
