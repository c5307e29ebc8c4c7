#pragma once

#include <memory>
#include <string>

#include "qujat/crypto/ChainCache.h"
#include "qujat/crypto/TrustStore.h"
#include "qujat/crypto/VerificationPolicy.h"
#include "qujat/crypto/VerificationReport.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

// Verifies detached CAdES signatures (CMS SignedData, RFC 5652) over the exact bytes of a
// document against a TrustStore, and reports in the terms of ETSI EN 319 102-1. What is
// checked, in order, and which sub-indication each failure gives, is in
// docs/signatures.md. Thread-safe: concurrent calls share the trust store's snapshot and
// the chain cache.
class CadesVerifier {
public:
    // `cache` may be shared by several verifiers (keys include the trust store's
    // generation, which is unique per process).
    explicit CadesVerifier(std::shared_ptr<TrustStore> trust,
                           std::shared_ptr<ChainCache> cache = std::make_shared<ChainCache>());

    // Verifies the DER signature `der` over `content` at `now`. Any bytes give a report
    // (hostile input is FAILED/FORMAT_FAILURE, never a crash); an error status only when
    // OpenSSL cannot allocate (kInternal).
    engine::Result<VerificationReport> verify(const std::string& der, const std::string& content,
                                              const VerificationPolicy& policy, engine::Millis now) const;

    // What the verifier trusts, and the chain validations it reuses (stats() counts them).
    const std::shared_ptr<TrustStore>& trustStore() const { return trust_; }
    const std::shared_ptr<ChainCache>& chainCache() const { return cache_; }

private:
    std::shared_ptr<TrustStore> trust_;
    std::shared_ptr<ChainCache> cache_;
};

}  // namespace qujat::crypto
