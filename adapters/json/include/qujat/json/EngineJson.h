#pragma once

#include <Poco/JSON/Object.h>

#include "qujat/engine/Document.h"
#include "qujat/engine/Signature.h"
#include "qujat/engine/Workflow.h"

// The JSON shape of engine values, shared by the CLI's --json, the HTTP API and evidence
// packages so that each value looks the same everywhere. Keys keep insertion order.
namespace qujat::json {

Poco::JSON::Object::Ptr newObject();

Poco::JSON::Object::Ptr toJson(const engine::Document& d);
Poco::JSON::Object::Ptr toJson(const engine::Version& v);
Poco::JSON::Object::Ptr toJson(const engine::Task& t);
Poco::JSON::Object::Ptr toJson(const engine::AuditEvent& e);
Poco::JSON::Object::Ptr toJson(const engine::SignatureRecord& s);
Poco::JSON::Object::Ptr toJson(const engine::WorkflowDefinition& w);
Poco::JSON::Object::Ptr toJson(const engine::Diagnostic& d);

}  // namespace qujat::json
