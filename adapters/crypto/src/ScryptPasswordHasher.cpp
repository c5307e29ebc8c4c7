#include "qujat/crypto/ScryptPasswordHasher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <optional>
#include <vector>

#include "qujat/engine/Encoding.h"

namespace qujat::crypto {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr int kMaxLog2N = 20;  // refuse encodings that would make verification a memory bomb

std::optional<std::string> fromHex(const std::string& hex) {
    if (hex.size() % 2) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        auto nibble = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        };
        const int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

std::optional<std::string> derive(const std::string& password, const std::string& salt, int log2N, std::uint64_t r,
                                  std::uint64_t p) {
    const std::uint64_t n = std::uint64_t{1} << log2N;
    const std::uint64_t maxMemory = 2 * 128 * n * r * p + (std::uint64_t{1} << 20);
    std::string key(kHashBytes, '\0');
    if (EVP_PBE_scrypt(password.data(), password.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                       salt.size(), n, r, p, maxMemory, reinterpret_cast<unsigned char*>(key.data()), key.size()) != 1)
        return std::nullopt;
    return key;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at; (at = s.find(sep, start)) != std::string::npos; start = at + 1) parts.push_back(s.substr(start, at - start));
    parts.push_back(s.substr(start));
    return parts;
}

}  // namespace

ScryptPasswordHasher::ScryptPasswordHasher(int log2N, std::uint64_t r, std::uint64_t p) : log2N_(log2N), r_(r), p_(p) {}

engine::Result<std::string> ScryptPasswordHasher::hash(const std::string& password) const {
    std::string salt(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
        return engine::unavailable("no randomness available for a password salt");
    auto key = derive(password, salt, log2N_, r_, p_);
    if (!key) return engine::unavailable("scrypt failed (not enough memory?)");
    return "scrypt$" + std::to_string(log2N_) + "$" + std::to_string(r_) + "$" + std::to_string(p_) + "$" + engine::toHex(salt) +
           "$" + engine::toHex(*key);
}

bool ScryptPasswordHasher::verify(const std::string& password, const std::string& encoded) const {
    const std::vector<std::string> parts = split(encoded, '$');
    if (parts.size() != 6 || parts[0] != "scrypt") return false;
    int log2N = 0;
    std::uint64_t r = 0, p = 0;
    try {
        log2N = std::stoi(parts[1]);
        r = std::stoull(parts[2]);
        p = std::stoull(parts[3]);
    } catch (...) {
        return false;
    }
    if (log2N < 1 || log2N > kMaxLog2N || r < 1 || r > 32 || p < 1 || p > 16) return false;
    auto salt = fromHex(parts[4]);
    auto expected = fromHex(parts[5]);
    if (!salt || !expected || expected->size() != kHashBytes) return false;
    auto key = derive(password, *salt, log2N, r, p);
    return key && CRYPTO_memcmp(key->data(), expected->data(), kHashBytes) == 0;
}

engine::Result<std::string> OpenSslRandom::bytes(std::size_t count) {
    std::string out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
        return engine::unavailable("the system's random number generator failed");
    return out;
}

}  // namespace qujat::crypto
