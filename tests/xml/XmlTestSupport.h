#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/StatusMatchers.h"
#include "qujat/xml/LibXmlWorkflowParser.h"

namespace qujat::test {

// A path inside the repository, e.g. repoPath("workflows/roles.xml").
inline std::string repoPath(const std::string& relative) { return std::string(QUJAT_SOURCE_DIR) + "/" + relative; }

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The parser over the repository's workflows/workflow.xsd, compiled once for all tests.
inline const xml::LibXmlWorkflowParser& repositoryParser() {
    static const std::unique_ptr<xml::LibXmlWorkflowParser> parser = [] {
        auto made = xml::LibXmlWorkflowParser::fromSchema(readText(repoPath("workflows/workflow.xsd")));
        INFO(made.status().toString());
        REQUIRE(made.isOk());
        return std::move(made).value();
    }();
    return *parser;
}

// Parses a repository file under its bare file name, as the CLI reports it.
inline engine::ParsedWorkflow parseRepositoryFile(const std::string& relative) {
    return repositoryParser().parse(readText(repoPath(relative)), relative.substr(relative.rfind('/') + 1));
}

// All diagnostics, one per line, for failure messages.
inline std::string describe(const std::vector<engine::Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += d.toString() + "\n";
    return out;
}

// 1-based line of the first occurrence of `needle` in `text`.
inline int lineOf(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    int line = 1;
    for (std::size_t i = 0; i < at; ++i)
        if (text[i] == '\n') ++line;
    return line;
}

// 1-based column, in characters, of the first occurrence of `needle` in `text`.
inline int columnOf(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    const std::size_t lineStart = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
    int column = 1;
    for (std::size_t i = lineStart; i < at; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

}  // namespace qujat::test
