#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "qujat/engine/Directory.h"
#include "qujat/engine/Time.h"

namespace qujat::engine {

// What the documents originating at one organisation amount to, as the store aggregates
// them (StoreReader::activityByOrigin).
struct OriginActivity {
    std::string orgCode;
    std::string orgPath;                // Org::path: where it sits in the tree
    std::int64_t inProgress = 0;
    std::int64_t returned = 0;
    std::int64_t completed = 0;
    std::int64_t overdueTasks = 0;      // open tasks due before the instant asked about
    std::vector<Millis> turnarounds;    // of each completed document: first submission to completion
};

// Documents first submitted on one UTC day.
struct DayCount {
    Millis day = 0;                     // its midnight
    std::int64_t count = 0;
};

// Figures over a set of documents: a subtree, or what one organisation originates itself.
struct Activity {
    std::int64_t inProgress = 0;        // submitted, neither completed nor returned
    std::int64_t completed = 0;         // the route finished (approved, registered)
    std::int64_t returned = 0;          // rejected, waiting for the author to resubmit
    std::int64_t overdueTasks = 0;      // open tasks due before the dashboard's asOf
    std::optional<Millis> medianTurnaround;  // first submission to completion; none if nothing completed
};

struct OrgActivity {
    Org org;
    Activity activity;
};

// An organisation's subtree at a glance (Service::dashboard).
struct Dashboard {
    Org org;
    Millis asOf = 0;
    Activity totals;                    // every document originating in the subtree
    // The organisation itself with the documents it originates directly (only if there
    // are any), then each direct child with its whole subtree, most documents first.
    // Children with nothing at all are left out beyond the first kDashboardRows.
    std::vector<OrgActivity> organisations;
    std::vector<DayCount> submittedPerDay;  // kDashboardDays days ending with asOf's, oldest first, none missing
};

constexpr int kDashboardRows = 50;
constexpr int kDashboardDays = 30;

}  // namespace qujat::engine
