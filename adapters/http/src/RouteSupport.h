#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <optional>
#include <string>

#include "Exchange.h"
#include "Outcome.h"
#include "Problem.h"
#include "Reply.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"
#include "qujat/json/EngineJson.h"

// Small helpers shared by the route handlers in routes/.
namespace qujat::http::support {

// The problem reply for an engine failure.
inline Reply fail(const engine::Status& s) { return Reply::fromProblem(problemFor(s)); }
inline Reply fail(const Problem& p) { return Reply::fromProblem(p); }

// 400 naming an unknown query parameter, or nullopt when all are known.
std::optional<Reply> unknownQuery(const Exchange& ex, std::initializer_list<const char*> known);

// The positive whole number in path parameter `name`; 404 otherwise (no such resource).
Outcome<std::int64_t> idParam(const Exchange& ex, const std::string& name, const std::string& what);

// {"items": [...]} with "next" (a URL for the next page, or null).
Reply page(const Poco::JSON::Array::Ptr& items, const std::optional<std::string>& next);

// kNotFound unless the caller may see document `id` (so writes to documents the caller
// cannot see answer 404, exactly as reads do, and reveal nothing).
engine::Status requireVisible(Exchange& ex, engine::DocumentId id);

// Whether the caller holds the `auditor` role anywhere now.
engine::Result<bool> isAuditor(Exchange& ex);

}  // namespace qujat::http::support
