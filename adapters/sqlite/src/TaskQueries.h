#pragma once

#include <string>
#include <vector>

#include "SqliteConnection.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"

// Tasks and the inbox: the StoreReader/StoreWriter task methods over one connection.
namespace qujat::sqlite::queries {

engine::Result<std::vector<engine::Task>> tasksOf(SqliteConnection& db, engine::DocumentId id);
engine::Result<engine::Task> task(SqliteConnection& db, engine::TaskId id);
engine::Result<std::vector<engine::Task>> openTasksFor(SqliteConnection& db, const std::string& login,
                                                       engine::Millis at);
engine::Result<std::vector<engine::Task>> overdueTasks(SqliteConnection& db, engine::Millis at);

engine::Result<engine::TaskId> insertTask(SqliteConnection& db, const engine::Task& task);
engine::Status updateTask(SqliteConnection& db, const engine::Task& task);

}  // namespace qujat::sqlite::queries
