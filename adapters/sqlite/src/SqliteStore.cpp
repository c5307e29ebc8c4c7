#include "qujat/sqlite/SqliteStore.h"

#include "GroupCommitWriter.h"
#include "Migrations.h"
#include "ReadPool.h"
#include "SqliteConnection.h"
#include "Transactions.h"

namespace qujat::sqlite {

using engine::Result;
using engine::Status;

SqliteStore::SqliteStore(std::string path, const SqliteOptions& options) : path_(std::move(path)), options_(options) {}

SqliteStore::~SqliteStore() = default;

int SqliteStore::schemaVersion() { return latestSchemaVersion(); }

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path, const SqliteOptions& options) {
    std::unique_ptr<SqliteStore> store(new SqliteStore(path, options));
    QUJAT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> writer,
                           SqliteConnection::open(path, SqliteConnection::Purpose::kWrite, options.busyTimeoutMs));
    QUJAT_RETURN_IF_ERROR(migrate(*writer));
    store->readers_ = std::make_unique<ReadPool>(path, options.busyTimeoutMs, options.maxReaders);
    if (options.groupCommit) {
        QUJAT_ASSIGN_OR_RETURN(store->groupWriter_, GroupCommitWriter::start(std::move(writer), options.maxBatch));
    } else {
        store->writeConnection_ = std::move(writer);
    }
    return store;
}

Status SqliteStore::write(const std::function<Status(engine::StoreWriter&)>& work) {
    if (groupWriter_) return groupWriter_->submit(work);
    // std::mutex is not recursive: a nested write on this thread would deadlock.
    if (writingThread_.load() == std::this_thread::get_id())
        return engine::internalError("Store::write was called from inside a write transaction");
    std::lock_guard<std::mutex> lock(writeMutex_);
    writingThread_.store(std::this_thread::get_id());
    Status s = runWriteTransaction(*writeConnection_, work);
    writingThread_.store(std::thread::id());
    return s;
}

Status SqliteStore::read(const std::function<Status(engine::StoreReader&)>& work) {
    QUJAT_ASSIGN_OR_RETURN(ReadPool::Lease connection, readers_->acquire());
    return runReadTransaction(*connection, work);
}

}  // namespace qujat::sqlite
