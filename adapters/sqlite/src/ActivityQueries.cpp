#include "ActivityQueries.h"

#include <map>

#include "DirectoryQueries.h"
#include "qujat/engine/Document.h"

namespace qujat::sqlite::queries {

using namespace engine;

namespace {

constexpr Millis kDay = 86'400'000;

// `select` over the documents originating in the subtree of ?1, as `o` (their origin) and
// `d`. Paths end with '/', so the paths that start with the subtree's path P are exactly
// those in [P, P with its last '/' raised to '0'): a range of orgs_by_path. CROSS JOIN
// keeps the order written (the subtree's organisations, then their documents by origin);
// left to itself, SQLite without statistics scans every document instead.
std::string subtreeDocuments(const std::string& select) {
    return "WITH subtree(low, high) AS (SELECT path, substr(path, 1, length(path) - 1) || '0' FROM orgs WHERE code = ?1) "
           "SELECT " + select + " FROM subtree CROSS JOIN orgs o CROSS JOIN documents d "
           "WHERE o.path >= subtree.low AND o.path < subtree.high AND d.origin_org_code = o.code ";
}

// The entry of the organisation in columns 0 (code) and 1 (path) of `row`.
OriginActivity& entryFor(std::map<std::string, OriginActivity>& byCode, const SqliteStatement& row) {
    OriginActivity& entry = byCode[row.textAt(0)];
    if (entry.orgCode.empty()) {
        entry.orgCode = row.textAt(0);
        entry.orgPath = row.textAt(1);
    }
    return entry;
}

Status countByState(SqliteConnection& db, const std::string& orgCode, std::map<std::string, OriginActivity>& byCode) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q,
                           db.prepare(subtreeDocuments("o.code, o.path, d.state, count(*)") + "GROUP BY o.code, d.state"));
    q->bindText(1, orgCode);
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return Status::ok();
        OriginActivity& entry = entryFor(byCode, *q);
        const std::string state = q->textAt(2);
        const auto parsed = parseDocumentState(state);
        if (!parsed) return dataLoss("a document of " + entry.orgCode + " has an unknown state '" + state + "'");
        switch (*parsed) {
            case DocumentState::kInProgress: entry.inProgress = q->intAt(3); break;
            case DocumentState::kReturned: entry.returned = q->intAt(3); break;
            case DocumentState::kCompleted: entry.completed = q->intAt(3); break;
        }
    }
}

// A completed document is never changed again, so it completed at its updated_at; its
// created_at is its first submission.
Status turnarounds(SqliteConnection& db, const std::string& orgCode, std::map<std::string, OriginActivity>& byCode) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(subtreeDocuments("o.code, o.path, d.updated_at - d.created_at") +
                                                        "AND d.state = 'completed'"));
    q->bindText(1, orgCode);
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return Status::ok();
        entryFor(byCode, *q).turnarounds.push_back(q->intAt(2));
    }
}

// Starts from the overdue tasks (open_tasks_by_due_time): at any time few tasks are late.
Status overdueTasks(SqliteConnection& db, const std::string& orgCode, Millis at,
                    std::map<std::string, OriginActivity>& byCode) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "WITH subtree(low, high) AS (SELECT path, substr(path, 1, length(path) - 1) || '0' FROM orgs WHERE code = ?1) "
        "SELECT o.code, o.path, count(*) "
        "FROM subtree CROSS JOIN tasks t CROSS JOIN documents d CROSS JOIN orgs o "
        "WHERE t.state = 'open' AND t.due_at < ?2 AND d.id = t.document_id AND o.code = d.origin_org_code "
        "AND o.path >= subtree.low AND o.path < subtree.high "
        "GROUP BY o.code"));
    q->bindText(1, orgCode);
    q->bindInt(2, at);
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return Status::ok();
        entryFor(byCode, *q).overdueTasks = q->intAt(2);
    }
}

}  // namespace

Result<std::vector<OriginActivity>> activityByOrigin(SqliteConnection& db, const std::string& orgCode, Millis at) {
    QUJAT_RETURN_IF_ERROR(orgByCode(db, orgCode).status());
    std::map<std::string, OriginActivity> byCode;
    QUJAT_RETURN_IF_ERROR(countByState(db, orgCode, byCode));
    QUJAT_RETURN_IF_ERROR(turnarounds(db, orgCode, byCode));
    QUJAT_RETURN_IF_ERROR(overdueTasks(db, orgCode, at, byCode));
    std::vector<OriginActivity> out;
    out.reserve(byCode.size());
    for (auto& [code, activity] : byCode) out.push_back(std::move(activity));
    return out;
}

Result<std::vector<DayCount>> submissionsPerDay(SqliteConnection& db, const std::string& orgCode, Millis from,
                                                Millis to) {
    QUJAT_RETURN_IF_ERROR(orgByCode(db, orgCode).status());
    QUJAT_ASSIGN_OR_RETURN(StatementLease q,
                           db.prepare(subtreeDocuments("d.created_at / ?4 AS day, count(*)") +
                                      "AND d.created_at >= ?2 AND d.created_at <= ?3 GROUP BY day ORDER BY day"));
    q->bindText(1, orgCode);
    q->bindInt(2, from);
    q->bindInt(3, to);
    q->bindInt(4, kDay);
    std::vector<DayCount> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        out.push_back({q->intAt(0) * kDay, q->intAt(1)});
    }
}

}  // namespace qujat::sqlite::queries
