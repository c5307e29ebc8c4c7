#include "SqliteErrors.h"

namespace qujat::sqlite {

using engine::StatusCode;

namespace {

StatusCode codeFor(int rc) {
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_NOMEM:
        case SQLITE_PROTOCOL:
        case SQLITE_READONLY:
        case SQLITE_INTERRUPT:
        case SQLITE_NOLFS:
        case SQLITE_AUTH:
        case SQLITE_PERM:
            return StatusCode::kUnavailable;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return StatusCode::kDataLoss;
        case SQLITE_CONSTRAINT:
            switch (rc) {
                case SQLITE_CONSTRAINT_UNIQUE:
                case SQLITE_CONSTRAINT_PRIMARYKEY:
                case SQLITE_CONSTRAINT_ROWID:
                    return StatusCode::kAlreadyExists;
                case SQLITE_CONSTRAINT_FOREIGNKEY:
                    return StatusCode::kNotFound;
                default:
                    return StatusCode::kInvalidArgument;
            }
        default:
            return StatusCode::kInternal;
    }
}

}  // namespace

bool isStorageFailure(int rc) {
    const StatusCode code = codeFor(rc);
    return code == StatusCode::kUnavailable || code == StatusCode::kDataLoss;
}

engine::Status statusFromSqlite(int rc, sqlite3* db, std::string_view what) {
    // sqlite3_errmsg describes the most recent failure on `db`, which is this one only if
    // nothing else ran on the connection since; fall back to the generic text for rc.
    const bool current = db != nullptr && sqlite3_extended_errcode(db) == rc;
    std::string message = "SQLite: ";
    message.append(what);
    message += ": ";
    message += current ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    message += " (code " + std::to_string(rc) + ")";
    return engine::Status(codeFor(rc), std::move(message));
}

}  // namespace qujat::sqlite
