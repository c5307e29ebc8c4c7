#include "SignatureQueries.h"

#include "DirectoryQueries.h"

namespace qujat::sqlite::queries {

using namespace engine;

namespace {

const std::string kBindingColumns =
    "SELECT u.login, b.certificate_sha256, b.subject, b.registered_at, b.registered_by "
    "FROM certificate_bindings b JOIN users u ON u.id = b.user_id ";

CertificateBinding bindingFromRow(const SqliteStatement& row) {
    return CertificateBinding{row.textAt(0), row.textAt(1), row.textAt(2), row.intAt(3), row.textAt(4)};
}

SignatureRecord signatureFromRow(const SqliteStatement& row) {
    SignatureRecord s;
    s.id = row.intAt(0);
    s.documentId = row.intAt(1);
    s.versionNumber = static_cast<int>(row.intAt(2));
    s.taskId = row.intAt(3);
    s.stepId = row.textAt(4);
    s.signerLogin = row.textAt(5);
    s.certificateSha256 = row.textAt(6);
    s.cmsSha256 = row.textAt(7);
    s.report = row.textAt(8);
    s.acceptedAt = row.intAt(9);
    return s;
}

}  // namespace

Result<CertificateBinding> certificateBinding(SqliteConnection& db, const std::string& sha256) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kBindingColumns + "WHERE b.certificate_sha256 = ?1"));
    q->bindText(1, sha256);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("certificate " + sha256 + " is registered to no one");
    return bindingFromRow(*q);
}

Result<std::vector<CertificateBinding>> certificateBindingsOf(SqliteConnection& db, const std::string& login) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q,
                           db.prepare(kBindingColumns + "WHERE u.login = ?1 ORDER BY b.registered_at, b.rowid"));
    q->bindText(1, login);
    std::vector<CertificateBinding> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        out.push_back(bindingFromRow(*q));
    }
}

Status insertCertificateBinding(SqliteConnection& db, const CertificateBinding& b) {
    QUJAT_ASSIGN_OR_RETURN(std::int64_t user, userId(db, b.login, "no user '" + b.login + "'"));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO certificate_bindings (certificate_sha256, user_id, subject, registered_at, registered_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5)"));
    q->bindText(1, b.certificateSha256);
    q->bindInt(2, user);
    q->bindText(3, b.subject);
    q->bindInt(4, b.registeredAt);
    q->bindText(5, b.registeredBy);
    Status s = q->run();
    if (s.code() == StatusCode::kAlreadyExists)
        return alreadyExists("certificate " + b.certificateSha256 + " is already registered");
    return s;
}

Result<std::vector<SignatureRecord>> signaturesOf(SqliteConnection& db, DocumentId id) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "SELECT id, document_id, version_number, task_id, step_id, signer_login, certificate_sha256, cms_sha256, "
        "report, accepted_at FROM signatures WHERE document_id = ?1 ORDER BY id"));
    q->bindInt(1, id);
    std::vector<SignatureRecord> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        out.push_back(signatureFromRow(*q));
    }
}

Result<std::int64_t> insertSignature(SqliteConnection& db, const SignatureRecord& s) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO signatures (document_id, version_number, task_id, step_id, signer_login, certificate_sha256, "
        "cms_sha256, report, accepted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    q->bindInt(1, s.documentId);
    q->bindInt(2, s.versionNumber);
    q->bindInt(3, s.taskId);
    q->bindText(4, s.stepId);
    q->bindText(5, s.signerLogin);
    q->bindText(6, s.certificateSha256);
    q->bindText(7, s.cmsSha256);
    q->bindText(8, s.report);
    q->bindInt(9, s.acceptedAt);
    QUJAT_RETURN_IF_ERROR(q->run());
    return db.lastInsertId();
}

}  // namespace qujat::sqlite::queries
