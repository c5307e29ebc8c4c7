// GET /api/v1/tasks (my inbox), GET /api/v1/delegations (delegations to me).
#include "RouteSupport.h"
#include "Routes.h"

namespace qujat::http::tasks {

using namespace support;

Reply inbox(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto items = ex.service().inbox(ex.me().login);
    if (!items.isOk()) return fail(items.status());
    const engine::Millis now = ex.now();
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
    for (const auto& item : *items) out->add(json::toJson(item, now));
    return page(out, std::nullopt);
}

Reply delegations(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    std::vector<engine::Delegation> found;
    const engine::Millis now = ex.now();
    engine::Status s = ex.api().ports.store.read([&](engine::StoreReader& r) -> engine::Status {
        QUJAT_ASSIGN_OR_RETURN(found, r.delegationsTo(ex.me().login, now));
        return engine::Status::ok();
    });
    if (!s.isOk()) return fail(s);
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
    for (const auto& d : found) out->add(json::toJson(d));
    return page(out, std::nullopt);
}

}  // namespace qujat::http::tasks
