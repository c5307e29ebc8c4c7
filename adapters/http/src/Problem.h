#pragma once

#include <string>
#include <utility>
#include <vector>

#include "qujat/engine/Status.h"

namespace qujat::http {

// An RFC 9457 problem: what went wrong, as application/problem+json
// {type, title, status, detail}, plus the headers that belong to it (Retry-After,
// WWW-Authenticate, Allow).
struct Problem {
    int status = 500;
    std::string type;    // "urn:qujat:problem:<kind>"
    std::string title;   // short, the same for every problem of this kind
    std::string detail;  // this occurrence, in words a person can act on
    std::vector<std::pair<std::string, std::string>> headers;
    std::string logDetail;  // for the operator's log when `detail` hides the cause
};

// The one mapping of engine status codes to HTTP statuses: InvalidArgument 422 (the
// request was understood but its content is refused; syntax errors found here are 400),
// NotFound 404, AlreadyExists/FailedPrecondition/Aborted 409, PermissionDenied 403,
// Unauthenticated 401, ResourceExhausted 429, Unavailable 503, DataLoss/Internal 500.
int httpStatusFor(engine::StatusCode code);

// The problem for an engine status (never OK). Internal and data-loss details are not
// shown to the client (they are logged by the caller); 429 carries Retry-After, 401
// WWW-Authenticate.
Problem problemFor(const engine::Status& status);

// A problem found by the HTTP layer itself, e.g. problem(400, "malformed-json", "...").
Problem problem(int status, const std::string& kind, std::string detail);

}  // namespace qujat::http
