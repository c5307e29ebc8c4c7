// Hostile input: every attack a workflow (or role catalogue) file could carry is refused
// quickly, with a diagnostic naming the problem, and nothing outside the text is read.
#include <libxml/parser.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>

#include <catch2/catch.hpp>

#include "XmlTestSupport.h"

namespace qujat::test {
namespace {

struct HostileCase {
    std::string name;
    std::string xml;
    std::string expected;  // a fragment of the diagnostic that names the problem
};

const char* const kBody = R"(<workflow xmlns="urn:qujat:workflow:1" id="memo" version="1" document-type="memo">
  <title xml:lang="en">Memo</title>
  <step id="draft" kind="submit" actor="role:secretary@origin"/>
  <end id="done"/>
</workflow>
)";

std::string withDeclaration(const std::string& body, const std::string& encoding = "UTF-8") {
    return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n" + body;
}

std::string utf16(const std::string& ascii, bool bigEndian, bool byteOrderMark) {
    std::string out;
    if (byteOrderMark) out += bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (char c : ascii) {
        if (bigEndian) out += '\0';
        out += c;
        if (!bigEndian) out += '\0';
    }
    return out;
}

std::string hostileFile(const std::string& name) { return readText(repoPath("tests/xml/hostile/" + name)); }

std::vector<HostileCase> hostileCases() {
    std::vector<HostileCase> cases;
    const std::string doctype = "DOCTYPE is not allowed";
    for (const char* file : {"xxe-file.xml", "xxe-http.xml", "parameter-entities.xml", "billion-laughs.xml",
                             "external-dtd.xml"})
        cases.push_back({file, hostileFile(file), doctype});
    cases.push_back({"xinclude.xml", hostileFile("xinclude.xml"), "XInclude is not allowed"});
    cases.push_back({"undeclared-entity.xml", hostileFile("undeclared-entity.xml"), "Entity 'passwd' not defined"});
    cases.push_back({"latin1-declared.xml", hostileFile("latin1-declared.xml"), "encoding \"ISO-8859-1\" is not allowed"});

    std::string quadratic = "<?xml version=\"1.0\"?>\n<!DOCTYPE workflow [<!ENTITY a \"" + std::string(50000, 'a') +
                            "\">]>\n<workflow xmlns=\"urn:qujat:workflow:1\"><title xml:lang=\"en\">";
    for (int i = 0; i < 10000; ++i) quadratic += "&a;";
    quadratic += "</title></workflow>\n";
    cases.push_back({"quadratic blowup", quadratic, doctype});
    cases.push_back({"a bare DOCTYPE", "<!DOCTYPE workflow>\n" + std::string(kBody), doctype});

    cases.push_back({"Latin-1 bytes declared as Latin-1",
                     withDeclaration("<!-- Caf\xE9 -->\n" + std::string(kBody), "ISO-8859-1"),
                     "encoding \"ISO-8859-1\" is not allowed"});
    cases.push_back({"Latin-1 bytes without a declaration", "<!-- Caf\xE9 -->\n" + std::string(kBody),
                     "invalid UTF-8 (byte 0xE9)"});
    cases.push_back({"UTF-8 text declared as UTF-16", withDeclaration(kBody, "UTF-16"),
                     "encoding \"UTF-16\" is not allowed"});
    cases.push_back({"UTF-16LE with a byte order mark", utf16(withDeclaration(kBody, "UTF-16"), false, true),
                     "UTF-16"});
    cases.push_back({"UTF-16BE without a byte order mark", utf16(withDeclaration(kBody, "UTF-16"), true, false),
                     "UTF-16"});
    cases.push_back({"an overlong UTF-8 sequence", withDeclaration("<!-- \xC0\xAF -->\n" + std::string(kBody)),
                     "invalid UTF-8 (byte 0xC0)"});
    cases.push_back({"an encoded UTF-16 surrogate", withDeclaration("<!-- \xED\xA0\x80 -->\n" + std::string(kBody)),
                     "invalid UTF-8 (byte 0xED)"});
    cases.push_back({"a UTF-8 sequence cut short", withDeclaration(kBody) + "\xD2", "invalid UTF-8 (byte 0xD2)"});

    cases.push_back({"more than 1 MiB", withDeclaration("<!--" + std::string(1100 * 1024, 'x') + "-->\n" + kBody),
                     "at most 1 MiB"});
    std::string deep = "<workflow xmlns=\"urn:qujat:workflow:1\">";
    for (int i = 0; i < 10000; ++i) deep += "<a>";
    for (int i = 0; i < 10000; ++i) deep += "</a>";
    deep += "</workflow>";
    cases.push_back({"nesting 10,000 deep", deep, "nested more than 64 levels deep"});

    cases.push_back({"empty input", "", "the file is empty"});
    cases.push_back({"only white space", " \n\t\r\n", "the file is empty"});
    const std::string protocol = readText(repoPath("workflows/ppo-protocol.xml"));
    cases.push_back({"truncated input", protocol.substr(0, protocol.find("<step id=\"register\"")),
                     "Premature end of data"});
    std::string garbage;
    std::uint32_t seed = 12345;
    for (int i = 0; i < 4096; ++i) {
        seed = seed * 1664525u + 1013904223u;
        garbage += static_cast<char>(seed >> 24);
    }
    cases.push_back({"binary garbage", garbage, "UTF-8"});
    cases.push_back({"text that is not XML", "workflow: ppo-protocol\nsteps: [draft, sign]\n", "Start tag expected"});
    return cases;
}

// Lines of /etc/passwd long enough not to occur by chance; none may reach a message.
std::vector<std::string> passwdLines() {
    std::vector<std::string> lines;
    std::ifstream in("/etc/passwd");
    for (std::string line; std::getline(in, line);)
        if (line.size() >= 12) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("hostile XML is refused quickly with a diagnostic naming the problem", "[xml][security]") {
    const auto& parser = repositoryParser();
    const auto secrets = passwdLines();
    for (const HostileCase& c : hostileCases()) {
        DYNAMIC_SECTION(c.name) {
            const auto started = std::chrono::steady_clock::now();
            const engine::ParsedWorkflow parsed = parser.parse(c.xml, "hostile.xml");
            const auto elapsed = std::chrono::steady_clock::now() - started;
            INFO(describe(parsed.diagnostics));

            CHECK_FALSE(parsed.definition);
            REQUIRE_FALSE(parsed.diagnostics.empty());
            CHECK_THAT(parsed.diagnostics.front().message, Catch::Contains(c.expected));
            CHECK(parsed.diagnostics.front().where.file == "hostile.xml");
            CHECK(parsed.diagnostics.front().where.line >= 1);
            CHECK(parsed.diagnostics.front().where.column >= 1);
            // A guard against hangs and exponential expansion, not a benchmark.
            CHECK(elapsed < std::chrono::seconds(2));
            for (const auto& d : parsed.diagnostics)
                for (const auto& secret : secrets) CHECK(d.message.find(secret) == std::string::npos);

            std::vector<engine::Diagnostic> roleProblems;
            CHECK(parser.parseRoles(c.xml, "roles.xml", roleProblems).empty());
            CHECK_FALSE(roleProblems.empty());
        }
    }
}

namespace {

std::atomic<int> externalLoads{0};

// Stands in for libxml2's loader, through which every external DTD, entity, XInclude and
// schema document would be read; it reads nothing and counts.
xmlParserInputPtr recordingLoader(const char*, const char*, xmlParserCtxtPtr) {
    ++externalLoads;
    return nullptr;
}

// Installs recordingLoader for its lifetime (a process-wide setting: tests only).
class LoaderProbe {
public:
    LoaderProbe() : previous_(xmlGetExternalEntityLoader()) {
        externalLoads = 0;
        xmlSetExternalEntityLoader(recordingLoader);
    }
    ~LoaderProbe() { xmlSetExternalEntityLoader(previous_); }
    LoaderProbe(const LoaderProbe&) = delete;
    LoaderProbe& operator=(const LoaderProbe&) = delete;

private:
    xmlExternalEntityLoader previous_;
};

}  // namespace

TEST_CASE("libxml2 is never asked to load anything external", "[xml][security]") {
    const auto& parser = repositoryParser();
    LoaderProbe probe;
    SECTION("not for any hostile file") {
        for (const HostileCase& c : hostileCases()) {
            (void)parser.parse(c.xml, "hostile.xml");
            std::vector<engine::Diagnostic> problems;
            (void)parser.parseRoles(c.xml, "roles.xml", problems);
        }
        CHECK(externalLoads == 0);
    }
    SECTION("while the probe does see a parser that loads DTDs") {
        const std::string xml = hostileFile("external-dtd.xml");
        xmlFreeDoc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                 XML_PARSE_DTDLOAD | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
        CHECK(externalLoads == 1);
    }
}

TEST_CASE("a refusal points at the construct it refuses", "[xml][security]") {
    const auto& parser = repositoryParser();
    SECTION("a DOCTYPE, at its '<!'") {
        const auto parsed = parser.parse(hostileFile("xxe-file.xml"), "xxe-file.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].toString() ==
              "xxe-file.xml:3:1: DOCTYPE is not allowed: workflow files may not declare DTDs or entities");
    }
    SECTION("an encoding declaration, at its name") {
        const auto parsed = parser.parse(hostileFile("latin1-declared.xml"), "latin1.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].where.line == 1);
        CHECK(parsed.diagnostics[0].where.column == 21);
    }
    SECTION("an invalid byte, at its line and column, counting Kazakh letters as one column each") {
        const std::string xml = withDeclaration("<!-- Құжат -->\n<!-- Қате: \xFF -->\n" + std::string(kBody));
        const auto parsed = parser.parse(xml, "bytes.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].toString() == "bytes.xml:3:12: invalid UTF-8 (byte 0xFF): workflow files must be UTF-8");
    }
    SECTION("an XInclude, at its start tag") {
        const std::string text = hostileFile("xinclude.xml");
        const auto parsed = parser.parse(text, "xinclude.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].where.line == lineOf(text, "<xi:include"));
        CHECK(parsed.diagnostics[0].where.column == columnOf(text, "<xi:include"));
    }
}

TEST_CASE("schema location hints in a file are ignored, never fetched", "[xml][security]") {
    // libxml2 assembles schemas from xsi:schemaLocation only when it is given none.
    std::string xml = withDeclaration(kBody);
    xml.insert(xml.find(" id=\"memo\""), " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                                          "xsi:schemaLocation=\"urn:qujat:workflow:1 http://127.0.0.1:9/evil.xsd\"");
    const auto started = std::chrono::steady_clock::now();
    const auto parsed = repositoryParser().parse(xml, "hinted.xml");
    INFO(describe(parsed.diagnostics));
    CHECK(parsed.definition);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}

TEST_CASE("nesting is limited to 64 levels", "[xml][security]") {
    auto nested = [](int depth) {
        std::string xml = "<workflow xmlns=\"urn:qujat:workflow:1\">";
        for (int i = 1; i < depth; ++i) xml += "<a>";
        for (int i = 1; i < depth; ++i) xml += "</a>";
        return xml + "</workflow>";
    };
    const auto& parser = repositoryParser();
    SECTION("64 levels are read (and then fail the schema)") {
        const auto parsed = parser.parse(nested(64), "deep.xml");
        REQUIRE_FALSE(parsed.diagnostics.empty());
        CHECK_THAT(parsed.diagnostics.front().message, !Catch::Contains("nested"));
    }
    SECTION("65 levels are refused while reading") {
        const auto parsed = parser.parse(nested(65), "deep.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK_THAT(parsed.diagnostics.front().message, Catch::Contains("nested more than 64 levels deep"));
    }
}

TEST_CASE("a file of exactly 1 MiB is read and one byte more is refused", "[xml][security]") {
    const auto& parser = repositoryParser();
    auto padded = [](std::size_t size) {
        std::string xml = withDeclaration(kBody);
        const std::string open = "<!--", close = "-->";
        return xml + open + std::string(size - xml.size() - open.size() - close.size(), ' ') + close;
    };
    CHECK(parser.parse(padded(1024 * 1024), "big.xml").diagnostics.empty());
    const auto refused = parser.parse(padded(1024 * 1024 + 1), "big.xml");
    REQUIRE(refused.diagnostics.size() == 1);
    CHECK(refused.diagnostics[0].toString() ==
          "big.xml:1:1: the file is 1048577 bytes; workflow files may be at most 1 MiB (1048576 bytes)");
}

TEST_CASE("a schema that would make libxml2 read other files or declare entities is refused", "[xml][security]") {
    std::string xsd = readText(repoPath("workflows/workflow.xsd"));
    SECTION("an import with a schemaLocation") {
        const std::string withImport = std::string(xsd).insert(
            xsd.find("<xs:simpleType"), "<xs:import namespace=\"urn:x\" schemaLocation=\"file:///etc/passwd\"/>\n");
        CHECK_CODE(xml::LibXmlWorkflowParser::fromSchema(withImport), engine::StatusCode::kInvalidArgument);
    }
    SECTION("a DOCTYPE") {
        const std::string withDoctype = std::string(xsd).insert(xsd.find("<xs:schema"), "<!DOCTYPE xs:schema>\n");
        CHECK_CODE(xml::LibXmlWorkflowParser::fromSchema(withDoctype), engine::StatusCode::kInvalidArgument);
    }
    SECTION("and one that does not compile says why") {
        const auto broken = xml::LibXmlWorkflowParser::fromSchema(
            "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"nope\"/></xs:schema>");
        CHECK_CODE(broken, engine::StatusCode::kInvalidArgument);
        CHECK_THAT(broken.status().message(), Catch::Contains("does not compile") && Catch::Contains("nope"));
    }
}

}  // namespace qujat::test
