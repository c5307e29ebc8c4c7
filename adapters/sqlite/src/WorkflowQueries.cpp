#include "WorkflowQueries.h"

namespace qujat::sqlite::queries {

using namespace engine;

namespace {

const std::string kColumns = "SELECT id, version, sha256, xml, source_name, loaded_at FROM workflows ";

StoredWorkflow fromRow(const SqliteStatement& row) {
    StoredWorkflow wf;
    wf.id = row.textAt(0);
    wf.version = static_cast<int>(row.intAt(1));
    wf.sha256 = row.textAt(2);
    wf.xml = row.textAt(3);
    wf.sourceName = row.textAt(4);
    wf.loadedAt = row.intAt(5);
    return wf;
}

}  // namespace

Result<StoredWorkflow> workflow(SqliteConnection& db, const std::string& id, int version) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + "WHERE id = ?1 AND version = ?2"));
    q->bindText(1, id);
    q->bindInt(2, version);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("no workflow '" + id + "' version " + std::to_string(version));
    return fromRow(*q);
}

Result<StoredWorkflow> latestWorkflow(SqliteConnection& db, const std::string& id) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + "WHERE id = ?1 ORDER BY version DESC LIMIT 1"));
    q->bindText(1, id);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("no workflow '" + id + "'");
    return fromRow(*q);
}

Result<std::vector<StoredWorkflow>> latestWorkflows(SqliteConnection& db) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        kColumns + "w WHERE version = (SELECT max(version) FROM workflows v WHERE v.id = w.id) ORDER BY id"));
    std::vector<StoredWorkflow> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        out.push_back(fromRow(*q));
    }
}

Status putWorkflow(SqliteConnection& db, const StoredWorkflow& wf) {
    {
        QUJAT_ASSIGN_OR_RETURN(StatementLease existing,
                               db.prepare("SELECT sha256 FROM workflows WHERE id = ?1 AND version = ?2"));
        existing->bindText(1, wf.id);
        existing->bindInt(2, wf.version);
        QUJAT_ASSIGN_OR_RETURN(bool found, existing->step());
        if (found) {
            if (existing->textAt(0) == wf.sha256) return Status::ok();
            return alreadyExists("workflow '" + wf.id + "' version " + std::to_string(wf.version) +
                                 " is already stored with different content (sha256 " + existing->textAt(0) +
                                 "); give the changed definition a new version");
        }
    }
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO workflows (id, version, sha256, xml, source_name, loaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    q->bindText(1, wf.id);
    q->bindInt(2, wf.version);
    q->bindText(3, wf.sha256);
    q->bindText(4, wf.xml);
    q->bindText(5, wf.sourceName);
    q->bindInt(6, wf.loadedAt);
    return q->run();
}

}  // namespace qujat::sqlite::queries
