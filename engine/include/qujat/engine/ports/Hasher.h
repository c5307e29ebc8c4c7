#pragma once

#include <string>
#include <string_view>

namespace qujat::engine {

// SHA-256, provided by an adapter (OpenSSL) so the core needs only the standard library.
class Hasher {
public:
    virtual ~Hasher() = default;
    // Lower-case hex SHA-256 of `bytes`. Thread-safe.
    virtual std::string sha256Hex(std::string_view bytes) const = 0;
};

}  // namespace qujat::engine
