#pragma once

#include <string>
#include <vector>

#include "SqliteConnection.h"
#include "qujat/engine/Dashboard.h"
#include "qujat/engine/Status.h"

// What the documents of a subtree amount to, for the dashboard: the StoreReader activity
// methods over one connection, with the same contracts.
namespace qujat::sqlite::queries {

engine::Result<std::vector<engine::OriginActivity>> activityByOrigin(SqliteConnection& db, const std::string& orgCode,
                                                                     engine::Millis at);
engine::Result<std::vector<engine::DayCount>> submissionsPerDay(SqliteConnection& db, const std::string& orgCode,
                                                                engine::Millis from, engine::Millis to);

}  // namespace qujat::sqlite::queries
