#include "qujat/engine/Time.h"

#include <cstdio>

namespace qujat::engine {
namespace {

constexpr Millis kMsPerSecond = 1000;
constexpr Millis kMsPerDay = 86400 * kMsPerSecond;

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
long long daysFromCivil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civilFromDays(long long z, long long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool isLeap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(long long y, unsigned m) {
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` decimal digits at `pos`.
bool readDigits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

Millis floorDiv(Millis a, Millis b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string formatIsoUtc(Millis t) {
    const Millis days = floorDiv(t, kMsPerDay);
    const Millis secOfDay = (t - days * kMsPerDay) / kMsPerSecond;
    long long y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", y, m, d, static_cast<int>(secOfDay / 3600),
                  static_cast<int>(secOfDay / 60 % 60), static_cast<int>(secOfDay % 60));
    return buf;
}

int utcYear(Millis t) {
    long long y;
    unsigned m, d;
    civilFromDays(floorDiv(t, kMsPerDay), y, m, d);
    return static_cast<int>(y);
}

std::optional<Millis> parseIsoDate(const std::string& text) {
    int y, m, d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!readDigits(text, 0, 4, y) || !readDigits(text, 5, 2, m) || !readDigits(text, 8, 2, d)) return std::nullopt;
    if (y < 1900 || m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > daysInMonth(y, m)) return std::nullopt;
    return daysFromCivil(y, m, d) * kMsPerDay;
}

std::optional<Millis> parseIsoUtc(const std::string& text) {
    if (text.size() == 10) return parseIsoDate(text);
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    auto date = parseIsoDate(text.substr(0, 10));
    int hh, mm, ss;
    if (!date || !readDigits(text, 11, 2, hh) || !readDigits(text, 14, 2, mm) || !readDigits(text, 17, 2, ss))
        return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    return *date + ((hh * 60 + mm) * 60 + ss) * kMsPerSecond;
}

std::optional<Millis> parseIsoDuration(const std::string& text) {
    if (text.size() < 3 || text[0] != 'P') return std::nullopt;
    Millis total = 0;
    bool inTime = false, any = false;
    long long number = -1;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            number = (number < 0 ? 0 : number) * 10 + (c - '0');
            if (number > 100000) return std::nullopt;
            continue;
        }
        if (c == 'T' && !inTime && number < 0) {
            inTime = true;
            continue;
        }
        if (number < 0) return std::nullopt;
        if (!inTime && c == 'D') total += number * kMsPerDay;
        else if (!inTime && c == 'W') total += number * 7 * kMsPerDay;
        else if (inTime && c == 'H') total += number * 3600 * kMsPerSecond;
        else if (inTime && c == 'M') total += number * 60 * kMsPerSecond;
        else if (inTime && c == 'S') total += number * kMsPerSecond;
        else return std::nullopt;
        number = -1;
        any = true;
    }
    if (number >= 0 || !any || total <= 0) return std::nullopt;
    return total;
}

}  // namespace qujat::engine
