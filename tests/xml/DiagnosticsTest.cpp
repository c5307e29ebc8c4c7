// Problems are reported as file:line:column at the construct at fault, in words a workflow
// author can act on; and parsing is safe from several threads at once.
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "XmlTestSupport.h"

namespace qujat::test {
namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string protocolText() { return readText(repoPath("workflows/ppo-protocol.xml")); }

// Everything the parser produced, as text, so two results can be compared whole.
std::string render(const engine::ParsedWorkflow& parsed) {
    std::string out = describe(parsed.diagnostics);
    if (!parsed.definition) return out;
    const auto& wf = *parsed.definition;
    auto texts = [](const engine::LocalizedText& t) {
        std::string s;
        for (const auto& [lang, text] : t.byLang) s += lang + "=" + text + ";";
        return s;
    };
    auto at = [](const engine::SourceLocation& w) { return std::to_string(w.line) + ":" + std::to_string(w.column); };
    out += wf.id + " v" + std::to_string(wf.version) + " " + wf.documentType + " " + texts(wf.title) + "\n";
    for (const auto& f : wf.fields) {
        out += "field " + f.name + " " + std::to_string(static_cast<int>(f.type)) + (f.required ? " required" : "") +
               " min=" + (f.min ? std::to_string(*f.min) : "-") + " max=" + (f.max ? std::to_string(*f.max) : "-") +
               " len=" + (f.maxLength ? std::to_string(*f.maxLength) : "-") + " " + texts(f.label) + at(f.where) + "\n";
        for (const auto& o : f.options) out += "  option " + o.value + " " + texts(o.label) + "\n";
    }
    for (const auto& s : wf.steps) {
        out += "step " + s.id + " kind=" + std::to_string(static_cast<int>(s.kind)) +
               " mode=" + std::to_string(static_cast<int>(s.mode)) + " k=" + std::to_string(s.quorum) +
               " next=" + s.next.value_or("-") + " reject=" + s.onReject.value_or("-") +
               " due=" + (s.due ? std::to_string(*s.due) : "-") +
               " escalate=" + (s.escalateTo ? s.escalateTo->text + "@" + at(s.escalateTo->where) : "-") +
               " number=" + s.numberPattern + " field=" + s.branchField + " otherwise=" + s.otherwise.value_or("-") +
               " " + texts(s.title) + at(s.where) + "\n";
        for (const auto& a : s.actors) out += "  actor " + a.text + (a.each ? " each " : " ") + at(a.where) + "\n";
        for (const auto& c : s.cases) out += "  when " + c.equals + " -> " + c.target + " " + at(c.where) + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("a schema error is reported at the attribute at fault, without the namespace noise", "[xml][diagnostics]") {
    const std::string text = replaced(protocolText(), "kind=\"sign\"", "kind=\"sing\"");
    const auto parsed = repositoryParser().parse(text, "ppo-protocol.xml");
    INFO(describe(parsed.diagnostics));
    CHECK_FALSE(parsed.definition);
    REQUIRE(parsed.diagnostics.size() == 1);
    const auto& d = parsed.diagnostics[0];
    CHECK(d.where.file == "ppo-protocol.xml");
    CHECK(d.where.line == lineOf(text, "kind=\"sing\""));
    CHECK(d.where.column == columnOf(text, "kind=\"sing\""));
    CHECK_THAT(d.message, Catch::StartsWith("Element 'step', attribute 'kind':") && Catch::Contains("'sing'"));
    CHECK_THAT(d.toString(), Catch::StartsWith("ppo-protocol.xml:" + std::to_string(d.where.line) + ":"));
}

TEST_CASE("a missing attribute is reported at the element's start tag", "[xml][diagnostics]") {
    const std::string text = replaced(protocolText(), "<step id=\"sign\" kind=\"sign\"", "<step id=\"sign\"");
    const auto parsed = repositoryParser().parse(text, "ppo-protocol.xml");
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].where.line == lineOf(text, "<step id=\"sign\""));
    CHECK(parsed.diagnostics[0].where.column == 3);
    CHECK_THAT(parsed.diagnostics[0].message, Catch::Contains("'kind' is required"));
}

TEST_CASE("every schema error in a file is reported, each at its own line", "[xml][diagnostics]") {
    std::string text = replaced(protocolText(), "type=\"integer\"", "type=\"number\"");
    text = replaced(text, "due=\"P3D\"", "due=\"3 days\"");
    const auto parsed = repositoryParser().parse(text, "ppo-protocol.xml");
    INFO(describe(parsed.diagnostics));
    REQUIRE(parsed.diagnostics.size() == 2);
    CHECK(parsed.diagnostics[0].where.line == lineOf(text, "type=\"number\""));
    CHECK(parsed.diagnostics[1].where.line == lineOf(text, "due=\"3 days\""));
    CHECK(parsed.diagnostics[1].where.column == columnOf(text, "due=\"3 days\""));
}

TEST_CASE("a syntax error is reported at the line where it is written", "[xml][diagnostics]") {
    const std::string text = replaced(protocolText(), "<step id=\"draft\"", "<step id=draft");
    const auto parsed = repositoryParser().parse(text, "ppo-protocol.xml");
    INFO(describe(parsed.diagnostics));
    REQUIRE_FALSE(parsed.diagnostics.empty());
    CHECK(parsed.diagnostics[0].where.line == lineOf(text, "<step id=draft"));
    CHECK(parsed.diagnostics[0].where.column > 1);
    CHECK(parsed.diagnostics[0].message.find('\n') == std::string::npos);
}

TEST_CASE("values the schema cannot judge are reported by the loader where they are written", "[xml][diagnostics]") {
    const auto& parser = repositoryParser();
    SECTION("a zero deadline, on the continuation line of its tag") {
        const std::string text = replaced(protocolText(), "due=\"P3D\"", "due=\"P0D\"");
        const auto parsed = parser.parse(text, "ppo-protocol.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].where.line == lineOf(text, "due=\"P0D\""));
        CHECK(parsed.diagnostics[0].where.column == columnOf(text, "due=\"P0D\""));
        CHECK_THAT(parsed.diagnostics[0].message, Catch::Contains("step 'register'") && Catch::Contains("P0D"));
    }
    SECTION("a language other than kk, ru and en") {
        const std::string text = replaced(protocolText(), "<title xml:lang=\"en\">PPO", "<title xml:lang=\"de\">PPO");
        const auto parsed = parser.parse(text, "ppo-protocol.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].where.line == lineOf(text, "xml:lang=\"de\""));
        CHECK(parsed.diagnostics[0].where.column == columnOf(text, "xml:lang=\"de\""));
        CHECK_THAT(parsed.diagnostics[0].message, Catch::Contains("use kk, ru or en"));
    }
    SECTION("a title without a language") {
        const std::string text = replaced(protocolText(), "<title xml:lang=\"ru\">Подписи", "<title>Подписи");
        const auto parsed = parser.parse(text, "ppo-protocol.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].where.line == lineOf(text, "<title>Подписи"));
        CHECK(parsed.diagnostics[0].where.column == 5);
    }
    SECTION("a language given twice") {
        const std::string text = replaced(protocolText(), "<label xml:lang=\"en\">Agenda", "<label xml:lang=\"kk\">Agenda");
        const auto parsed = parser.parse(text, "ppo-protocol.xml");
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].where.line == lineOf(text, "<label xml:lang=\"kk\">Agenda"));
        CHECK_THAT(parsed.diagnostics[0].message, Catch::Contains("a second <label> in 'kk'"));
    }
}

