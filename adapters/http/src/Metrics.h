#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace qujat::http {

// Values measured at scrape time, from the store and the connection pool.
struct Gauges {
    std::int64_t openTasks = 0;
    std::int64_t documents = 0;
    std::int64_t auditEvents = 0;
    int connectionsActive = 0;
    int connectionsQueued = 0;
    int connectionsRefused = 0;  // closed by the pool without an answer (queue full)
};

// Request counters and latency histograms, rendered in the Prometheus text format.
// Thread-safe; record() is cheap enough for every request.
class Metrics {
public:
    // `routes` names each route by its path template; requests that match no route are
    // recorded under "unmatched".
    explicit Metrics(std::vector<std::string> routes);

    // One answered request. `route` indexes the names given above, or -1 for none.
    void record(int route, const std::string& method, int status, double seconds);
    // A deadline run: how many tasks it escalated or marked overdue, and whether it failed.
    void recordTick(int escalated, int overdue, bool failed);

    // The exposition text (text/plain; version=0.0.4).
    std::string render(const Gauges& gauges) const;

    static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

private:
    struct Histogram {
        std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
        std::atomic<std::uint64_t> count{0};
        std::atomic<std::uint64_t> sumMicros{0};
    };

    std::string routeName(int route) const;

    std::vector<std::string> routes_;
    std::vector<Histogram> histograms_;  // one per route, plus "unmatched" last
    mutable std::mutex mutex_;
    std::map<std::tuple<int, std::string, int>, std::uint64_t> requests_;
    std::atomic<std::uint64_t> ticks_{0}, tickFailures_{0}, escalated_{0}, overdue_{0};
};

}  // namespace qujat::http
