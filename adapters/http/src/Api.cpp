#include "Api.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <chrono>
#include <exception>

#include "Authenticator.h"
#include "ConnectionHub.h"
#include "Exchange.h"
#include "Routes.h"

namespace qujat::http {

namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

bool isParameter(const std::string& part) { return part.size() > 2 && part.front() == '{' && part.back() == '}'; }

bool changesState(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// Request line and header fields together, as they were sent (near enough: CRLFs and ": ").
std::size_t headerBytes(const Poco::Net::HTTPServerRequest& request) {
    std::size_t total = request.getMethod().size() + request.getURI().size() + request.getVersion().size() + 4;
    for (const auto& [name, value] : request) total += name.size() + value.size() + 4;
    return total;
}

}  // namespace

Api::Api(const ApiContext& context) : context_(context) {
    for (const Route& r : routes()) patterns_.push_back(split(r.path));
}

Reply Api::dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, int& routeIndex,
                    std::string& login, bool& closeAfter) {
    const auto& limits = context_.options.limits;
    // Until a route reads the body, any body is unread; and a client refused for its
    // headers gets the connection closed as well.
    closeAfter = true;
    if (static_cast<int>(request.size()) > limits.headerCount)
        return Reply::fromProblem(problem(431, "headers-too-large",
                                          "the request has " + std::to_string(request.size()) +
                                              " header fields; the limit is " + std::to_string(limits.headerCount)));
    if (headerBytes(request) > limits.headerBytes)
        return Reply::fromProblem(problem(431, "headers-too-large",
                                          "the request line and headers exceed " + std::to_string(limits.headerBytes) +
                                              " bytes; send fewer or shorter headers (cookies included)"));

    // Framing that two parsers could read differently is how requests are smuggled past
    // a proxy; it is refused rather than guessed at.
    int lengths = 0;
    for (const auto& [name, value] : request)
        if (Poco::icompare(name, "Content-Length") == 0) ++lengths;
    if (lengths > 1 || (lengths == 1 && request.has("Transfer-Encoding")))
        return Reply::fromProblem(problem(400, "malformed-request",
                                          "the request's length is given more than once or in two ways"));
    if (request.has("Transfer-Encoding") && !request.getChunkedTransferEncoding())
        return Reply::fromProblem(problem(400, "malformed-request", "only chunked transfer encoding is accepted"));
    closeAfter = request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0);
    auto url = UrlPath::parse(request.getURI());
    if (!url.ok()) return Reply::fromProblem(url.problem());

    const auto& table = routes();
    std::string allowed;
    std::map<std::string, std::string> params;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& pattern = patterns_[i];
        if (pattern.size() != url->segments.size()) continue;
        std::map<std::string, std::string> found;
        bool match = true;
        for (std::size_t s = 0; s < pattern.size() && match; ++s) {
            if (isParameter(pattern[s])) found[pattern[s].substr(1, pattern[s].size() - 2)] = url->segments[s];
            else match = pattern[s] == url->segments[s];
        }
        if (!match) continue;
        if (request.getMethod() != table[i].method) {
            if (allowed.find(table[i].method) == std::string::npos)
                allowed += (allowed.empty() ? "" : ", ") + std::string(table[i].method);
            continue;
        }
        routeIndex = static_cast<int>(i);
        params = std::move(found);
        break;
    }
    if (routeIndex < 0 && allowed.empty()) {
        if (const WebAssets::Asset* asset = context_.web.find(url->path)) {
            if (request.getMethod() == "GET") return assetReply(*asset, request);
            allowed = "GET";
        }
    }
    if (routeIndex < 0) {
        if (allowed.empty())
            return Reply::fromProblem(problem(404, "not-found", "there is no resource at " + url->path));
        Problem p = problem(405, "method-not-allowed",
                            request.getMethod() + " is not allowed on " + url->path + "; use " + allowed);
        p.headers.emplace_back("Allow", allowed);
        return Reply::fromProblem(p);
    }
    const Route& route = table[routeIndex];

    auto query = Query::parse(url->rawQuery);
    if (!query.ok()) return Reply::fromProblem(query.problem());
    Exchange ex(request, response, context_, std::move(*url), std::move(*query));
    ex.params = std::move(params);

    if (route.access == Access::kSignedIn) {
        auto caller = authenticate(request, context_.ports.accounts);
        if (!caller.ok()) return Reply::fromProblem(caller.problem());
        ex.caller = std::move(*caller);
        login = ex.caller->login;
        if (ex.caller->viaCookie && changesState(request.getMethod())) {
            const std::string origin = ownOrigin(request, ex.secure(), context_.options.publicOrigin);
            if (auto refused = crossOriginRefusal(request, origin, true)) return Reply::fromProblem(*refused);
        }
    }
    Reply reply = route.handler(ex);
    if (ex.caller) login = ex.caller->login;  // signing in names who signed in
    closeAfter = ex.bodyPending();
    return reply;
}

void Api::serve(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, bool shed) {
    const auto start = std::chrono::steady_clock::now();
    AccessEntry entry;
    entry.method = request.getMethod();
    entry.path = request.getURI().substr(0, request.getURI().find('?'));
    try {
        entry.remote = request.clientAddress().host().toString();
    } catch (const Poco::Exception&) {
    }
    int routeIndex = -1;
    bool closeAfter = false;
    Reply reply;
    try {
        if (shed) {
            Problem p = problem(503, "overloaded", "the server is busy with other requests; try again in a moment");
            p.headers.emplace_back("Retry-After", "1");
            reply = Reply::fromProblem(p);
            closeAfter = true;  // close, so a queued client gets the thread
        } else {
            reply = dispatch(request, response, routeIndex, entry.login, closeAfter);
        }
    } catch (const Poco::Exception& e) {
        entry.error = e.displayText();
    } catch (const std::exception& e) {
        entry.error = e.what();
    } catch (...) {
        entry.error = "unknown exception";
    }
    if (!entry.error.empty()) {
        reply = Reply::fromProblem(problem(500, "internal", "the server could not complete the request; the failure "
                                                            "has been logged"));
        closeAfter = true;
    } else if (reply.status >= 500) {
        entry.error = reply.logDetail;
    }
    if (closeAfter || context_.hub.stopping()) response.setKeepAlive(false);
    if (request.secure()) reply.header("Strict-Transport-Security", "max-age=31536000");
    entry.status = reply.status;
    try {
        entry.bytes = sendReply(reply, response);
    } catch (const Poco::Exception& e) {
        entry.error = "sending the response failed: " + e.displayText();
        response.setKeepAlive(false);
    }
    entry.durationMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (routeIndex >= 0) entry.route = routes()[routeIndex].path;
    context_.metrics.record(routeIndex, entry.method, entry.status, entry.durationMs / 1000.0);
    context_.log.request(entry);
}

void Api::refuse(Poco::Net::HTTPServerResponse& response, const Problem& p, const std::string& remote) {
    AccessEntry entry;
    entry.method = "-";
    entry.path = "-";
    entry.remote = remote;
    entry.status = p.status;
    response.setKeepAlive(false);
    try {
        entry.bytes = sendReply(Reply::fromProblem(p), response);
    } catch (const Poco::Exception& e) {
        entry.error = "sending the response failed: " + e.displayText();
    }
    context_.metrics.record(-1, "other", p.status, 0);
    context_.log.request(entry);
}

}  // namespace qujat::http