TEST_CASE("a malformed actor or deadline is explained, not answered with a regular expression", "[xml][diagnostics]") {
    const auto& parser = repositoryParser();
    const auto actor = parser.parse(readText(repoPath("tests/xml/corpus/invalid-bad-actor.xml")), "a.xml");
    REQUIRE(actor.diagnostics.size() == 1);
    CHECK_THAT(actor.diagnostics[0].message, Catch::Contains("'role:secretary@orgin'") &&
                                                 Catch::Contains("write role:NAME@ORG") && !Catch::Contains("[a-z]"));
    const auto element = parser.parse(readText(repoPath("tests/xml/corpus/invalid-bad-actor-element.xml")), "b.xml");
    REQUIRE(element.diagnostics.size() == 1);
    CHECK(element.diagnostics[0].where.line == 7);
    CHECK(element.diagnostics[0].where.column == 5);
    CHECK_THAT(element.diagnostics[0].message, Catch::Contains("write role:NAME@ORG"));
    const auto due = parser.parse(readText(repoPath("tests/xml/corpus/invalid-bad-due.xml")), "c.xml");
    REQUIRE(due.diagnostics.size() == 1);
    CHECK_THAT(due.diagnostics[0].message, Catch::Contains("'P1Y'") && Catch::Contains("e.g. P3D"));
}

