#include "SqliteStatement.h"

#include <memory>

#include "SqliteConnection.h"
#include "SqliteErrors.h"

namespace qujat::sqlite {

using engine::Result;
using engine::Status;

namespace {

// The first line of a statement, short enough for an error message.
std::string describe(const std::string& sql) {
    std::string head = sql.substr(0, sql.find('\n'));
    if (head.size() > 80) head = head.substr(0, 77) + "...";
    return "'" + head + "'";
}

}  // namespace

SqliteStatement::SqliteStatement(SqliteConnection& connection, sqlite3_stmt* statement, std::string sql)
    : connection_(connection), statement_(statement), sql_(std::move(sql)) {}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::noteBind(int rc) {
    if (rc != SQLITE_OK && bindFailure_ == SQLITE_OK) bindFailure_ = rc;
}

void SqliteStatement::bindInt(int index, std::int64_t value) {
    noteBind(sqlite3_bind_int64(statement_, index, static_cast<sqlite3_int64>(value)));
}

void SqliteStatement::bindText(int index, std::string_view value) {
    noteBind(sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void SqliteStatement::bindNull(int index) { noteBind(sqlite3_bind_null(statement_, index)); }

void SqliteStatement::bindOptionalInt(int index, const std::optional<std::int64_t>& value) {
    if (value) bindInt(index, *value);
    else bindNull(index);
}

void SqliteStatement::bindOptionalText(int index, const std::optional<std::string>& value) {
    if (value) bindText(index, *value);
    else bindNull(index);
}

Result<bool> SqliteStatement::step() {
    if (bindFailure_ != SQLITE_OK) return statusFromSqlite(bindFailure_, nullptr, "bind parameters of " + describe(sql_));
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Status failure = statusFromSqlite(rc, connection_.handle(), "run " + describe(sql_));
    if (isStorageFailure(rc)) connection_.noteStorageFailure(failure);
    return failure;
}

Status SqliteStatement::run() {
    for (;;) {
        Result<bool> row = step();
        if (!row.isOk()) return row.status();
        if (!*row) return Status::ok();
    }
}

std::int64_t SqliteStatement::intAt(int column) const { return sqlite3_column_int64(statement_, column); }

std::string SqliteStatement::textAt(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) return std::string();
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

bool SqliteStatement::isNullAt(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::optional<std::int64_t> SqliteStatement::optionalIntAt(int column) const {
    if (isNullAt(column)) return std::nullopt;
    return intAt(column);
}

std::optional<std::string> SqliteStatement::optionalTextAt(int column) const {
    if (isNullAt(column)) return std::nullopt;
    return textAt(column);
}

void SqliteStatement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    bindFailure_ = SQLITE_OK;
}

StatementLease::StatementLease(SqliteStatement* cached) : statement_(cached) { statement_->setInUse(true); }

StatementLease::StatementLease(std::unique_ptr<SqliteStatement> owned)
    : owned_(std::move(owned)), statement_(owned_.get()) {
    statement_->setInUse(true);
}

StatementLease::StatementLease(StatementLease&& other) noexcept
    : owned_(std::move(other.owned_)), statement_(other.statement_) {
    other.statement_ = nullptr;
}

StatementLease::~StatementLease() {
    if (statement_ == nullptr) return;
    statement_->reset();
    statement_->setInUse(false);
}

}  // namespace qujat::sqlite
