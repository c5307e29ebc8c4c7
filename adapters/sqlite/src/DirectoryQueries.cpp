#include "DirectoryQueries.h"

namespace qujat::sqlite::queries {

using namespace engine;

namespace {

const std::string kOrgColumns =
    "SELECT o.id, o.code, p.code, o.level, o.name_kk, o.name_ru, o.name_en, o.path "
    "FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id ";

Result<Org> orgFromRow(const SqliteStatement& row) {
    Org o;
    o.id = row.intAt(0);
    o.code = row.textAt(1);
    o.parentCode = row.optionalTextAt(2);
    const std::string level = row.textAt(3);
    auto parsed = parseOrgLevel(level);
    if (!parsed) return dataLoss("organisation '" + o.code + "' has an unknown level '" + level + "'");
    o.level = *parsed;
    o.nameKk = row.textAt(4);
    o.nameRu = row.textAt(5);
    o.nameEn = row.textAt(6);
    o.path = row.textAt(7);
    return o;
}

Result<std::vector<Org>> orgsFrom(SqliteStatement& q) {
    std::vector<Org> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q.step());
        if (!row) return out;
        QUJAT_ASSIGN_OR_RETURN(Org o, orgFromRow(q));
        out.push_back(std::move(o));
    }
}

const std::string kUserColumns =
    "SELECT u.login, u.display_name, o.code, u.email, u.password_hash "
    "FROM users u JOIN orgs o ON o.id = u.home_org_id ";

User userFromRow(const SqliteStatement& row) {
    return User{row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3), row.textAt(4)};
}

// Ids of the rows named by a natural key, so that an insert can say which one is missing.
Result<std::int64_t> idOf(SqliteConnection& db, const std::string& sql, const std::string& key,
                          const std::string& missing) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(sql));
    q->bindText(1, key);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound(missing);
    return q->intAt(0);
}

Result<std::int64_t> orgId(SqliteConnection& db, const std::string& code, const std::string& missing) {
    return idOf(db, "SELECT id FROM orgs WHERE code = ?1", code, missing);
}

// A constraint failure of an insert whose references were already checked is a duplicate
// key; keep other failures (storage, checks) as they are.
Status withMessage(const Status& s, StatusCode code, const std::string& message) {
    if (s.code() == code) return Status(code, message);
    return s;
}

const char* scopeName(GrantScope scope) { return scope == GrantScope::kSubtree ? "subtree" : "org"; }

}  // namespace

Result<std::int64_t> userId(SqliteConnection& db, const std::string& login, const std::string& missing) {
    return idOf(db, "SELECT id FROM users WHERE login = ?1", login, missing);
}

Result<std::int64_t> countOf(SqliteConnection& db, const std::string& sql) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(sql));
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return internalError("SQLite: '" + sql + "' returned no row");
    return q->intAt(0);
}

Result<Org> orgByCode(SqliteConnection& db, const std::string& code) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kOrgColumns + "WHERE o.code = ?1"));
    q->bindText(1, code);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("no organisation '" + code + "'");
    return orgFromRow(*q);
}

Result<std::vector<Org>> childOrgs(SqliteConnection& db, const std::string& parentCode) {
    QUJAT_ASSIGN_OR_RETURN(std::int64_t parent, orgId(db, parentCode, "no organisation '" + parentCode + "'"));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kOrgColumns + "WHERE o.parent_id = ?1 ORDER BY o.code"));
    q->bindInt(1, parent);
    return orgsFrom(*q);
}

Result<std::vector<Org>> rootOrgs(SqliteConnection& db) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kOrgColumns + "WHERE o.parent_id IS NULL ORDER BY o.code"));
    return orgsFrom(*q);
}

Result<User> userByLogin(SqliteConnection& db, const std::string& login) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kUserColumns + "WHERE u.login = ?1"));
    q->bindText(1, login);
    QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
    if (!row) return notFound("no user '" + login + "'");
    return userFromRow(*q);
}

