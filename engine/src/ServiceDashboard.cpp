// The dashboard: a subtree's documents counted in the store, rolled up here to the
// organisation's direct children.
#include <algorithm>
#include <map>

#include "qujat/engine/Service.h"

namespace qujat::engine {
namespace {

constexpr Millis kDay = 86'400'000;

bool within(const Org& org, const Org& subtreeRoot) { return org.path.rfind(subtreeRoot.path, 0) == 0; }

std::size_t depth(const Org& org) { return static_cast<std::size_t>(std::count(org.path.begin(), org.path.end(), '/')); }

// The organisation the dashboard is about: `orgCode` if it lies in the viewer's scope (the
// subtrees of the organisations where they hold a role now, as DocumentFilter::visibleTo),
// otherwise kNotFound as for one that does not exist; without it, the highest one there.
Result<Org> dashboardOrg(StoreReader& r, const Viewer& viewer, const std::optional<std::string>& orgCode, Millis now) {
    std::vector<Org> scope;
    if (viewer.login) {
        if (!r.userByLogin(*viewer.login).isOk()) return unauthenticated("unknown user '" + *viewer.login + "'");
        QUJAT_ASSIGN_OR_RETURN(std::vector<RoleGrant> grants, r.grantsOf(*viewer.login, now));
        for (const RoleGrant& g : grants) {
            QUJAT_ASSIGN_OR_RETURN(Org held, r.orgByCode(g.orgCode));
            scope.push_back(std::move(held));
        }
    } else {
        QUJAT_ASSIGN_OR_RETURN(scope, r.rootOrgs());
    }
    const std::string who = viewer.login ? *viewer.login : "the local operator";
    if (!orgCode) {
        if (scope.empty()) return notFound("no organisation is within what " + who + " may see");
        return *std::min_element(scope.begin(), scope.end(), [](const Org& a, const Org& b) {
            return std::make_pair(depth(a), a.code) < std::make_pair(depth(b), b.code);
        });
    }
    auto asked = r.orgByCode(*orgCode);
    if (asked.isOk())
        for (const Org& held : scope)
            if (within(*asked, held)) return asked;
    return notFound("no organisation '" + *orgCode + "' within what " + who + " may see");
}

// The median, not the mean: one document that waited months must not hide that most
// are done in a day. Reorders `values`.
std::optional<Millis> median(std::vector<Millis>& values) {
    if (values.empty()) return std::nullopt;
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2 == 1) return *mid;
    const Millis below = *std::max_element(values.begin(), mid);
    return below + (*mid - below) / 2;
}

// Adds up the activity of several origins.
class Tally {
public:
    void add(const OriginActivity& origin) {
        activity_.inProgress += origin.inProgress;
        activity_.completed += origin.completed;
        activity_.returned += origin.returned;
        activity_.overdueTasks += origin.overdueTasks;
        turnarounds_.insert(turnarounds_.end(), origin.turnarounds.begin(), origin.turnarounds.end());
    }
    Activity result() {
        activity_.medianTurnaround = median(turnarounds_);
        return activity_;
    }

private:
    Activity activity_;
    std::vector<Millis> turnarounds_;
};

std::int64_t documents(const Activity& a) { return a.inProgress + a.completed + a.returned; }

bool busier(const OrgActivity& a, const OrgActivity& b) {
    const auto key = [](const OrgActivity& x) { return std::make_pair(documents(x.activity), x.activity.overdueTasks); };
    if (key(a) != key(b)) return key(a) > key(b);
    return a.org.code < b.org.code;
}

// The organisation's own row (if it originates anything) and one row per direct child
// with its subtree, busiest first; idle children beyond the first kDashboardRows left out.
Result<std::vector<OrgActivity>> rollUp(const Org& org, const std::vector<Org>& children,
                                        const std::vector<OriginActivity>& origins) {
    std::map<std::string, std::size_t> childByPath;
    for (std::size_t i = 0; i < children.size(); ++i) childByPath[children[i].path] = i;
    Tally own;
    bool originatesAny = false;
    std::vector<Tally> perChild(children.size());
    for (const OriginActivity& origin : origins) {
        if (origin.orgPath == org.path) {
            own.add(origin);
            originatesAny = true;
            continue;
        }
        // The child's path is the origin's up to the next '/' after the organisation's.
        const auto child = childByPath.find(origin.orgPath.substr(0, origin.orgPath.find('/', org.path.size()) + 1));
        if (child == childByPath.end())
            return internalError("organisation " + origin.orgCode + " is below " + org.code + " but under none of its children");
        perChild[child->second].add(origin);
    }
    std::vector<OrgActivity> rows;
    for (std::size_t i = 0; i < children.size(); ++i) rows.push_back({children[i], perChild[i].result()});
    std::sort(rows.begin(), rows.end(), busier);
    std::size_t keep = 0;
    while (keep < rows.size() && (keep < static_cast<std::size_t>(kDashboardRows) || documents(rows[keep].activity) > 0)) ++keep;
    rows.resize(keep);
    if (originatesAny) rows.insert(rows.begin(), {org, own.result()});
    return rows;
}

// Every one of the kDashboardDays days up to `now`'s, with zero for a day without any.
std::vector<DayCount> everyDay(const std::vector<DayCount>& counted, Millis firstDay) {
    std::vector<DayCount> days;
    for (int i = 0; i < kDashboardDays; ++i) days.push_back({firstDay + i * kDay, 0});
    for (const DayCount& c : counted) {
        const Millis index = (c.day - firstDay) / kDay;
        if (index >= 0 && index < kDashboardDays) days[static_cast<std::size_t>(index)].count = c.count;
    }
    return days;
}

}  // namespace

Result<Dashboard> Service::dashboard(const Viewer& viewer, const std::optional<std::string>& orgCode) {
    Dashboard board;
    board.asOf = ports_.clock.now();
    const Millis firstDay = (board.asOf / kDay - (kDashboardDays - 1)) * kDay;
    Status s = ports_.store.read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(board.org, dashboardOrg(r, viewer, orgCode, board.asOf));
        QUJAT_ASSIGN_OR_RETURN(std::vector<OriginActivity> origins, r.activityByOrigin(board.org.code, board.asOf));
        QUJAT_ASSIGN_OR_RETURN(std::vector<Org> children, r.childOrgs(board.org.code));
        QUJAT_ASSIGN_OR_RETURN(std::vector<DayCount> counted, r.submissionsPerDay(board.org.code, firstDay, board.asOf));
        Tally all;
        for (const OriginActivity& origin : origins) all.add(origin);
        board.totals = all.result();
        QUJAT_ASSIGN_OR_RETURN(board.organisations, rollUp(board.org, children, origins));
        board.submittedPerDay = everyDay(counted, firstDay);
        return Status::ok();
    });
    if (s.isOk()) return board;
    if (!viewer.login) return s;
    return audited(s, *viewer.login, "dashboard.read", orgCode ? "org/" + *orgCode : "dashboard");
}

}  // namespace qujat::engine
