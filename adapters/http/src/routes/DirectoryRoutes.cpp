// GET /api/v1/orgs/{code}, /orgs/{code}/children, /users/{login}: the directory, readable by
// every signed-in user (names, levels, roles; never password hashes).
#include "RouteSupport.h"
#include "Routes.h"

namespace qujat::http::directory {

using namespace support;

namespace {

engine::Status read(Exchange& ex, const std::function<engine::Status(engine::StoreReader&)>& work) {
    return ex.api().ports.store.read(work);
}

}  // namespace

Reply org(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto found = ex.service().organisation(ex.param("code"));
    if (!found.isOk()) return fail(found.status());
    return Reply::json(200, json::toJson(*found));
}

Reply children(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    const std::string code = ex.param("code");
    std::vector<engine::Org> found;
    engine::Status s = read(ex, [&](engine::StoreReader& r) -> engine::Status {
        if (!r.orgByCode(code).isOk()) return engine::notFound("no organisation '" + code + "'");
        QUJAT_ASSIGN_OR_RETURN(found, r.childOrgs(code));
        return engine::Status::ok();
    });
    if (!s.isOk()) return fail(s);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& o : found) items->add(json::toJson(o));
    return page(items, std::nullopt);
}

Reply user(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto found = ex.service().user(ex.param("login"));
    if (!found.isOk()) {
        if (found.status().code() == engine::StatusCode::kNotFound)
            return fail(problem(404, "not-found", "no user '" + ex.param("login") + "'"));
        return fail(found.status());
    }
    auto o = json::toJson(found->user);
    Poco::JSON::Array::Ptr roles = new Poco::JSON::Array();
    for (const auto& g : found->grants) roles->add(json::toJson(g));
    o->set("roles", roles);
    return Reply::json(200, o);
}

}  // namespace qujat::http::directory
