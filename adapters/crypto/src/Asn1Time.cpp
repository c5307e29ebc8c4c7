#include "Asn1Time.h"

#include <openssl/err.h>

namespace qujat::crypto {

std::optional<engine::Millis> asn1TimeToMillis(const ASN1_TIME* time) {
    if (!time) return std::nullopt;
    std::tm tm{};
    if (ASN1_TIME_to_tm(time, &tm) != 1) {
        ERR_clear_error();
        return std::nullopt;
    }
    const std::time_t seconds = timegm(&tm);
    return static_cast<engine::Millis>(seconds) * 1000;
}

std::time_t millisToTimeT(engine::Millis millis) {
    engine::Millis seconds = millis / 1000;
    if (millis < 0 && millis % 1000 != 0) --seconds;
    return static_cast<std::time_t>(seconds);
}

}  // namespace qujat::crypto
