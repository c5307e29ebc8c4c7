#pragma once

#include <string>

#include "qujat/engine/Status.h"

namespace qujat::crypto {

// A source of RFC 3161 timestamp tokens. The engine stamps the value of every accepted
// signature (CAdES-T, see docs/timestamps.md) with one of these: LocalTsa (the engine's own
// TSA key) or HttpTsa (an external TSA over HTTP).
class TimeStampAuthority {
public:
    virtual ~TimeStampAuthority() = default;

    // Obtains a timestamp token over `messageImprintSha256`, the raw 32-byte SHA-256 of the
    // stamped value. Returns the DER TimeStampToken (a CMS ContentInfo of SignedData over a
    // TSTInfo; not the whole TimeStampResp), with the TSA certificate included. Returns
    // kInvalidArgument when the imprint is not 32 bytes; the other codes are documented by
    // each implementation. The token's signature and trust are NOT judged here: check them
    // with TimeStampVerifier before relying on it. Implementations are thread-safe.
    [[nodiscard]] virtual engine::Result<std::string> stamp(const std::string& messageImprintSha256) = 0;
};

}  // namespace qujat::crypto
