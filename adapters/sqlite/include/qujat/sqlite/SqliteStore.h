#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Store.h"
#include "qujat/sqlite/SqliteOptions.h"

namespace qujat::sqlite {

class GroupCommitWriter;
class ReadPool;
class SqliteConnection;

// The Store port on one SQLite file in WAL mode with synchronous=FULL: a single write
// connection (transactions serialised, optionally group-committed) and a bounded pool of
// read connections that never block it. Thread-safe; never throws.
class SqliteStore final : public engine::Store {
public:
    // Opens (creating if absent) the database at `path` and brings its schema up to date
    // in one transaction. Returns kFailedPrecondition for a database written by a newer
    // schema version, kDataLoss for a file that is not a database or is corrupt,
    // kUnavailable if the file cannot be opened or locked. The directory must exist.
    static engine::Result<std::unique_ptr<SqliteStore>> open(const std::string& path, const SqliteOptions& options);

    // The schema version (PRAGMA user_version) this build writes and understands.
    static int schemaVersion();

    // Waits for queued group-commit transactions to finish, then closes every connection.
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    // See engine::Store. Also returns kUnavailable for busy/I/O failures, kDataLoss for
    // corruption, kInternal if `work` throws or calls write() itself.
    engine::Status write(const std::function<engine::Status(engine::StoreWriter&)>& work) override;
    // See engine::Store. `work` may call read() or write() (a write from inside a read
    // commits independently and is not visible to the enclosing read's snapshot).
    engine::Status read(const std::function<engine::Status(engine::StoreReader&)>& work) override;

private:
    SqliteStore(std::string path, const SqliteOptions& options);

    std::string path_;
    SqliteOptions options_;
    // Without group commit: the write connection, used under writeMutex_ by the caller.
    std::unique_ptr<SqliteConnection> writeConnection_;
    std::mutex writeMutex_;
    std::atomic<std::thread::id> writingThread_{};
    std::unique_ptr<ReadPool> readers_;
    // Declared last so it is destroyed first: queued transactions may still read.
    std::unique_ptr<GroupCommitWriter> groupWriter_;
};

}  // namespace qujat::sqlite
