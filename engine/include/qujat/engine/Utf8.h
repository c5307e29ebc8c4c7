#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qujat::engine {

// Number of Unicode code points in `text` if it is well-formed UTF-8 (no overlong forms,
// surrogates or values above U+10FFFF); nullopt otherwise.
std::optional<std::size_t> utf8Length(std::string_view text);

inline bool isValidUtf8(std::string_view text) { return utf8Length(text).has_value(); }

// Appends the UTF-8 encoding of `codePoint` (at most U+10FFFF; the caller has checked it).
void appendUtf8(std::string& out, char32_t codePoint);

}  // namespace qujat::engine
