#pragma once

namespace qujat::sqlite {

// How a SqliteStore runs its transactions. The defaults suit one process on one disk.
struct SqliteOptions {
    // Batch concurrent write transactions into one commit (one fsync) on a dedicated
    // writer thread. Each write() still returns only after the fsync that covers it.
    bool groupCommit = false;
    // How long a connection waits for a lock held by another process before a
    // transaction fails with kUnavailable.
    int busyTimeoutMs = 5000;
    // Upper bound on open read connections; readers beyond it wait for one to be free.
    int maxReaders = 16;
    // Upper bound on the transactions committed together in group-commit mode.
    int maxBatch = 256;
};

}  // namespace qujat::sqlite