TEST_CASE("a file with the wrong root element says what it is", "[xml][diagnostics]") {
    const auto& parser = repositoryParser();
    const std::string roles = readText(repoPath("workflows/roles.xml"));
    const auto asWorkflow = parser.parse(roles, "roles.xml");
    REQUIRE(asWorkflow.diagnostics.size() == 1);
    CHECK_THAT(asWorkflow.diagnostics[0].message,
               Catch::Contains("<workflow xmlns=\"urn:qujat:workflow:1\">") && Catch::Contains("role catalogue"));
    CHECK(asWorkflow.diagnostics[0].where.line == lineOf(roles, "<roles"));

    std::vector<engine::Diagnostic> problems;
    CHECK(parser.parseRoles(protocolText(), "ppo-protocol.xml", problems).empty());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].message, Catch::Contains("<roles xmlns=\"urn:qujat:workflow:1\">"));

    const auto noNamespace = parser.parse(readText(repoPath("tests/xml/corpus/invalid-no-namespace.xml")), "n.xml");
    REQUIRE(noNamespace.diagnostics.size() == 1);
    CHECK_THAT(noNamespace.diagnostics[0].message, Catch::Contains("in no namespace"));
}

TEST_CASE("columns count characters, so Kazakh text earlier on the line does not shift them", "[xml][diagnostics]") {
    const std::string text =
        "<workflow xmlns=\"urn:qujat:workflow:1\" id=\"a\" version=\"1\" document-type=\"memo\">"
        "<title xml:lang=\"kk\">Құжаттың өңделуі</title><step id=\"draft\" kind=\"submit\" actor=\"role:secretary@origin\"/>"
        "<end id=\"done\"/></workflow>";
    const auto parsed = repositoryParser().parse(text, "one-line.xml");
    INFO(describe(parsed.diagnostics));
    REQUIRE(parsed.definition);
    CHECK(parsed.definition->steps[0].where.line == 1);
    CHECK(parsed.definition->steps[0].where.column == columnOf(text, "<step"));
    CHECK(parsed.definition->steps[0].actors[0].where.column == columnOf(text, "actor="));
    CHECK(parsed.definition->steps[1].where.column == columnOf(text, "<end"));
}

TEST_CASE("Windows line endings and a UTF-8 byte order mark are accepted and counted correctly", "[xml][diagnostics]") {
    const std::string unix = protocolText();
    std::string windows = "\xEF\xBB\xBF";
    for (char c : unix) {
        if (c == '\n') windows += '\r';
        windows += c;
    }
    const auto parsed = repositoryParser().parse(windows, "crlf.xml");
    INFO(describe(parsed.diagnostics));
    REQUIRE(parsed.definition);
    const auto* reg = parsed.definition->step("register");
    REQUIRE(reg);
    CHECK(reg->where.line == lineOf(unix, "<step id=\"register\""));
    CHECK(reg->where.column == 3);
    REQUIRE(reg->escalateTo);
    CHECK(reg->escalateTo->where.line == lineOf(unix, "escalate="));
    CHECK(reg->title.in("en") == "Registration at the district branch");
}

