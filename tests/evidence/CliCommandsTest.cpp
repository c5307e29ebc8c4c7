// `qujat doc export` and `qujat verify-package`, driven in-process as main() drives them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "Args.h"
#include "Context.h"
#include "EvidenceFixture.h"
#include "EvidenceCommands.h"
#include "support/StatusMatchers.h"

namespace qujat::test {

namespace {

struct Cli {
    std::string dataDir;

    int run(int (*command)(cli::Context&, const cli::Args&), const std::vector<std::string>& words,
            std::optional<std::string> as = std::nullopt) const {
        cli::RuntimeOptions options;
        options.dataDir = dataDir;
        options.passwordCostLog2 = 10;
        cli::Context ctx(options, false, std::move(as));
        auto args = cli::Args::parse(words, cli::kFlags);
        REQUIRE_OK(args);
        return command(ctx, *args);
    }
};

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

}  // namespace

TEST_CASE("qujat doc export writes a package that qujat verify-package accepts", "[evidence]") {
    EvidenceFixture& fx = EvidenceFixture::shared();
    TempDir tmp;
    const Cli cli{fx.dataDir()};
    const std::string id = std::to_string(fx.documentId());
    const std::string zip = tmp.file("evidence.zip");

    REQUIRE(cli.run(cli::runDocExport, {"export", id, "--out", zip}) == 0);
    REQUIRE(std::filesystem::exists(zip));
    CHECK(cli.run(cli::runVerifyPackage, {zip}) == 0);

    SECTION("a tampered package exits 11") {
        std::vector<evidence::ArchiveFile> files = unpack(readFile(zip));
        fileStarting(files, "versions/v2-").bytes += " ";
        writeBytes(zip, pack(files));
        CHECK(cli.run(cli::runVerifyPackage, {zip}) == 11);
    }
    SECTION("a file that is not a package exits 3") {
        writeBytes(zip, "not a zip");
        CHECK(cli.run(cli::runVerifyPackage, {zip}) == 3);
    }
    SECTION("verify-package needs no data directory") {
        const Cli nowhere{tmp.file("no-data-here")};
        CHECK(nowhere.run(cli::runVerifyPackage, {zip}) == 0);
        CHECK_FALSE(std::filesystem::exists(tmp.file("no-data-here")));
    }
    SECTION("a user exports only what they may see") {
        CHECK(cli.run(cli::runDocExport, {"export", id, "--out", tmp.file("mine.zip")}, "chairman.ppo-00001") == 0);
        CHECK(cli.run(cli::runDocExport, {"export", id, "--out", tmp.file("theirs.zip")}, "secretary.p2") == 4);
        CHECK_FALSE(std::filesystem::exists(tmp.file("theirs.zip")));
    }
    SECTION("usage errors") {
        CHECK(cli.run(cli::runDocExport, {"export", id}) == 3);
        CHECK(cli.run(cli::runDocExport, {"export", "twelve", "--out", zip}) == 3);
        CHECK(cli.run(cli::runVerifyPackage, {}) == 3);
        CHECK(cli.run(cli::runVerifyPackage, {tmp.file("missing.zip")}) == 4);
    }
}

}  // namespace qujat::test
