#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace qujat::sqlite {

// A document's fields as the canonical JSON object the engine hashes elsewhere (sorted
// keys, RFC 8259 escaping), so the stored text is one byte sequence per map.
std::string encodeFields(const std::map<std::string, std::string>& fields);

// The map back from a JSON object of string values; nullopt if `json` is not one (or
// repeats a key). Exact inverse of encodeFields for any map, including arbitrary bytes.
std::optional<std::map<std::string, std::string>> decodeFields(std::string_view json);

}  // namespace qujat::sqlite
