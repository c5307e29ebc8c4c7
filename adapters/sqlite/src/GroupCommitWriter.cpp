#include "GroupCommitWriter.h"

#include <system_error>

namespace qujat::sqlite {

using engine::Result;
using engine::Status;

GroupCommitWriter::GroupCommitWriter(std::unique_ptr<SqliteConnection> connection, int maxBatch)
    : connection_(std::move(connection)), maxBatch_(static_cast<std::size_t>(maxBatch < 1 ? 1 : maxBatch)) {}

Result<std::unique_ptr<GroupCommitWriter>> GroupCommitWriter::start(std::unique_ptr<SqliteConnection> connection,
                                                                    int maxBatch) {
    std::unique_ptr<GroupCommitWriter> writer(new GroupCommitWriter(std::move(connection), maxBatch));
    try {
        writer->thread_ = std::thread([w = writer.get()] { w->run(); });
    } catch (const std::system_error& e) {
        return engine::unavailable(std::string("cannot start the group-commit writer thread: ") + e.what());
    }
    return writer;
}

GroupCommitWriter::~GroupCommitWriter() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_one();
    if (thread_.joinable()) thread_.join();
}

Status GroupCommitWriter::submit(const WriteWork& work) {
    if (std::this_thread::get_id() == thread_.get_id())
        return engine::internalError("Store::write was called from inside a write transaction");
    Job job{&work, Status::ok()};
    std::unique_lock<std::mutex> lock(mutex_);
    if (stopping_) return engine::unavailable("the store is closing");
    queue_.push_back(&job);
    queued_.notify_one();
    finished_.wait(lock, [&] { return job.done; });
    return job.status;
}

void GroupCommitWriter::run() {
    std::vector<Job*> batch;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            queued_.wait(lock, [&] { return !queue_.empty() || stopping_; });
            if (queue_.empty()) return;  // stopping, and everything queued has run
            while (!queue_.empty() && batch.size() < maxBatch_) {
                batch.push_back(queue_.front());
                queue_.pop_front();
            }
        }
        runBatch(batch);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            for (Job* job : batch) job->done = true;
        }
        finished_.notify_all();
        batch.clear();
    }
}

void GroupCommitWriter::runBatch(std::vector<Job*>& batch) {
    SqliteConnection& db = *connection_;
    Status begun = db.exec("BEGIN IMMEDIATE");
    if (!begun.isOk()) {
        for (Job* job : batch) job->status = begun;
        return;
    }
    std::size_t ran = 0;
    for (; ran < batch.size(); ++ran) {
        Job& job = *batch[ran];
        Status s = db.exec("SAVEPOINT job");
        if (s.isOk()) s = runWork(db, *job.work);
        if (!db.inTransaction()) {
            // SQLite rolled the whole transaction back (I/O error, disk full): the jobs
            // before this one are lost with it, and the rest have not run yet.
            const Status lost = s.isOk() ? engine::unavailable("SQLite ended the group-commit transaction on " +
                                                               db.path() + " after a failure")
                                         : s;
            for (std::size_t i = 0; i < ran; ++i)
                if (batch[i]->status.isOk()) batch[i]->status = lost;
            job.status = lost;
            ++ran;
            break;
        }
        if (s.isOk()) {
            s = db.exec("RELEASE job");
        }
        if (!s.isOk()) {
            (void)db.exec("ROLLBACK TO job");
            (void)db.exec("RELEASE job");
        }
        job.status = s;
    }
    if (ran < batch.size()) {
        // Back to the head of the queue, in order, for the next batch.
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.insert(queue_.begin(), batch.begin() + static_cast<std::ptrdiff_t>(ran), batch.end());
        batch.resize(ran);
    }
    if (!db.inTransaction()) return;
    Status committed = db.exec("COMMIT");
    if (committed.isOk()) return;
    rollbackQuietly(db);
    for (Job* job : batch)
        if (job->status.isOk()) job->status = committed;
}

}  // namespace qujat::sqlite
