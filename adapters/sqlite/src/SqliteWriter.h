#pragma once

#include "SqliteReader.h"

namespace qujat::sqlite {

// Read and write access inside the write transaction (or group-commit savepoint) that the
// store opened on `db`; does not own it. Constraint failures come back as the port's
// codes, with messages that name the missing or duplicate key.
class SqliteWriter final : public SqliteReaderBase<engine::StoreWriter> {
public:
    using SqliteReaderBase::SqliteReaderBase;

    engine::Status insertOrg(const engine::Org& org) override;
    engine::Status insertUser(const engine::User& user) override;
    engine::Status insertGrant(const engine::RoleGrant& grant) override;
    engine::Result<std::int64_t> insertDelegation(const engine::Delegation& d) override;
    engine::Status setPasswordHash(const std::string& login, const std::string& hash) override;
    engine::Status putWorkflow(const engine::StoredWorkflow& wf) override;
    engine::Result<engine::DocumentId> insertDocument(const engine::Document& doc) override;
    engine::Status updateDocument(const engine::Document& doc, std::int64_t expectedRevision) override;
    engine::Status insertVersion(const engine::Version& v) override;
    engine::Result<engine::TaskId> insertTask(const engine::Task& task) override;
    engine::Status updateTask(const engine::Task& task) override;
    engine::Result<std::int64_t> nextCounterValue(const std::string& key) override;
    engine::Status appendAuditEvent(const engine::AuditEvent& e) override;
    engine::Status setSearchText(engine::DocumentId id, const std::string& text) override {
        return queries::setSearchText(db_, id, text);
    }
    engine::Status insertSession(const std::string& tokenSha256, const engine::Session& session) override {
        return queries::insertSession(db_, tokenSha256, session);
    }
    engine::Status revokeSession(const std::string& tokenSha256, engine::Millis at) override {
        return queries::revokeSession(db_, tokenSha256, at);
    }
    engine::Status insertCertificateBinding(const engine::CertificateBinding& binding) override {
        return queries::insertCertificateBinding(db_, binding);
    }
    engine::Result<std::int64_t> insertSignature(const engine::SignatureRecord& signature) override {
        return queries::insertSignature(db_, signature);
    }
};

}  // namespace qujat::sqlite
