#include "SessionQueries.h"

#include "DirectoryQueries.h"

namespace qujat::sqlite::queries {

using namespace engine;

Result<std::pair<Session, bool>> session(SqliteConnection& db, const std::string& tokenSha256) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "SELECT u.login, s.created_at, s.expires_at, s.address, s.revoked_at IS NOT NULL "
        "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = ?1"));
    q->bindText(1, tokenSha256);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("no such session");
    return std::make_pair(Session{q->textAt(0), q->intAt(1), q->intAt(2), q->textAt(3)}, q->intAt(4) != 0);
}

Status insertSession(SqliteConnection& db, const std::string& tokenSha256, const Session& s) {
    QUJAT_ASSIGN_OR_RETURN(std::int64_t user, userId(db, s.login, "no user '" + s.login + "'"));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO sessions (token_sha256, user_id, created_at, expires_at, address) VALUES (?1, ?2, ?3, ?4, ?5)"));
    q->bindText(1, tokenSha256);
    q->bindInt(2, user);
    q->bindInt(3, s.createdAt);
    q->bindInt(4, s.expiresAt);
    q->bindText(5, s.address);
    return q->run();
}

Status revokeSession(SqliteConnection& db, const std::string& tokenSha256, Millis at) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "UPDATE sessions SET revoked_at = coalesce(revoked_at, ?2) WHERE token_sha256 = ?1"));
    q->bindText(1, tokenSha256);
    q->bindInt(2, at);
    QUJAT_RETURN_IF_ERROR(q->run());
    if (db.changes() == 0) return notFound("no such session");
    return Status::ok();
}

}  // namespace qujat::sqlite::queries
