// The README's plain commands, run exactly as written in the unpacked package.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "EvidenceFixture.h"
#include "support/Subprocess.h"

namespace qujat::test {

namespace {

// Every command of the README's ```sh blocks: comments and blank lines dropped, lines
// ending in a backslash joined to the next.
std::vector<std::string> readmeCommands(const std::string& readme) {
    std::vector<std::string> commands;
    std::istringstream lines(readme);
    std::string line, pending;
    bool inShell = false;
    while (std::getline(lines, line)) {
        if (!inShell) {
            inShell = line == "```sh";
            continue;
        }
        if (line == "```") {
            inShell = false;
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        if (line.back() == '\\') {
            pending += line.substr(0, line.size() - 1);
            continue;
        }
        commands.push_back(pending + line);
        pending.clear();
    }
    return commands;
}

CommandResult runIn(const std::string& dir, const std::string& command) {
    return runCommand("cd " + shellQuote(dir) + " && " + command);
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

}  // namespace

TEST_CASE("the README's openssl commands verify the unpacked package as written", "[evidence]") {
    EvidenceFixture& fx = EvidenceFixture::shared();
    TempDir tmp;
    writeBytes(tmp.file("package.zip"), fx.package());
    // The standard tool reads the archive as written: the same files qujat reads.
    const CommandResult unzipped = runIn(tmp.path(), "unzip -q package.zip -d evidence");
    INFO(unzipped.output);
    REQUIRE(unzipped.exitCode == 0);
    const std::string dir = tmp.file("evidence");

    std::ifstream in(dir + "/README.md");
    const std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::vector<std::string> commands = readmeCommands(readme);
    // The anchor's fingerprint, sha256sum, and two openssl commands per signature.
    REQUIRE(commands.size() == 1 + 1 + 2 * fx.input().view.signatures.size());

    SECTION("every command succeeds") {
        for (const std::string& command : commands) {
            const CommandResult r = runIn(dir, command);
            INFO(command << "\n" << r.output);
            CHECK(r.exitCode == 0);
        }
        CHECK(runIn(dir, commands[0]).output.find("Fingerprint=") != std::string::npos);
    }

    SECTION("they notice a changed version") {
        std::string version;
        for (const std::string& c : commands)
            if (c.find("openssl cms -verify") != std::string::npos) {
                const std::size_t at = c.find("-content ") + 9;
                version = c.substr(at, c.find(' ', at) - at);
                break;
            }
        REQUIRE_FALSE(version.empty());
        std::ifstream original(dir + "/" + version, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(original)), std::istreambuf_iterator<char>());
        bytes[0] ^= 0x20;
        writeBytes(dir + "/" + version, bytes);
        int failed = 0;
        for (const std::string& command : commands)
            if (runIn(dir, command).exitCode != 0) ++failed;
        // sha256sum, and every signature over that version.
        CHECK(failed >= 2);
        CHECK(runIn(dir, "sha256sum -c SHA256SUMS").output.find(version + ": FAILED") != std::string::npos);
    }
}

}  // namespace qujat::test
