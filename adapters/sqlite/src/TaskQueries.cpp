#include "TaskQueries.h"

#include "DocumentQueries.h"

namespace qujat::sqlite::queries {

using namespace engine;

namespace {

const std::string kColumns =
    "SELECT id, document_id, step_id, round, seat, role, org_code, assignee_login, state, opened_at, due_at, "
    "escalated_from, escalated, closed_at, actor_login, comment, version_number FROM tasks ";

Result<Task> fromRow(const SqliteStatement& row) {
    Task t;
    t.id = row.intAt(0);
    t.documentId = row.intAt(1);
    t.stepId = row.textAt(2);
    t.round = static_cast<int>(row.intAt(3));
    t.seat = static_cast<int>(row.intAt(4));
    t.role = row.textAt(5);
    t.orgCode = row.textAt(6);
    t.assigneeLogin = row.optionalTextAt(7);
    const std::string state = row.textAt(8);
    auto parsed = parseTaskState(state);
    if (!parsed) return dataLoss("task " + std::to_string(t.id) + " has an unknown state '" + state + "'");
    t.state = *parsed;
    t.openedAt = row.intAt(9);
    t.dueAt = row.optionalIntAt(10);
    t.escalatedFrom = row.optionalIntAt(11);
    t.escalated = row.intAt(12) != 0;
    t.closedAt = row.optionalIntAt(13);
    t.actorLogin = row.optionalTextAt(14);
    t.comment = row.textAt(15);
    t.versionNumber = static_cast<int>(row.intAt(16));
    return t;
}

Result<std::vector<Task>> allRows(SqliteStatement& q) {
    std::vector<Task> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q.step());
        if (!row) return out;
        QUJAT_ASSIGN_OR_RETURN(Task t, fromRow(q));
        out.push_back(std::move(t));
    }
}

// Binds every column but id to ?2..?17 in the order of kColumns.
void bindContent(SqliteStatement& q, const Task& t) {
    q.bindInt(2, t.documentId);
    q.bindText(3, t.stepId);
    q.bindInt(4, t.round);
    q.bindInt(5, t.seat);
    q.bindText(6, t.role);
    q.bindText(7, t.orgCode);
    q.bindOptionalText(8, t.assigneeLogin);
    q.bindText(9, taskStateName(t.state));
    q.bindInt(10, t.openedAt);
    q.bindOptionalInt(11, t.dueAt);
    q.bindOptionalInt(12, t.escalatedFrom);
    q.bindInt(13, t.escalated ? 1 : 0);
    q.bindOptionalInt(14, t.closedAt);
    q.bindOptionalText(15, t.actorLogin);
    q.bindText(16, t.comment);
    q.bindInt(17, t.versionNumber);
}

Status requireTask(SqliteConnection& db, TaskId id, const std::string& missing) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare("SELECT 1 FROM tasks WHERE id = ?1"));
    q->bindInt(1, id);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound(missing);
    return Status::ok();
}

}  // namespace

Result<std::vector<Task>> tasksOf(SqliteConnection& db, DocumentId id) {
    QUJAT_RETURN_IF_ERROR(requireDocument(db, id));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + "WHERE document_id = ?1 ORDER BY id"));
    q->bindInt(1, id);
    return allRows(*q);
}

Result<Task> task(SqliteConnection& db, TaskId id) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + "WHERE id = ?1"));
    q->bindInt(1, id);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("no task " + std::to_string(id));
    return fromRow(*q);
}

