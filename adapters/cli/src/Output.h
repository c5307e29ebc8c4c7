#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

#include "qujat/engine/AuditChain.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Service.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Workflow.h"
#include "qujat/json/EngineJson.h"

namespace qujat::cli {

// Exit codes, one per kind of failure, so scripts can tell them apart (documented in README).
constexpr int kExitUsage = 2;
int exitCodeFor(engine::StatusCode code);

// Prints `status` (to stderr as "qujat: <message>", or as a JSON error object on stdout
// with --json) and returns its exit code.
int reportFailure(const engine::Status& status, bool json);

// Prints one JSON value, pretty enough to read and stable for scripts.
void printJson(const Poco::Dynamic::Var& value);

using json::newObject;
using json::toJson;

// One line about a document: "#12 protocol «title» at PPO-00001: step sign (in-progress)".
std::string describe(const engine::Document& d);
// One line about a task: "task 7 sign seat 0 role:chairman@PPO-00001 open, due ...".
std::string describe(const engine::Task& t);

}  // namespace qujat::cli
