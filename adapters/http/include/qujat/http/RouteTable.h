#pragma once

#include <string>
#include <vector>

namespace qujat::http {

// One route the API serves: "GET" and a path template such as
// "/api/v1/documents/{id}/versions/{n}/content", written as in docs/openapi.yaml.
struct RouteInfo {
    std::string method;
    std::string path;
};

// Every route the server answers, in the order they are matched. The OpenAPI description
// is checked against this list in both directions.
std::vector<RouteInfo> routeTable();

}  // namespace qujat::http
