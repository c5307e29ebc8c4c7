#include "RouteSupport.h"

namespace qujat::http::support {

std::optional<Reply> unknownQuery(const Exchange& ex, std::initializer_list<const char*> known) {
    auto checked = ex.query().onlyKnown(known);
    if (!checked.ok()) return fail(checked.problem());
    return std::nullopt;
}

Outcome<std::int64_t> idParam(const Exchange& ex, const std::string& name, const std::string& what) {
    const std::string& text = ex.param(name);
    std::int64_t value = 0;
    bool valid = !text.empty() && text.size() <= 18 && text[0] != '0';
    for (char c : text) {
        if (c < '0' || c > '9') {
            valid = false;
            break;
        }
        value = value * 10 + (c - '0');
    }
    if (!valid) return problem(404, "not-found", "'" + text + "' is not " + what);
    return value;
}

Reply page(const Poco::JSON::Array::Ptr& items, const std::optional<std::string>& next) {
    auto o = json::newObject();
    o->set("items", items);
    o->set("next", next ? Poco::Dynamic::Var(*next) : Poco::Dynamic::Var());
    Reply r = Reply::json(200, o);
    if (next) r.header("Link", "<" + *next + ">; rel=\"next\"");
    return r;
}

engine::Status requireVisible(Exchange& ex, engine::DocumentId id) {
    return ex.service().document(ex.viewer(), id).status();
}

engine::Result<bool> isAuditor(Exchange& ex) {
    bool auditor = false;
    const engine::Millis now = ex.now();
    engine::Status s = ex.api().ports.store.read([&](engine::StoreReader& r) -> engine::Status {
        QUJAT_ASSIGN_OR_RETURN(std::vector<engine::RoleGrant> grants, r.grantsOf(ex.me().login, now));
        for (const auto& g : grants) auditor = auditor || g.role == "auditor";
        return engine::Status::ok();
    });
    if (!s.isOk()) return s;
    return auditor;
}

}  // namespace qujat::http::support
