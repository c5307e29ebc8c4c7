// Running the server: health, metrics, the access log, the deadline timer, HTTPS,
// keep-alive, configuration, and a graceful stop.
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <future>
#include <sstream>
#include <chrono>
#include <thread>

#include "HttpFixture.h"
#include "qujat/http/ServerConfig.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"

namespace qujat::test {

TEST_CASE("health and metrics are served without signing in", "[http]") {
    HttpFixture fx;
    auto health = fx.client().get("/healthz", "");
    CHECK(health.status == 200);
    CHECK(health.object()->getValue<std::string>("status") == "ok");

    const std::string token = fx.signIn("secretary.p1");
    fx.submitProtocol(token);
    fx.client().get("/api/v1/tasks", token);
    fx.client().get("/api/v1/documents/77", token);
    // A request is counted once its response has been written, which can be just after the
    // client has read it: scrape until the last one shows (as a real scraper would, later).
    const std::string lastCounted =
        "qujat_http_requests_total{route=\"GET /api/v1/documents/{id}\",method=\"GET\",status=\"404\"} 1";
    auto metrics = fx.client().get("/metrics", "");
    for (int i = 0; i < 100 && metrics.body.find(lastCounted) == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        metrics = fx.client().get("/metrics", "");
    }
    REQUIRE(metrics.status == 200);
    CHECK(metrics.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
    const std::string& text = metrics.body;
    CHECK(text.find("qujat_http_requests_total{route=\"GET /api/v1/tasks\",method=\"GET\",status=\"200\"} 1") !=
          std::string::npos);
    CHECK(text.find(lastCounted) != std::string::npos);
    CHECK(text.find("qujat_http_request_duration_seconds_bucket{route=\"POST /api/v1/documents\",le=\"+Inf\"} 1") !=
          std::string::npos);
    CHECK(text.find("# TYPE qujat_http_request_duration_seconds histogram") != std::string::npos);
    CHECK(text.find("qujat_open_tasks 2\n") != std::string::npos);  // the chairman's and the secretary's signatures
    CHECK(text.find("qujat_documents 1\n") != std::string::npos);
    CHECK(text.find("qujat_audit_events ") != std::string::npos);
}

TEST_CASE("the access log has one JSON object per request", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p1");
    fx.client().get("/api/v1/tasks?secret=words", token);
    fx.client().get("/api/v1/tasks", token);
    fx.server().stop();
    std::ifstream log(fx.accessLogPath());
    std::string line;
    std::vector<Poco::JSON::Object::Ptr> entries;
    while (std::getline(log, line)) {
        INFO(line);
        auto parsed = Poco::JSON::Parser().parse(line);
        entries.push_back(parsed.extract<Poco::JSON::Object::Ptr>());
    }
    REQUIRE(entries.size() >= 3);
    // A line is written once its response is sent, so a client's next request may be
    // logged first: find each by what it was.
    auto find = [&](const std::string& method, const std::string& path, int status) -> Poco::JSON::Object::Ptr {
        for (const auto& e : entries)
            if (e->has("method") && e->has("path") && e->getValue<std::string>("method") == method && e->getValue<std::string>("path") == path &&
                e->getValue<int>("status") == status)
                return e;
        return nullptr;
    };
    auto signIn = find("POST", "/api/v1/session", 201);
    REQUIRE(signIn);
    CHECK(signIn->getValue<std::string>("login") == "secretary.p1");
    for (const char* key : {"time", "bytes", "durationMs", "remote"}) CHECK(signIn->has(key));
    CHECK(find("GET", "/api/v1/tasks", 400));  // logged without its query, which may hold secrets
    auto inbox = find("GET", "/api/v1/tasks", 200);
    REQUIRE(inbox);
    CHECK(inbox->getValue<std::string>("login") == "secretary.p1");
    for (const auto& e : entries)
        if (e->has("path")) CHECK(e->getValue<std::string>("path").find("secret") == std::string::npos);
}

TEST_CASE("the deadline timer escalates overdue tasks in the background", "[http]") {
    auto options = HttpFixture::defaultOptions();
    options.tickSeconds = 1;
    HttpFixture fx(options);
    const std::string secretary = fx.signIn("secretary.p1");
    const auto id = fx.submitProtocol(secretary);
    REQUIRE(fx.approve(fx.signIn("chairman.p1"), id).status == 200);
    REQUIRE(fx.approve(secretary, id).status == 200);  // now at "register", due in three days
    const std::string deputy = fx.signIn("first-deputy.dis");
    CHECK(fx.client().get("/api/v1/tasks", deputy).object()->getArray("items")->size() == 0);
    fx.clock().advance(4LL * 24 * 3600 * 1000);
    const std::string deputyAgain = fx.signIn("first-deputy.dis");
    std::size_t tasks = 0;
    for (int i = 0; i < 30 && tasks == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        tasks = fx.client().get("/api/v1/tasks", deputyAgain).object()->getArray("items")->size();
    }
    CHECK(tasks == 1);
    CHECK(fx.client().get("/metrics", "").body.find("qujat_tasks_escalated_total 1\n") != std::string::npos);
}

TEST_CASE("one connection carries many requests", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p1");
    Poco::Net::HTTPClientSession session("127.0.0.1", fx.port());
    session.setKeepAlive(true);
    for (int i = 0; i < 20; ++i) {
        Poco::Net::HTTPRequest request("GET", "/api/v1/tasks", Poco::Net::HTTPMessage::HTTP_1_1);
        request.set("Authorization", "Bearer " + token);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
        REQUIRE(response.getStatus() == 200);
        CHECK(response.getKeepAlive());
    }
}

TEST_CASE("a graceful stop lets a request in flight finish and takes no new ones", "[http]") {
    HttpFixture fx;
    Poco::Net::StreamSocket client(Poco::Net::SocketAddress("127.0.0.1", fx.port()));
    const std::string body = "{\"login\":\"secretary.p1\",\"password\":" + quoteJson(HttpFixture::kPassword) + "}";
    const std::string head = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    const std::string first = head + body.substr(0, 5);
    client.sendBytes(first.data(), static_cast<int>(first.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto stopped = std::async(std::launch::async, [&] { fx.server().stop(10); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(stopped.wait_for(std::chrono::milliseconds(0)) == std::future_status::timeout);  // waiting for us
    const std::string rest = body.substr(5);
    client.sendBytes(rest.data(), static_cast<int>(rest.size()));
    std::string answer;
    char buffer[4096];
    client.setReceiveTimeout(Poco::Timespan(5, 0));
    for (int n; (n = client.receiveBytes(buffer, sizeof buffer)) > 0;) answer.append(buffer, static_cast<std::size_t>(n));
    CHECK(rawStatus(answer) == 201);
    CHECK(answer.find("Connection: Close") != std::string::npos);
    CHECK(stopped.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    CHECK_THROWS(Poco::Net::StreamSocket(Poco::Net::SocketAddress("127.0.0.1", fx.port())));
}

TEST_CASE("HTTPS is served when a certificate and key are configured", "[http]") {
    TempDir pki;
    const auto made = runCommand("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
                                 "-subj /CN=localhost -keyout " + shellQuote(pki.file("key.pem")) + " -out " +
                                 shellQuote(pki.file("cert.pem")));
    INFO(made.output);
    REQUIRE(made.exitCode == 0);
    auto options = HttpFixture::defaultOptions();
    options.tls.certificateFile = pki.file("cert.pem");
    options.tls.keyFile = pki.file("key.pem");
    HttpFixture fx(options);
    CHECK(fx.server().address().rfind("https://127.0.0.1:", 0) == 0);
    CHECK(fx.client().get("/healthz", "").status == 200);
    auto signIn = fx.client().postJson(
        "/api/v1/session", "{\"login\":\"secretary.p1\",\"password\":" + quoteJson(HttpFixture::kPassword) + "}", "");
    REQUIRE(signIn.status == 201);
    CHECK(signIn.header("Set-Cookie").find("; Secure") != std::string::npos);
    CHECK(signIn.header("Strict-Transport-Security") == "max-age=31536000");
    // Plain HTTP on the TLS port gets no answer it could mistake for one.
    CHECK(rawStatus(rawExchange(fx.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", std::chrono::milliseconds(1000))) ==
          0);

    SECTION("a key that does not exist stops startup with a message") {
        auto broken = HttpFixture::defaultOptions();
        broken.tls.certificateFile = pki.file("cert.pem");
        broken.tls.keyFile = pki.file("missing.pem");
        broken.accessLog = "off";
        auto server = http::Server::start({fx.service(), fx.runtime().accounts(), fx.runtime().store(), fx.clock()}, broken);
        CHECK_CODE(server, engine::StatusCode::kInvalidArgument);
    }
}

TEST_CASE("the configuration file sets options and refuses unknown keys", "[http]") {
    TempDir dir;
    SECTION("known keys") {
        std::ofstream(dir.file("qujat.properties")) << "# qujat serve\nbind = 0.0.0.0\nport = 9443\n"
                                                       "tls.certificate = /etc/qujat/cert.pem\ntls.key = /etc/qujat/key.pem\n"
                                                       "limits.upload-bytes = 1048576\nlimits.threads = 8\n"
                                                       "deadlines.interval-seconds = 30\nlog.access = off\n"
                                                       "web.root = /usr/share/qujat/web\n";
        auto options = http::loadServerConfig(dir.file("qujat.properties"), http::ServerOptions{});
        REQUIRE_OK(options);
        CHECK(options->bind == "0.0.0.0");
        CHECK(options->port == 9443);
        CHECK(options->tls.keyFile == "/etc/qujat/key.pem");
        CHECK(options->limits.uploadBytes == 1048576u);
        CHECK(options->limits.threads == 8);
        CHECK(options->limits.jsonBytes == (64u << 10));  // untouched
        CHECK(options->tickSeconds == 30);
        CHECK(options->accessLog == "off");
        CHECK(options->webRoot == "/usr/share/qujat/web");
    }
    SECTION("an unknown key") {
        std::ofstream(dir.file("qujat.properties")) << "prot = 8080\n";
        auto options = http::loadServerConfig(dir.file("qujat.properties"), http::ServerOptions{});
        CHECK_CODE(options, engine::StatusCode::kInvalidArgument);
        CHECK(options.status().message().find("'prot'") != std::string::npos);
    }
    SECTION("a bad value") {
        std::ofstream(dir.file("qujat.properties")) << "port = eighty\n";
        CHECK_CODE(http::loadServerConfig(dir.file("qujat.properties"), http::ServerOptions{}),
                   engine::StatusCode::kInvalidArgument);
    }
    SECTION("a missing file") {
        CHECK_CODE(http::loadServerConfig(dir.file("none.properties"), http::ServerOptions{}),
                   engine::StatusCode::kNotFound);
    }
}

}  // namespace qujat::test
