#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>

namespace qujat::http {

// Appends `value` (a tree of Poco::JSON::Object::Ptr, Array::Ptr and scalars, as
// EngineJson builds them) to `out` as compact JSON, object members in insertion order.
// Strings are escaped per RFC 8259; bytes that are not UTF-8 become U+FFFD, so the output
// is always valid JSON. Several times faster than Poco's stream-based Stringifier, which
// matters on every API response.
void writeJson(const Poco::Dynamic::Var& value, std::string& out);

// Appends `s` as a JSON string literal, escaped as writeJson escapes strings.
void writeJsonString(const std::string& s, std::string& out);

}  // namespace qujat::http
