#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace qujat::engine {

// The small vocabulary of failures every layer shares. Adapters translate their own
// errors (SQLite, libxml2, OpenSSL) into one of these with a message a person can act on.
enum class StatusCode {
    kOk = 0,
    kInvalidArgument,     // the request itself is wrong (bad field, malformed file)
    kNotFound,            // the named thing does not exist (or is not visible)
    kAlreadyExists,       // creating something that exists
    kFailedPrecondition,  // the request is fine but the state does not allow it now
    kAborted,             // lost a race with a concurrent change; retrying may succeed
    kPermissionDenied,    // the actor may not do this
    kUnauthenticated,     // the actor is not known
    kUnavailable,         // a resource is temporarily unavailable (disk, database)
    kDataLoss,            // stored data is corrupt or has been tampered with
    kInternal,            // a bug: an invariant broke
    kResourceExhausted,   // too many attempts or too much data; slow down or send less
};

// Stable lower-case name of a code ("invalid-argument"), used in JSON and logs.
const char* statusCodeName(StatusCode code);

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

    static Status ok() { return Status(); }

    bool isOk() const { return code_ == StatusCode::kOk; }
    StatusCode code() const { return code_; }
    const std::string& message() const { return message_; }
    // "invalid-argument: message", or "ok".
    std::string toString() const;

private:
    StatusCode code_ = StatusCode::kOk;
    std::string message_;
};

inline Status invalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status notFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status alreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status failedPrecondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
inline Status aborted(std::string m) { return {StatusCode::kAborted, std::move(m)}; }
inline Status permissionDenied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
inline Status unauthenticated(std::string m) { return {StatusCode::kUnauthenticated, std::move(m)}; }
inline Status unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status dataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status internalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
inline Status resourceExhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }

// A value or the Status that explains why there is none. Never holds an OK status
// without a value.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
    Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
        if (status_.isOk()) status_ = internalError("Result constructed from an OK status without a value");
    }

    bool isOk() const { return value_.has_value(); }
    const Status& status() const { return status_; }
    T& value() & { return *value_; }
    const T& value() const& { return *value_; }
    T&& value() && { return std::move(*value_); }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }

private:
    std::optional<T> value_;
    Status status_;
};

}  // namespace qujat::engine

// Returns the status from the enclosing function when it is not OK.
#define QUJAT_RETURN_IF_ERROR(expr)                      \
    do {                                                 \
        ::qujat::engine::Status qujat_status_ = (expr);  \
        if (!qujat_status_.isOk()) return qujat_status_; \
    } while (0)

#define QUJAT_CONCAT_INNER(a, b) a##b
#define QUJAT_CONCAT(a, b) QUJAT_CONCAT_INNER(a, b)
// Declares `lhs` from a Result, or returns its status from the enclosing function.
#define QUJAT_ASSIGN_OR_RETURN(lhs, expr) QUJAT_ASSIGN_OR_RETURN_IMPL(QUJAT_CONCAT(qujat_result_, __LINE__), lhs, expr)
#define QUJAT_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
    auto tmp = (expr);                              \
    if (!tmp.isOk()) return tmp.status();           \
    lhs = std::move(tmp).value()
