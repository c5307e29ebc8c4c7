#pragma once

#include <string>
#include <utility>

#include "SqliteConnection.h"
#include "qujat/engine/Session.h"
#include "qujat/engine/Status.h"

// Sign-in sessions, keyed by the SHA-256 of their token.
namespace qujat::sqlite::queries {

engine::Result<std::pair<engine::Session, bool>> session(SqliteConnection& db, const std::string& tokenSha256);
engine::Status insertSession(SqliteConnection& db, const std::string& tokenSha256, const engine::Session& session);
engine::Status revokeSession(SqliteConnection& db, const std::string& tokenSha256, engine::Millis at);

}  // namespace qujat::sqlite::queries
