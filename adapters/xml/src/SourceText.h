#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qujat/engine/Workflow.h"

namespace qujat::xml {

// One attribute of a start tag (or pseudo-attribute of the XML declaration), as written.
struct RawAttribute {
    std::string_view name;   // qualified, e.g. "xml:lang"
    std::string_view value;  // between the quotes, references not expanded
    std::size_t offset = 0;  // of the name's first byte
};

// The bytes of one file and how to turn byte offsets into file:line:column. Lines are
// counted as libxml2 counts them (LF, CRLF or a lone CR end a line); columns count
// characters, so Kazakh text before an error does not push the column out.
// Does not own the text: it must outlive this object. Immutable, so shareable.
class SourceText {
public:
    SourceText(std::string_view text, std::string name);

    const std::string& name() const { return name_; }
    std::string_view text() const { return text_; }

    // 1-based line and column of the byte at `offset` (clamped to the end of the text).
    engine::SourceLocation locate(std::size_t offset) const;
    // Line 1, column 1: for problems with the file as a whole.
    engine::SourceLocation start() const { return {name_, 1, 1}; }

    // The attributes of the start tag or XML declaration whose '<' is at `tagOffset`.
    // Stops at the end of the tag, or at the first thing that is not an attribute.
    std::vector<RawAttribute> attributesOfTag(std::size_t tagOffset) const;

    // Offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
    // surrogates and values above U+10FFFF are not well-formed), or nullopt.
    std::optional<std::size_t> firstInvalidUtf8() const;

private:
    std::string_view text_;
    std::string name_;
    std::vector<std::size_t> lineStarts_;
};

}  // namespace qujat::xml
