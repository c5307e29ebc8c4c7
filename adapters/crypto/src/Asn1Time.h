#pragma once

#include <openssl/asn1.h>

#include <ctime>
#include <optional>

#include "qujat/engine/Time.h"

namespace qujat::crypto {

// The instant an ASN.1 UTCTime or GeneralizedTime names, or nullopt when it is missing or
// malformed. Fractions of a second are dropped.
std::optional<engine::Millis> asn1TimeToMillis(const ASN1_TIME* time);

// Whole seconds since the epoch (rounded down), as OpenSSL's time APIs want them.
std::time_t millisToTimeT(engine::Millis millis);

}  // namespace qujat::crypto
