// The parser and `xmllint --schema workflows/workflow.xsd` give the same verdict, so a
// workflow author can trust either. The only differences are the loader's documented extra
// checks (corpus/loader-only-*.xml), which xmllint cannot make.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "support/Subprocess.h"
#include "XmlTestSupport.h"

namespace qujat::test {
namespace {

struct Verdicts {
    bool parserAccepts = false;
    bool xmllintAccepts = false;
    std::string parserSays;
    std::string xmllintSays;
};

Verdicts judge(const std::string& path, bool isRoleCatalogue) {
    Verdicts v;
    const std::string xml = readText(path);
    std::vector<engine::Diagnostic> problems;
    if (isRoleCatalogue) {
        repositoryParser().parseRoles(xml, path, problems);
    } else {
        problems = repositoryParser().parse(xml, path).diagnostics;
    }
    v.parserAccepts = problems.empty();
    v.parserSays = describe(problems);
    const CommandResult lint = runCommand(shellQuote(QUJAT_XMLLINT) + " --noout --schema " +
                                          shellQuote(repoPath("workflows/workflow.xsd")) + " " + shellQuote(path));
    v.xmllintAccepts = lint.exitCode == 0;
    v.xmllintSays = lint.output;
    return v;
}

std::vector<std::filesystem::path> xmlFilesIn(const std::string& relativeDir) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(repoPath(relativeDir)))
        if (entry.path().extension() == ".xml") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

bool xmllintAvailable() {
    if (std::string(QUJAT_XMLLINT).empty()) {
        WARN("xmllint is not installed (libxml2-utils); skipping the comparison");
        return false;
    }
    return true;
}

}  // namespace

TEST_CASE("the parser and xmllint accept every shipped workflow file", "[xml][xmllint]") {
    if (!xmllintAvailable()) return;
    const auto files = xmlFilesIn("workflows");
    REQUIRE(files.size() == 4);
    for (const auto& file : files) {
        const Verdicts v = judge(file.string(), file.filename() == "roles.xml");
        INFO(file.filename().string() << "\nparser:\n" << v.parserSays << "xmllint:\n" << v.xmllintSays);
        CHECK(v.parserAccepts);
        CHECK(v.xmllintAccepts);
    }
}

TEST_CASE("the parser and xmllint agree on every file of the corpus of valid and broken workflows", "[xml][xmllint]") {
    if (!xmllintAvailable()) return;
    int valid = 0, invalid = 0;
    for (const auto& file : xmlFilesIn("tests/xml/corpus")) {
        const std::string name = file.filename().string();
        if (name.rfind("loader-only-", 0) == 0) continue;
        const Verdicts v = judge(file.string(), false);
        INFO(name << "\nparser:\n" << v.parserSays << "xmllint:\n" << v.xmllintSays);
        CHECK(v.parserAccepts == v.xmllintAccepts);
        // The file name says which it is meant to be, so a schema change cannot flip both.
        CHECK(v.parserAccepts == (name.rfind("valid-", 0) == 0));
        ++(v.parserAccepts ? valid : invalid);
    }
    CHECK(valid >= 2);
    CHECK(invalid >= 20);
}

TEST_CASE("the loader refuses what xmllint cannot check: languages and zero deadlines", "[xml][xmllint]") {
    if (!xmllintAvailable()) return;
    int files = 0;
    for (const auto& file : xmlFilesIn("tests/xml/corpus")) {
        const std::string name = file.filename().string();
        if (name.rfind("loader-only-", 0) != 0) continue;
        const Verdicts v = judge(file.string(), false);
        INFO(name << "\nparser:\n" << v.parserSays << "xmllint:\n" << v.xmllintSays);
        CHECK(v.xmllintAccepts);
        CHECK_FALSE(v.parserAccepts);
        ++files;
    }
    CHECK(files == 4);
}

}  // namespace qujat::test
