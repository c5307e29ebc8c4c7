#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "Problem.h"

namespace qujat::http {

// One complete response, built by a route and written by the server, so that every
// response gets the same security headers, length and logging whatever produced it.
struct Reply {
    int status = 200;
    std::string contentType;  // empty: no body
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string cacheControl = "no-store";
    std::string logDetail;  // for the access log when this is a problem

    // `value` as application/json.
    static Reply json(int status, const Poco::Dynamic::Var& value);
    // `p` as application/problem+json, with its headers.
    static Reply fromProblem(const Problem& p);
    // No body (204, 304).
    static Reply empty(int status);

    void header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// Headers every response carries, errors and 404s included.
void addSecurityHeaders(Poco::Net::HTTPResponse& response);

// Writes `reply` (status, security headers, Cache-Control, Content-Type, Content-Length,
// its own headers, body). Returns the number of body bytes sent. Throws what Poco throws
// when the client has gone; the caller catches.
std::size_t sendReply(const Reply& reply, Poco::Net::HTTPServerResponse& response);

// JSON text for a value, as the CLI's --json prints it but on one line.
std::string toJsonText(const Poco::Dynamic::Var& value);

}  // namespace qujat::http
