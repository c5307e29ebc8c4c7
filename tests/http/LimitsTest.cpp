// Each limit a client can breach is answered with its own status, and the server goes on
// serving: 413 body too large, 431 headers too large, 408 too slow, 503 too many waiting.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <catch2/catch.hpp>
#include <thread>

#include "HttpFixture.h"

namespace qujat::test {

namespace {

// A connection driven byte by byte.
class RawConnection {
public:
    explicit RawConnection(std::uint16_t port) : socket_(Poco::Net::SocketAddress("127.0.0.1", port)) {}

    void send(const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) sent += socket_.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent));
    }
    // What arrives until the server closes or `wait` passes.
    std::string receive(std::chrono::milliseconds wait) {
        std::string out;
        socket_.setReceiveTimeout(Poco::Timespan(0, 100000));
        const auto until = std::chrono::steady_clock::now() + wait;
        char buffer[4096];
        while (std::chrono::steady_clock::now() < until) {
            try {
                const int n = socket_.receiveBytes(buffer, sizeof buffer);
                if (n <= 0) break;
                out.append(buffer, static_cast<std::size_t>(n));
            } catch (const Poco::TimeoutException&) {
            } catch (const Poco::Exception&) {
                break;
            }
        }
        return out;
    }

private:
    Poco::Net::StreamSocket socket_;
};

std::string signInBody() {
    return "{\"login\":\"secretary.p1\",\"password\":" + quoteJson(HttpFixture::kPassword) + "}";
}

bool stillServes(const HttpFixture& fx) { return fx.client().get("/healthz", "").status == 200; }

}  // namespace

TEST_CASE("bodies larger than their limit are refused with 413", "[http]") {
    auto options = HttpFixture::defaultOptions();
    options.limits.uploadBytes = 256u << 10;
    HttpFixture fx(options);
    const std::string token = fx.signIn("secretary.p1");
    SECTION("a JSON body over 64 KiB") {
        auto r = fx.client().postJson("/api/v1/session", "{\"login\":\"" + std::string(70000, 'x') + "\"}", "");
        CHECK(r.status == 413);
        CHECK(r.header("Content-Type").rfind("application/problem+json", 0) == 0);
        CHECK(r.object()->getValue<std::string>("detail").find("64 KiB") != std::string::npos);
    }
    SECTION("an upload over the upload limit, sent in full by a client that does not wait") {
        HttpRequest r = multipartPost("/api/v1/documents",
                                      {{"file", std::string(300u << 10, 'a'), std::string("big.txt"), "text/plain"},
                                       {"workflow", "ppo-protocol", std::nullopt, ""},
                                       {"title", "big", std::nullopt, ""}},
                                      token);
        CHECK(fx.client().send(r).status == 413);
        SECTION("or chunked, without announcing its length") {
            r.chunked = true;
            CHECK(fx.client().send(r).status == 413);
        }
    }
    SECTION("a length announced over the limit is refused before the body is sent") {
        RawConnection c(fx.port());
        c.send("POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
               "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 104857600\r\n"
               "Expect: 100-continue\r\n\r\n");
        const std::string answer = c.receive(std::chrono::milliseconds(3000));
        CHECK(rawStatus(answer) == 413);
        CHECK(answer.find("100 Continue") == std::string::npos);
    }
    SECTION("a small body with Expect: 100-continue is invited") {
        RawConnection c(fx.port());
        const std::string body = signInBody();
        c.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\nExpect: 100-continue\r\n\r\n");
        CHECK(rawStatus(c.receive(std::chrono::milliseconds(3000))) == 100);
        c.send(body);
        CHECK(rawStatus(c.receive(std::chrono::milliseconds(5000))) == 201);
    }
    CHECK(stillServes(fx));
}

