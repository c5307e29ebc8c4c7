#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "SqliteConnection.h"
#include "qujat/engine/Status.h"

namespace qujat::sqlite {

// Read connections opened as threads need them, at most `maxConnections` at once; a
// thread that finds all of them busy waits for one. Thread-safe.
class ReadPool {
public:
    ReadPool(std::string path, int busyTimeoutMs, int maxConnections);
    ~ReadPool();
    ReadPool(const ReadPool&) = delete;
    ReadPool& operator=(const ReadPool&) = delete;

    // Exclusive use of one connection; it goes back to the pool on destruction.
    class Lease {
    public:
        Lease(ReadPool& pool, std::unique_ptr<SqliteConnection> connection);
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        SqliteConnection& operator*() const { return *connection_; }

    private:
        ReadPool* pool_;
        std::unique_ptr<SqliteConnection> connection_;
    };

    // An idle connection, a new one if fewer than the maximum are open, or the next one
    // returned. kUnavailable if a new connection cannot be opened.
    engine::Result<Lease> acquire();

private:
    void release(std::unique_ptr<SqliteConnection> connection);

    const std::string path_;
    const int busyTimeoutMs_;
    const int maxConnections_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<SqliteConnection>> idle_;
    int open_ = 0;
};

}  // namespace qujat::sqlite
