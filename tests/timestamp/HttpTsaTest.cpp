// HttpTsa against real HTTP(S) servers on 127.0.0.1, port 0: a TSA answering with LocalTsa,
// and servers that misbehave in the ways a client must notice.

#include <openssl/evp.h>
#include <openssl/ts.h>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

#include "TestPki.h"
#include "qujat/crypto/TimeStampVerifier.h"
#include "qujat/crypto/TsaHttp.h"
#include "support/StatusMatchers.h"

using namespace qujat;
using namespace qujat::test;
using engine::StatusCode;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace {

// What a test server does with a request: returns the status, content type and body.
struct Answer {
    HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK;
    std::string contentType = "application/timestamp-reply";
    std::string body;
};
using Behaviour = std::function<Answer(const std::string& requestBody)>;

class BehaviourHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit BehaviourHandler(Behaviour behaviour) : behaviour_(std::move(behaviour)) {}
    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        try {
            std::string body;
            Poco::StreamCopier::copyToString(request.stream(), body);
            Answer answer = request.getContentType() == "application/timestamp-query"
                                ? behaviour_(body)
                                : Answer{HTTPResponse::HTTP_UNSUPPORTEDMEDIATYPE, "text/plain", "wrong type"};
            response.setStatusAndReason(answer.status);
            response.setContentType(answer.contentType);
            response.sendBuffer(answer.body.data(), answer.body.size());
        } catch (...) {
            // A failing handler must not take the test server down.
        }
    }

private:
    Behaviour behaviour_;
};

class BehaviourFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit BehaviourFactory(Behaviour behaviour) : behaviour_(std::move(behaviour)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
        return new BehaviourHandler(behaviour_);
    }

private:
    Behaviour behaviour_;
};

// An HTTP (or, with a TLS context, HTTPS) server on 127.0.0.1 and a free port.
class TestServer {
public:
    explicit TestServer(Behaviour behaviour, Poco::Net::Context::Ptr tls = nullptr) {
        const Poco::Net::SocketAddress address("127.0.0.1", 0);
        Poco::Net::ServerSocket socket = tls ? Poco::Net::SecureServerSocket(address, 64, tls)
                                             : Poco::Net::ServerSocket(address, 64);
        port_ = socket.address().port();
        auto* params = new Poco::Net::HTTPServerParams;
        params->setKeepAlive(false);
        params->setMaxThreads(4);
        server_ = std::make_unique<Poco::Net::HTTPServer>(new BehaviourFactory(std::move(behaviour)), pool_, socket,
                                                          params);
        server_->start();
    }
    // Stops accepting, aborts open connections and waits for running handlers to return:
    // they may still use what the behaviour captured.
    ~TestServer() {
        server_->stopAll(true);
        pool_.joinAll();
        server_.reset();
    }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    std::string url(const std::string& scheme = "http") const {
        return scheme + "://127.0.0.1:" + std::to_string(port_) + "/tsa";
    }

private:
    Poco::UInt16 port_ = 0;
    Poco::ThreadPool pool_{1, 4};
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

std::unique_ptr<crypto::HttpTsa> client(const std::string& url, engine::Millis timeout = 5000,
                                        const std::string& caPemFile = "") {
    crypto::HttpTsaConfig config;
    config.url = url;
    config.timeout = timeout;
    config.caPemFile = caPemFile;
    auto tsa = crypto::HttpTsa::create(config);
    REQUIRE_OK(tsa);
    return std::move(tsa).value();
}

Behaviour answeringWith(crypto::LocalTsa& tsa) {
    return [&tsa](const std::string& request) {
        auto response = tsa.respond(request);
        if (!response.isOk()) return Answer{HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "text/plain", "no"};
        return Answer{HTTPResponse::HTTP_OK, "application/timestamp-reply", *response};
    };
}

// The request with the first byte of its imprint changed.
std::string withOtherImprint(const std::string& requestDer) {
    const auto* p = reinterpret_cast<const unsigned char*>(requestDer.data());
    TS_REQ* req = d2i_TS_REQ(nullptr, &p, static_cast<long>(requestDer.size()));
    if (req == nullptr) return requestDer;
    ASN1_OCTET_STRING* msg = TS_MSG_IMPRINT_get_msg(TS_REQ_get_msg_imprint(req));
    std::string bytes(reinterpret_cast<const char*>(ASN1_STRING_get0_data(msg)),
                      static_cast<std::size_t>(ASN1_STRING_length(msg)));
    bytes[0] = static_cast<char>(bytes[0] ^ 0xff);
    ASN1_STRING_set(msg, bytes.data(), static_cast<int>(bytes.size()));
    unsigned char* der = nullptr;
    const int length = i2d_TS_REQ(req, &der);
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    TS_REQ_free(req);
    return out;
}

}  // namespace

