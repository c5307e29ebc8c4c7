#include "Exchange.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>

#include <algorithm>

#include "JsonReader.h"

namespace qujat::http {

namespace {

std::string sizeText(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

Problem tooLarge(std::size_t limit) {
    return problem(413, "body-too-large",
                   "the request body is larger than the " + sizeText(limit) + " this request may carry");
}

}  // namespace

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const ApiContext& api,
                   UrlPath url, Query query)
    : request_(request), response_(response), api_(api), url_(std::move(url)), query_(std::move(query)) {}

const std::string& Exchange::param(const std::string& name) const {
    static const std::string kNone;
    auto it = params.find(name);
    return it == params.end() ? kNone : it->second;
}

bool Exchange::secure() const { return request_.secure(); }

std::string Exchange::mediaType() const {
    std::string type = request_.getContentType();
    type = type.substr(0, type.find(';'));
    Poco::trimInPlace(type);
    return Poco::toLower(type);
}

bool Exchange::bodyPending() const {
    if (bodyRead_) return false;
    if (request_.getChunkedTransferEncoding()) return true;
    return request_.hasContentLength() && request_.getContentLength64() > 0;
}

Outcome<std::string> Exchange::readBody(std::size_t limit) {
    const bool chunked = request_.getChunkedTransferEncoding();
    if (!chunked && !request_.hasContentLength()) {
        bodyRead_ = true;  // RFC 9112: a request without either has no body
        return std::string();
    }
    if (!chunked && request_.getContentLength64() > static_cast<Poco::Int64>(limit)) return tooLarge(limit);
    if (request_.getExpectContinue()) response_.sendContinue();

    // Each read waits at most until the body deadline, so a client that trickles bytes is
    // cut off as surely as one that stops.
    auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request_);
    const auto& limits = api_.options.limits;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.bodyTimeoutSeconds);
    const auto readTimeout = std::chrono::seconds(limits.readTimeoutSeconds);
    std::istream& in = request_.stream();
    in.exceptions(std::ios::badbit);
    std::string body;
    if (!chunked) body.reserve(static_cast<std::size_t>(request_.getContentLength64()));
    char buffer[16384];
    try {
        for (;;) {
            const auto left = deadline - std::chrono::steady_clock::now();
            if (left <= std::chrono::steady_clock::duration::zero())
                return problem(408, "request-timeout", "the request body did not arrive within " +
                                                           std::to_string(limits.bodyTimeoutSeconds) + " seconds");
            if (impl) {
                const auto wait = std::min<std::chrono::steady_clock::duration>(left, readTimeout);
                const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(wait).count();
                impl->socket().setReceiveTimeout(Poco::Timespan(std::max<long long>(micros, 1000)));
            }
            if (in.peek() == std::char_traits<char>::eof()) break;
            const std::streamsize got = in.readsome(buffer, sizeof buffer);
            body.append(buffer, static_cast<std::size_t>(got));
            if (body.size() > limit) return tooLarge(limit);
        }
    } catch (const Poco::TimeoutException&) {
        return problem(408, "request-timeout", "the client sent nothing for too long while sending the request body");
    } catch (const Poco::Exception& e) {
        return problem(400, "malformed-request", "the request body could not be read: " + e.message());
    }
    if (impl) impl->socket().setReceiveTimeout(Poco::Timespan(limits.readTimeoutSeconds, 0));
    if (!chunked && static_cast<Poco::Int64>(body.size()) != request_.getContentLength64())
        return problem(400, "malformed-request", "the request body ended after " + std::to_string(body.size()) +
                                                     " of the " + std::to_string(request_.getContentLength64()) +
                                                     " bytes its Content-Length announced");
    bodyRead_ = true;
    return body;
}

Outcome<Poco::Dynamic::Var> Exchange::readJson() {
    const std::string type = mediaType();
    if (type != "application/json")
        return problem(415, "unsupported-media-type",
                       "send this request's body as application/json" +
                           (type.empty() ? std::string() : ", not " + type));
    auto body = readBody(api_.options.limits.jsonBytes);
    if (!body.ok()) return body.problem();
    return parseJson(*body);
}

}  // namespace qujat::http
