#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "SqliteStatement.h"
#include "qujat/engine/Status.h"

namespace qujat::sqlite {

// One sqlite3 connection with its cache of prepared statements; closed on destruction.
// Used by one thread at a time (the store hands it out under a lock).
class SqliteConnection {
public:
    enum class Purpose { kWrite, kRead };

    // Opens `path` (creating it for kWrite) and sets journal_mode=WAL, synchronous=FULL,
    // foreign_keys=ON and busy_timeout; read connections are also query_only. Returns
    // kUnavailable if the file cannot be opened or put in WAL mode, kDataLoss if it is not
    // a database.
    static engine::Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, Purpose purpose,
                                                                  int busyTimeoutMs);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // The cached prepared statement for `sql`, leased for one use. If it is already in use
    // (a query issued while iterating the same query), a fresh uncached one is leased.
    engine::Result<StatementLease> prepare(const std::string& sql);
    // Runs constant SQL without parameters (transaction control, pragmas, migrations).
    engine::Status exec(const std::string& sql);

    bool inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }
    std::int64_t lastInsertId() const { return sqlite3_last_insert_rowid(db_); }
    int changes() const { return sqlite3_changes(db_); }
    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    // The first storage failure (busy, I/O, corruption) seen since the last clear, so a
    // transaction whose work swallowed one is not committed as if all went well.
    void noteStorageFailure(const engine::Status& failure);
    const std::optional<engine::Status>& storageFailure() const { return storageFailure_; }
    void clearStorageFailure() { storageFailure_.reset(); }

private:
    SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    engine::Result<std::unique_ptr<SqliteStatement>> compile(const std::string& sql, unsigned flags);
    engine::Result<std::string> pragmaText(const std::string& sql);

    sqlite3* db_;
    std::string path_;
    std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
    std::optional<engine::Status> storageFailure_;
};

}  // namespace qujat::sqlite
