#pragma once

#include <catch2/catch.hpp>

#include "qujat/engine/Status.h"

// REQUIRE_OK(expr): expr is a Status or Result; on failure prints its message.
#define REQUIRE_OK(expr)                                                      \
    do {                                                                      \
        const auto& qujat_checked_ = (expr);                                  \
        INFO(::qujat::test::statusOf(qujat_checked_).toString());             \
        REQUIRE(::qujat::test::statusOf(qujat_checked_).isOk());              \
    } while (0)

#define CHECK_CODE(expr, expected_code)                                       \
    do {                                                                      \
        const auto& qujat_checked_ = (expr);                                  \
        INFO(::qujat::test::statusOf(qujat_checked_).toString());             \
        CHECK(::qujat::test::statusOf(qujat_checked_).code() == (expected_code)); \
    } while (0)

namespace qujat::test {
inline const engine::Status& statusOf(const engine::Status& s) { return s; }
template <typename T>
engine::Status statusOf(const engine::Result<T>& r) { return r.isOk() ? engine::Status::ok() : r.status(); }
}  // namespace qujat::test
