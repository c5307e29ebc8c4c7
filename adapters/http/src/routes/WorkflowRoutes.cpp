// GET /api/v1/workflows, /workflows/{id}, /workflows/{id}/diagram
#include "RouteSupport.h"
#include "Routes.h"
#include "WorkflowDiagram.h"

namespace qujat::http::workflows {

using namespace support;

Reply list(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto all = ex.service().listWorkflows();
    if (!all.isOk()) return fail(all.status());
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& w : *all) items->add(json::toJson(w));
    return page(items, std::nullopt);
}

namespace {

Outcome<engine::WorkflowDefinition> requested(Exchange& ex) {
    auto version = ex.query().integer("version", 0, 0, 1000000);
    if (!version.ok()) return version.problem();
    auto def = ex.service().workflow(ex.param("id"), static_cast<int>(*version));
    if (!def.isOk()) return def.status();
    return std::move(def).value();
}

}  // namespace

Reply get(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {"version"})) return *bad;
    auto def = requested(ex);
    if (!def.ok()) return fail(def.problem());
    return Reply::json(200, json::toJsonDetailed(*def));
}

Reply diagram(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {"version", "current", "lang"})) return *bad;
    auto def = requested(ex);
    if (!def.ok()) return fail(def.problem());
    const std::string current = ex.query().get("current").value_or("");
    if (!current.empty() && !def->step(current))
        return fail(problem(400, "malformed-request",
                            "workflow '" + def->id + "' has no step '" + current + "' to highlight"));
    const std::string lang = ex.query().get("lang").value_or("ru");
    if (lang != "kk" && lang != "ru" && lang != "en")
        return fail(problem(400, "malformed-request", "lang is one of kk, ru, en"));
    Reply r;
    r.contentType = "image/svg+xml; charset=utf-8";
    r.body = renderWorkflowSvg(*def, current, lang);
    return r;
}

}  // namespace qujat::http::workflows
