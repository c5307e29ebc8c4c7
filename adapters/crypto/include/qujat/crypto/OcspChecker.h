#pragma once

#include <memory>
#include <string>
#include <vector>

#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/OcspFetcher.h"
#include "qujat/crypto/OcspOutcome.h"
#include "qujat/crypto/TrustStore.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

// Limits on the times in an OCSP response.
struct OcspOptions {
    engine::Millis maxClockSkew = 5 * 60 * 1000;
    // How old a response without nextUpdate may be.
    engine::Millis maxAge = 24LL * 60 * 60 * 1000;
};

// OCSP (RFC 6960) for certificates chaining to a TrustStore: builds requests and judges
// responses. A response is relied on only when it is signed by the certificate's issuing
// CA or by a responder that CA certified for OCSPSigning, chains to an anchor of the
// store at `now`, answers for this certificate, matches the request's nonce when both
// carry one, and is current (thisUpdate not in the future, nextUpdate not past).
// Thread-safe.
class OcspChecker {
public:
    explicit OcspChecker(std::shared_ptr<TrustStore> trust);

    // The OCSP responder URLs `certificate` names (authorityInfoAccess), in order.
    static std::vector<std::string> responderUrls(const Certificate& certificate);

    // A DER OCSPRequest for `certificate`, issued by `issuer` (CertID with SHA-1, as
    // RFC 5019 responders expect; it names the certificate, it signs nothing), with a
    // random nonce when `withNonce`. kInternal when OpenSSL fails.
    static engine::Result<std::string> buildRequest(const Certificate& certificate, const Certificate& issuer,
                                                    bool withNonce = true);

    // Judges the DER OCSPResponse `response` about `certificate` (issued by `issuer`) at
    // `now`. `request` is the DER request it answers, for the nonce check, or "". Returns
    // an outcome for any bytes; an error status only when OpenSSL itself fails.
    engine::Result<OcspOutcome> checkResponse(const std::string& response, const Certificate& certificate,
                                              const Certificate& issuer, engine::Millis now,
                                              const std::string& request = "", const OcspOptions& options = {}) const;

    // Builds a request with a nonce, fetches the answer from the first responder the
    // certificate names through `fetcher`, and judges it. kFailedPrecondition when the
    // certificate names no responder; a fetch failure is an INDETERMINATE/TRY_LATER outcome.
    engine::Result<OcspOutcome> check(const Certificate& certificate, const Certificate& issuer, OcspFetcher& fetcher,
                                      engine::Millis now, const OcspOptions& options = {}) const;

private:
    std::shared_ptr<TrustStore> trust_;
};

}  // namespace qujat::crypto
