#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "SqliteConnection.h"
#include "Transactions.h"
#include "qujat/engine/Status.h"

namespace qujat::sqlite {

// Group commit: one writer thread owns the write connection and runs queued transactions
// in batches. Each runs in its own SAVEPOINT inside one shared transaction (a failing one
// rolls back only its own savepoint); the batch is committed with one fsync, and only
// then are the submitters woken. Thread-safe.
class GroupCommitWriter {
public:
    // Starts the writer thread. kUnavailable if the thread cannot be started.
    static engine::Result<std::unique_ptr<GroupCommitWriter>> start(std::unique_ptr<SqliteConnection> connection,
                                                                    int maxBatch);
    // Runs every transaction already queued, then stops the thread and closes the connection.
    ~GroupCommitWriter();
    GroupCommitWriter(const GroupCommitWriter&) = delete;
    GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

    // Queues `work` and waits until its batch is committed (OK, durable) or it failed (its
    // own status, or the batch's commit failure). kInternal if called from inside `work`.
    engine::Status submit(const WriteWork& work);

private:
    struct Job {
        const WriteWork* work;
        engine::Status status;
        bool done = false;
    };

    GroupCommitWriter(std::unique_ptr<SqliteConnection> connection, int maxBatch);
    void run();
    void runBatch(std::vector<Job*>& batch);

    std::unique_ptr<SqliteConnection> connection_;
    const std::size_t maxBatch_;
    std::mutex mutex_;
    std::condition_variable queued_;
    std::condition_variable finished_;
    std::deque<Job*> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace qujat::sqlite
