#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "BenchSupport.h"

namespace qujat::bench {

struct RawCommitFigures {
    double commitsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
};

// The machine's own limit: one-row transactions on a SQLite file in WAL mode with
// synchronous=FULL, the same durability the store uses, in the same directory.
inline RawCommitFigures measureRawCommits(const std::string& path, int commits) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v BLOB)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t(v) VALUES (?)", -1, &insert, nullptr);
    const std::string payload(200, 'x');
    std::vector<double> latencies;
    const auto start = Clock::now();
    for (int i = 0; i < commits; ++i) {
        const auto t0 = Clock::now();
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_blob(insert, 1, payload.data(), static_cast<int>(payload.size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        latencies.push_back(secondsSince(t0) * 1000);
    }
    RawCommitFigures f;
    f.commitsPerSecond = commits / secondsSince(start);
    f.p50Ms = median(latencies);
    f.p99Ms = quantile(latencies, 0.99);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return f;
}

}  // namespace qujat::bench
