#include "StoreGauges.h"

namespace qujat::http {

using engine::Status;

Status StoreGauges::recompute() {
    Gauges g;
    QUJAT_RETURN_IF_ERROR(store_.read([&](engine::StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(g.documents, r.countDocuments());
        QUJAT_ASSIGN_OR_RETURN(auto head, r.auditHead());
        g.auditEvents = head ? head->first : 0;
        // Only documents on their route or back with their author have open tasks.
        for (auto state : {engine::DocumentState::kInProgress, engine::DocumentState::kReturned}) {
            engine::DocumentFilter filter;
            filter.state = state;
            filter.limit = 500;
            for (;;) {
                QUJAT_ASSIGN_OR_RETURN(std::vector<engine::Document> page, r.listDocuments(filter));
                for (const auto& d : page) {
                    QUJAT_ASSIGN_OR_RETURN(std::vector<engine::Task> tasks, r.tasksOf(d.id));
                    for (const auto& t : tasks)
                        if (t.state == engine::TaskState::kOpen) g.openTasks += 1;
                }
                if (static_cast<int>(page.size()) < filter.limit) break;
                filter.afterId = page.back().id;
            }
        }
        return Status::ok();
    }));
    cached_ = g;
    computedAt_ = std::chrono::steady_clock::now();
    valid_ = true;
    return Status::ok();
}

Status StoreGauges::fill(Gauges& gauges) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!valid_ || std::chrono::steady_clock::now() - computedAt_ >= maxAge_) QUJAT_RETURN_IF_ERROR(recompute());
    gauges.openTasks = cached_.openTasks;
    gauges.documents = cached_.documents;
    gauges.auditEvents = cached_.auditEvents;
    return Status::ok();
}

}  // namespace qujat::http
