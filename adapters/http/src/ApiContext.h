#pragma once

#include "AccessLog.h"
#include "Metrics.h"
#include "StoreGauges.h"
#include "qujat/http/Server.h"
#include "qujat/http/ServerOptions.h"

namespace qujat::http {

class ConnectionHub;

// What every route may use: the engine, the options, and the server's own instruments.
// Lives as long as the server.
struct ApiContext {
    ServerPorts ports;
    ServerOptions options;
    Metrics& metrics;
    AccessLog& log;
    ConnectionHub& hub;
    StoreGauges& gauges;
};

}  // namespace qujat::http