TEST_CASE("an HTTP TSA on loopback stamps, and its token verifies", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    auto local = pki.localTsa("tsa");
    TestServer server(answeringWith(*local));
    auto tsa = client(server.url());
    const std::string imprint = sha256("a signature value");

    auto token = tsa->stamp(imprint);
    REQUIRE_OK(token);
    crypto::TimeStampTrust trust;
    trust.anchorPems = {pki.pem("ca")};
    auto info = crypto::TimeStampVerifier().verify(*token, imprint, trust, pki.now());
    REQUIRE_OK(info);
    CHECK(info->serial == "1");

    writeFile(pki.path("http.tst"), *token);
    const auto verified = runCommand("openssl ts -verify -token_in -in " + shellQuote(pki.path("http.tst")) +
                                     " -digest " + toHex(imprint) + " -CAfile " + shellQuote(pki.path("ca.pem")));
    INFO(verified.output);
    CHECK(verified.exitCode == 0);
}

TEST_CASE("an HTTP TSA that refuses or misbehaves is refused clearly", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    auto local = pki.localTsa("tsa");
    const std::string imprint = sha256("a signature value");

    SECTION("status rejection, with the TSA's failure info and text") {
        // LocalTsa answers a malformed request with rejection/badDataFormat.
        TestServer server([&](const std::string&) { return answeringWith(*local)("not a request"); });
        auto token = client(server.url())->stamp(imprint);
        CHECK_CODE(token, StatusCode::kFailedPrecondition);
        CHECK_THAT(token.status().message(), Catch::Contains("refused the timestamp request"));
        CHECK_THAT(token.status().message(), Catch::Contains("rejection"));
        CHECK_THAT(token.status().message(), Catch::Contains("badDataFormat"));
    }
    SECTION("garbage bytes") {
        TestServer server([](const std::string&) {
            return Answer{HTTPResponse::HTTP_OK, "application/timestamp-reply", "\x30\x82\xff\xff garbage"};
        });
        auto token = client(server.url())->stamp(imprint);
        CHECK_CODE(token, StatusCode::kUnavailable);
        CHECK_THAT(token.status().message(), Catch::Contains("not a DER TimeStampResp"));
    }
    SECTION("an HTML page, named by its content type") {
        TestServer server([](const std::string&) {
            return Answer{HTTPResponse::HTTP_OK, "text/html", "<html>Service moved</html>"};
        });
        auto token = client(server.url())->stamp(imprint);
        CHECK_CODE(token, StatusCode::kUnavailable);
        CHECK_THAT(token.status().message(), Catch::Contains("text/html"));
    }
    SECTION("an HTTP error") {
        TestServer server([](const std::string&) {
            return Answer{HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "text/plain", "maintenance"};
        });
        auto token = client(server.url())->stamp(imprint);
        CHECK_CODE(token, StatusCode::kUnavailable);
        CHECK_THAT(token.status().message(), Catch::Contains("HTTP 503"));
    }
    SECTION("a replayed response (the nonce is not ours)") {
        std::mutex mutex;
        std::string first;
        TestServer server([&](const std::string& request) {
            std::lock_guard<std::mutex> lock(mutex);
            if (first.empty()) first = answeringWith(*local)(request).body;
            return Answer{HTTPResponse::HTTP_OK, "application/timestamp-reply", first};
        });
        auto tsa = client(server.url());
        REQUIRE_OK(tsa->stamp(imprint));
        auto replayed = tsa->stamp(imprint);
        CHECK_CODE(replayed, StatusCode::kUnavailable);
        CHECK_THAT(replayed.status().message(), Catch::Contains("nonce"));
    }
    SECTION("a token for another imprint") {
        TestServer server([&](const std::string& request) { return answeringWith(*local)(withOtherImprint(request)); });
        auto token = client(server.url())->stamp(imprint);
        CHECK_CODE(token, StatusCode::kUnavailable);
        CHECK_THAT(token.status().message(), Catch::Contains("another imprint"));
    }
    SECTION("no answer within the timeout") {
        TestServer server([&](const std::string& request) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            return answeringWith(*local)(request);
        });
        auto token = client(server.url(), 300)->stamp(imprint);
        CHECK_CODE(token, StatusCode::kUnavailable);
        CHECK_THAT(token.status().message(), Catch::Contains("did not answer within 300 ms"));
    }
    SECTION("nobody listening") {
        std::string url;
        {
            TestServer server(answeringWith(*local));
            url = server.url();
        }
        auto token = client(url)->stamp(imprint);
        CHECK_CODE(token, StatusCode::kUnavailable);
        CHECK_THAT(token.status().message(), Catch::Contains("cannot be reached"));
    }
    SECTION("a wrong-sized imprint never leaves the process") {
        CHECK_CODE(client("http://127.0.0.1:9/")->stamp("short"), StatusCode::kInvalidArgument);
    }
}

