#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace qujat::engine {

// Instants are milliseconds since the Unix epoch, UTC. One integer keeps ordering,
// storage and audit hashing exact and independent of time zones.
using Millis = std::int64_t;

// "2026-11-24T22:03:09Z" (seconds precision; milliseconds are dropped).
std::string formatIsoUtc(Millis t);
// Calendar year (UTC) of an instant, for registration numbers.
int utcYear(Millis t);
// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ"; nullopt when malformed or out of range.
std::optional<Millis> parseIsoUtc(const std::string& text);
// Parses a date "YYYY-MM-DD" strictly (real calendar date); nullopt otherwise.
std::optional<Millis> parseIsoDate(const std::string& text);
// Parses an ISO 8601 duration of days, hours and minutes ("P3D", "PT12H", "P1DT6H");
// nullopt for anything else (years and months have no fixed length, so are refused).
std::optional<Millis> parseIsoDuration(const std::string& text);

}  // namespace qujat::engine
