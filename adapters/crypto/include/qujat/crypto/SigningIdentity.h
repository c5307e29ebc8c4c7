#pragma once

#include <string>
#include <vector>

#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/PrivateKey.h"
#include "qujat/engine/Status.h"

namespace qujat::crypto {

// What a signer signs with: a key, its certificate and the CA certificates above it.
struct SigningIdentity {
    PrivateKey key;
    Certificate certificate;
    std::vector<Certificate> chain;  // issuing CA first; may be empty

    // Opens a PKCS#12 file (its bytes) with `password`. kInvalidArgument when it is
    // malformed, the password is wrong, or it lacks the key or the certificate;
    // kFailedPrecondition when the key does not belong to the certificate.
    static engine::Result<SigningIdentity> fromPkcs12(const std::string& der, const std::string& password);
    // Builds an identity from PEM texts (key, certificate, optional chain of CA certificates).
    // The same errors as fromPkcs12.
    static engine::Result<SigningIdentity> fromPem(const std::string& keyPem, const std::string& certificatePem,
                                                   const std::string& chainPem = "");
};

}  // namespace qujat::crypto
