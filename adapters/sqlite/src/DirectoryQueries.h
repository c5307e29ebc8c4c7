#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "SqliteConnection.h"
#include "qujat/engine/Directory.h"
#include "qujat/engine/Status.h"

// Organisations, users, role grants and delegations: the StoreReader/StoreWriter
// directory methods over one connection, with the same contracts.
namespace qujat::sqlite::queries {

engine::Result<engine::Org> orgByCode(SqliteConnection& db, const std::string& code);
engine::Result<std::vector<engine::Org>> childOrgs(SqliteConnection& db, const std::string& parentCode);
engine::Result<std::vector<engine::Org>> rootOrgs(SqliteConnection& db);
engine::Result<engine::User> userByLogin(SqliteConnection& db, const std::string& login);
engine::Result<std::vector<engine::User>> listUsers(SqliteConnection& db, int limit, const std::string& afterLogin);
engine::Result<std::vector<std::string>> holdersOf(SqliteConnection& db, const std::string& role,
                                                   const std::string& orgCode, engine::Millis at);
engine::Result<std::vector<engine::RoleGrant>> grantsOf(SqliteConnection& db, const std::string& login,
                                                        engine::Millis at);
engine::Result<std::vector<engine::Delegation>> delegationsTo(SqliteConnection& db, const std::string& toLogin,
                                                              engine::Millis at);
engine::Result<std::int64_t> countOrgs(SqliteConnection& db);
engine::Result<std::int64_t> countUsers(SqliteConnection& db);

engine::Status insertOrg(SqliteConnection& db, const engine::Org& org);
engine::Status insertUser(SqliteConnection& db, const engine::User& user);
engine::Status insertGrant(SqliteConnection& db, const engine::RoleGrant& grant);
engine::Result<std::int64_t> insertDelegation(SqliteConnection& db, const engine::Delegation& d);
engine::Status setPasswordHash(SqliteConnection& db, const std::string& login, const std::string& hash);

// The row id of a user, or kNotFound with `missing` as the message.
engine::Result<std::int64_t> userId(SqliteConnection& db, const std::string& login, const std::string& missing);

// One value of `SELECT count(*) ...`-style SQL without parameters.
engine::Result<std::int64_t> countOf(SqliteConnection& db, const std::string& sql);

}  // namespace qujat::sqlite::queries
