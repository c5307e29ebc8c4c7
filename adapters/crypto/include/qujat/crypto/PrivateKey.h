#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "qujat/engine/Status.h"

// OpenSSL's EVP_PKEY, declared here so the header does not pull in OpenSSL.
struct evp_pkey_st;

namespace qujat::crypto {

// A private key held in memory. Copies share one OpenSSL object; thread-safe for signing.
class PrivateKey {
public:
    // Parses a PEM private key (PKCS#8, encrypted with `passphrase` when it is not empty,
    // or a traditional RSA/EC key). kInvalidArgument when malformed or the passphrase is wrong.
    static engine::Result<PrivateKey> fromPem(std::string_view pem, const std::string& passphrase = "");
    // Takes ownership of an OpenSSL EVP_PKEY (must not be null). For the adapter's internals.
    static PrivateKey adopt(evp_pkey_st* owned);

    // "EC P-256", "EC P-384", "RSA 2048", …
    std::string description() const;

    // The OpenSSL object, still owned by this PrivateKey. For the adapter's internals.
    evp_pkey_st* native() const { return key_.get(); }

private:
    explicit PrivateKey(std::shared_ptr<evp_pkey_st> key) : key_(std::move(key)) {}
    std::shared_ptr<evp_pkey_st> key_;
};

}  // namespace qujat::crypto
