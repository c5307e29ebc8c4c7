#include "AuditQueries.h"

namespace qujat::sqlite::queries {

using namespace engine;

namespace {

const std::string kColumns = "SELECT seq, time, actor, action, subject, details, prev_hash, hash FROM audit_events ";

AuditEvent fromRow(const SqliteStatement& row) {
    AuditEvent e;
    e.seq = row.intAt(0);
    e.time = row.intAt(1);
    e.actor = row.textAt(2);
    e.action = row.textAt(3);
    e.subject = row.textAt(4);
    e.details = row.textAt(5);
    e.prevHash = row.textAt(6);
    e.hash = row.textAt(7);
    return e;
}

}  // namespace

Result<std::optional<AuditEvent>> lastAuditEvent(SqliteConnection& db) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + "ORDER BY seq DESC LIMIT 1"));
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return std::optional<AuditEvent>();
    return std::optional<AuditEvent>(fromRow(*q));
}

Result<std::optional<std::pair<std::int64_t, std::string>>> auditHead(SqliteConnection& db) {
    using Head = std::optional<std::pair<std::int64_t, std::string>>;
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare("SELECT seq, hash FROM audit_head WHERE id = 1"));
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return Head();
    return Head(std::make_pair(q->intAt(0), q->textAt(1)));
}

Status forEachAuditEvent(SqliteConnection& db, const std::function<Status(const AuditEvent&)>& visit) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + "ORDER BY seq"));
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return Status::ok();
        QUJAT_RETURN_IF_ERROR(visit(fromRow(*q)));
    }
}

Result<std::vector<AuditEvent>> auditEventsFor(SqliteConnection& db, const std::string& subject) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + "WHERE subject = ?1 ORDER BY seq"));
    q->bindText(1, subject);
    std::vector<AuditEvent> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        out.push_back(fromRow(*q));
    }
}

Status appendAuditEvent(SqliteConnection& db, const AuditEvent& e) {
    {
        QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
            "INSERT INTO audit_events (seq, time, actor, action, subject, details, prev_hash, hash) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        q->bindInt(1, e.seq);
        q->bindInt(2, e.time);
        q->bindText(3, e.actor);
        q->bindText(4, e.action);
        q->bindText(5, e.subject);
        q->bindText(6, e.details);
        q->bindText(7, e.prevHash);
        q->bindText(8, e.hash);
        Status s = q->run();
        if (s.code() == StatusCode::kAlreadyExists)
            return alreadyExists("audit event " + std::to_string(e.seq) + " already exists");
        QUJAT_RETURN_IF_ERROR(s);
    }
    QUJAT_ASSIGN_OR_RETURN(StatementLease head, db.prepare(
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2) "
        "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash"));
    head->bindInt(1, e.seq);
    head->bindText(2, e.hash);
    return head->run();
}

}  // namespace qujat::sqlite::queries
