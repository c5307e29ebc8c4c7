#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "ApiContext.h"
#include "Outcome.h"
#include "Problem.h"
#include "Query.h"
#include "UrlPath.h"
#include "qujat/engine/Service.h"

namespace qujat::http {

// Who is calling: the signed-in user behind a session token.
struct Caller {
    std::string login;
    std::string token;
    engine::Millis expiresAt = 0;
    bool viaCookie = false;  // the token came from the session cookie, not Authorization
};

// One request being answered: the request, the matched route's path parameters, the query,
// the caller, and a bounded reader for the body. Used by one thread.
class Exchange {
public:
    Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const ApiContext& api,
             UrlPath url, Query query);

    Poco::Net::HTTPServerRequest& request() { return request_; }
    const ApiContext& api() const { return api_; }
    engine::Service& service() const { return api_.ports.service; }
    engine::Millis now() const { return api_.ports.clock.now(); }
    const UrlPath& url() const { return url_; }
    const Query& query() const { return query_; }

    // Path parameters of the matched route, e.g. "id" for /documents/{id}.
    std::map<std::string, std::string> params;
    const std::string& param(const std::string& name) const;

    std::optional<Caller> caller;
    // The caller of a route that requires sign-in (the dispatcher has checked there is one).
    const Caller& me() const { return *caller; }
    engine::Viewer viewer() const { return engine::Viewer::user(caller->login); }

    // Whether the request came over TLS.
    bool secure() const;
    // The media type of the body, lower-case, without parameters ("" when none was given).
    std::string mediaType() const;

    // The whole body, at most `limit` bytes, received within the body deadline; empty when
    // the request has neither Content-Length nor chunked encoding. 413 when it is (or
    // announces itself as) larger, 408 when the client is too slow, 400 when it ends early
    // or its chunked framing is broken. Sends "100 Continue" first if the client asked for
    // it, and only then: a client refused on its headers alone never has to send the body.
    Outcome<std::string> readBody(std::size_t limit);
    // A JSON body (Content-Type application/json, at most limits.jsonBytes), parsed strictly.
    Outcome<Poco::Dynamic::Var> readJson();
    // Whether the request has body bytes that were not read; the connection cannot be
    // reused then, since they would be taken for the next request.
    bool bodyPending() const;

private:
    Poco::Net::HTTPServerRequest& request_;
    Poco::Net::HTTPServerResponse& response_;
    const ApiContext& api_;
    UrlPath url_;
    Query query_;
    bool bodyRead_ = false;
};

}  // namespace qujat::http
