#pragma once

#include <string>

#include "qujat/engine/Status.h"

namespace qujat::crypto {

// Fetches an OCSP response: the port through which the verifier reaches a responder
// (HTTP in production, a file or a local `openssl ocsp` in tests).
class OcspFetcher {
public:
    virtual ~OcspFetcher() = default;
    // Sends the DER OCSPRequest `request` to the responder at `url` and returns the DER
    // OCSPResponse. kUnavailable when the responder cannot be reached; the verifier then
    // reports INDETERMINATE/TRY_LATER. Called concurrently when the verifier is.
    virtual engine::Result<std::string> fetch(const std::string& url, const std::string& request) = 0;
};

}  // namespace qujat::crypto