TEST_CASE("too many or too large headers are refused with 431", "[http]") {
    HttpFixture fx;
    SECTION("more header fields than allowed") {
        std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 70; ++i) request += "X-Filler-" + std::to_string(i) + ": y\r\n";
        CHECK(rawStatus(rawExchange(fx.port(), request + "\r\n", std::chrono::milliseconds(3000))) == 431);
    }
    SECTION("one header longer than Poco reads") {
        const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: " + std::string(9000, 'c') + "\r\n\r\n";
        CHECK(rawStatus(rawExchange(fx.port(), request, std::chrono::milliseconds(3000))) == 431);
    }
    SECTION("headers together larger than the limit") {
        std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 3; ++i) request += "X-Big-" + std::to_string(i) + ": " + std::string(7000, 'b') + "\r\n";
        const std::string raw = rawExchange(fx.port(), request + "\r\n", std::chrono::milliseconds(3000));
        CHECK(rawStatus(raw) == 431);
        CHECK(raw.find("X-Content-Type-Options: nosniff") != std::string::npos);
    }
    CHECK(stillServes(fx));
}

TEST_CASE("a request whose length could be read two ways is refused with 400", "[http]") {
    HttpFixture fx;
    const std::string twoLengths = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}";
    CHECK(rawStatus(rawExchange(fx.port(), twoLengths, std::chrono::milliseconds(3000))) == 400);
    const std::string lengthAndChunks = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                        "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    CHECK(rawStatus(rawExchange(fx.port(), lengthAndChunks, std::chrono::milliseconds(3000))) == 400);
    const std::string otherCoding = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n";
    CHECK(rawStatus(rawExchange(fx.port(), otherCoding, std::chrono::milliseconds(3000))) == 400);
    CHECK(stillServes(fx));
}

TEST_CASE("clients too slow to send their request get 408", "[http]") {
    auto options = HttpFixture::defaultOptions();
    options.limits.readTimeoutSeconds = 1;
    options.limits.bodyTimeoutSeconds = 2;
    HttpFixture fx(options);
    SECTION("headers that stop halfway") {
        RawConnection c(fx.port());
        c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
        CHECK(rawStatus(c.receive(std::chrono::milliseconds(3000))) == 408);
    }
    SECTION("a body that stops halfway") {
        RawConnection c(fx.port());
        c.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"lo");
        CHECK(rawStatus(c.receive(std::chrono::milliseconds(3000))) == 408);
    }
    SECTION("a body that trickles past the body deadline") {
        RawConnection c(fx.port());
        c.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n");
        std::string answer;
        for (int i = 0; i < 8 && answer.empty(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            try {
                c.send(" ");
            } catch (const Poco::Exception&) {
            }
            answer = c.receive(std::chrono::milliseconds(10));
        }
        answer += c.receive(std::chrono::milliseconds(1000));
        CHECK(rawStatus(answer) == 408);
    }
    CHECK(stillServes(fx));
}

TEST_CASE("connections beyond the queue are answered 503 while the threads are busy", "[http]") {
    auto options = HttpFixture::defaultOptions();
    options.limits.threads = 1;
    options.limits.queue = 0;
    HttpFixture fx(options);
    // The only thread is busy: a request whose body has not all arrived.
    RawConnection busy(fx.port());
    const std::string body = signInBody();
    busy.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
              std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10));
    // Generous pauses: on a loaded CI machine (sanitizers, parallel tests) the server's
    // accept and dispatch threads must have seen each connection before the next step.
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    RawConnection second(fx.port()), third(fx.port());
    second.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    third.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    busy.send(body.substr(10));
    CHECK(rawStatus(busy.receive(std::chrono::milliseconds(5000))) == 201);
    const std::string shed = second.receive(std::chrono::milliseconds(5000));
    CHECK(rawStatus(shed) == 503);
    CHECK(shed.find("Retry-After: 1") != std::string::npos);
    CHECK(rawStatus(third.receive(std::chrono::milliseconds(5000))) == 200);
    CHECK(stillServes(fx));
}

}  // namespace qujat::test
