#pragma once

#include <string>

namespace qujat::http {

// Whether an If-None-Match header lists `etag` (or is "*"); weak validators compare equal
// too (RFC 9110 §13.1.2), so a cached copy is answered with 304.
bool ifNoneMatchHits(const std::string& ifNoneMatch, const std::string& etag);

}  // namespace qujat::http
