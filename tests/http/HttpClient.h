#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qujat::test {

// One response as the client saw it.
struct HttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // The first value of a header (case-insensitive name), "" if absent.
    std::string header(const std::string& name) const;
    std::vector<std::string> headerValues(const std::string& name) const;
    bool has(const std::string& name) const;
    // The body parsed as JSON; fails the test if it is not JSON.
    Poco::Dynamic::Var json() const;
    Poco::JSON::Object::Ptr object() const;
};

// One request to send.
struct HttpRequest {
    std::string method = "GET";
    std::string path = "/";
    std::string body;
    std::string contentType;
    std::optional<std::string> bearer;
    std::optional<std::string> cookie;  // the value of qujat_session
    std::vector<std::pair<std::string, std::string>> headers;
    bool chunked = false;
};

// A real HTTP(S) client over a real socket: a new connection per request.
class HttpClient {
public:
    explicit HttpClient(std::uint16_t port, Poco::Net::Context::Ptr tls = nullptr) : port_(port), tls_(std::move(tls)) {}

    HttpResponse send(const HttpRequest& request) const;

    HttpResponse get(const std::string& path, const std::string& token) const;
    HttpResponse postJson(const std::string& path, const std::string& json, const std::string& token) const;

private:
    std::uint16_t port_;
    Poco::Net::Context::Ptr tls_;
};

// A part of a multipart/form-data body.
struct FormField {
    std::string name;
    std::string value;
    std::optional<std::string> fileName;
    std::string contentType;
};

// The body and its Content-Type (with the boundary).
std::pair<std::string, std::string> multipartBody(const std::vector<FormField>& fields);
// A POST of `fields` as multipart/form-data to `path` with `token` as the Bearer token.
HttpRequest multipartPost(const std::string& path, const std::vector<FormField>& fields, const std::string& token);

// Writes `bytes` to a fresh connection and returns everything the server sends back until
// it closes the connection or `wait` passes. For requests no well-behaved client would send.
std::string rawExchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds wait);
// The status code of the first response in `raw` text, or 0.
int rawStatus(const std::string& raw);

}  // namespace qujat::test
