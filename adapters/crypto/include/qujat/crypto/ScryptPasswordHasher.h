#pragma once

#include <cstdint>

#include "qujat/engine/ports/PasswordHasher.h"

namespace qujat::crypto {

// scrypt (RFC 7914) through OpenSSL: memory-hard, so guessing a stolen hash costs memory as
// well as time. Encoded as "scrypt$<log2 N>$<r>$<p>$<salt hex>$<hash hex>", so the cost can
// be raised later without invalidating stored hashes.
class ScryptPasswordHasher final : public engine::PasswordHasher {
public:
    // Defaults: N = 2^15, r = 8, p = 1 (32 MiB, tens of milliseconds per hash).
    explicit ScryptPasswordHasher(int log2N = 15, std::uint64_t r = 8, std::uint64_t p = 1);

    engine::Result<std::string> hash(const std::string& password) const override;
    bool verify(const std::string& password, const std::string& encoded) const override;

private:
    int log2N_;
    std::uint64_t r_, p_;
};

// OpenSSL's RAND_bytes (the system's CSPRNG).
class OpenSslRandom final : public engine::RandomSource {
public:
    engine::Result<std::string> bytes(std::size_t count) override;
};

}  // namespace qujat::crypto
