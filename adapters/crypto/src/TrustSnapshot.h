#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "OpenSslHandles.h"
#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/TrustStore.h"
#include "qujat/engine/Status.h"

namespace qujat::crypto {

// One CRL of the trust configuration with its description.
struct TrustedCrl {
    std::shared_ptr<X509_CRL> crl;
    CrlInfo info;
};

// Immutable contents of a trust directory, shared by every verification that started
// while it was current.
struct TrustSnapshot {
    std::uint64_t generation = 0;
    std::string digest;  // SHA-256 over the DER of everything loaded, to detect changes
    std::vector<Certificate> anchors;
    std::vector<Certificate> intermediates;
    std::vector<TrustedCrl> crls;  // the newest per issuer
    X509StorePtr store;            // anchors and CRLs; no verification flags set on it

    // The CRL issued by `issuerName`, or null.
    const TrustedCrl* crlIssuedBy(const X509_NAME* issuerName) const;

    // Reads `directory`. The errors of TrustStore::open.
    static engine::Result<std::shared_ptr<const TrustSnapshot>> load(const std::string& directory);
};

}  // namespace qujat::crypto
