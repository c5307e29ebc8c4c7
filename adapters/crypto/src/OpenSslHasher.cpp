#include "qujat/crypto/OpenSslHasher.h"

#include <openssl/evp.h>

#include <stdexcept>

#include "qujat/engine/Encoding.h"

namespace qujat::crypto {

std::string OpenSslHasher::sha256Hex(std::string_view bytes) const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // EVP_Digest fails only on allocation failure; there is no sensible way to go on.
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
    return engine::toHex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace qujat::crypto
