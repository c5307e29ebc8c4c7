#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <optional>
#include <string>

#include "Exchange.h"
#include "Outcome.h"
#include "Problem.h"
#include "qujat/engine/Accounts.h"

namespace qujat::http {

// The name of the session cookie.
inline constexpr const char* kSessionCookie = "qujat_session";

// Finds the caller's session: a Bearer token in Authorization, else the session cookie.
// 401 with WWW-Authenticate: Bearer when there is none, or it is malformed, unknown,
// expired or signed out (one answer for all, so tokens cannot be probed).
Outcome<Caller> authenticate(const Poco::Net::HTTPServerRequest& request, engine::Accounts& accounts);

// The origin this server is reached at: `configured` if set, else the request's scheme
// and Host ("https://qujat.example.kz").
std::string ownOrigin(const Poco::Net::HTTPServerRequest& request, bool secure, const std::string& configured);

// For a state-changing request that a browser may have been tricked into sending: allowed
// when Sec-Fetch-Site is "same-origin" or "none", or Origin equals `origin`; otherwise a
// 403 problem. With neither header (not a browser), allowed only if `requireBrowserProof`
// is false.
std::optional<Problem> crossOriginRefusal(const Poco::Net::HTTPServerRequest& request, const std::string& origin,
                                          bool requireBrowserProof);

// The Set-Cookie value that carries `token` for `maxAgeSeconds` (0 deletes the cookie).
std::string sessionCookie(const std::string& token, long long maxAgeSeconds, bool secure);

}  // namespace qujat::http
