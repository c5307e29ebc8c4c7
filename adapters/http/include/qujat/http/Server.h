#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "qujat/engine/Accounts.h"
#include "qujat/engine/Service.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Clock.h"
#include "qujat/engine/ports/Store.h"
#include "qujat/http/ServerOptions.h"

namespace qujat::http {

// What the API runs on; all must outlive the Server.
struct ServerPorts {
    engine::Service& service;
    engine::Accounts& accounts;
    // Directory and audit reads the Service does not offer (yet): organisations, users,
    // delegations, the audit log page by page, open-task counts for /metrics.
    engine::Store& store;
    engine::Clock& clock;
};

class ServerImpl;

// The HTTP API: /api/v1 (JSON, problem+json errors), /healthz and /metrics, served by a
// pool of connection threads, plus a background thread that processes deadlines
// (Service::tick) every options.tickSeconds.
class Server {
public:
    // Binds options.bind:options.port (with TLS when configured) and starts serving.
    // kInvalidArgument for unusable options or TLS files, kUnavailable if the address cannot
    // be bound. Ignores SIGPIPE for the whole process, as any socket server on Linux must.
    static engine::Result<std::unique_ptr<Server>> start(ServerPorts ports, ServerOptions options);

    // Stops as stop() does.
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // The port actually bound (useful with port 0).
    std::uint16_t port() const;
    // "http://127.0.0.1:8080" or "https://...": where the server listens.
    std::string address() const;

    // Graceful shutdown: stops accepting, lets requests in flight finish (up to
    // `drainSeconds`), closes idle connections, stops the deadline timer. Idempotent;
    // safe from any thread except a connection thread.
    void stop(int drainSeconds = 30);

private:
    explicit Server(std::unique_ptr<ServerImpl> impl);
    std::unique_ptr<ServerImpl> impl_;
};

}  // namespace qujat::http
