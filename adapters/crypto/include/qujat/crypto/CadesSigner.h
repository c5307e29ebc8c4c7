#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/PrivateKey.h"
#include "qujat/crypto/SigningOptions.h"
#include "qujat/engine/Status.h"

namespace qujat::crypto {

// Makes detached CAdES baseline (B-B) signatures: CMS SignedData (RFC 5652) over the exact
// bytes given, without them, with the signed attributes content-type (id-data),
// message-digest, signing-time, signing-certificate-v2 and, by default,
// commitment-type-indication proof-of-approval. Stateless and thread-safe.
class CadesSigner {
public:
    // Signs `content` with `key`, whose certificate is `certificate`; `chain` (issuing CA
    // first) is embedded when options.includeChain. Returns the DER SignedData.
    // kInvalidArgument when the key is weaker than the policy allows (RSA < 2048, a curve
    // other than P-256/P-384) or the certificate's key usage forbids signing;
    // kFailedPrecondition when the key does not belong to the certificate; kInternal when
    // OpenSSL fails (its reasons in the message).
    engine::Result<std::string> signDetached(std::string_view content, const PrivateKey& key,
                                             const Certificate& certificate, const std::vector<Certificate>& chain,
                                             const SigningOptions& options = {}) const;
};

}  // namespace qujat::crypto
