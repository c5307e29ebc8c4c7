#include "qujat/engine/Status.h"

namespace qujat::engine {

const char* statusCodeName(StatusCode code) {
    switch (code) {
        case StatusCode::kOk: return "ok";
        case StatusCode::kInvalidArgument: return "invalid-argument";
        case StatusCode::kNotFound: return "not-found";
        case StatusCode::kAlreadyExists: return "already-exists";
        case StatusCode::kFailedPrecondition: return "failed-precondition";
        case StatusCode::kAborted: return "aborted";
        case StatusCode::kPermissionDenied: return "permission-denied";
        case StatusCode::kUnauthenticated: return "unauthenticated";
        case StatusCode::kUnavailable: return "unavailable";
        case StatusCode::kDataLoss: return "data-loss";
        case StatusCode::kInternal: return "internal";
        case StatusCode::kResourceExhausted: return "resource-exhausted";
    }
    return "internal";
}

std::string Status::toString() const {
    if (isOk()) return "ok";
    return std::string(statusCodeName(code_)) + ": " + message_;
}

}  // namespace qujat::engine
