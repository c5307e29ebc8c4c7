// The package of a signed, routed protocol: what it holds and that it verifies.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>
#include <set>

#include "EvidenceFixture.h"
#include "qujat/crypto/OpenSslHasher.h"
#include "qujat/evidence/PackageVerifier.h"
#include "support/OpensslToken.h"
#include "support/StatusMatchers.h"

namespace qujat::test {

namespace {

std::set<std::string> namesOf(const std::vector<evidence::ArchiveFile>& files) {
    std::set<std::string> names;
    for (const evidence::ArchiveFile& f : files) names.insert(f.name);
    return names;
}

}  // namespace

TEST_CASE("an exported package holds every version, signature, timestamp, event and trust file", "[evidence]") {
    EvidenceFixture& fx = EvidenceFixture::shared();
    const evidence::PackageInput& input = fx.input();
    std::vector<evidence::ArchiveFile> files = unpack(fx.package());
    const std::set<std::string> names = namesOf(files);

    SECTION("the document went through two versions and three signatures") {
        REQUIRE(input.view.versions.size() == 2);
        REQUIRE(input.view.signatures.size() == 3);
        CHECK(input.view.document.state == engine::DocumentState::kCompleted);
        CHECK(input.chainAtExport.intact());
    }

    SECTION("the layout names every part with safe names") {
        for (const char* fixed : {"README.md", "manifest.json", "SHA256SUMS", "audit/events.jsonl", "ca-bundle.pem",
                                  "trust/root.pem", "trust/issuing-ca.pem", "trust/root.crl.pem",
                                  "trust/issuing-ca.crl.pem", "versions/v1-protocol-7.txt"})
            CHECK(names.count(fixed) == 1);
        // The Cyrillic file name of version 2 is transliterated, not dropped.
        CHECK(names.count("versions/v2-Protokol_7_ispravlennyi_.txt") == 1);
        for (const engine::SignatureRecord& s : input.view.signatures) {
            const std::string stem =
                std::to_string(s.id) + "-" + s.signerLogin + "-v" + std::to_string(s.versionNumber);
            CHECK(names.count("signatures/" + stem + ".p7s") == 1);
            CHECK(names.count("signatures/" + stem + ".signature-value.bin") == 1);
            CHECK(names.count("timestamps/" + stem + ".tst") == 1);
        }
        CHECK(files.size() == 3 + 2 + 3 * 3 + 1 + 4 + 1);
        CHECK(files[0].name == "README.md");
        for (const std::string& n : names) CHECK(evidence::isSafeArchiveName(n));
    }

    SECTION("versions and signatures are the bytes the engine kept") {
        CHECK(fileStarting(files, "versions/v1-").bytes == input.versionContents.at(1));
        CHECK(fileStarting(files, "versions/v2-").bytes == input.versionContents.at(2));
        for (const engine::SignatureRecord& s : input.view.signatures)
            CHECK(fileStarting(files, "signatures/" + std::to_string(s.id) + "-").bytes ==
                  input.signatureContents.at(s.id));
    }

    SECTION("the audit events are the document's, one per line, with their hashes") {
        const std::string& jsonl = fileNamed(files, "audit/events.jsonl").bytes;
        CHECK(static_cast<std::size_t>(std::count(jsonl.begin(), jsonl.end(), '\n')) == input.events.size());
        for (const engine::AuditEvent& e : input.events) CHECK(jsonl.find(e.hash) != std::string::npos);
    }

    SECTION("SHA256SUMS lists every other file") {
        const crypto::OpenSslHasher hasher;
        const std::string& sums = fileNamed(files, "SHA256SUMS").bytes;
        for (const evidence::ArchiveFile& f : files) {
            if (f.name == "SHA256SUMS") continue;
            CHECK(sums.find(hasher.sha256Hex(f.bytes) + "  " + f.name + "\n") != std::string::npos);
        }
    }

    SECTION("the manifest describes the document and every file") {
        auto root =
            Poco::JSON::Parser().parse(fileNamed(files, "manifest.json").bytes).extract<Poco::JSON::Object::Ptr>();
        CHECK(root->getValue<std::string>("format") == "qujat-evidence/1");
        CHECK(root->getObject("document")->getValue<engine::DocumentId>("id") == fx.documentId());
        CHECK(root->getArray("versions")->size() == 2);
        CHECK(root->getArray("signatures")->size() == 3);
        CHECK(root->getArray("files")->size() == files.size() - 2);
        // The acceptance report stays a JSON object, readable.
        CHECK(root->getArray("signatures")->getObject(0)->getObject("report")->getValue<std::string>("indication") ==
              "PASSED");
    }

    SECTION("each signature's acceptance report records the timestamp its .tst holds, as openssl reads it") {
        auto root =
            Poco::JSON::Parser().parse(fileNamed(files, "manifest.json").bytes).extract<Poco::JSON::Object::Ptr>();
        Poco::JSON::Array::Ptr signatures = root->getArray("signatures");
        REQUIRE(signatures->size() == input.view.signatures.size());
        for (std::size_t i = 0; i < signatures->size(); ++i) {
            const engine::SignatureRecord& s = input.view.signatures[i];
            Poco::JSON::Object::Ptr stamp =
                signatures->getObject(static_cast<unsigned>(i))->getObject("report")->getObject("timeStamp");
            INFO("signature " << s.id << ": " << s.report);
            REQUIRE(stamp);
            const TokenAsOpensslReadsIt read = readTokenWithOpenssl(
                fileStarting(files, "timestamps/" + std::to_string(s.id) + "-").bytes);
            CHECK(stamp->getValue<std::string>("genTime") == engine::formatIsoUtc(read.genTime));
            CHECK(stamp->getValue<std::string>("serial") == read.serial);
            CHECK(stamp->getValue<std::string>("tsa") == read.tsaSubject);
            CHECK(stamp->getValue<std::string>("policy") == read.policyOid);
            // Stamped on the system clock just before the approval was committed (whole seconds).
            CHECK(read.genTime <= s.acceptedAt);
            CHECK(s.acceptedAt - read.genTime < 2000);
        }
    }

    SECTION("the same input gives the same bytes") {
        auto again = evidence::writePackage(input);
        REQUIRE_OK(again);
        CHECK(*again == fx.package());
    }
}

TEST_CASE("signatures accepted before reports recorded their timestamp are packaged and verify", "[evidence]") {
    evidence::PackageInput input = EvidenceFixture::shared().input();
    for (engine::SignatureRecord& s : input.view.signatures) {
        const std::size_t at = s.report.find(",\"timeStamp\":{");
        REQUIRE(at != std::string::npos);
        s.report = s.report.substr(0, at) + "}";  // the report as it was stored before
    }
    auto zip = evidence::writePackage(input);
    REQUIRE_OK(zip);
    std::vector<evidence::ArchiveFile> files = unpack(*zip);
    auto root = Poco::JSON::Parser().parse(fileNamed(files, "manifest.json").bytes).extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Object::Ptr report = root->getArray("signatures")->getObject(0)->getObject("report");
    REQUIRE(report);
    CHECK(report->getValue<std::string>("indication") == "PASSED");
    CHECK_FALSE(report->has("timeStamp"));
    const evidence::PackageVerification v = verify(*zip);
    INFO(v.toText());
    CHECK(v.passed());
}

TEST_CASE("an untouched package passes every check", "[evidence]") {
    EvidenceFixture& fx = EvidenceFixture::shared();
    const evidence::PackageVerification v = verify(fx.package());
    INFO(v.toText());
    REQUIRE(v.passed());
    CHECK(v.documentId == fx.documentId());
    CHECK(v.checks.size() == 4 + 2 + 3 * 2 + 3);
    for (const engine::SignatureRecord& s : fx.input().view.signatures) {
        CHECK(checkNamed(v, "signature " + std::to_string(s.id)).detail.find("valid signature by") !=
              std::string::npos);
        CHECK(checkNamed(v, "timestamp of signature " + std::to_string(s.id)).detail.find("time-stamped") !=
              std::string::npos);
    }
    REQUIRE(v.trustAnchors.size() == 1);
    CHECK(v.trustAnchors[0].find("Qujat Development Root CA") != std::string::npos);
    CHECK(v.chainHeadSeq == fx.input().chainAtExport.headSeq);
    CHECK(v.toText().find("result: PASSED") != std::string::npos);
    CHECK(v.toJson().find("\"passed\": true") != std::string::npos);
}

TEST_CASE("a package whose chain was broken at export says so", "[evidence]") {
    evidence::PackageInput input = EvidenceFixture::shared().input();
    input.chainAtExport.problem = "event 3 was altered after it was written (hash mismatch)";
    input.chainAtExport.firstBadSeq = 3;
    auto zip = evidence::writePackage(input);
    REQUIRE_OK(zip);
    const evidence::PackageVerification v = verify(*zip);
    REQUIRE_FALSE(v.passed());
    CHECK(v.firstFailure()->name == "audit chain at export");
    CHECK(v.firstFailure()->detail.find("event 3 was altered") != std::string::npos);
}

TEST_CASE("writePackage refuses content that is not what the engine recorded", "[evidence]") {
    evidence::PackageInput input = EvidenceFixture::shared().input();
    SECTION("a version's bytes") {
        input.versionContents[1] += "x";
        CHECK_CODE(evidence::writePackage(input), engine::StatusCode::kDataLoss);
    }
    SECTION("a signature's bytes") {
        input.signatureContents.begin()->second[10] ^= 1;
        CHECK_CODE(evidence::writePackage(input), engine::StatusCode::kDataLoss);
    }
    SECTION("a missing signature") {
        input.signatureContents.erase(input.signatureContents.begin());
        CHECK_CODE(evidence::writePackage(input), engine::StatusCode::kDataLoss);
    }
    SECTION("a private key among the trust files") {
        input.trustFiles["tsa-key.pem"] =
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n";
        CHECK_CODE(evidence::writePackage(input), engine::StatusCode::kInvalidArgument);
    }
}

}  // namespace qujat::test
