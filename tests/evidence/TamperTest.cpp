// A changed package fails, and the report says what was changed.
#include <catch2/catch.hpp>

#include "EvidenceFixture.h"
#include "qujat/evidence/PackageVerifier.h"

namespace qujat::test {

namespace {

// The check's detail mentions `text`.
void checkMentions(const evidence::PackageCheck& check, const std::string& text) {
    INFO(check.name << ": " << check.detail);
    CHECK(check.detail.find(text) != std::string::npos);
}

// The check that failed first, with the report printed when the test fails.
evidence::PackageCheck firstFailure(const evidence::PackageVerification& v) {
    INFO(v.toText());
    REQUIRE_FALSE(v.passed());
    return *v.firstFailure();
}

const engine::SignatureRecord& firstSignatureOfVersion(int version) {
    for (const engine::SignatureRecord& s : EvidenceFixture::shared().input().view.signatures)
        if (s.versionNumber == version) return s;
    FAIL("no signature of version " << version);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a tampered package fails, naming what was changed", "[evidence]") {
    EvidenceFixture& fx = EvidenceFixture::shared();
    std::vector<evidence::ArchiveFile> files = unpack(fx.package());
    const engine::SignatureRecord& v1Signature = firstSignatureOfVersion(1);
    const std::string stem = "signatures/" + std::to_string(v1Signature.id) + "-";

    SECTION("a byte changed in a version") {
        evidence::ArchiveFile& version = fileStarting(files, "versions/v1-");
        version.bytes[3] ^= 0x01;
        const evidence::PackageVerification v = verify(pack(files));
        const evidence::PackageCheck first = firstFailure(v);
        CHECK(first.name == "SHA256SUMS");
        checkMentions(first, version.name + " does not have the SHA-256 listed for it");
        CHECK_FALSE(checkNamed(v, "version 1").passed);
        const evidence::PackageCheck signature = checkNamed(v, "signature " + std::to_string(v1Signature.id));
        CHECK_FALSE(signature.passed);
        checkMentions(signature, "FAILED/HASH_FAILURE");
    }

    SECTION("a version replaced by a forger who rewrote the manifest and the checksums") {
        evidence::ArchiveFile& version = fileStarting(files, "versions/v1-");
        version.bytes = "a protocol nobody signed\n";
        reseal(files);
        const evidence::PackageVerification v = verify(pack(files));
        const evidence::PackageCheck first = firstFailure(v);
        CHECK(first.name == "version 1");
        checkMentions(checkNamed(v, "signature " + std::to_string(v1Signature.id)), "FAILED/HASH_FAILURE");
    }

    SECTION("a byte changed in a signature") {
        evidence::ArchiveFile& p7s = fileStarting(files, stem);
        REQUIRE(p7s.name.size() > 4);
        REQUIRE(p7s.name.substr(p7s.name.size() - 4) == ".p7s");
        p7s.bytes[p7s.bytes.size() / 2] ^= 0x01;
        const evidence::PackageVerification v = verify(pack(files));
        const evidence::PackageCheck first = firstFailure(v);
        CHECK(first.name == "SHA256SUMS");
        checkMentions(first, p7s.name);
        checkMentions(checkNamed(v, "signature " + std::to_string(v1Signature.id)), "is not the signature Qujat kept");
    }

    SECTION("a byte changed in a timestamp token") {
        evidence::ArchiveFile& token = fileStarting(files, "timestamps/" + std::to_string(v1Signature.id) + "-");
        token.bytes[token.bytes.size() / 2] ^= 0x01;
        reseal(files);
        const evidence::PackageVerification v = verify(pack(files));
        const evidence::PackageCheck first = firstFailure(v);
        CHECK(first.name == "timestamp of signature " + std::to_string(v1Signature.id));
        checkMentions(first, token.name + " is not the token inside");
    }

    SECTION("an audit event edited") {
        evidence::ArchiveFile& events = fileNamed(files, "audit/events.jsonl");
        const std::string from = "\"actor\":\"chairman.ppo-00001\"";
        const std::size_t at = events.bytes.find(from);
        REQUIRE(at != std::string::npos);
        events.bytes.replace(at, from.size(), "\"actor\":\"chairman.ppo-00002\"");
        SECTION("the checksums say so first") {
            const evidence::PackageCheck first = firstFailure(verify(pack(files)));
            CHECK(first.name == "SHA256SUMS");
            checkMentions(first, "audit/events.jsonl");
        }
        SECTION("and the event's hash when the checksums were rewritten") {
            reseal(files);
            const evidence::PackageCheck first = firstFailure(verify(pack(files)));
            CHECK(first.name == "audit events");
            checkMentions(first, "was altered after it was written");
        }
    }

    SECTION("a file removed") {
        const std::string removed = fileStarting(files, stem).name;
        files.erase(std::find_if(files.begin(), files.end(),
                                 [&](const evidence::ArchiveFile& f) { return f.name == removed; }));
        const evidence::PackageCheck first = firstFailure(verify(pack(files)));
        CHECK(first.name == "SHA256SUMS");
        checkMentions(first, removed + " is listed but missing");
    }

    SECTION("a file added") {
        files.push_back(evidence::ArchiveFile{"versions/v3-afterthought.txt", "added later\n"});
        const evidence::PackageCheck first = firstFailure(verify(pack(files)));
        CHECK(first.name == "SHA256SUMS");
        checkMentions(first, "versions/v3-afterthought.txt is in the archive but not listed");
    }

    SECTION("the manifest edited") {
        evidence::ArchiveFile& manifest = fileNamed(files, "manifest.json");
        const std::string from = "\"exportedBy\": \"operator\"";
        const std::size_t at = manifest.bytes.find(from);
        REQUIRE(at != std::string::npos);
        manifest.bytes.replace(at, from.size(), "\"exportedBy\": \"auditor!\"");
        const evidence::PackageCheck first = firstFailure(verify(pack(files)));
        CHECK(first.name == "SHA256SUMS");
        checkMentions(first, "manifest.json does not have the SHA-256 listed for it");
    }

    SECTION("the manifest removed") {
        files.erase(std::find_if(files.begin(), files.end(),
                                 [](const evidence::ArchiveFile& f) { return f.name == "manifest.json"; }));
        const evidence::PackageVerification v = verify(pack(files));
        CHECK(firstFailure(v).name == "SHA256SUMS");
        checkMentions(checkNamed(v, "manifest"), "manifest.json is missing");
    }

    SECTION("a manifest nested deeper than any real one") {
        fileNamed(files, "manifest.json").bytes = std::string(200000, '[') + std::string(200000, ']');
        const evidence::PackageVerification v = verify(pack(files));
        CHECK(firstFailure(v).name == "SHA256SUMS");
        checkMentions(checkNamed(v, "manifest"), "nests more than 64 levels deep");
    }

    SECTION("a signature moved to another version, the manifest rewritten to match") {
        // The v1 signature presented as a signature of version 2.
        evidence::ArchiveFile& manifest = fileNamed(files, "manifest.json");
        const std::string from = "\"version\": 1,\n      \"task\"";
        const std::size_t at = manifest.bytes.find(from);
        REQUIRE(at != std::string::npos);
        manifest.bytes.replace(at, from.size(), "\"version\": 2,\n      \"task\"");
        reseal(files);
        const evidence::PackageVerification v = verify(pack(files));
        checkMentions(checkNamed(v, "signature " + std::to_string(v1Signature.id)), "FAILED/HASH_FAILURE");
        CHECK_FALSE(checkNamed(v, "audit record").passed);
    }
}

TEST_CASE("verifyPackage refuses what is not an evidence package", "[evidence]") {
    SECTION("a ZIP of other files") {
        auto v = evidence::verifyPackage(pack({{"photo.jpg", "not really"}}), 0);
        CHECK(v.status().code() == engine::StatusCode::kInvalidArgument);
        CHECK(v.status().message().find("not a Qujat evidence package") != std::string::npos);
    }
    SECTION("bytes that are not a ZIP") {
        CHECK(evidence::verifyPackage("hello, auditor", 0).status().code() == engine::StatusCode::kInvalidArgument);
    }
    SECTION("a truncated package") {
        const std::string& zip = EvidenceFixture::shared().package();
        CHECK(evidence::verifyPackage(zip.substr(0, zip.size() - 100), 0).status().code() ==
              engine::StatusCode::kInvalidArgument);
    }
}

}  // namespace qujat::test
