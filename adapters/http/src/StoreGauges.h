#pragma once

#include <chrono>
#include <mutex>

#include "Metrics.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Store.h"

namespace qujat::http {

// The store-side figures of /metrics (open tasks, documents, audit length), recomputed at
// most every `maxAge` because counting open tasks walks every unfinished document.
// Thread-safe.
class StoreGauges {
public:
    StoreGauges(engine::Store& store, std::chrono::seconds maxAge) : store_(store), maxAge_(maxAge) {}

    // Fills openTasks, documents and auditEvents; kUnavailable and the like from the store.
    engine::Status fill(Gauges& gauges);

private:
    engine::Status recompute();

    engine::Store& store_;
    std::chrono::seconds maxAge_;
    std::mutex mutex_;
    bool valid_ = false;
    std::chrono::steady_clock::time_point computedAt_;
    Gauges cached_;
};

}  // namespace qujat::http
