#include "qujat/crypto/OpenSslHasher.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace qujat::crypto {

std::string OpenSslHasher::sha256Hex(std::string_view bytes) const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // EVP_Digest fails only on allocation failure; there is no sensible way to go on.
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
    static const char kHex[] = "0123456789abcdef";
    std::string hex(length * 2, '0');
    for (unsigned int i = 0; i < length; ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 0xf];
    }
    return hex;
}

}  // namespace qujat::crypto
