#pragma once

#include "qujat/engine/ports/Hasher.h"

namespace qujat::crypto {

// SHA-256 through OpenSSL's EVP interface.
class OpenSslHasher final : public engine::Hasher {
public:
    std::string sha256Hex(std::string_view bytes) const override;
};

}  // namespace qujat::crypto
