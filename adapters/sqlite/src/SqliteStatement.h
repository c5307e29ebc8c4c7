#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "qujat/engine/Status.h"

namespace qujat::sqlite {

class SqliteConnection;

// One prepared statement of one connection; finalized on destruction. Not thread-safe
// (neither is its connection). Binding failures are remembered and reported by step().
class SqliteStatement {
public:
    SqliteStatement(SqliteConnection& connection, sqlite3_stmt* statement, std::string sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    const std::string& sql() const { return sql_; }

    // Parameters are 1-based, as in the SQL text (?1, ?2, ...). Text is copied.
    void bindInt(int index, std::int64_t value);
    void bindText(int index, std::string_view value);
    void bindNull(int index);
    void bindOptionalInt(int index, const std::optional<std::int64_t>& value);
    void bindOptionalText(int index, const std::optional<std::string>& value);

    // Advances to the next row: true if there is one, false when done. Storage failures
    // are also recorded on the connection (see SqliteConnection::storageFailure).
    engine::Result<bool> step();
    // Runs a statement to completion, ignoring any rows.
    engine::Status run();

    // Columns are 0-based. Text keeps embedded NULs and arbitrary bytes.
    std::int64_t intAt(int column) const;
    std::string textAt(int column) const;
    bool isNullAt(int column) const;
    std::optional<std::int64_t> optionalIntAt(int column) const;
    std::optional<std::string> optionalTextAt(int column) const;

    // Ready for reuse: resets, clears bindings and any remembered binding failure.
    void reset();

    bool inUse() const { return inUse_; }
    void setInUse(bool inUse) { inUse_ = inUse; }

private:
    void noteBind(int rc);

    SqliteConnection& connection_;
    sqlite3_stmt* statement_;
    std::string sql_;
    int bindFailure_ = SQLITE_OK;
    bool inUse_ = false;
};

// Exclusive use of a statement for one query: resets it and frees it for the next user
// when it goes out of scope. Holds either a cached statement or one of its own.
class StatementLease {
public:
    explicit StatementLease(SqliteStatement* cached);
    explicit StatementLease(std::unique_ptr<SqliteStatement> owned);
    StatementLease(StatementLease&& other) noexcept;
    StatementLease& operator=(StatementLease&&) = delete;
    StatementLease(const StatementLease&) = delete;
    StatementLease& operator=(const StatementLease&) = delete;
    ~StatementLease();

    SqliteStatement& operator*() const { return *statement_; }
    SqliteStatement* operator->() const { return statement_; }

private:
    std::unique_ptr<SqliteStatement> owned_;
    SqliteStatement* statement_;
};

}  // namespace qujat::sqlite
