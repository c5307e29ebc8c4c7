// Hostile archives are refused from their directory, quickly, before anything is inflated
// and without touching the disk.
#include <catch2/catch.hpp>
#include <chrono>

#include "EvidenceFixture.h"
#include "RawZip.h"
#include "qujat/evidence/PackageVerifier.h"

namespace qujat::test {

namespace {

// readArchive's refusal of `zip`, which must be an invalid argument that came quickly.
std::string refusal(const std::string& zip) {
    const auto start = std::chrono::steady_clock::now();
    auto files = evidence::readArchive(zip);
    const auto took = std::chrono::steady_clock::now() - start;
    INFO(files.status().toString());
    REQUIRE_FALSE(files.isOk());
    CHECK(files.status().code() == engine::StatusCode::kInvalidArgument);
    CHECK(took < std::chrono::milliseconds(500));
    // verifyPackage gives the same answer.
    CHECK(evidence::verifyPackage(zip, 0).status().message() == files.status().message());
    return files.status().message();
}

// The refusal `message` says `text`.
void checkSays(const std::string& message, const std::string& text) {
    INFO(message);
    CHECK(message.find(text) != std::string::npos);
}

}  // namespace

TEST_CASE("a hand-made archive of safe entries reads", "[evidence]") {
    auto files = evidence::readArchive(rawZip({{"a.txt", "alpha"}, {"dir/b.txt", "beta"}, {"dir/", ""}}));
    REQUIRE(files.isOk());
    REQUIRE(files->size() == 2);
    CHECK((*files)[1].name == "dir/b.txt");
    CHECK((*files)[1].bytes == "beta");
}

TEST_CASE("names that would escape the extraction directory are refused", "[evidence]") {
    SECTION("a parent segment") {
        checkSays(refusal(rawZip({{"../evil.sh", "x"}})), "'../evil.sh' has an unsafe name");
    }
    SECTION("a parent segment inside") { checkSays(refusal(rawZip({{"versions/../../evil", "x"}})), "unsafe name"); }
    SECTION("an absolute path") { checkSays(refusal(rawZip({{"/etc/cron.d/evil", "x"}})), "unsafe name"); }
    SECTION("a Windows path") { checkSays(refusal(rawZip({{"C:\\evil.bat", "x"}})), "unsafe name"); }
    SECTION("a hidden file") { checkSays(refusal(rawZip({{"trust/.hidden.pem", "x"}})), "unsafe name"); }
    SECTION("a control character") { checkSays(refusal(rawZip({{"a\nb", "x"}})), "'a\\x0ab' has an unsafe name"); }
    SECTION("a symbolic link") {
        RawEntry link{"trust/root.pem", "/etc/passwd"};
        link.madeBy = 0x031e;
        link.externalAttributes = 0120777u << 16;
        checkSays(refusal(rawZip({link})), "is a symbolic link");
    }
    SECTION("a local header naming another file than the directory") {
        RawEntry entry{"notes.txt", "x"};
        entry.localName = "../notes.txt";
        checkSays(refusal(rawZip({entry})), "has another name in its local header");
    }
}

TEST_CASE("duplicate names are refused", "[evidence]") {
    SECTION("the same name twice") {
        checkSays(refusal(rawZip({{"SHA256SUMS", "a"}, {"SHA256SUMS", "b"}})), "'SHA256SUMS' appears twice");
    }
    SECTION("names that differ only in case") {
        checkSays(refusal(rawZip({{"README.md", "a"}, {"readme.md", "b"}})), "appears twice");
    }
}

TEST_CASE("zip bombs are refused before inflating", "[evidence]") {
    SECTION("by declared size") {
        RawEntry bomb{"versions/v1-bomb.txt", "small"};
        bomb.declaredSize = 0xfffffffe;
        checkSays(refusal(rawZip({bomb})), "declare more than 1073741824 bytes uncompressed");
    }
    SECTION("by many entries declaring a little each") {
        std::vector<RawEntry> entries;
        for (int i = 0; i < 5; ++i) {
            RawEntry e{"part" + std::to_string(i), ""};
            e.declaredSize = 300u << 20;
            entries.push_back(e);
        }
        checkSays(refusal(rawZip(entries)), "declare more than");
    }
    SECTION("by inflating to more than it declares") {
        const std::string zeros(8u << 20, '\0');
        std::string zip = withDeclaredSize(pack({{"zeros.bin", zeros}}), "zeros.bin", 1000);
        checkSays(refusal(zip), "'zeros.bin' inflates to more than its declared 1000 bytes");
    }
    SECTION("by 100 000 entries") {
        std::vector<RawEntry> entries(100000);
        for (std::size_t i = 0; i < entries.size(); ++i) entries[i].name = "f" + std::to_string(i);
        checkSays(refusal(rawZip(entries)), "it has 100000 entries; at most 10000");
    }
    SECTION("by 20 000 entries") {
        std::vector<RawEntry> entries(20000);
        for (std::size_t i = 0; i < entries.size(); ++i) entries[i].name = "f" + std::to_string(i);
        checkSays(refusal(rawZip(entries)), "it has 20000 entries; at most 10000");
    }
}

TEST_CASE("malformed archives are refused", "[evidence]") {
    const std::string good = pack({{"a.txt", std::string(1000, 'a')}, {"b.txt", "b"}});
    SECTION("random bytes") {
        checkSays(refusal("PK, but not really a ZIP archive at all"), "no end of central directory");
    }
    SECTION("truncated") { checkSays(refusal(good.substr(0, good.size() - 10)), "no end of central directory"); }
    SECTION("bytes after the end") { checkSays(refusal(good + "trailing"), "no end of central directory"); }
    SECTION("a corrupted entry") {
        std::string bad = good;
        bad[40] ^= 0x55;  // inside a.txt's deflated data
        refusal(bad);
    }
    SECTION("a stored entry whose CRC does not match") {
        std::string zip = rawZip({{"a.txt", "alpha"}});
        zip[30 + 5] = 'A';  // the data, after the 30-byte header and the name
        checkSays(refusal(zip), "fails its CRC-32 check");
    }
}

}  // namespace qujat::test
