#pragma once

#include <string>

#include "qujat/engine/Status.h"

namespace qujat::cli {

// Copies what signature checking needs from a PKI directory made by certs/make-dev-pki.sh
// (trust/*.pem; tsa/key.pem, cert.pem, chain.pem) into the data directory (see
// ApprovalPolicy.h), private key readable by its owner only. Replaces earlier copies.
engine::Status installPki(const std::string& pkiDir, const std::string& dataDir);

// The signing identity of `login` in such a PKI directory (users/<login>/key.pem,
// cert.pem, chain.pem): what the signer's own machine holds, never the server.
struct PkiUserFiles {
    std::string keyPem, certificatePem, chainPem;
};
engine::Result<PkiUserFiles> pkiUser(const std::string& pkiDir, const std::string& login);

}  // namespace qujat::cli
