#pragma once

#include <optional>
#include <utility>

#include "Problem.h"
#include "qujat/engine/Status.h"

namespace qujat::http {

// A value, or the problem that explains why there is none.
template <typename T>
class [[nodiscard]] Outcome {
public:
    Outcome(T value) : value_(std::move(value)) {}                  // NOLINT: implicit by design
    Outcome(Problem p) : problem_(std::move(p)) {}                  // NOLINT: implicit by design
    Outcome(const engine::Status& s) : problem_(problemFor(s)) {}   // NOLINT: implicit by design

    bool ok() const { return value_.has_value(); }
    T& value() { return *value_; }
    const T& value() const { return *value_; }
    T* operator->() { return &*value_; }
    T& operator*() { return *value_; }
    const Problem& problem() const { return *problem_; }

private:
    std::optional<T> value_;
    std::optional<Problem> problem_;
};

}  // namespace qujat::http
