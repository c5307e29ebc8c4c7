#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "SqliteConnection.h"
#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Store.h"

// Documents, their versions and the gap-free counters: the StoreReader/StoreWriter
// methods over one connection, with the same contracts.
namespace qujat::sqlite::queries {

engine::Result<engine::Document> document(SqliteConnection& db, engine::DocumentId id);
engine::Result<std::vector<engine::Document>> listDocuments(SqliteConnection& db, const engine::DocumentFilter& filter);
engine::Status setSearchText(SqliteConnection& db, engine::DocumentId id, const std::string& text);
engine::Result<std::vector<engine::Version>> versions(SqliteConnection& db, engine::DocumentId id);
engine::Result<std::int64_t> countDocuments(SqliteConnection& db);
// kNotFound unless document `id` exists.
engine::Status requireDocument(SqliteConnection& db, engine::DocumentId id);

engine::Result<engine::DocumentId> insertDocument(SqliteConnection& db, const engine::Document& doc);
engine::Status updateDocument(SqliteConnection& db, const engine::Document& doc, std::int64_t expectedRevision);
engine::Status insertVersion(SqliteConnection& db, const engine::Version& v);
engine::Result<std::int64_t> nextCounterValue(SqliteConnection& db, const std::string& key);

}  // namespace qujat::sqlite::queries
