#pragma once

#include "AccessLog.h"
#include "Metrics.h"
#include "StoreGauges.h"
#include "WebAssets.h"
#include "qujat/http/Server.h"
#include "qujat/http/ServerOptions.h"

namespace qujat::http {

class ConnectionHub;

// What every route may use: the engine, the options, the server's own instruments, and the
// web UI's files.
// Lives as long as the server.
struct ApiContext {
    ServerPorts ports;
    ServerOptions options;
    Metrics& metrics;
    AccessLog& log;
    ConnectionHub& hub;
    StoreGauges& gauges;
    const WebAssets& web;  // empty when the server answers the API only
};

}  // namespace qujat::http
