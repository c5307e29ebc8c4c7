#pragma once

#include <string>
#include <vector>

#include "Exchange.h"
#include "Reply.h"

namespace qujat::http {

using Handler = Reply (*)(Exchange&);

enum class Access {
    kPublic,    // anyone (health, metrics, signing in)
    kSignedIn,  // a valid session; cookie-authenticated writes must also be same-origin
};

// One entry of the route table. `path` segments in braces are parameters.
struct Route {
    const char* method;
    const char* path;
    Access access;
    Handler handler;
};

// The route table, in matching order.
const std::vector<Route>& routes();

// Route handlers, one file per resource (routes/*.cpp). Each answers one request and
// returns its reply; errors are replies too (problem+json), never exceptions.
namespace ops {
Reply healthz(Exchange& ex);
Reply metrics(Exchange& ex);
}  // namespace ops
namespace session {
Reply signIn(Exchange& ex);
Reply current(Exchange& ex);
Reply signOut(Exchange& ex);
}  // namespace session
namespace workflows {
Reply list(Exchange& ex);
Reply get(Exchange& ex);
Reply diagram(Exchange& ex);
}  // namespace workflows
namespace documents {
Reply list(Exchange& ex);
Reply submit(Exchange& ex);
Reply get(Exchange& ex);
Reply versions(Exchange& ex);
Reply version(Exchange& ex);
Reply resubmit(Exchange& ex);
Reply approve(Exchange& ex);
Reply reject(Exchange& ex);
Reply history(Exchange& ex);
Reply evidence(Exchange& ex);
}  // namespace documents
namespace content {
Reply get(Exchange& ex);
}  // namespace content
namespace tasks {
Reply inbox(Exchange& ex);
Reply delegations(Exchange& ex);
}  // namespace tasks
namespace directory {
Reply org(Exchange& ex);
Reply children(Exchange& ex);
Reply user(Exchange& ex);
}  // namespace directory
namespace dashboard {
Reply get(Exchange& ex);
}  // namespace dashboard
namespace audit {
Reply events(Exchange& ex);
Reply verification(Exchange& ex);
}  // namespace audit

}  // namespace qujat::http
