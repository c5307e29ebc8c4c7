// Random damage never crashes the verifier and never passes as an intact package.
#include <catch2/catch.hpp>
#include <random>

#include "EvidenceFixture.h"
#include "qujat/engine/Clocks.h"
#include "qujat/evidence/PackageVerifier.h"

namespace qujat::test {

TEST_CASE("random damage never crashes the verifier nor passes unnoticed", "[evidence]") {
    const std::string& original = EvidenceFixture::shared().package();
    const std::vector<evidence::ArchiveFile> files = unpack(original);
    const engine::Millis now = engine::SystemClock().now();
    std::mt19937 random(20261127);

    SECTION("a byte of any file inside") {
        for (int i = 0; i < 60; ++i) {
            std::vector<evidence::ArchiveFile> damaged = files;
            evidence::ArchiveFile& f = damaged[random() % damaged.size()];
            if (f.bytes.empty()) continue;
            f.bytes[random() % f.bytes.size()] ^= static_cast<char>(1 + random() % 255);
            auto v = evidence::verifyPackage(pack(damaged), now);
            INFO(f.name);
            REQUIRE(v.isOk());
            CHECK_FALSE(v->passed());
        }
    }

    SECTION("a byte of the archive itself") {
        for (int i = 0; i < 100; ++i) {
            std::string damaged = original;
            damaged[random() % damaged.size()] ^= static_cast<char>(1 + random() % 255);
            auto v = evidence::verifyPackage(damaged, now);
            if (!v.isOk()) {
                CHECK(v.status().code() == engine::StatusCode::kInvalidArgument);
                continue;
            }
            // Only a byte the files do not depend on (a header's date, say) may leave it intact.
            if (v->passed()) {
                auto read = evidence::readArchive(damaged);
                REQUIRE(read.isOk());
                REQUIRE(read->size() == files.size());
                for (std::size_t j = 0; j < files.size(); ++j) {
                    CHECK((*read)[j].name == files[j].name);
                    CHECK((*read)[j].bytes == files[j].bytes);
                }
            }
        }
    }
}

}  // namespace qujat::test
