#include "qujat/http/Server.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <csignal>
#include <memory>
#include <mutex>

#include "AccessLog.h"
#include "Api.h"
#include "ApiContext.h"
#include "WebAssets.h"
#include "ConnectionFactory.h"
#include "ConnectionHub.h"
#include "Metrics.h"
#include "Routes.h"
#include "StoreGauges.h"
#include "Ticker.h"

namespace qujat::http {

using engine::Result;
using engine::Status;

namespace {

std::vector<std::string> routeNames() {
    std::vector<std::string> names;
    for (const Route& r : routes()) names.push_back(std::string(r.method) + " " + r.path);
    return names;
}

Status checkOptions(const ServerOptions& o) {
    const Limits& l = o.limits;
    if (o.port < 0 || o.port > 65535) return engine::invalidArgument("the port must be from 0 to 65535");
    if (o.tickSeconds < 0) return engine::invalidArgument("the deadline interval cannot be negative");
    if (l.uploadBytes == 0 || l.jsonBytes == 0 || l.signatureBytes == 0 || l.headerBytes == 0)
        return engine::invalidArgument("size limits must be positive");
    if (l.headerCount < 1 || l.headerCount > 100)
        return engine::invalidArgument("the header count limit must be from 1 to 100 (Poco's own ceiling)");
    if (l.readTimeoutSeconds < 1 || l.bodyTimeoutSeconds < 1 || l.keepAliveSeconds < 1)
        return engine::invalidArgument("timeouts must be at least one second");
    if (l.threads < 1 || l.queue < 0 || l.maxKeepAliveRequests < 1)
        return engine::invalidArgument("threads and keep-alive requests must be at least 1, the queue at least 0");
    if (o.tls.enabled() && (o.tls.certificateFile.empty() || o.tls.keyFile.empty()))
        return engine::invalidArgument("HTTPS needs both tls.certificate and tls.key");
    return Status::ok();
}

// Poco's SSL library is initialised once per process and never torn down while a
// server might still use it.
void initializeSslOnce() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

}  // namespace

class ServerImpl {
public:
    ServerImpl(ServerPorts ports, ServerOptions options, std::unique_ptr<AccessLog> log, WebAssets web)
        : options_(std::move(options)),
          log_(std::move(log)),
          web_(std::move(web)),
          metrics_(routeNames()),
          gauges_(ports.store, std::chrono::seconds(10)),
          params_(new Poco::Net::HTTPServerParams),
          hub_(api_, params_, options_.limits),
          context_{ports, options_, metrics_, *log_, hub_, gauges_, web_},
          api_(context_) {}

    Status listen();
    void stop(int drainSeconds);
    void tick();

