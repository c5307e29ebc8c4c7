// GET /healthz, GET /metrics
#include "ConnectionHub.h"
#include "RouteSupport.h"
#include "Routes.h"

namespace qujat::http::ops {

using namespace support;

Reply healthz(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    // Answers from memory only: it measures the server, not the database.
    auto o = json::newObject();
    o->set("status", "ok");
    return Reply::json(200, o);
}

Reply metrics(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    Gauges g;
    if (engine::Status s = ex.api().gauges.fill(g); !s.isOk()) return fail(s);
    g.connectionsActive = ex.api().hub.active();
    g.connectionsQueued = ex.api().hub.queued();
    g.connectionsRefused = ex.api().hub.refused();
    Reply r;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = ex.api().metrics.render(g);
    return r;
}

}  // namespace qujat::http::ops
