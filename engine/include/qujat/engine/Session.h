#pragma once

#include <string>

#include "qujat/engine/Time.h"

namespace qujat::engine {

// A signed-in user's session. The token itself is never stored, only its SHA-256.
struct Session {
    std::string login;
    Millis createdAt = 0;
    Millis expiresAt = 0;
    std::string address;  // where the sign-in came from, for the audit trail
};

}  // namespace qujat::engine
