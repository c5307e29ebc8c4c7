#pragma once

#include <Poco/Dynamic/Var.h>

#include <string_view>

#include "Outcome.h"
#include "Problem.h"

namespace qujat::http {

// Parses one RFC 8259 JSON text strictly: UTF-8 only, no comments, no trailing commas,
// no duplicate keys, nesting at most 32 deep, nothing after the value. Objects come back
// as Poco::JSON::Object::Ptr (keys in document order), arrays as Poco::JSON::Array::Ptr,
// integers that fit as Int64, other numbers as double. A malformed text is a 400 problem
// naming the line, column and byte offset where parsing stopped and what was expected.
Outcome<Poco::Dynamic::Var> parseJson(std::string_view text);

}  // namespace qujat::http
