#pragma once

#include <string>
#include <string_view>

namespace qujat::engine {

// Lower-case hexadecimal of `bytes` (digests, fingerprints, tokens, serial numbers).
std::string toHex(std::string_view bytes);

// `text` as a JSON string literal: '"', '\' and control characters escaped, every other
// byte as it is. The audit chain's canonical encoding depends on exactly this output.
std::string jsonString(std::string_view text);

}  // namespace qujat::engine
