#include "qujat/engine/Accounts.h"

#include <algorithm>

#include "qujat/engine/AuditChain.h"
#include "qujat/engine/Encoding.h"
#include "qujat/engine/Utf8.h"

namespace qujat::engine {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMaxPasswordBytes = 1024;  // scrypt is fed whole passwords; keep it bounded
const char* const kWrongCredentials = "wrong login or password";

}  // namespace

Accounts::Accounts(Store& store, Clock& clock, const Hasher& hasher, const PasswordHasher& passwords,
                   RandomSource& random, AccountsOptions options)
    : store_(store), clock_(clock), hasher_(hasher), passwords_(passwords), random_(random), options_(options) {}

long long Accounts::throttled(const std::string& login, const std::string& address, Millis now) {
    std::lock_guard<std::mutex> lock(mutex_);
    Millis waitUntil = 0;
    for (const std::string& key : {"login:" + login, "address:" + address}) {
        auto it = failures_.find(key);
        if (it == failures_.end()) continue;
        auto& times = it->second;
        times.erase(std::remove_if(times.begin(), times.end(),
                                   [&](Millis t) { return t <= now - options_.failureWindow; }),
                    times.end());
        if (static_cast<int>(times.size()) >= options_.maxFailures)
            waitUntil = std::max(waitUntil, times.front() + options_.failureWindow);
        if (times.empty()) failures_.erase(it);
    }
    return waitUntil > now ? (waitUntil - now + 999) / 1000 : 0;
}

void Accounts::recordFailure(const std::string& login, const std::string& address, Millis now) {
    std::lock_guard<std::mutex> lock(mutex_);
    failures_["login:" + login].push_back(now);
    failures_["address:" + address].push_back(now);
}

Result<SignedIn> Accounts::signIn(const std::string& login, const std::string& password, const std::string& address) {
    const Millis now = clock_.now();
    auto refuse = [&](Status status, const std::string& reason) -> Status {
        Status recorded = store_.write([&](StoreWriter& w) {
            return appendAudit(w, hasher_,
                               {"anonymous", "refused", "session",
                                {{"command", "session.create"}, {"login", login}, {"address", address},
                                 {"reason", reason}}},
                               now)
                .status();
        });
        return recorded.isOk() ? status : recorded;
    };
    if (const long long wait = throttled(login, address, now); wait > 0)
        return refuse(resourceExhausted("too many failed sign-ins for this login or address; try again in " +
                                        std::to_string(wait) + " s"),
                      "throttled");
    if (login.empty() || login.size() > 64 || password.size() > kMaxPasswordBytes)
        return refuse(unauthenticated(kWrongCredentials), "malformed credentials");

    std::string encoded;
    Status read = store_.read([&](StoreReader& r) -> Status {
        auto user = r.userByLogin(login);
        if (user.isOk()) encoded = user->passwordHash;
        return Status::ok();
    });
    QUJAT_RETURN_IF_ERROR(read);
    // An unknown login costs as much as a wrong password, so timing does not reveal logins.
    const bool matches = passwords_.verify(password, encoded.empty() ? dummyHash() : encoded) && !encoded.empty();
    if (!matches) {
        recordFailure(login, address, now);
        return refuse(unauthenticated(kWrongCredentials), encoded.empty() ? "unknown login or no password" : "wrong password");
    }

    QUJAT_ASSIGN_OR_RETURN(std::string random, random_.bytes(kTokenBytes));
    SignedIn out{toHex(random), Session{login, now, now + options_.sessionLifetime, address}};
    Status opened = store_.write([&](StoreWriter& w) -> Status {
        QUJAT_RETURN_IF_ERROR(w.insertSession(hasher_.sha256Hex(out.token), out.session));
        return appendAudit(w, hasher_,
                           {login, "session.create", "user/" + login,
                            {{"address", address}, {"expires", formatIsoUtc(out.session.expiresAt)}}},
                           now)
            .status();
    });
    if (!opened.isOk()) return opened;
    return out;
}

const std::string& Accounts::dummyHash() {
    std::call_once(dummyOnce_, [this] {
        auto h = passwords_.hash("not a password of anyone");
        dummy_ = h.isOk() ? *h : std::string();
    });
    return dummy_;
}

Result<Session> Accounts::authenticate(const std::string& token) {
    const Status expired = unauthenticated("the session has expired or was signed out; sign in again");
    if (token.size() != 2 * kTokenBytes) return expired;
    std::pair<Session, bool> found;
    Status s = store_.read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(found, r.session(hasher_.sha256Hex(token)));
        return Status::ok();
    });
    if (s.code() == StatusCode::kNotFound) return expired;
    QUJAT_RETURN_IF_ERROR(s);
    if (found.second || found.first.expiresAt <= clock_.now()) return expired;
    return found.first;
}

Status Accounts::signOut(const std::string& token) {
    QUJAT_ASSIGN_OR_RETURN(Session session, authenticate(token));
    const Millis now = clock_.now();
    return store_.write([&](StoreWriter& w) -> Status {
        QUJAT_RETURN_IF_ERROR(w.revokeSession(hasher_.sha256Hex(token), now));
        return appendAudit(w, hasher_, {session.login, "session.end", "user/" + session.login, {}}, now).status();
    });
}

Status Accounts::setPassword(const std::string& actor, const std::string& login, const std::string& password) {
    auto length = utf8Length(password);
    if (!length) return invalidArgument("the password is not valid UTF-8");
    if (*length < options_.minPasswordLength)
        return invalidArgument("the password must have at least " + std::to_string(options_.minPasswordLength) +
                               " characters");
    if (password.size() > kMaxPasswordBytes) return invalidArgument("the password is too long");
    QUJAT_ASSIGN_OR_RETURN(std::string encoded, passwords_.hash(password));
    const Millis now = clock_.now();
    return store_.write([&](StoreWriter& w) -> Status {
        QUJAT_RETURN_IF_ERROR(w.setPasswordHash(login, encoded));
        return appendAudit(w, hasher_, {actor, "user.password", "user/" + login, {}}, now).status();
    });
}

}  // namespace qujat::engine
