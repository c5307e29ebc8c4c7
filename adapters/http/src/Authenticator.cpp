#include "Authenticator.h"

#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>

namespace qujat::http {

namespace {

Problem unauthenticatedProblem(const std::string& detail, bool invalidToken) {
    Problem p = problem(401, "unauthenticated", detail);
    p.headers.emplace_back("WWW-Authenticate", invalidToken ? "Bearer realm=\"qujat\", error=\"invalid_token\""
                                                            : "Bearer realm=\"qujat\"");
    return p;
}

// Session tokens are lower-case hex; anything else is refused without a database lookup.
bool plausibleToken(const std::string& token) {
    if (token.size() < 16 || token.size() > 128) return false;
    for (char c : token)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

Outcome<Caller> authenticate(const Poco::Net::HTTPServerRequest& request, engine::Accounts& accounts) {
    Caller caller;
    if (request.has("Authorization")) {
        const std::string& value = request.get("Authorization");
        const auto space = value.find(' ');
        if (space == std::string::npos || Poco::icompare(value.substr(0, space), "Bearer") != 0)
            return unauthenticatedProblem("the Authorization header must be 'Bearer <token>'", true);
        caller.token = Poco::trim(value.substr(space + 1));
    } else {
        Poco::Net::NameValueCollection cookies;
        request.getCookies(cookies);
        if (!cookies.has(kSessionCookie))
            return unauthenticatedProblem("sign in first: POST /api/v1/session, then send the token as "
                                          "'Authorization: Bearer <token>' or in the session cookie",
                                          false);
        caller.token = cookies.get(kSessionCookie);
        caller.viaCookie = true;
    }
    const char* const invalid = "the session token is not valid (expired, signed out or mistyped); sign in again";
    if (!plausibleToken(caller.token)) return unauthenticatedProblem(invalid, true);
    auto session = accounts.authenticate(caller.token);
    if (!session.isOk()) {
        if (session.status().code() == engine::StatusCode::kUnauthenticated)
            return unauthenticatedProblem(invalid, true);
        return session.status();
    }
    caller.login = session->login;
    caller.expiresAt = session->expiresAt;
    return caller;
}

std::string ownOrigin(const Poco::Net::HTTPServerRequest& request, bool secure, const std::string& configured) {
    if (!configured.empty()) return configured;
    return std::string(secure ? "https://" : "http://") + Poco::toLower(request.getHost());
}

std::optional<Problem> crossOriginRefusal(const Poco::Net::HTTPServerRequest& request, const std::string& origin,
                                          bool requireBrowserProof) {
    const bool hasSite = request.has("Sec-Fetch-Site");
    const bool hasOrigin = request.has("Origin");
    if (hasSite) {
        const std::string site = Poco::toLower(request.get("Sec-Fetch-Site"));
        if (site == "same-origin" || site == "none") return std::nullopt;
    }
    if (hasOrigin && Poco::toLower(request.get("Origin")) == Poco::toLower(origin)) return std::nullopt;
    if (!hasSite && !hasOrigin && !requireBrowserProof) return std::nullopt;
    return problem(403, "cross-origin",
                   "this request changes data and was authenticated by the session cookie, but it does not come "
                   "from this site (" + origin + "): send it from the Qujat pages, or use an Authorization: Bearer token");
}

std::string sessionCookie(const std::string& token, long long maxAgeSeconds, bool secure) {
    return std::string(kSessionCookie) + "=" + token + "; Path=/; Max-Age=" + std::to_string(maxAgeSeconds) +
           "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

}  // namespace qujat::http
