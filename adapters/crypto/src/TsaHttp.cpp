#include "qujat/crypto/TsaHttp.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <exception>
#include <filesystem>
#include <istream>
#include <ostream>
#include <utility>

#include "TsaProtocol.h"

namespace qujat::crypto {

using engine::Result;
using namespace tsdetail;

struct HttpTsa::Connection {
    std::string host;
    Poco::UInt16 port = 0;
    std::string pathAndQuery;
    Poco::Net::Context::Ptr tls;  // null for plain http
};

Result<std::unique_ptr<HttpTsa>> HttpTsa::create(HttpTsaConfig config) {
    if (config.timeout <= 0) return engine::invalidArgument("TSA: the timeout must be positive");
    if (config.maxResponseBytes == 0) return engine::invalidArgument("TSA: maxResponseBytes must be positive");
    auto connection = std::make_unique<Connection>();
    try {
        const Poco::URI uri(config.url);
        const std::string scheme = Poco::toLower(uri.getScheme());
        if (scheme != "http" && scheme != "https")
            return engine::invalidArgument("TSA URL \"" + config.url + "\" must start with http:// or https://");
        if (uri.getHost().empty()) return engine::invalidArgument("TSA URL \"" + config.url + "\" has no host");
        connection->host = uri.getHost();
        connection->port = uri.getPort();
        connection->pathAndQuery = uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery();
        if (scheme == "https") {
            if (!config.caPemFile.empty() && !std::filesystem::is_regular_file(config.caPemFile))
                return engine::invalidArgument("TSA: the CA file \"" + config.caPemFile + "\" does not exist");
            Poco::Net::Context::Params params;
            params.caLocation = config.caPemFile;
            params.loadDefaultCAs = config.caPemFile.empty();
            // STRICT also checks the host name for localhost addresses (RELAXED skips them).
            params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
            params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4";
            connection->tls = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
            connection->tls->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        } else if (!config.caPemFile.empty()) {
            return engine::invalidArgument("TSA: a CA file is given but the URL \"" + config.url + "\" is not https");
        }
    } catch (const Poco::Exception& e) {
        return engine::invalidArgument("TSA URL \"" + config.url + "\": " + e.displayText());
    } catch (const std::exception& e) {
        return engine::invalidArgument("TSA URL \"" + config.url + "\": " + e.what());
    }
    return std::unique_ptr<HttpTsa>(new HttpTsa(std::move(config), std::move(connection)));
}

HttpTsa::HttpTsa(HttpTsaConfig config, std::unique_ptr<Connection> connection)
    : config_(std::move(config)), connection_(std::move(connection)) {}

HttpTsa::~HttpTsa() = default;

Result<std::string> HttpTsa::stamp(const std::string& messageImprintSha256) {
    QUJAT_ASSIGN_OR_RETURN(TsaRequest request, buildTimeStampRequest(messageImprintSha256));
    const std::string who = "the TSA at " + config_.url;
    std::string body;
    std::string contentType;
    try {
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (connection_->tls)
            session = std::make_unique<Poco::Net::HTTPSClientSession>(connection_->host, connection_->port,
                                                                      connection_->tls);
        else
            session = std::make_unique<Poco::Net::HTTPClientSession>(connection_->host, connection_->port);
        const Poco::Timespan timeout(static_cast<Poco::Timespan::TimeDiff>(config_.timeout) * 1000);
        session->setTimeout(timeout, timeout, timeout);
        session->setKeepAlive(false);

        Poco::Net::HTTPRequest httpRequest(Poco::Net::HTTPRequest::HTTP_POST, connection_->pathAndQuery,
                                           Poco::Net::HTTPMessage::HTTP_1_1);
        httpRequest.setContentType("application/timestamp-query");
        httpRequest.set("Accept", "application/timestamp-reply");
        httpRequest.setContentLength(static_cast<std::streamsize>(request.der.size()));
        std::ostream& out = session->sendRequest(httpRequest);
        out.write(request.der.data(), static_cast<std::streamsize>(request.der.size()));
        out.flush();
        if (!out) return engine::unavailable(who + ": the request could not be sent");

        Poco::Net::HTTPResponse httpResponse;
        std::istream& in = session->receiveResponse(httpResponse);
        if (httpResponse.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
            return engine::unavailable(who + " answered HTTP " + std::to_string(httpResponse.getStatus()) + " " +
                                       httpResponse.getReason());
        contentType = httpResponse.getContentType();
        char buffer[8192];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            body.append(buffer, static_cast<std::size_t>(in.gcount()));
            if (body.size() > config_.maxResponseBytes)
                return engine::unavailable(who + " sent more than " + std::to_string(config_.maxResponseBytes) +
                                           " bytes");
        }
    } catch (const Poco::TimeoutException& e) {
        return engine::unavailable(who + " did not answer within " + std::to_string(config_.timeout) +
                                   " ms: " + e.displayText());
    } catch (const Poco::Exception& e) {
        return engine::unavailable(who + " cannot be reached: " + e.displayText());
    } catch (const std::exception& e) {
        return engine::unavailable(who + " cannot be reached: " + e.what());
    }

    Result<std::string> token = tokenFromTimeStampResponse(body, request, who);
    if (!token.isOk() && contentType != "application/timestamp-reply" &&
        contentType != "application/timestamp-response")
        return engine::Status(token.status().code(),
                              token.status().message() + " (Content-Type \"" + contentType +
                                  "\", expected application/timestamp-reply)");
    return token;
}

}  // namespace qujat::crypto