    ServerOptions options_;
    std::unique_ptr<AccessLog> log_;
    WebAssets web_;
    Metrics metrics_;
    StoreGauges gauges_;
    Poco::Net::HTTPServerParams::Ptr params_;
    ConnectionHub hub_;
    ApiContext context_;
    Api api_;
    Poco::Net::ServerSocket listener_;
    std::unique_ptr<Poco::ThreadPool> pool_;
    std::unique_ptr<Poco::Net::TCPServer> tcp_;  // after pool_: destroyed before it
    std::unique_ptr<Ticker> ticker_;
    std::uint16_t port_ = 0;
    std::mutex stopMutex_;
    bool stopped_ = false;
};

Status ServerImpl::listen() {
    const Limits& l = options_.limits;
    params_->setTimeout(Poco::Timespan(l.readTimeoutSeconds, 0));
    params_->setKeepAlive(true);
    params_->setKeepAliveTimeout(Poco::Timespan(l.keepAliveSeconds, 0));
    params_->setMaxKeepAliveRequests(l.maxKeepAliveRequests);
    params_->setMaxThreads(l.threads);
    // Beyond our own queue limit connections are still taken and answered 503 quickly;
    // only past this far larger margin does Poco close them unanswered.
    params_->setMaxQueued(l.queue + l.threads + 64);
    params_->setSoftwareVersion("");

    Poco::Net::SocketAddress address;
    try {
        address = Poco::Net::SocketAddress(options_.bind, static_cast<Poco::UInt16>(options_.port));
    } catch (const Poco::Exception& e) {
        return engine::invalidArgument("cannot listen on '" + options_.bind + "': " + e.displayText());
    }
    std::unique_ptr<Poco::Net::ServerSocket> socket;
    if (options_.tls.enabled()) {
        Poco::Net::Context::Ptr context;
        try {
            initializeSslOnce();
            Poco::Net::Context::Params p;
            p.privateKeyFile = options_.tls.keyFile;
            p.certificateFile = options_.tls.certificateFile;
            p.verificationMode = Poco::Net::Context::VERIFY_NONE;
            p.loadDefaultCAs = false;
            p.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
            context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, p);
            context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                      Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
        } catch (const Poco::Exception& e) {
            return engine::invalidArgument("the TLS certificate '" + options_.tls.certificateFile + "' or key '" +
                                           options_.tls.keyFile + "' cannot be used: " + e.displayText());
        }
        try {
            socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 128, context);
        } catch (const Poco::Exception& e) {
            return engine::unavailable("cannot listen on " + address.toString() + ": " + e.displayText());
        }
    } else {
        try {
            socket = std::make_unique<Poco::Net::ServerSocket>(address, 128);
        } catch (const Poco::Exception& e) {
            return engine::unavailable("cannot listen on " + address.toString() + ": " + e.displayText());
        }
    }
    port_ = socket->address().port();
    listener_ = *socket;
    pool_ = std::make_unique<Poco::ThreadPool>(std::min(2, l.threads), l.threads, 60);
    tcp_ = std::make_unique<Poco::Net::TCPServer>(new ConnectionFactory(hub_), *pool_, *socket, params_);
    hub_.watch(tcp_.get());
    tcp_->start();
    if (options_.tickSeconds > 0)
        ticker_ = std::make_unique<Ticker>(std::chrono::seconds(options_.tickSeconds), [this] { tick(); });
    return Status::ok();
}

void ServerImpl::tick() {
    auto report = context_.ports.service.tick();
    if (!report.isOk()) {
        metrics_.recordTick(0, 0, true);
        log_->event("deadlines-failed", {{"error", report.status().toString()}});
        return;
    }
    metrics_.recordTick(report->escalated, report->overdue, !report->problems.empty());
    if (report->escalated || report->overdue || !report->problems.empty()) {
        std::string problems;
        for (const auto& p : report->problems) problems += (problems.empty() ? "" : "; ") + p;
        log_->event("deadlines", {{"escalated", std::to_string(report->escalated)},
                                  {"overdue", std::to_string(report->overdue)},
                                  {"problems", problems}});
    }
}

void ServerImpl::stop(int drainSeconds) {
    std::lock_guard<std::mutex> lock(stopMutex_);
    if (stopped_) return;
    stopped_ = true;
    hub_.beginStop();
    if (ticker_) ticker_->stop();
    if (tcp_) tcp_->stop();  // no new connections; those still queued are closed
    try {
        listener_.close();  // refuse connections at once rather than leave them in the backlog
    } catch (const Poco::Exception&) {
    }
    hub_.drain(std::chrono::seconds(drainSeconds));
    if (pool_) pool_->joinAll();
    log_->event("stopped", {});
}

Result<std::unique_ptr<Server>> Server::start(ServerPorts ports, ServerOptions options) {
    QUJAT_RETURN_IF_ERROR(checkOptions(options));
    // A client that disconnects while we write must not kill the process.
    struct sigaction current {};
    if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) std::signal(SIGPIPE, SIG_IGN);
    auto log = AccessLog::open(options.accessLog);
    if (!log.isOk()) return log.status();
    WebAssets web;
    if (!options.webRoot.empty()) {
        auto loaded = WebAssets::load(options.webRoot);
        if (!loaded.isOk()) return loaded.status();
        web = std::move(loaded).value();
    }
    auto impl = std::make_unique<ServerImpl>(ports, std::move(options), std::move(log).value(), std::move(web));
    QUJAT_RETURN_IF_ERROR(impl->listen());
    return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<ServerImpl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

std::uint16_t Server::port() const { return impl_->port_; }

std::string Server::address() const {
    std::string host = impl_->options_.bind;
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return std::string(impl_->options_.tls.enabled() ? "https://" : "http://") + host + ":" + std::to_string(port());
}

void Server::stop(int drainSeconds) { impl_->stop(drainSeconds); }

}  // namespace qujat::http
