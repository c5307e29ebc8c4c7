#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "qujat/engine/Status.h"

namespace qujat::evidence {

// Parses `text` as one JSON object. Text from a package may be hostile: more than 64 MiB,
// or arrays and objects nested deeper than 64 levels (which would exhaust the stack when
// the parsed value is destroyed), is refused before parsing. kInvalidArgument, starting
// with `what`, for that, for what is not JSON, and for JSON that is not an object.
engine::Result<Poco::JSON::Object::Ptr> parseJsonObject(const std::string& text, const std::string& what);

}  // namespace qujat::evidence
