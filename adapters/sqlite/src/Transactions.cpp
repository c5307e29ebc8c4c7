#include "Transactions.h"

#include <exception>

#include "SqliteReader.h"
#include "SqliteWriter.h"

namespace qujat::sqlite {

using engine::Status;

namespace {

template <typename Work, typename Access>
Status callGuarded(const Work& work, Access& access) {
    // The adapter promises never to throw; whatever the engine's work throws stops here.
    try {
        return work(access);
    } catch (const std::exception& e) {
        return engine::internalError(std::string("a store transaction threw: ") + e.what());
    } catch (...) {
        return engine::internalError("a store transaction threw a non-standard exception");
    }
}

}  // namespace

void rollbackQuietly(SqliteConnection& db) {
    if (db.inTransaction()) (void)db.exec("ROLLBACK");
}

Status runWork(SqliteConnection& db, const WriteWork& work) {
    db.clearStorageFailure();
    SqliteWriter writer(db);
    Status s = callGuarded(work, writer);
    if (s.isOk() && db.storageFailure()) return *db.storageFailure();
    if (s.isOk() && !db.inTransaction())
        return engine::unavailable("SQLite ended the write transaction on " + db.path() + " after a failure");
    return s;
}

Status runWriteTransaction(SqliteConnection& db, const WriteWork& work) {
    QUJAT_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE"));
    Status s = runWork(db, work);
    if (!s.isOk()) {
        rollbackQuietly(db);
        return s;
    }
    s = db.exec("COMMIT");
    if (!s.isOk()) rollbackQuietly(db);
    return s;
}

Status runReadTransaction(SqliteConnection& db, const ReadWork& work) {
    QUJAT_RETURN_IF_ERROR(db.exec("BEGIN"));
    db.clearStorageFailure();
    SqliteReader reader(db);
    Status s = callGuarded(work, reader);
    // Read-only: ending it either way releases the snapshot; COMMIT is the cheap one.
    Status ended = db.exec("COMMIT");
    if (!ended.isOk()) rollbackQuietly(db);
    if (!s.isOk()) return s;
    if (db.storageFailure()) return *db.storageFailure();
    return ended;
}

}  // namespace qujat::sqlite
