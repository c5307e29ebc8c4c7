// Approving a sign step over HTTP with a detached CAdES signature made on the signer's side
// (here with the development PKI), sent as application/pkcs7-signature.
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include "HttpFixture.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/TimeStampCms.h"
#include "qujat/crypto/TsaLocal.h"
#include "qujat/evidence/PackageVerifier.h"
#include "support/DevPki.h"
#include "support/OpensslToken.h"
#include "support/StatusMatchers.h"

namespace qujat::test {

TEST_CASE("a sign step is approved with a detached signature sent as the body", "[http]") {
    HttpFixture fx(HttpFixture::defaultOptions(), DevPki::shared().dir());
    const crypto::Certificate cert = DevPki::shared().certificate("chairman.ppo-00001");
    engine::CertificateBinding binding;
    binding.login = "chairman.p1";
    binding.certificateSha256 = cert.sha256Hex();
    binding.subject = cert.subject();
    REQUIRE_OK(fx.service().registerCertificate("operator", binding));

    const std::string text = "Хаттама: қол қою үшін.";
    const auto id = fx.submitProtocol(fx.signIn("secretary.p1"), "P1", "Қол қойылатын хаттама", text);
    const std::string chairman = fx.signIn("chairman.p1");
    auto sendSignature = [&](const std::string& der, const std::string& query) {
        HttpRequest r;
        r.method = "POST";
        r.path = documentPath(id) + "/approval" + query;
        r.body = der;
        r.contentType = "application/pkcs7-signature";
        r.bearer = chairman;
        return fx.client().send(r);
    };

    SECTION("without a signature the engine says one is needed") {
        auto r = fx.approve(chairman, id, "");
        INFO(r.body);
        CHECK(r.status == 409);
        CHECK(r.object()->getValue<std::string>("detail").find("signature") != std::string::npos);
    }
    SECTION("bytes that are not a signature are refused") {
        auto r = sendSignature("not a CMS structure", "");
        INFO(r.body);
        CHECK(r.status >= 400);
        CHECK(r.status < 500);
    }
    SECTION("a valid signature by the chairman's registered certificate is accepted and kept") {
        const crypto::SigningIdentity identity = DevPki::shared().identity("chairman.ppo-00001");
        crypto::SigningOptions options;
        options.signingTime = nowMillis();
        auto der = crypto::CadesSigner().signDetached(text, identity.key, identity.certificate, identity.chain, options);
        REQUIRE_OK(der);
        auto r = sendSignature(*der, "?comment=%D2%9A%D0%BE%D0%BB%20%D2%9B%D0%BE%D0%B9%D0%B4%D1%8B%D0%BC");
        INFO(r.body);
        REQUIRE(r.status == 200);
        auto doc = fx.client().get(documentPath(id), chairman).object();
        auto signatures = doc->getArray("signatures");
        REQUIRE(signatures->size() == 1);
        CHECK(signatures->getObject(0)->getValue<std::string>("signer") == "chairman.p1");
        CHECK(signatures->getObject(0)->getValue<std::string>("certificateSha256") == cert.sha256Hex());

        // The stored report (as the API serves it) records the timestamp the kept CMS
        // carries: the genTime, serial, TSA and policy openssl reads from that token.
        const Poco::JSON::Object::Ptr stored = signatures->getObject(0);
        INFO(stored->getValue<std::string>("report"));
        auto report =
            Poco::JSON::Parser().parse(stored->getValue<std::string>("report")).extract<Poco::JSON::Object::Ptr>();
        CHECK(report->getValue<std::string>("indication") == "PASSED");
        const Poco::JSON::Object::Ptr stamp = report->getObject("timeStamp");
        REQUIRE(stamp);
        auto cms = fx.service().signatureContent(engine::Viewer::user("chairman.p1"), id,
                                                 stored->getValue<std::int64_t>("id"));
        REQUIRE_OK(cms);
        auto token = crypto::extractSignatureTimeStamp(*cms);
        REQUIRE_OK(token);
        REQUIRE(*token);
        const TokenAsOpensslReadsIt read = readTokenWithOpenssl(**token);
        INFO(read.text);
        CHECK(stamp->getValue<std::string>("genTime") == engine::formatIsoUtc(read.genTime));
        CHECK(stamp->getValue<std::string>("serial") == read.serial);
        CHECK(stamp->getValue<std::string>("tsa") == read.tsaSubject);
        CHECK(stamp->getValue<std::string>("tsa") == "CN=Qujat Development TSA,O=Qujat Development,C=KZ");
        CHECK(stamp->getValue<std::string>("policy") == read.policyOid);
        CHECK(stamp->getValue<std::string>("policy") == crypto::kDefaultTsaPolicyOid);
        // The engine's TSA stamps on the engine's clock: the second the signature was accepted.
        const auto acceptedAt = engine::parseIsoUtc(stored->getValue<std::string>("acceptedAt"));
        REQUIRE(acceptedAt);
        CHECK(read.genTime == *acceptedAt / 1000 * 1000);
        bool commented = false;
        auto tasks = doc->getArray("tasks");
        for (std::size_t i = 0; i < tasks->size(); ++i)
            commented = commented || tasks->getObject(static_cast<unsigned>(i))->getValue<std::string>("comment") == "Қол қойдым";
        CHECK(commented);

        SECTION("its evidence package downloads as an attachment, verifies offline and the export is audited") {
            auto zip = fx.client().get(documentPath(id) + "/evidence", chairman);
            REQUIRE(zip.status == 200);
            CHECK(zip.header("Content-Type") == "application/zip");
            CHECK(zip.header("Content-Disposition").rfind("attachment", 0) == 0);
            auto verification = evidence::verifyPackage(zip.body, nowMillis());
            REQUIRE_OK(verification);
            INFO(verification->toText());
            CHECK(verification->passed());
            auto history = fx.client().get(documentPath(id) + "/history", chairman);
            CHECK(history.body.find("document.export") != std::string::npos);
            CHECK(fx.client().get(documentPath(id) + "/evidence", fx.signIn("secretary.p2")).status == 404);
        }
    }
}

}  // namespace qujat::test
