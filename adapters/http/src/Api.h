#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <vector>

#include "ApiContext.h"
#include "Reply.h"

namespace qujat::http {

// Answers requests: checks header limits, matches the route table (404, 405 with Allow),
// authenticates (401) and checks the origin of cookie-authenticated writes (403), runs the
// route, and writes its reply with the security headers; then records metrics and one
// access-log line. Never throws: an exception from anything below becomes a 500 problem
// whose cause goes to the log, not to the client. Thread-safe.
class Api {
public:
    explicit Api(const ApiContext& context);

    // Answers one parsed request. With `shed` set the server is overloaded and the answer
    // is 503 with Retry-After, whatever was asked. Clears the response's keep-alive when
    // the request left body bytes unread or was refused for its headers.
    void serve(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, bool shed);

    // Answers a request that could not even be parsed (400, 408, 431) on a response
    // whose request object does not exist; logged with method "-".
    void refuse(Poco::Net::HTTPServerResponse& response, const Problem& problem, const std::string& remote);

private:
    Reply dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, int& routeIndex,
                   std::string& login, bool& closeAfter);

    const ApiContext& context_;
    std::vector<std::vector<std::string>> patterns_;  // each route's path template, split
};

}  // namespace qujat::http
