#pragma once

// Internal: the client half of RFC 3161 shared by LocalTsa and HttpTsa: the request we
// send, and the checks on the response before its token is handed out.

#include <string>

#include "TimeStampOpenSsl.h"
#include "qujat/engine/Status.h"

namespace qujat::crypto::tsdetail {

inline constexpr std::size_t kSha256Size = 32;

struct TsaRequest {
    std::string der;      // DER TimeStampReq
    std::string imprint;  // the raw SHA-256 it asks to stamp
    Asn1IntegerPtr nonce;
};

// A version-1 TimeStampReq over a raw SHA-256 imprint, with a random 64-bit nonce and
// certReq=TRUE, no policy. kInvalidArgument when the imprint is not 32 bytes, kInternal
// when OpenSSL fails.
engine::Result<TsaRequest> buildTimeStampRequest(const std::string& imprintSha256);

// Checks a DER TimeStampResp answering `request` and returns its DER TimeStampToken.
// `who` names the TSA in messages. Returns kFailedPrecondition when the TSA refused
// (rejection, revocationWarning/Notification; with its status text and failure info),
// kUnavailable when it asks to wait or its answer is malformed or is not for this request
// (version, hash algorithm, imprint or nonce differ).
engine::Result<std::string> tokenFromTimeStampResponse(const std::string& responseDer, const TsaRequest& request,
                                                       const std::string& who);

}  // namespace qujat::crypto::tsdetail
