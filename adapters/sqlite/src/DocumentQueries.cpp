#include "DocumentQueries.h"

#include "DirectoryQueries.h"
#include "FieldsJson.h"

namespace qujat::sqlite::queries {

using namespace engine;

namespace {

const std::string kColumns =
    "SELECT id, workflow_id, workflow_version, document_type, title, origin_org_code, author_login, state, "
    "current_step, round, fields, registration_number, current_version, revision, created_at, updated_at "
    "FROM documents ";

Result<Document> fromRow(const SqliteStatement& row) {
    Document d;
    d.id = row.intAt(0);
    d.workflowId = row.textAt(1);
    d.workflowVersion = static_cast<int>(row.intAt(2));
    d.documentType = row.textAt(3);
    d.title = row.textAt(4);
    d.originOrgCode = row.textAt(5);
    d.authorLogin = row.textAt(6);
    const std::string state = row.textAt(7);
    auto parsed = parseDocumentState(state);
    if (!parsed) return dataLoss("document " + std::to_string(d.id) + " has an unknown state '" + state + "'");
    d.state = *parsed;
    d.currentStep = row.textAt(8);
    d.round = static_cast<int>(row.intAt(9));
    auto fields = decodeFields(row.textAt(10));
    if (!fields) return dataLoss("document " + std::to_string(d.id) + " has unreadable fields");
    d.fields = std::move(*fields);
    d.registrationNumber = row.optionalTextAt(11);
    d.currentVersion = static_cast<int>(row.intAt(12));
    d.revision = row.intAt(13);
    d.createdAt = row.intAt(14);
    d.updatedAt = row.intAt(15);
    return d;
}

// Binds every column but id to ?2..?16 in the order of kColumns.
void bindContent(SqliteStatement& q, const Document& d) {
    q.bindText(2, d.workflowId);
    q.bindInt(3, d.workflowVersion);
    q.bindText(4, d.documentType);
    q.bindText(5, d.title);
    q.bindText(6, d.originOrgCode);
    q.bindText(7, d.authorLogin);
    q.bindText(8, documentStateName(d.state));
    q.bindText(9, d.currentStep);
    q.bindInt(10, d.round);
    q.bindText(11, encodeFields(d.fields));
    q.bindOptionalText(12, d.registrationNumber);
    q.bindInt(13, d.currentVersion);
    q.bindInt(14, d.revision);
    q.bindInt(15, d.createdAt);
    q.bindInt(16, d.updatedAt);
}

Status duplicateNumber(const Status& s, const Document& d) {
    if (s.code() != StatusCode::kAlreadyExists || !d.registrationNumber) return s;
    return alreadyExists("registration number '" + *d.registrationNumber + "' is already given to another document");
}

// The user's words as an FTS5 query: each word quoted (so operators and punctuation in
// it mean nothing) and matched as a prefix; all words must occur.
std::string ftsQuery(const std::string& words) {
    std::string query;
    std::size_t at = 0;
    while (at < words.size()) {
        const std::size_t start = words.find_first_not_of(" \t\r\n", at);
        if (start == std::string::npos) break;
        std::size_t end = words.find_first_of(" \t\r\n", start);
        if (end == std::string::npos) end = words.size();
        std::string word;
        for (char c : words.substr(start, end - start)) word += c == '"' ? std::string("\"\"") : std::string(1, c);
        query += (query.empty() ? "" : " ") + std::string("\"") + word + "\"*";
        at = end;
    }
    return query;
}

}  // namespace

Result<Document> document(SqliteConnection& db, DocumentId id) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kColumns + "WHERE id = ?1"));
    q->bindInt(1, id);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("no document " + std::to_string(id));
    return fromRow(*q);
}

Status requireDocument(SqliteConnection& db, DocumentId id) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare("SELECT 1 FROM documents WHERE id = ?1"));
    q->bindInt(1, id);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("no document " + std::to_string(id));
    return Status::ok();
}

Result<std::vector<Document>> listDocuments(SqliteConnection& db, const DocumentFilter& filter) {
    std::vector<Document> out;
    if (filter.limit <= 0) return out;
    if (filter.text && ftsQuery(*filter.text).empty()) return out;
    // Only the filters present go into the SQL, so each combination gets a plan that uses
    // its index; the (at most 16) texts are cached like any other statement.
    std::string sql = kColumns + "WHERE id > ?1";
    if (filter.id) sql += " AND id = ?9";
    if (filter.text) sql += " AND id IN (SELECT rowid FROM document_text WHERE document_text MATCH ?10)";
    if (filter.workflowId) sql += " AND workflow_id = ?3";
    if (filter.state) sql += " AND state = ?4";
    if (filter.originOrgCode) sql += " AND origin_org_code = ?5";
    if (filter.authorLogin) sql += " AND author_login = ?6";
    if (filter.visibleTo)
        sql += " AND (author_login = ?7"
               " OR EXISTS (SELECT 1 FROM tasks t WHERE t.document_id = documents.id"
               "            AND (t.assignee_login = ?7 OR t.actor_login = ?7))"
               " OR EXISTS (SELECT 1 FROM users u JOIN role_grants g ON g.user_id = u.id"
               "            JOIN orgs held ON held.id = g.org_id JOIN orgs origin ON origin.code = documents.origin_org_code"
               "            WHERE u.login = ?7 AND g.valid_from <= ?8 AND (g.valid_to IS NULL OR g.valid_to > ?8)"
               "            AND substr(origin.path, 1, length(held.path)) = held.path))";
    sql += " ORDER BY id LIMIT ?2";
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(sql));
    q->bindInt(1, filter.afterId);
    q->bindInt(2, filter.limit);
    if (filter.id) q->bindInt(9, *filter.id);
    if (filter.text) q->bindText(10, ftsQuery(*filter.text));
    if (filter.workflowId) q->bindText(3, *filter.workflowId);
    if (filter.state) q->bindText(4, documentStateName(*filter.state));
    if (filter.originOrgCode) q->bindText(5, *filter.originOrgCode);
    if (filter.authorLogin) q->bindText(6, *filter.authorLogin);
    if (filter.visibleTo) {
        q->bindText(7, *filter.visibleTo);
        q->bindInt(8, filter.visibleAt);
    }
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        QUJAT_ASSIGN_OR_RETURN(Document d, fromRow(*q));
        out.push_back(std::move(d));
    }
}

