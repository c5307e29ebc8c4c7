#include "ByteRange.h"

#include <optional>

namespace qujat::http {

namespace {

std::optional<std::int64_t> digits(const std::string& s) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

ByteRange ByteRange::parse(const std::string& header, std::int64_t size) {
    ByteRange whole;
    const std::string prefix = "bytes=";
    if (header.compare(0, prefix.size(), prefix) != 0) return whole;
    std::string spec;
    for (char c : header.substr(prefix.size()))
        if (c != ' ' && c != '\t') spec += c;
    if (spec.find(',') != std::string::npos) return whole;  // several ranges: the whole content is a valid answer
    const auto dash = spec.find('-');
    if (dash == std::string::npos) return whole;
    const std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
    ByteRange r;
    r.kind = Kind::kPartial;
    if (a.empty()) {  // the last N bytes
        auto n = digits(b);
        if (!n) return whole;
        if (*n == 0 || size == 0) {
            r.kind = Kind::kUnsatisfiable;
            return r;
        }
        r.first = *n >= size ? 0 : size - *n;
        r.last = size - 1;
        return r;
    }
    auto first = digits(a);
    if (!first) return whole;
    std::optional<std::int64_t> last;
    if (!b.empty()) {
        last = digits(b);
        if (!last || *last < *first) return whole;
    }
    if (*first >= size) {
        r.kind = Kind::kUnsatisfiable;
        return r;
    }
    r.first = *first;
    r.last = last ? std::min(*last, size - 1) : size - 1;
    return r;
}

}  // namespace qujat::http
