// GET /api/v1/dashboard[?org=CODE]: a subtree's documents at a glance, for the
// organisations the caller holds a role at and everything below them; 404 for any other.
#include "RouteSupport.h"
#include "Routes.h"

namespace qujat::http::dashboard {

using namespace support;

Reply get(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {"org"})) return *bad;
    auto board = ex.service().dashboard(ex.viewer(), ex.query().get("org"));
    if (!board.isOk()) return fail(board.status());
    return Reply::json(200, json::toJson(*board));
}

}  // namespace qujat::http::dashboard