TEST_CASE("an HTTPS TSA is reached through Poco NetSSL, checking the server's certificate", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    auto local = pki.localTsa("tsa");
    Poco::Net::Context::Ptr tls = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, pki.path("server.key"),
                                                         pki.path("server.pem"), "", Poco::Net::Context::VERIFY_NONE);
    TestServer server(answeringWith(*local), tls);
    const std::string imprint = sha256("over TLS");

    SECTION("trusting the CA that issued the server certificate") {
        auto token = client(server.url("https"), 5000, pki.path("ca.pem"))->stamp(imprint);
        REQUIRE_OK(token);
        crypto::TimeStampTrust trust;
        trust.anchorPems = {pki.pem("ca")};
        REQUIRE_OK(crypto::TimeStampVerifier().verify(*token, imprint, trust, pki.now()));
    }
    SECTION("trusting another CA: the handshake fails and nothing is sent") {
        auto token = client(server.url("https"), 5000, pki.path("otherca.pem"))->stamp(imprint);
        CHECK_CODE(token, StatusCode::kUnavailable);
        CHECK_THAT(token.status().message(), Catch::Contains("certificate verify failed"));
    }
}

TEST_CASE("an HTTPS TSA whose certificate names another host is refused", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    auto local = pki.localTsa("tsa");
    Poco::Net::Context::Ptr tls = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, pki.path("elsewhere.key"),
                                                         pki.path("elsewhere.pem"), "", Poco::Net::Context::VERIFY_NONE);
    TestServer server(answeringWith(*local), tls);
    auto token = client(server.url("https"), 5000, pki.path("ca.pem"))->stamp(std::string(32, 'h'));
    CHECK_CODE(token, StatusCode::kUnavailable);
    CHECK_THAT(token.status().message(), Catch::Contains("Unacceptable certificate from 127.0.0.1"));
}

TEST_CASE("an HTTP TSA configuration is checked when it is created", "[timestamp]") {
    auto create = [](const std::string& url, engine::Millis timeout = 1000, const std::string& ca = "") {
        crypto::HttpTsaConfig config;
        config.url = url;
        config.timeout = timeout;
        config.caPemFile = ca;
        return crypto::HttpTsa::create(config);
    };
    CHECK_CODE(create("ftp://tsa.example/"), StatusCode::kInvalidArgument);
    CHECK_CODE(create("http:///nohost"), StatusCode::kInvalidArgument);
    CHECK_CODE(create("not a url at all"), StatusCode::kInvalidArgument);
    CHECK_CODE(create("http://tsa.example/", 0), StatusCode::kInvalidArgument);
    CHECK_CODE(create("https://tsa.example/", 1000, "/nonexistent/ca.pem"), StatusCode::kInvalidArgument);
    CHECK_CODE(create("http://tsa.example/", 1000, "/etc/hosts"), StatusCode::kInvalidArgument);
    REQUIRE_OK(create("http://tsa.example"));
    REQUIRE_OK(create("https://tsa.example:8443/tsr?x=1"));
}
