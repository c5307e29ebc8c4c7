#pragma once

#include <string>

#include "qujat/engine/Status.h"

namespace qujat::engine {

// A memory-hard password hash (scrypt from OpenSSL in adapters/crypto). Thread-safe.
class PasswordHasher {
public:
    virtual ~PasswordHasher() = default;
    // A self-describing encoding (algorithm, parameters, salt, hash) of `password` with a
    // fresh random salt. kUnavailable if the system has no randomness or memory for it.
    virtual Result<std::string> hash(const std::string& password) const = 0;
    // Whether `password` matches `encoded`; false for an encoding it does not understand.
    virtual bool verify(const std::string& password, const std::string& encoded) const = 0;
};

// Unpredictable bytes for session tokens (OpenSSL's RAND_bytes). Thread-safe.
class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual Result<std::string> bytes(std::size_t count) = 0;
};

}  // namespace qujat::engine
