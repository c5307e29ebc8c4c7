#include "qujat/http/RouteTable.h"

#include "Routes.h"

namespace qujat::http {

const std::vector<Route>& routes() {
    static const std::vector<Route> kRoutes = {
        {"GET", "/healthz", Access::kPublic, ops::healthz},
        {"GET", "/metrics", Access::kPublic, ops::metrics},
        {"POST", "/api/v1/session", Access::kPublic, session::signIn},
        {"GET", "/api/v1/session", Access::kSignedIn, session::current},
        {"DELETE", "/api/v1/session", Access::kSignedIn, session::signOut},
        {"GET", "/api/v1/workflows", Access::kSignedIn, workflows::list},
        {"GET", "/api/v1/workflows/{id}", Access::kSignedIn, workflows::get},
        {"GET", "/api/v1/workflows/{id}/diagram", Access::kSignedIn, workflows::diagram},
        {"GET", "/api/v1/documents", Access::kSignedIn, documents::list},
        {"POST", "/api/v1/documents", Access::kSignedIn, documents::submit},
        {"GET", "/api/v1/documents/{id}", Access::kSignedIn, documents::get},
        {"GET", "/api/v1/documents/{id}/versions", Access::kSignedIn, documents::versions},
        {"POST", "/api/v1/documents/{id}/versions", Access::kSignedIn, documents::resubmit},
        {"GET", "/api/v1/documents/{id}/versions/{n}", Access::kSignedIn, documents::version},
        {"GET", "/api/v1/documents/{id}/versions/{n}/content", Access::kSignedIn, content::get},
        {"POST", "/api/v1/documents/{id}/approval", Access::kSignedIn, documents::approve},
        {"POST", "/api/v1/documents/{id}/rejection", Access::kSignedIn, documents::reject},
        {"GET", "/api/v1/documents/{id}/history", Access::kSignedIn, documents::history},
        {"GET", "/api/v1/documents/{id}/evidence", Access::kSignedIn, documents::evidence},
        {"GET", "/api/v1/tasks", Access::kSignedIn, tasks::inbox},
        {"GET", "/api/v1/delegations", Access::kSignedIn, tasks::delegations},
        {"GET", "/api/v1/orgs/{code}", Access::kSignedIn, directory::org},
        {"GET", "/api/v1/orgs/{code}/children", Access::kSignedIn, directory::children},
        {"GET", "/api/v1/users/{login}", Access::kSignedIn, directory::user},
        {"GET", "/api/v1/dashboard", Access::kSignedIn, dashboard::get},
        {"GET", "/api/v1/audit", Access::kSignedIn, audit::events},
        {"GET", "/api/v1/audit/verification", Access::kSignedIn, audit::verification},
    };
    return kRoutes;
}

std::vector<RouteInfo> routeTable() {
    std::vector<RouteInfo> out;
    for (const Route& r : routes()) out.push_back({r.method, r.path});
    return out;
}

}  // namespace qujat::http