Result<std::vector<User>> listUsers(SqliteConnection& db, int limit, const std::string& afterLogin) {
    std::vector<User> out;
    if (limit <= 0) return out;
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(kUserColumns + "WHERE u.login > ?1 ORDER BY u.login LIMIT ?2"));
    q->bindText(1, afterLogin);
    q->bindInt(2, limit);
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        out.push_back(userFromRow(*q));
    }
}

Result<std::vector<std::string>> holdersOf(SqliteConnection& db, const std::string& role, const std::string& orgCode,
                                           Millis at) {
    // Walks up from the org by parent_id (a few levels), then looks grants up by (org, role).
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(R"sql(
WITH RECURSIVE up(id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM orgs WHERE code = ?2
    UNION ALL
    SELECT o.id, o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.parent_id
)
SELECT DISTINCT u.login
  FROM up
  JOIN role_grants g ON g.org_id = up.id AND g.role = ?1
  JOIN users u ON u.id = g.user_id
 WHERE (up.depth = 0 OR g.scope = 'subtree')
   AND g.valid_from <= ?3 AND (g.valid_to IS NULL OR ?3 < g.valid_to)
 ORDER BY u.login)sql"));
    q->bindText(1, role);
    q->bindText(2, orgCode);
    q->bindInt(3, at);
    std::vector<std::string> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) break;
        out.push_back(q->textAt(0));
    }
    if (out.empty()) QUJAT_RETURN_IF_ERROR(orgId(db, orgCode, "no organisation '" + orgCode + "'").status());
    return out;
}

Result<std::vector<RoleGrant>> grantsOf(SqliteConnection& db, const std::string& login, Millis at) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(R"sql(
SELECT u.login, g.role, o.code, g.scope, g.valid_from, g.valid_to
  FROM users u
  JOIN role_grants g ON g.user_id = u.id
  JOIN orgs o ON o.id = g.org_id
 WHERE u.login = ?1 AND g.valid_from <= ?2 AND (g.valid_to IS NULL OR ?2 < g.valid_to)
 ORDER BY g.role, o.code, g.valid_from)sql"));
    q->bindText(1, login);
    q->bindInt(2, at);
    std::vector<RoleGrant> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        RoleGrant g;
        g.login = q->textAt(0);
        g.role = q->textAt(1);
        g.orgCode = q->textAt(2);
        g.scope = q->textAt(3) == "subtree" ? GrantScope::kSubtree : GrantScope::kOrg;
        g.validFrom = q->intAt(4);
        g.validTo = q->optionalIntAt(5);
        out.push_back(std::move(g));
    }
}

Result<std::vector<Delegation>> delegationsTo(SqliteConnection& db, const std::string& toLogin, Millis at) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(R"sql(
SELECT d.id, f.login, t.login, d.role, d.valid_from, d.valid_to
  FROM users t
  JOIN delegations d ON d.to_user_id = t.id
  JOIN users f ON f.id = d.from_user_id
 WHERE t.login = ?1 AND d.valid_from <= ?2 AND ?2 < d.valid_to
 ORDER BY d.id)sql"));
    q->bindText(1, toLogin);
    q->bindInt(2, at);
    std::vector<Delegation> out;
    for (;;) {
        QUJAT_ASSIGN_OR_RETURN(bool row, q->step());
        if (!row) return out;
        out.push_back(Delegation{q->intAt(0), q->textAt(1), q->textAt(2), q->textAt(3), q->intAt(4), q->intAt(5)});
    }
}

Result<std::int64_t> countOrgs(SqliteConnection& db) { return countOf(db, "SELECT count(*) FROM orgs"); }

Result<std::int64_t> countUsers(SqliteConnection& db) { return countOf(db, "SELECT count(*) FROM users"); }

