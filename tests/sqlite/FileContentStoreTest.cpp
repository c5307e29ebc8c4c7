// Document bytes stored by SHA-256 in a directory.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "qujat/crypto/OpenSslHasher.h"
#include "qujat/files/FileContentStore.h"
#include "support/StatusMatchers.h"
#include "support/TempDir.h"

using namespace qujat;
using namespace qujat::engine;
using qujat::test::TempDir;

namespace {

// SHA-256 of "abc" (FIPS 180-2 test vector).
const std::string kAbcSha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::vector<std::string> filesUnder(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) out.push_back(std::filesystem::relative(entry.path(), dir).string());
    return out;
}

}  // namespace

TEST_CASE("file content store keeps bytes under their SHA-256", "[files][content]") {
    TempDir dir;
    crypto::OpenSslHasher hasher;
    const std::string root = dir.file("data/content");  // created on open, parents included
    auto opened = files::FileContentStore::open(root, hasher);
    REQUIRE_OK(opened);
    files::FileContentStore& store = **opened;

    SECTION("bytes round-trip and are filed as ab/cdef…") {
        auto sha = store.put("abc");
        REQUIRE_OK(sha);
        CHECK(*sha == kAbcSha);
        CHECK(std::filesystem::is_regular_file(root + "/ba/" + kAbcSha.substr(2)));
        auto bytes = store.get(kAbcSha);
        REQUIRE_OK(bytes);
        CHECK(*bytes == "abc");

        const char raw[] = "\0\xff\x01 Қазақ \r\n";
        const std::string binary(raw, sizeof raw - 1);
        auto binarySha = store.put(binary);
        REQUIRE_OK(binarySha);
        CHECK(*store.get(*binarySha) == binary);
        auto empty = store.put("");
        REQUIRE_OK(empty);
        CHECK(store.get(*empty)->empty());
    }
    SECTION("storing the same bytes again is a no-op and leaves no temporary files") {
        REQUIRE_OK(store.put("abc"));
        REQUIRE_OK(store.put("abc"));
        CHECK(filesUnder(root) == std::vector<std::string>{"ba/" + kAbcSha.substr(2)});
    }
    SECTION("names that are not a lower-case hex SHA-256 are refused") {
        REQUIRE_OK(store.put("abc"));
        for (const std::string& bad :
             {std::string("../etc/passwd"), std::string("../../../../../../etc/passwd"), std::string("abc"),
              std::string(""), std::string(64, 'A'), std::string(65, 'a'), std::string(63, 'a'),
              "ba/" + kAbcSha.substr(3), kAbcSha.substr(0, 62) + "/.", std::string(63, 'a') + '\0'}) {
            INFO(bad);
            CHECK_CODE(store.get(bad), StatusCode::kInvalidArgument);
        }
        std::string upper = kAbcSha;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        CHECK_CODE(store.get(upper), StatusCode::kInvalidArgument);
    }
    SECTION("absent content is not found") {
        CHECK_CODE(store.get(std::string(64, '0')), StatusCode::kNotFound);
    }
    SECTION("bytes changed on disk are reported as data loss") {
        REQUIRE_OK(store.put("abc"));
        std::ofstream(root + "/ba/" + kAbcSha.substr(2), std::ios::binary | std::ios::trunc) << "abd";
        auto bytes = store.get(kAbcSha);
        CHECK_CODE(bytes, StatusCode::kDataLoss);
        CHECK_THAT(bytes.status().message(), Catch::Contains(kAbcSha));
    }
    SECTION("a truncated file is replaced when the bytes are stored again") {
        REQUIRE_OK(store.put("abc"));
        std::ofstream(root + "/ba/" + kAbcSha.substr(2), std::ios::binary | std::ios::trunc) << "ab";
        CHECK_CODE(store.get(kAbcSha), StatusCode::kDataLoss);
        REQUIRE_OK(store.put("abc"));
        CHECK(*store.get(kAbcSha) == "abc");
    }
    SECTION("concurrent puts of the same and of different bytes all succeed") {
        const std::string shared(200'000, 's');
        std::vector<std::thread> threads;
        std::vector<Status> results(16);
        for (int t = 0; t < 16; ++t)
            threads.emplace_back([&, t] {
                auto a = store.put(shared);
                auto b = store.put("own bytes " + std::to_string(t));
                results[t] = !a.isOk() ? a.status() : b.status();
            });
        for (auto& th : threads) th.join();
        for (const Status& s : results) REQUIRE_OK(s);
        auto back = store.get(hasher.sha256Hex(shared));
        REQUIRE_OK(back);
        CHECK(*back == shared);
        CHECK(filesUnder(root).size() == 17);
    }
    SECTION("a second store on the same directory sees the same content") {
        REQUIRE_OK(store.put("abc"));
        auto again = files::FileContentStore::open(root, hasher);
        REQUIRE_OK(again);
        CHECK(*(*again)->get(kAbcSha) == "abc");
    }
}

TEST_CASE("file content store refuses a directory it cannot use", "[files][content]") {
    TempDir dir;
    crypto::OpenSslHasher hasher;
    std::ofstream(dir.file("plain-file")) << "x";
    CHECK_CODE(files::FileContentStore::open(dir.file("plain-file"), hasher), StatusCode::kUnavailable);
    CHECK_CODE(files::FileContentStore::open(dir.file("plain-file/sub"), hasher), StatusCode::kUnavailable);
}
