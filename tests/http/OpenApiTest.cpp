// docs/openapi.yaml describes exactly the routes the server answers.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "qujat/http/RouteTable.h"

namespace qujat::test {

namespace {

// "GET /api/v1/documents" for every operation under `paths:` — the spec is written so that
// a path is a key indented by two spaces and starting with '/', and its operations are
// keys indented by four.
std::set<std::string> specOperations(const std::string& file) {
    std::ifstream in(file);
    REQUIRE(in);
    std::set<std::string> out;
    std::string line, path;
    bool inPaths = false;
    static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"};
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != ' ' && line[0] != '#') inPaths = line.rfind("paths:", 0) == 0;
        if (!inPaths) continue;
        if (line.rfind("  /", 0) == 0 && line.back() == ':') {
            path = line.substr(2, line.size() - 3);
            continue;
        }
        if (line.rfind("    ", 0) == 0 && line.size() > 4 && line[4] != ' ' && line.back() == ':') {
            std::string key = line.substr(4, line.size() - 5);
            if (kMethods.count(key)) {
                for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                out.insert(key + " " + path);
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the OpenAPI description lists exactly the routes served", "[http]") {
    const auto spec = specOperations(std::string(QUJAT_SOURCE_DIR) + "/docs/openapi.yaml");
    std::set<std::string> served;
    for (const auto& r : http::routeTable()) served.insert(r.method + " " + r.path);
    for (const auto& op : served) {
        INFO("served but not described: " << op);
        CHECK(spec.count(op) == 1);
    }
    for (const auto& op : spec) {
        INFO("described but not served: " << op);
        CHECK(served.count(op) == 1);
    }
    CHECK(served.size() == http::routeTable().size());  // no route twice
}

}  // namespace qujat::test
