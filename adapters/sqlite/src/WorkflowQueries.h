#pragma once

#include <string>
#include <vector>

#include "SqliteConnection.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Store.h"

// Stored workflow definitions: the StoreReader/StoreWriter workflow methods.
namespace qujat::sqlite::queries {

engine::Result<engine::StoredWorkflow> workflow(SqliteConnection& db, const std::string& id, int version);
engine::Result<engine::StoredWorkflow> latestWorkflow(SqliteConnection& db, const std::string& id);
engine::Result<std::vector<engine::StoredWorkflow>> latestWorkflows(SqliteConnection& db);
engine::Status putWorkflow(SqliteConnection& db, const engine::StoredWorkflow& wf);

}  // namespace qujat::sqlite::queries
