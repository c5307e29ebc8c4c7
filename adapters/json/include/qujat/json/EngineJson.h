#pragma once

#include <Poco/JSON/Object.h>

#include "qujat/engine/AuditChain.h"
#include "qujat/engine/Dashboard.h"
#include "qujat/engine/Directory.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Service.h"
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

// The document with its versions, tasks and signatures ("versions", "tasks", "signatures").
Poco::JSON::Object::Ptr toJson(const engine::DocumentView& view);
// The whole definition: toJson(WorkflowDefinition) plus "fields" and "stepDetails" (kind,
// mode, quorum, actors, dueSeconds, escalateTo, numberPattern, branches, titles).
Poco::JSON::Object::Ptr toJsonDetailed(const engine::WorkflowDefinition& w);
// A task to act on, with the document it belongs to and whether its deadline has passed
// at `now`.
Poco::JSON::Object::Ptr toJson(const engine::InboxItem& item, engine::Millis now);
Poco::JSON::Object::Ptr toJson(const engine::Org& o);
// Never includes the password hash.
Poco::JSON::Object::Ptr toJson(const engine::User& u);
Poco::JSON::Object::Ptr toJson(const engine::RoleGrant& g);
Poco::JSON::Object::Ptr toJson(const engine::Delegation& d);
Poco::JSON::Object::Ptr toJson(const engine::AuditVerification& v);
// "org", "asOf", "totals", "organisations" (each toJson(Org) with its figures) and
// "submittedPerDay" ({"date": "YYYY-MM-DD", "count"}); turnarounds in whole seconds.
Poco::JSON::Object::Ptr toJson(const engine::Dashboard& d);

}  // namespace qujat::json
