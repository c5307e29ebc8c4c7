#pragma once

#include <cstdint>
#include <string>

namespace qujat::http {

// One requested byte range, resolved against the size of the content.
struct ByteRange {
    enum class Kind {
        kWhole,          // no Range, or one this server does not serve partially (several ranges, bad syntax)
        kPartial,        // serve [first, last] with 206
        kUnsatisfiable,  // 416: the range starts at or after the end
    };
    Kind kind = Kind::kWhole;
    std::int64_t first = 0;
    std::int64_t last = 0;  // inclusive

    // Parses a Range header ("bytes=0-99", "bytes=100-", "bytes=-500") for content of
    // `size` bytes (RFC 9110 section 14).
    static ByteRange parse(const std::string& header, std::int64_t size);
};

}  // namespace qujat::http
