#include "HttpClient.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <tuple>

#include <catch2/catch.hpp>
#include <memory>

namespace qujat::test {

std::string HttpResponse::header(const std::string& name) const {
    for (const auto& [k, v] : headers)
        if (Poco::icompare(k, name) == 0) return v;
    return "";
}

std::vector<std::string> HttpResponse::headerValues(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : headers)
        if (Poco::icompare(k, name) == 0) out.push_back(v);
    return out;
}

bool HttpResponse::has(const std::string& name) const { return !headerValues(name).empty(); }

Poco::Dynamic::Var HttpResponse::json() const {
    INFO("status " << status << ", body: " << body);
    try {
        return Poco::JSON::Parser().parse(body);
    } catch (const Poco::Exception& e) {
        FAIL("the body is not JSON: " << e.displayText());
    }
    return {};
}

Poco::JSON::Object::Ptr HttpResponse::object() const {
    auto v = json();
    INFO("body: " << body);
    REQUIRE(v.type() == typeid(Poco::JSON::Object::Ptr));
    return v.extract<Poco::JSON::Object::Ptr>();
}

HttpResponse HttpClient::send(const HttpRequest& r) const {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (tls_) session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", port_, tls_);
    else session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port_);
    session->setTimeout(Poco::Timespan(20, 0));
    Poco::Net::HTTPRequest request(r.method, r.path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (r.bearer) request.set("Authorization", "Bearer " + *r.bearer);
    if (r.cookie) {
        Poco::Net::NameValueCollection cookies;
        cookies.add("qujat_session", *r.cookie);
        request.setCookies(cookies);
    }
    for (const auto& [k, v] : r.headers) request.add(k, v);
    if (!r.contentType.empty()) request.setContentType(r.contentType);
    if (r.chunked) request.setChunkedTransferEncoding(true);
    else if (!r.body.empty() || r.method == "POST" || r.method == "PUT") request.setContentLength64(r.body.size());
    std::ostream& out = session->sendRequest(request);
    out.write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    HttpResponse result;
    result.status = response.getStatus();
    for (const auto& [k, v] : response) result.headers.emplace_back(k, v);
    Poco::StreamCopier::copyToString(in, result.body);
    return result;
}

HttpResponse HttpClient::get(const std::string& path, const std::string& token) const {
    HttpRequest r;
    r.path = path;
    r.bearer = token;
    return send(r);
}

HttpResponse HttpClient::postJson(const std::string& path, const std::string& json, const std::string& token) const {
    HttpRequest r;
    r.method = "POST";
    r.path = path;
    r.body = json;
    r.contentType = "application/json";
    if (!token.empty()) r.bearer = token;
    return send(r);
}

std::pair<std::string, std::string> multipartBody(const std::vector<FormField>& fields) {
    const std::string boundary = "----qujat-test-boundary-7MA4YWxkTrZu0gW";
    std::string body;
    for (const auto& f : fields) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + f.name + "\"";
        if (f.fileName) body += "; filename=\"" + *f.fileName + "\"";
        body += "\r\n";
        if (!f.contentType.empty()) body += "Content-Type: " + f.contentType + "\r\n";
        body += "\r\n" + f.value + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return {body, "multipart/form-data; boundary=" + boundary};
}

std::string rawExchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds wait) {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(wait).count()));
    std::size_t sent = 0;
    try {
        while (sent < bytes.size()) {
            const int n = socket.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent));
            if (n <= 0) break;
            sent += static_cast<std::size_t>(n);
        }
    } catch (const Poco::Exception&) {
        // The server may close before taking everything; what it answered is still readable.
    }
    std::string received;
    const auto until = std::chrono::steady_clock::now() + wait;
    char buffer[4096];
    while (std::chrono::steady_clock::now() < until) {
        try {
            const int n = socket.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            received.append(buffer, static_cast<std::size_t>(n));
        } catch (const Poco::Exception&) {
            break;
        }
    }
    return received;
}

int rawStatus(const std::string& raw) {
    if (raw.size() < 12 || raw.compare(0, 5, "HTTP/") != 0) return 0;
    return std::atoi(raw.substr(9, 3).c_str());
}

HttpRequest multipartPost(const std::string& path, const std::vector<FormField>& fields, const std::string& token) {
    HttpRequest r;
    r.method = "POST";
    r.path = path;
    std::tie(r.body, r.contentType) = multipartBody(fields);
    r.bearer = token;
    return r;
}

}  // namespace qujat::test