Status insertOrg(SqliteConnection& db, const Org& org) {
    std::optional<std::int64_t> parentId;
    std::string parentPath = "/";
    if (org.parentCode) {
        QUJAT_ASSIGN_OR_RETURN(StatementLease parent, db.prepare("SELECT id, path FROM orgs WHERE code = ?1"));
        parent->bindText(1, *org.parentCode);
        QUJAT_ASSIGN_OR_RETURN(bool found, parent->step());
        if (!found)
            return notFound("parent organisation '" + *org.parentCode + "' of '" + org.code + "' does not exist");
        parentId = parent->intAt(0);
        parentPath = parent->textAt(1);
    }
    {
        QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
            "INSERT INTO orgs (code, parent_id, level, name_kk, name_ru, name_en, path) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, '')"));
        q->bindText(1, org.code);
        q->bindOptionalInt(2, parentId);
        q->bindText(3, orgLevelName(org.level));
        q->bindText(4, org.nameKk);
        q->bindText(5, org.nameRu);
        q->bindText(6, org.nameEn);
        Status inserted = q->run();
        if (!inserted.isOk())
            return withMessage(inserted, StatusCode::kAlreadyExists, "organisation '" + org.code + "' already exists");
    }
    // The path needs the id SQLite just assigned.
    const std::int64_t id = db.lastInsertId();
    QUJAT_ASSIGN_OR_RETURN(StatementLease path, db.prepare("UPDATE orgs SET path = ?1 WHERE id = ?2"));
    path->bindText(1, parentPath + std::to_string(id) + "/");
    path->bindInt(2, id);
    return path->run();
}

Status insertUser(SqliteConnection& db, const User& user) {
    QUJAT_ASSIGN_OR_RETURN(std::int64_t home, orgId(db, user.homeOrgCode,
                                                    "home organisation '" + user.homeOrgCode + "' of user '" +
                                                        user.login + "' does not exist"));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO users (login, display_name, home_org_id, email, password_hash) VALUES (?1, ?2, ?3, ?4, ?5)"));
    q->bindText(1, user.login);
    q->bindText(2, user.displayName);
    q->bindInt(3, home);
    q->bindText(4, user.email);
    q->bindText(5, user.passwordHash);
    return withMessage(q->run(), StatusCode::kAlreadyExists, "user '" + user.login + "' already exists");
}

Status insertGrant(SqliteConnection& db, const RoleGrant& grant) {
    const std::string what = "grant of '" + grant.role + "' at '" + grant.orgCode + "' to '" + grant.login + "'";
    QUJAT_ASSIGN_OR_RETURN(std::int64_t user, userId(db, grant.login, what + ": no user '" + grant.login + "'"));
    QUJAT_ASSIGN_OR_RETURN(std::int64_t org, orgId(db, grant.orgCode, what + ": no organisation '" + grant.orgCode + "'"));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO role_grants (user_id, role, org_id, scope, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    q->bindInt(1, user);
    q->bindText(2, grant.role);
    q->bindInt(3, org);
    q->bindText(4, scopeName(grant.scope));
    q->bindInt(5, grant.validFrom);
    q->bindOptionalInt(6, grant.validTo);
    return withMessage(q->run(), StatusCode::kAlreadyExists, what + " from the same instant already exists");
}

Result<std::int64_t> insertDelegation(SqliteConnection& db, const Delegation& d) {
    const std::string what = "delegation of '" + d.role + "' from '" + d.fromLogin + "' to '" + d.toLogin + "'";
    QUJAT_ASSIGN_OR_RETURN(std::int64_t from, userId(db, d.fromLogin, what + ": no user '" + d.fromLogin + "'"));
    QUJAT_ASSIGN_OR_RETURN(std::int64_t to, userId(db, d.toLogin, what + ": no user '" + d.toLogin + "'"));
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare(
        "INSERT INTO delegations (from_user_id, to_user_id, role, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5)"));
    q->bindInt(1, from);
    q->bindInt(2, to);
    q->bindText(3, d.role);
    q->bindInt(4, d.validFrom);
    q->bindInt(5, d.validTo);
    QUJAT_RETURN_IF_ERROR(q->run());
    return db.lastInsertId();
}

Status setPasswordHash(SqliteConnection& db, const std::string& login, const std::string& hash) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease q, db.prepare("UPDATE users SET password_hash = ?2 WHERE login = ?1"));
    q->bindText(1, login);
    q->bindText(2, hash);
    QUJAT_RETURN_IF_ERROR(q->run());
    if (db.changes() == 0) return notFound("no user '" + login + "'");
    return Status::ok();
}

}  // namespace qujat::sqlite::queries
