#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "SqliteConnection.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"

// The audit chain: appended and read, never updated or deleted (there is no such code).
namespace qujat::sqlite::queries {

engine::Result<std::optional<engine::AuditEvent>> lastAuditEvent(SqliteConnection& db);
engine::Result<std::optional<std::pair<std::int64_t, std::string>>> auditHead(SqliteConnection& db);
engine::Status forEachAuditEvent(SqliteConnection& db, const std::function<engine::Status(const engine::AuditEvent&)>& visit);
engine::Result<std::vector<engine::AuditEvent>> auditEventsFor(SqliteConnection& db, const std::string& subject);
engine::Status appendAuditEvent(SqliteConnection& db, const engine::AuditEvent& e);

}  // namespace qujat::sqlite::queries
