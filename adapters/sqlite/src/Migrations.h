#pragma once

#include "SqliteConnection.h"
#include "qujat/engine/Status.h"

namespace qujat::sqlite {

// The schema version after every known migration has run (PRAGMA user_version).
int latestSchemaVersion();

// Applies, in one IMMEDIATE transaction, every numbered migration above the database's
// user_version and records the new version. Returns kFailedPrecondition if the database
// is newer than this build understands; the database is left untouched on any failure.
engine::Status migrate(SqliteConnection& connection);

}  // namespace qujat::sqlite
