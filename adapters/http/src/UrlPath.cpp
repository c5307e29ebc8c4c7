#include "UrlPath.h"

#include <optional>

#include "qujat/engine/Utf8.h"

namespace qujat::http {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            const char decoded = static_cast<char>(hi * 16 + lo);
            if (decoded == '\0') return std::nullopt;
            out += decoded;
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string percentEncode(std::string_view text) {
    static const char* const kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

Outcome<UrlPath> UrlPath::parse(std::string_view target) {
    UrlPath url;
    const auto q = target.find('?');
    std::string_view path = target.substr(0, q);
    if (q != std::string_view::npos) url.rawQuery = std::string(target.substr(q + 1));
    const auto hash = url.rawQuery.find('#');
    if (hash != std::string::npos) url.rawQuery.resize(hash);
    if (path.empty() || path.front() != '/')
        return problem(400, "malformed-request", "the request target must be an absolute path such as /api/v1/tasks");
    url.path = std::string(path);
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string_view raw = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        auto decoded = percentDecode(raw, false);
        if (!decoded || !engine::isValidUtf8(*decoded))
            return problem(400, "malformed-request", "the path has a malformed %-escape or is not UTF-8");
        url.segments.push_back(std::move(*decoded));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    // "/api/v1/tasks/" names the same resource as "/api/v1/tasks".
    if (url.segments.size() > 1 && url.segments.back().empty()) url.segments.pop_back();
    return url;
}

}  // namespace qujat::http