TEST_CASE("positions stay exact deep into a large file", "[xml][diagnostics]") {
    // Enough text before the steps that libxml2 discards the start of its input buffer.
    std::string padding = "<!--\n";
    for (int i = 0; i < 700; ++i) padding += std::string(1000, 'x') + "\n";
    padding += "-->\n";
    std::string text = readText(repoPath("workflows/ppo-report.xml"));
    text.insert(text.find("<workflow"), padding);
    const auto parsed = repositoryParser().parse(text, "big.xml");
    INFO(describe(parsed.diagnostics));
    REQUIRE(parsed.definition);
    const auto& route = *parsed.definition->step("route");
    CHECK(route.cases.at(0).where.line == lineOf(text, "<when equals=\"annual\""));
    CHECK(route.cases.at(0).where.column == 5);
    const auto& review = *parsed.definition->step("review");
    CHECK(review.escalateTo->where.line == lineOf(text, "escalate=\"role:first-deputy@origin.parent\" on-reject"));
    CHECK(review.escalateTo->where.column == columnOf(text, "escalate=\"role:first-deputy@origin.parent\" on-reject"));

    const auto broken = repositoryParser().parse(replaced(text, "kind=\"acknowledge\"", "kind=\"ack\""), "big.xml");
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].where.line == lineOf(text, "kind=\"acknowledge\""));
    CHECK(broken.diagnostics[0].where.column == columnOf(text, "kind=\"acknowledge\""));
}

TEST_CASE("a file with hundreds of problems gets a bounded list", "[xml][diagnostics]") {
    std::string text = "<workflow xmlns=\"urn:qujat:workflow:1\" id=\"many\" version=\"1\" document-type=\"memo\">\n"
                       "  <title xml:lang=\"en\">Many</title>\n";
    for (int i = 0; i < 300; ++i) text += "  <step id=\"s" + std::to_string(i) + "\" kind=\"bogus\"/>\n";
    text += "</workflow>\n";
    const auto parsed = repositoryParser().parse(text, "many.xml");
    CHECK(parsed.diagnostics.size() == 51);
    CHECK(parsed.diagnostics[0].where.line == 3);
    CHECK(parsed.diagnostics.back().message == "too many problems; the rest are not reported");
}

TEST_CASE("four threads parsing at once get exactly the results of one thread", "[xml][concurrency]") {
    const auto& parser = repositoryParser();
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const char* file : {"workflows/ppo-protocol.xml", "workflows/bureau-decision.xml", "workflows/ppo-report.xml",
                             "tests/xml/corpus/invalid-duplicate-step-id.xml", "tests/xml/corpus/invalid-not-well-formed.xml",
                             "tests/xml/corpus/loader-only-zero-deadline.xml", "tests/xml/hostile/billion-laughs.xml"})
        inputs.emplace_back(file, readText(repoPath(file)));
    std::vector<std::string> expected;
    for (const auto& [name, xml] : inputs) expected.push_back(render(parser.parse(xml, name)));
    const std::string rolesXml = readText(repoPath("workflows/roles.xml"));
    std::vector<engine::Diagnostic> roleProblems;
    REQUIRE(parser.parseRoles(rolesXml, "roles.xml", roleProblems).size() == 7);

    constexpr int kThreads = 4;
    constexpr int kRounds = 25;
    std::vector<int> mismatches(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            // No Catch2 assertion in here: Catch2 is not thread-safe.
            for (int round = 0; round < kRounds; ++round) {
                for (std::size_t i = 0; i < inputs.size(); ++i) {
                    // Each thread starts at a different file so different inputs overlap.
                    const std::size_t k = (i + static_cast<std::size_t>(t)) % inputs.size();
                    if (render(parser.parse(inputs[k].second, inputs[k].first)) != expected[k]) ++mismatches[t];
                }
                std::vector<engine::Diagnostic> problems;
                if (parser.parseRoles(rolesXml, "roles.xml", problems).size() != 7 ||
                    !problems.empty())
                    ++mismatches[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
        INFO("thread " << t);
        CHECK(mismatches[t] == 0);
    }
}

}  // namespace qujat::test
