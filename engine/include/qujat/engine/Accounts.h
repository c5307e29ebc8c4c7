#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "qujat/engine/Session.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Clock.h"
#include "qujat/engine/ports/Hasher.h"
#include "qujat/engine/ports/PasswordHasher.h"
#include "qujat/engine/ports/Store.h"

namespace qujat::engine {

struct SignedIn {
    std::string token;    // shown to the client once: 256 random bits, lower-case hex
    Session session;
};

struct AccountsOptions {
    Millis sessionLifetime = 8LL * 3600 * 1000;
    int maxFailures = 5;                       // per login and per address, within the window
    Millis failureWindow = 15LL * 60 * 1000;
    std::size_t minPasswordLength = 12;
};

// Passwords, sign-in and sessions. Failed sign-ins are audited and slowed down per login
// and per address; the counters live in this process (one `qujat serve`). Thread-safe.
class Accounts {
public:
    Accounts(Store& store, Clock& clock, const Hasher& hasher, const PasswordHasher& passwords, RandomSource& random,
             AccountsOptions options = {});

    // Checks `password` and opens a session. kUnauthenticated "wrong login or password"
    // for an unknown login, a wrong password or a user without a password (one message, so
    // logins cannot be probed); kResourceExhausted with the wait in seconds after too many
    // failures for this login or address. Successes and failures are audited.
    Result<SignedIn> signIn(const std::string& login, const std::string& password, const std::string& address);
    // The session a token belongs to; kUnauthenticated if unknown, expired or signed out.
    Result<Session> authenticate(const std::string& token);
    // Ends the session (idempotent for an already ended one); kUnauthenticated if unknown.
    Status signOut(const std::string& token);
    // Sets a user's password (administrators and the CLI). kInvalidArgument if it is shorter
    // than minPasswordLength or not valid UTF-8; kNotFound for an unknown user. Audited
    // without the password.
    Status setPassword(const std::string& actor, const std::string& login, const std::string& password);

private:
    // Seconds to wait before another attempt for this login or address, or 0.
    long long throttled(const std::string& login, const std::string& address, Millis now);
    void recordFailure(const std::string& login, const std::string& address, Millis now);
    // A real hash of no one's password, verified against for unknown logins.
    const std::string& dummyHash();

    Store& store_;
    Clock& clock_;
    const Hasher& hasher_;
    const PasswordHasher& passwords_;
    RandomSource& random_;
    AccountsOptions options_;
    std::mutex mutex_;
    std::map<std::string, std::vector<Millis>> failures_;  // "login:x" / "address:y" → failure times
    std::once_flag dummyOnce_;
    std::string dummy_;
};

}  // namespace qujat::engine
