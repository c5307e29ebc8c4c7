#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "qujat/engine/Status.h"

namespace qujat::sqlite {

// True for failures of the storage itself (busy, locked, I/O, full, corrupt, out of
// memory) as opposed to failures of one statement (constraints, misuse).
bool isStorageFailure(int rc);

// Maps a SQLite result code to the engine's vocabulary: busy/locked/I/O/full/cannot open
// → kUnavailable; corrupt/not a database → kDataLoss; unique/primary key → kAlreadyExists;
// foreign key → kNotFound; check/not null → kInvalidArgument; anything else → kInternal.
// The message names `what` and carries SQLite's own message from `db` (may be null).
engine::Status statusFromSqlite(int rc, sqlite3* db, std::string_view what);

}  // namespace qujat::sqlite
