// GET /api/v1/audit (the chain, page by page) and /audit/verification, for auditors only;
// to anyone else they do not exist (404).
#include "RouteSupport.h"
#include "Routes.h"

namespace qujat::http::audit {

using namespace support;

namespace {

constexpr std::int64_t kDefaultPage = 100;
constexpr std::int64_t kMaxPage = 1000;

// 404 for everyone but auditors, as for a resource that is not there.
std::optional<Reply> auditorsOnly(Exchange& ex) {
    auto auditor = isAuditor(ex);
    if (!auditor.isOk()) return fail(auditor.status());
    if (!*auditor) return fail(problem(404, "not-found", "there is no resource at " + ex.url().path));
    return std::nullopt;
}

}  // namespace

Reply events(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {"after", "limit"})) return *bad;
    if (auto refused = auditorsOnly(ex)) return *refused;
    auto after = ex.query().integer("after", 0, 0, INT64_MAX);
    if (!after.ok()) return fail(after.problem());
    auto limit = ex.query().integer("limit", kDefaultPage, 1, kMaxPage);
    if (!limit.ok()) return fail(limit.problem());
    std::vector<engine::AuditEvent> found;
    bool more = false;
    // The store walks the chain from its start; the walk stops at the first event past the page.
    const engine::Status enough = engine::aborted("page complete");
    engine::Status s = ex.api().ports.store.read([&](engine::StoreReader& r) -> engine::Status {
        return r.forEachAuditEvent([&](const engine::AuditEvent& e) -> engine::Status {
            if (e.seq <= *after) return engine::Status::ok();
            if (static_cast<std::int64_t>(found.size()) == *limit) {
                more = true;
                return enough;
            }
            found.push_back(e);
            return engine::Status::ok();
        });
    });
    if (!s.isOk() && !(s.code() == enough.code() && s.message() == enough.message())) return fail(s);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& e : found) items->add(json::toJson(e));
    std::optional<std::string> next;
    if (more)
        next = "/api/v1/audit?limit=" + std::to_string(*limit) + "&after=" + std::to_string(found.back().seq);
    return page(items, next);
}

Reply verification(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    if (auto refused = auditorsOnly(ex)) return *refused;
    auto v = ex.service().verifyAudit();
    if (!v.isOk()) return fail(v.status());
    return Reply::json(200, json::toJson(*v));
}

}  // namespace qujat::http::audit