Result<std::vector<Task>> openTasksFor(SqliteConnection& db, const std::string& login, Millis at) {
    // principal: whose authority `login` may use, and for which role (NULL: any role) —
    // their own, and that of everyone who delegated a role to them for a period containing
    // `at`. held: the grants those principals hold at `at`, limited to the delegated role.
    // Each branch is driven from the few grants and delegations of this user into an index
    // (CROSS JOIN fixes that order): named seats by assignee, role seats by (role, org), the
    // subtree of a grant by the materialised path. Paths are made of digits and '/', all
    // below ':', so [path, path || ':') is exactly its subtree (the org itself excluded).
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + R"sql(WHERE id IN (
WITH principal(user_id, login, role) AS (
    SELECT id, login, NULL FROM users WHERE login = ?1
    UNION ALL
    SELECT f.id, f.login, d.role
      FROM users t
      JOIN delegations d ON d.to_user_id = t.id
      JOIN users f ON f.id = d.from_user_id
     WHERE t.login = ?1 AND d.valid_from <= ?2 AND ?2 < d.valid_to
),
held(role, org_id, org_path, scope) AS (
    SELECT g.role, o.id, o.path, g.scope
      FROM principal p
      JOIN role_grants g ON g.user_id = p.user_id
      JOIN orgs o ON o.id = g.org_id
     WHERE (p.role IS NULL OR g.role = p.role)
       AND g.valid_from <= ?2 AND (g.valid_to IS NULL OR ?2 < g.valid_to)
)
SELECT t.id FROM tasks t WHERE t.state = 'open' AND t.assignee_login = ?1
UNION
SELECT t.id FROM principal p CROSS JOIN tasks t ON t.assignee_login = p.login AND t.role = p.role
 WHERE p.role IS NOT NULL AND t.state = 'open'
UNION
SELECT t.id FROM held h CROSS JOIN orgs o ON o.id = h.org_id
  CROSS JOIN tasks t ON t.role = h.role AND t.org_code = o.code
 WHERE t.state = 'open' AND t.assignee_login IS NULL
UNION
SELECT t.id FROM held h CROSS JOIN orgs o ON o.path > h.org_path AND o.path < h.org_path || ':'
  CROSS JOIN tasks t ON t.role = h.role AND t.org_code = o.code
 WHERE h.scope = 'subtree' AND t.state = 'open' AND t.assignee_login IS NULL
)
ORDER BY due_at IS NULL, due_at, id)sql"));
    q->bindText(1, login);
    q->bindInt(2, at);
    return allRows(*q);
}

Result<std::vector<Task>> overdueTasks(SqliteConnection& db, Millis at) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        kColumns + "WHERE state = 'open' AND escalated = 0 AND due_at IS NOT NULL AND due_at <= ?1 "
                   "ORDER BY due_at, id"));
    q->bindInt(1, at);
    return allRows(*q);
}

Result<TaskId> insertTask(SqliteConnection& db, const Task& t) {
    QUJAT_RETURN_IF_ERROR(requireDocument(db, t.documentId));
    if (t.escalatedFrom)
        QUJAT_RETURN_IF_ERROR(requireTask(db, *t.escalatedFrom,
                                          "task escalated from task " + std::to_string(*t.escalatedFrom) +
                                              ", which does not exist"));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO tasks (document_id, step_id, round, seat, role, org_code, assignee_login, state, opened_at, "
        "due_at, escalated_from, escalated, closed_at, actor_login, comment, version_number) "
        "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"));
    bindContent(*q, t);
    QUJAT_RETURN_IF_ERROR(q->run());
    return db.lastInsertId();
}

Status updateTask(SqliteConnection& db, const Task& t) {
    if (t.escalatedFrom)
        QUJAT_RETURN_IF_ERROR(requireTask(db, *t.escalatedFrom,
                                          "task escalated from task " + std::to_string(*t.escalatedFrom) +
                                              ", which does not exist"));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "UPDATE tasks SET document_id = ?2, step_id = ?3, round = ?4, seat = ?5, role = ?6, org_code = ?7, "
        "assignee_login = ?8, state = ?9, opened_at = ?10, due_at = ?11, escalated_from = ?12, escalated = ?13, "
        "closed_at = ?14, actor_login = ?15, comment = ?16, version_number = ?17 WHERE id = ?1"));
    q->bindInt(1, t.id);
    bindContent(*q, t);
    Status s = q->run();
    if (s.code() == StatusCode::kNotFound)
        return notFound("task " + std::to_string(t.id) + " refers to document " + std::to_string(t.documentId) +
                        ", which does not exist");
    QUJAT_RETURN_IF_ERROR(s);
    if (db.changes() == 0) return notFound("no task " + std::to_string(t.id));
    return Status::ok();
}

}  // namespace qujat::sqlite::queries
