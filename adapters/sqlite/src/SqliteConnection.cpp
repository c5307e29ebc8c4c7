#include "SqliteConnection.h"

#include "SqliteErrors.h"

namespace qujat::sqlite {

using engine::Result;
using engine::Status;

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path, Purpose purpose,
                                                                int busyTimeoutMs) {
    sqlite3* db = nullptr;
    // NOMUTEX: the store never shares a connection between threads at the same time.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (purpose == Purpose::kWrite ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Status failure = statusFromSqlite(rc, db, "open database " + path);
        sqlite3_close_v2(db);
        return failure;
    }
    std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db, path));
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busyTimeoutMs);

    QUJAT_ASSIGN_OR_RETURN(std::string journal, connection->pragmaText("PRAGMA journal_mode=WAL"));
    if (journal != "wal")
        return engine::unavailable("SQLite: database " + path + " could not be put in WAL mode (journal mode is '" +
                                   journal + "'); is it on a file system without shared memory?");
    QUJAT_RETURN_IF_ERROR(connection->exec("PRAGMA synchronous=FULL"));
    QUJAT_RETURN_IF_ERROR(connection->exec("PRAGMA foreign_keys=ON"));
    if (purpose == Purpose::kRead) QUJAT_RETURN_IF_ERROR(connection->exec("PRAGMA query_only=ON"));
    return connection;
}

SqliteConnection::~SqliteConnection() {
    cache_.clear();
    // close_v2 so that a statement still alive somewhere cannot make the handle leak.
    sqlite3_close_v2(db_);
}

Result<std::unique_ptr<SqliteStatement>> SqliteConnection::compile(const std::string& sql, unsigned flags) {
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1), flags, &statement, nullptr);
    if (rc != SQLITE_OK) {
        Status failure = statusFromSqlite(rc, db_, "prepare '" + sql.substr(0, 80) + "'");
        sqlite3_finalize(statement);
        if (isStorageFailure(rc)) noteStorageFailure(failure);
        return failure;
    }
    return std::make_unique<SqliteStatement>(*this, statement, sql);
}

Result<StatementLease> SqliteConnection::prepare(const std::string& sql) {
    auto cached = cache_.find(sql);
    if (cached == cache_.end()) {
        QUJAT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStatement> compiled, compile(sql, SQLITE_PREPARE_PERSISTENT));
        cached = cache_.emplace(sql, std::move(compiled)).first;
    }
    if (!cached->second->inUse()) return StatementLease(cached->second.get());
    QUJAT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStatement> fresh, compile(sql, 0));
    return StatementLease(std::move(fresh));
}

Status SqliteConnection::exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    sqlite3_free(error);  // the same text is still available from sqlite3_errmsg
    if (rc == SQLITE_OK) return Status::ok();
    Status failure = statusFromSqlite(rc, db_, "run '" + sql.substr(0, 80) + "'");
    if (isStorageFailure(rc)) noteStorageFailure(failure);
    return failure;
}

Result<std::string> SqliteConnection::pragmaText(const std::string& sql) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease statement, prepare(sql));
    QUJAT_ASSIGN_OR_RETURN(bool row, statement->step());
    if (!row) return engine::internalError("SQLite: '" + sql + "' returned no row");
    return statement->textAt(0);
}

void SqliteConnection::noteStorageFailure(const Status& failure) {
    if (!storageFailure_) storageFailure_ = failure;
}

}  // namespace qujat::sqlite
