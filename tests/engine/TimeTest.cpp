#include <catch2/catch.hpp>

#include "qujat/engine/Time.h"
#include "qujat/engine/Utf8.h"

using namespace qujat::engine;

TEST_CASE("ISO instants round-trip through text", "[time]") {
    auto t = parseIsoUtc("2026-02-28T23:59:59Z");
    REQUIRE(t);
    CHECK(formatIsoUtc(*t) == "2026-02-28T23:59:59Z");
    CHECK(formatIsoUtc(*t + 1000) == "2026-03-01T00:00:00Z");
    CHECK(formatIsoUtc(0) == "1970-01-01T00:00:00Z");
    CHECK(utcYear(*t) == 2026);
}

TEST_CASE("dates must be real calendar dates", "[time]") {
    CHECK(parseIsoDate("2024-02-29"));
    CHECK_FALSE(parseIsoDate("2026-02-29"));
    CHECK_FALSE(parseIsoDate("2026-13-01"));
    CHECK_FALSE(parseIsoDate("2026-1-01"));
    CHECK_FALSE(parseIsoDate("26-01-01"));
    CHECK_FALSE(parseIsoUtc("2026-01-01T24:00:00Z"));
}

TEST_CASE("durations of days, hours and minutes parse; years and months do not", "[time]") {
    CHECK(parseIsoDuration("P3D") == std::optional<Millis>(3LL * 86400000));
    CHECK(parseIsoDuration("PT12H") == std::optional<Millis>(12LL * 3600000));
    CHECK(parseIsoDuration("P1DT6H30M") == std::optional<Millis>(86400000LL + 6 * 3600000 + 30 * 60000));
    CHECK_FALSE(parseIsoDuration("P1M"));
    CHECK_FALSE(parseIsoDuration("P1Y"));
    CHECK_FALSE(parseIsoDuration("P"));
    CHECK_FALSE(parseIsoDuration("PT"));
    CHECK_FALSE(parseIsoDuration("3D"));
    CHECK_FALSE(parseIsoDuration("P0D"));
}

TEST_CASE("UTF-8 is counted in code points and malformed sequences are refused", "[utf8]") {
    CHECK(utf8Length("Нұр Отан") == std::optional<std::size_t>(8));
    CHECK(utf8Length("") == std::optional<std::size_t>(0));
    CHECK_FALSE(utf8Length("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(utf8Length("\xED\xA0\x80"));      // a surrogate
    CHECK_FALSE(utf8Length("\xD2"));              // truncated
    CHECK_FALSE(utf8Length("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK(utf8Length("\xF0\x9F\x93\x84") == std::optional<std::size_t>(1));
}
