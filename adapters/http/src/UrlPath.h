#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "Outcome.h"
#include "Problem.h"

namespace qujat::http {

// A request target split into its path segments (each percent-decoded on its own, so an
// encoded "/" stays inside its segment and never makes a new one) and its raw query.
struct UrlPath {
    std::string path;                   // as sent, without the query
    std::vector<std::string> segments;  // "/api/v1/documents/7" → api, v1, documents, 7
    std::string rawQuery;               // after '?', undecoded

    // 400 for a target that is not an absolute path, a bad %-escape, a NUL, or a segment
    // that is not UTF-8.
    static Outcome<UrlPath> parse(std::string_view target);
};

// Decodes %XX escapes (and '+' as a space when `plusIsSpace`); nullopt for a malformed
// escape or an encoded NUL.
std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace);

// Encodes everything but unreserved characters (RFC 3986), for URLs and RFC 5987 values.
std::string percentEncode(std::string_view text);

}  // namespace qujat::http
