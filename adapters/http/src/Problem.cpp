#include "Problem.h"

#include <cctype>

namespace qujat::http {

using engine::StatusCode;

namespace {

const char* titleFor(int status) {
    switch (status) {
        case 400: return "The request is malformed";
        case 401: return "Sign-in required";
        case 403: return "Not allowed";
        case 404: return "Not found";
        case 405: return "Method not allowed";
        case 408: return "Request timed out";
        case 409: return "Conflict with the current state";
        case 411: return "Length required";
        case 413: return "Request body too large";
        case 415: return "Unsupported media type";
        case 416: return "Range not satisfiable";
        case 422: return "The request was refused";
        case 429: return "Too many attempts";
        case 431: return "Request headers too large";
        case 503: return "Service unavailable";
        default: return status >= 500 ? "Internal server error" : "Request failed";
    }
}

// The first whole number in an engine message ("... try again in 42 seconds"), else 60.
std::string retryAfterSeconds(const std::string& message) {
    std::string digits;
    for (char c : message) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        else if (!digits.empty()) break;
    }
    if (digits.empty() || digits.size() > 6) return "60";
    return digits;
}

}  // namespace

int httpStatusFor(StatusCode code) {
    switch (code) {
        case StatusCode::kOk: return 200;
        case StatusCode::kInvalidArgument: return 422;
        case StatusCode::kNotFound: return 404;
        case StatusCode::kAlreadyExists: return 409;
        case StatusCode::kFailedPrecondition: return 409;
        case StatusCode::kAborted: return 409;
        case StatusCode::kPermissionDenied: return 403;
        case StatusCode::kUnauthenticated: return 401;
        case StatusCode::kResourceExhausted: return 429;
        case StatusCode::kUnavailable: return 503;
        case StatusCode::kDataLoss: return 500;
        case StatusCode::kInternal: return 500;
    }
    return 500;
}

Problem problem(int status, const std::string& kind, std::string detail) {
    Problem p;
    p.status = status;
    p.type = "urn:qujat:problem:" + kind;
    p.title = titleFor(status);
    p.detail = std::move(detail);
    return p;
}

Problem problemFor(const engine::Status& status) {
    const int http = httpStatusFor(status.code());
    std::string detail = status.message();
    std::string logDetail;
    if (status.code() == StatusCode::kInternal || status.code() == StatusCode::kDataLoss) {
        logDetail = status.toString();
        detail = "the server could not complete the request; the failure has been logged";
    }
    Problem p = problem(http, engine::statusCodeName(status.code()), std::move(detail));
    p.logDetail = std::move(logDetail);
    if (status.code() == StatusCode::kResourceExhausted) p.headers.emplace_back("Retry-After", retryAfterSeconds(status.message()));
    if (status.code() == StatusCode::kUnauthenticated)
        p.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"qujat\"");
    return p;
}

}  // namespace qujat::http