Status setSearchText(SqliteConnection& db, DocumentId id, const std::string& text) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare("INSERT OR REPLACE INTO document_text (rowid, body) VALUES (?1, ?2)"));
    q->bindInt(1, id);
    q->bindText(2, text);
    return q->run();
}

Result<std::vector<Version>> versions(SqliteConnection& db, DocumentId id) {
    QUJAT_RETURN_IF_ERROR(requireDocument(db, id));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "SELECT document_id, number, sha256, size, media_type, file_name, author_login, comment, created_at "
        "FROM versions WHERE document_id = ?1 ORDER BY number"));
    q->bindInt(1, id);
    std::vector<Version> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        Version v;
        v.documentId = q->intAt(0);
        v.number = static_cast<int>(q->intAt(1));
        v.sha256 = q->textAt(2);
        v.size = q->intAt(3);
        v.mediaType = q->textAt(4);
        v.fileName = q->textAt(5);
        v.authorLogin = q->textAt(6);
        v.comment = q->textAt(7);
        v.createdAt = q->intAt(8);
        out.push_back(std::move(v));
    }
}

Result<std::int64_t> countDocuments(SqliteConnection& db) { return countOf(db, "SELECT count(*) FROM documents"); }

Result<DocumentId> insertDocument(SqliteConnection& db, const Document& doc) {
    {
        QUJAT_ASSIGN_OR_RETURN(StatementLease wf, db.prepare("SELECT 1 FROM workflows WHERE id = ?1 AND version = ?2"));
        wf->bindText(1, doc.workflowId);
        wf->bindInt(2, doc.workflowVersion);
        QUJAT_ASSIGN_OR_RETURN(bool found, wf->step());
        if (!found)
            return notFound("document refers to workflow '" + doc.workflowId + "' version " +
                            std::to_string(doc.workflowVersion) + ", which is not stored");
    }
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO documents (workflow_id, workflow_version, document_type, title, origin_org_code, author_login, "
        "state, current_step, round, fields, registration_number, current_version, revision, created_at, updated_at) "
        "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"));
    bindContent(*q, doc);
    QUJAT_RETURN_IF_ERROR(duplicateNumber(q->run(), doc));
    return db.lastInsertId();
}

Status updateDocument(SqliteConnection& db, const Document& doc, std::int64_t expectedRevision) {
    {
        QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
            "UPDATE documents SET workflow_id = ?2, workflow_version = ?3, document_type = ?4, title = ?5, "
            "origin_org_code = ?6, author_login = ?7, state = ?8, current_step = ?9, round = ?10, fields = ?11, "
            "registration_number = ?12, current_version = ?13, revision = ?14, created_at = ?15, updated_at = ?16 "
            "WHERE id = ?1 AND revision = ?17"));
        q->bindInt(1, doc.id);
        bindContent(*q, doc);
        q->bindInt(17, expectedRevision);
        QUJAT_RETURN_IF_ERROR(duplicateNumber(q->run(), doc));
        if (db.changes() == 1) return Status::ok();
    }
    QUJAT_RETURN_IF_ERROR(requireDocument(db, doc.id));
    return aborted("document " + std::to_string(doc.id) + " was changed by someone else (expected revision " +
                   std::to_string(expectedRevision) + "); reload it and try again");
}

Status insertVersion(SqliteConnection& db, const Version& v) {
    QUJAT_RETURN_IF_ERROR(requireDocument(db, v.documentId));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO versions (document_id, number, sha256, size, media_type, file_name, author_login, comment, "
        "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    q->bindInt(1, v.documentId);
    q->bindInt(2, v.number);
    q->bindText(3, v.sha256);
    q->bindInt(4, v.size);
    q->bindText(5, v.mediaType);
    q->bindText(6, v.fileName);
    q->bindText(7, v.authorLogin);
    q->bindText(8, v.comment);
    q->bindInt(9, v.createdAt);
    Status s = q->run();
    if (s.code() == StatusCode::kAlreadyExists)
        return alreadyExists("document " + std::to_string(v.documentId) + " already has version " +
                             std::to_string(v.number));
    return s;
}

Result<std::int64_t> nextCounterValue(SqliteConnection& db, const std::string& key) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO counters (key, value) VALUES (?1, 1) "
        "ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value"));
    q->bindText(1, key);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return internalError("SQLite: the counter upsert for '" + key + "' returned no value");
    const std::int64_t value = q->intAt(0);
    // Finish the statement so the change is complete before the lease resets it.
    QUJAT_RETURN_IF_ERROR(q->run());
    return value;
}

}  // namespace qujat::sqlite::queries
