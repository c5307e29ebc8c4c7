#pragma once

#include <memory>
#include <string>
#include <vector>

#include "HttpClient.h"
#include "Runtime.h"
#include "qujat/http/Server.h"
#include "support/TempDir.h"

namespace qujat::test {

// The real `qujat serve` stack in-process: the CLI's composition root over a SQLite data
// directory in a temporary directory, the repository's workflows, a small directory, a
// password for everyone, and the HTTP server on 127.0.0.1 with a port of its own.
//
//   KZ (central)            auditor.kz (auditor, subtree)
//   └ REG (region)          inspector.reg, chairman.reg
//     └ DIS (district)      secretary.dis, chairman.dis, first-deputy.dis, inspector.dis,
//       │                   registrar.dis, bm1.dis … bm5.dis (bureau-member)
//       ├ P1 (primary)      secretary.p1, chairman.p1
//       └ P2 (primary)      secretary.p2, chairman.p2
//
// chairman.p2 delegates "chairman" to bm1.dis. The clock is manual and starts at
// 2026-03-02T09:00:00Z; the deadline timer is off unless the options turn it on.
class HttpFixture {
public:
    // Options a test may change before the server starts: port 0, no deadline timer, the
    // access log in the temporary directory.
    static http::ServerOptions defaultOptions();
    static constexpr const char* kPassword = "құпия сөз — test password";

    // With `pkiDir` (a development PKI, tests/support/DevPki.h) sign steps demand verified
    // CAdES signatures and the clock starts at the real time, when its certificates are
    // valid; without, approvals need no signature (routing tests).
    explicit HttpFixture(http::ServerOptions options = defaultOptions(), const std::string& pkiDir = "");
    ~HttpFixture();

    cli::Runtime& runtime() { return *runtime_; }
    engine::Service& service() { return runtime_->service(); }
    engine::ManualClock& clock() { return *runtime_->manualClock(); }
    http::Server& server() { return *server_; }
    const HttpClient& client() const { return client_; }
    std::uint16_t port() const { return server_->port(); }
    std::string accessLogPath() const { return dir_.file("access.log"); }
    const TempDir& dir() const { return dir_; }

    // Signs `login` in over HTTP and returns the Bearer token (the test fails otherwise).
    std::string signIn(const std::string& login);

    // Submits a protocol of P1 (or P2) as its secretary over HTTP; returns the document id.
    std::int64_t submitProtocol(const std::string& token, const std::string& origin = "P1",
                                const std::string& title = "Хаттама", const std::string& text = "protocol text");
    // POST /documents/{id}/approval with {"comment": ...} as `token`.
    HttpResponse approve(const std::string& token, std::int64_t id, const std::string& comment = "");
    HttpResponse reject(const std::string& token, std::int64_t id, const std::string& comment);

private:
    void loadDirectory();

    TempDir dir_;
    std::unique_ptr<cli::Runtime> runtime_;
    std::unique_ptr<http::Server> server_;
    HttpClient client_{0};
};

std::string documentPath(std::int64_t id);

// A JSON string literal for `s` (for building request bodies by hand).
std::string quoteJson(const std::string& s);

}  // namespace qujat::test
