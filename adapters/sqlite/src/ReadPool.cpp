#include "ReadPool.h"

namespace qujat::sqlite {

using engine::Result;

ReadPool::ReadPool(std::string path, int busyTimeoutMs, int maxConnections)
    : path_(std::move(path)), busyTimeoutMs_(busyTimeoutMs), maxConnections_(maxConnections < 1 ? 1 : maxConnections) {}

ReadPool::~ReadPool() = default;

ReadPool::Lease::Lease(ReadPool& pool, std::unique_ptr<SqliteConnection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

ReadPool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) {}

ReadPool::Lease::~Lease() {
    if (connection_) pool_->release(std::move(connection_));
}

Result<ReadPool::Lease> ReadPool::acquire() {
    {
        std::unique_lock<std::mutex> lock(mutex_);
        returned_.wait(lock, [&] { return !idle_.empty() || open_ < maxConnections_; });
        if (!idle_.empty()) {
            std::unique_ptr<SqliteConnection> connection = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(connection));
        }
        ++open_;
    }
    // Opened outside the lock: it touches the file and may wait on busy_timeout.
    auto opened = SqliteConnection::open(path_, SqliteConnection::Purpose::kRead, busyTimeoutMs_);
    if (!opened.isOk()) {
        std::lock_guard<std::mutex> lock(mutex_);
        --open_;
        returned_.notify_one();
        return opened.status();
    }
    return Lease(*this, std::move(opened).value());
}

void ReadPool::release(std::unique_ptr<SqliteConnection> connection) {
    // A connection still inside a transaction (its COMMIT and ROLLBACK both failed) would
    // fail every later BEGIN; close it and let the next reader open a fresh one.
    if (connection->inTransaction()) connection.reset();
    std::lock_guard<std::mutex> lock(mutex_);
    if (connection) idle_.push_back(std::move(connection));
    else --open_;
    returned_.notify_one();
}

}  // namespace qujat::sqlite
