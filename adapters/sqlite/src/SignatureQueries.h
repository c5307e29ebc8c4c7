#pragma once

#include <string>
#include <vector>

#include "SqliteConnection.h"
#include "qujat/engine/Signature.h"
#include "qujat/engine/Status.h"

// Certificates registered to users, and the signatures accepted on documents.
namespace qujat::sqlite::queries {

engine::Result<engine::CertificateBinding> certificateBinding(SqliteConnection& db, const std::string& sha256);
engine::Result<std::vector<engine::CertificateBinding>> certificateBindingsOf(SqliteConnection& db,
                                                                             const std::string& login);
engine::Status insertCertificateBinding(SqliteConnection& db, const engine::CertificateBinding& binding);

engine::Result<std::vector<engine::SignatureRecord>> signaturesOf(SqliteConnection& db, engine::DocumentId id);
engine::Result<std::int64_t> insertSignature(SqliteConnection& db, const engine::SignatureRecord& signature);

}  // namespace qujat::sqlite::queries
