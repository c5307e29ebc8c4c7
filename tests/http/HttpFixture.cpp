#include "HttpFixture.h"

#include "ApprovalPolicy.h"

#include <catch2/catch.hpp>

#include "Context.h"
#include "SignatureCommands.h"
#include "qujat/engine/Clocks.h"
#include "support/StatusMatchers.h"
#include "support/TestDirectory.h"

namespace qujat::test {

using namespace engine;

http::ServerOptions HttpFixture::defaultOptions() {
    http::ServerOptions o;
    o.port = 0;
    o.tickSeconds = 0;
    o.accessLog = "";  // set to the temporary directory by the constructor
    o.limits.threads = 16;
    return o;
}

HttpFixture::HttpFixture(http::ServerOptions options, const std::string& pkiDir) {
    if (!pkiDir.empty()) REQUIRE_OK(cli::installPki(pkiDir, dir_.path()));
    cli::RuntimeOptions rt;
    rt.dataDir = dir_.path();
    rt.now = pkiDir.empty() ? *parseIsoUtc("2026-03-02T09:00:00Z") : SystemClock().now();
    rt.passwordCostLog2 = 10;  // the real cost is 2^15; the algorithm is the same
    rt.requireSignatures = !pkiDir.empty();
    auto runtime = cli::Runtime::open(rt);
    REQUIRE_OK(runtime);
    runtime_ = std::move(runtime).value();
    REQUIRE_OK(cli::loadBuiltInWorkflows(*runtime_, "operator", nullptr));
    loadDirectory();
    if (options.accessLog.empty()) options.accessLog = accessLogPath();
    options.trustDirectory = cli::trustDirectory(dir_.path());
    auto server = http::Server::start(
        {runtime_->service(), runtime_->accounts(), runtime_->store(), *runtime_->manualClock()}, options);
    REQUIRE_OK(server);
    server_ = std::move(server).value();
    Poco::Net::Context::Ptr tls;
    if (options.tls.enabled())
        tls = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_NONE);
    client_ = HttpClient(server_->port(), tls);
}

HttpFixture::~HttpFixture() {
    if (server_) server_->stop(5);
}

void HttpFixture::loadDirectory() {
    const TestDirectory d = smallDirectory();
    const Millis from = *parseIsoUtc("2020-01-01");
    std::vector<Delegation> delegations = {
        Delegation{0, "chairman.p2", "bm1.dis", "chairman", from, *parseIsoUtc("2030-01-01")}};
    REQUIRE_OK(service().importDirectory(d.orgs, d.users, d.grants, delegations, "operator"));
    for (const auto& u : d.users) REQUIRE_OK(runtime_->accounts().setPassword("operator", u.login, kPassword));
}

std::string HttpFixture::signIn(const std::string& login) {
    auto r = client_.postJson("/api/v1/session",
                              "{\"login\":" + quoteJson(login) + ",\"password\":" + quoteJson(kPassword) + "}", "");
    INFO(r.body);
    REQUIRE(r.status == 201);
    return r.object()->getValue<std::string>("token");
}

std::int64_t HttpFixture::submitProtocol(const std::string& token, const std::string& origin, const std::string& title,
                                         const std::string& text) {
    auto response = client_.send(
        multipartPost("/api/v1/documents",
                      {{"file", text, std::string("protocol.txt"), "text/plain"},
                       {"workflow", "ppo-protocol", std::nullopt, ""},
                       {"title", title, std::nullopt, ""},
                       {"org", origin, std::nullopt, ""},
                       {"fields", R"({"meeting-date": "2026-02-27", "present": 12})", std::nullopt, ""}},
                      token));
    INFO(response.body);
    REQUIRE(response.status == 201);
    return response.object()->getValue<Poco::Int64>("id");
}

HttpResponse HttpFixture::approve(const std::string& token, std::int64_t id, const std::string& comment) {
    return client_.postJson(documentPath(id) + "/approval", "{\"comment\":" + quoteJson(comment) + "}", token);
}

HttpResponse HttpFixture::reject(const std::string& token, std::int64_t id, const std::string& comment) {
    return client_.postJson(documentPath(id) + "/rejection", "{\"comment\":" + quoteJson(comment) + "}", token);
}

std::string documentPath(std::int64_t id) { return "/api/v1/documents/" + std::to_string(id); }

std::string quoteJson(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace qujat::test
