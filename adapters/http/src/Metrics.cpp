#include "Metrics.h"

#include <cstdio>
#include <sstream>

namespace qujat::http {

namespace {

// Prometheus label values escape backslash, double quote and newline.
std::string label(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

}  // namespace

Metrics::Metrics(std::vector<std::string> routes) : routes_(std::move(routes)), histograms_(routes_.size() + 1) {}

std::string Metrics::routeName(int route) const {
    return route >= 0 && route < static_cast<int>(routes_.size()) ? routes_[route] : "unmatched";
}

void Metrics::record(int route, const std::string& method, int status, double seconds) {
    const std::size_t h = route >= 0 && route < static_cast<int>(routes_.size()) ? route : routes_.size();
    Histogram& hist = histograms_[h];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) {
            hist.buckets[i].fetch_add(1, std::memory_order_relaxed);
            break;  // cumulated at render time
        }
    hist.count.fetch_add(1, std::memory_order_relaxed);
    hist.sumMicros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
    // Unknown methods would let a client grow the map without bound.
    static const char* const kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
    std::string m = "other";
    for (const char* k : kMethods)
        if (method == k) m = k;
    std::lock_guard<std::mutex> lock(mutex_);
    requests_[{static_cast<int>(h), m, status}] += 1;
}

void Metrics::recordTick(int escalated, int overdue, bool failed) {
    ticks_ += 1;
    if (failed) tickFailures_ += 1;
    escalated_ += static_cast<std::uint64_t>(escalated);
    overdue_ += static_cast<std::uint64_t>(overdue);
}

std::string Metrics::render(const Gauges& g) const {
    std::ostringstream out;
    out << "# HELP qujat_http_requests_total HTTP requests answered, by route template, method and status.\n"
        << "# TYPE qujat_http_requests_total counter\n";
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& [key, count] : requests_) {
            const auto& [route, method, status] = key;
            out << "qujat_http_requests_total{route=\"" << label(routeName(route)) << "\",method=\"" << method
                << "\",status=\"" << status << "\"} " << count << "\n";
        }
    }
    out << "# HELP qujat_http_request_duration_seconds Time from the parsed request to the sent response.\n"
        << "# TYPE qujat_http_request_duration_seconds histogram\n";
    for (std::size_t h = 0; h < histograms_.size(); ++h) {
        const Histogram& hist = histograms_[h];
        const std::uint64_t count = hist.count.load();
        if (count == 0) continue;
        const std::string route = label(routeName(static_cast<int>(h)));
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += hist.buckets[i].load();
            out << "qujat_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << number(kBuckets[i])
                << "\"} " << cumulative << "\n";
        }
        out << "qujat_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << count << "\n"
            << "qujat_http_request_duration_seconds_sum{route=\"" << route << "\"} "
            << number(static_cast<double>(hist.sumMicros.load()) / 1e6) << "\n"
            << "qujat_http_request_duration_seconds_count{route=\"" << route << "\"} " << count << "\n";
    }
    out << "# HELP qujat_open_tasks Tasks open for a decision now.\n# TYPE qujat_open_tasks gauge\n"
        << "qujat_open_tasks " << g.openTasks << "\n"
        << "# HELP qujat_documents Documents in the store.\n# TYPE qujat_documents gauge\n"
        << "qujat_documents " << g.documents << "\n"
        << "# HELP qujat_audit_events Length of the audit chain.\n# TYPE qujat_audit_events gauge\n"
        << "qujat_audit_events " << g.auditEvents << "\n"
        << "# HELP qujat_http_connections_active Connections being served.\n# TYPE qujat_http_connections_active gauge\n"
        << "qujat_http_connections_active " << g.connectionsActive << "\n"
        << "# HELP qujat_http_connections_queued Connections waiting for a thread.\n"
        << "# TYPE qujat_http_connections_queued gauge\n"
        << "qujat_http_connections_queued " << g.connectionsQueued << "\n"
        << "# HELP qujat_http_connections_refused_total Connections closed unanswered because the queue was full.\n"
        << "# TYPE qujat_http_connections_refused_total counter\n"
        << "qujat_http_connections_refused_total " << g.connectionsRefused << "\n"
        << "# HELP qujat_deadline_runs_total Runs of the deadline timer.\n# TYPE qujat_deadline_runs_total counter\n"
        << "qujat_deadline_runs_total " << ticks_.load() << "\n"
        << "# HELP qujat_deadline_failures_total Runs of the deadline timer that failed.\n"
        << "# TYPE qujat_deadline_failures_total counter\n"
        << "qujat_deadline_failures_total " << tickFailures_.load() << "\n"
        << "# HELP qujat_tasks_escalated_total Tasks escalated after their deadline.\n"
        << "# TYPE qujat_tasks_escalated_total counter\n"
        << "qujat_tasks_escalated_total " << escalated_.load() << "\n"
        << "# HELP qujat_tasks_overdue_total Tasks past their deadline with no one to escalate to.\n"
        << "# TYPE qujat_tasks_overdue_total counter\n"
        << "qujat_tasks_overdue_total " << overdue_.load() << "\n";
    return out.str();
}

}  // namespace qujat::http
