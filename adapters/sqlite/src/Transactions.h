#pragma once

#include <functional>

#include "SqliteConnection.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Store.h"

namespace qujat::sqlite {

using WriteWork = std::function<engine::Status(engine::StoreWriter&)>;
using ReadWork = std::function<engine::Status(engine::StoreReader&)>;

// Runs `work` on `db` inside whatever transaction or savepoint the caller opened. Returns
// its status, except: an exception it throws becomes kInternal; a storage failure it saw
// but ignored (busy, I/O, corruption) becomes the result, so it is not committed.
engine::Status runWork(SqliteConnection& db, const WriteWork& work);

// BEGIN IMMEDIATE, `work`, then COMMIT if it succeeded and ROLLBACK otherwise. OK means
// the commit is durable (synchronous=FULL).
engine::Status runWriteTransaction(SqliteConnection& db, const WriteWork& work);

// `work` inside BEGIN (deferred) … COMMIT: one snapshot for all of its queries.
engine::Status runReadTransaction(SqliteConnection& db, const ReadWork& work);

// Rolls back the open transaction, if there still is one (SQLite ends some on its own
// after a failure).
void rollbackQuietly(SqliteConnection& db);

}  // namespace qujat::sqlite
