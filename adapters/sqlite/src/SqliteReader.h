#pragma once

#include "ActivityQueries.h"
#include "AuditQueries.h"
#include "DirectoryQueries.h"
#include "DocumentQueries.h"
#include "SessionQueries.h"
#include "SignatureQueries.h"
#include "SqliteConnection.h"
#include "TaskQueries.h"
#include "WorkflowQueries.h"
#include "qujat/engine/ports/Store.h"

namespace qujat::sqlite {

// The StoreReader methods over one connection, for any interface that includes them
// (StoreReader itself, or StoreWriter). Valid only inside the transaction that the store
// opened on `db`; does not own it.
template <typename Interface>
class SqliteReaderBase : public Interface {
public:
    explicit SqliteReaderBase(SqliteConnection& db) : db_(db) {}

    engine::Result<engine::Org> orgByCode(const std::string& code) override { return queries::orgByCode(db_, code); }
    engine::Result<std::vector<engine::Org>> childOrgs(const std::string& parentCode) override {
        return queries::childOrgs(db_, parentCode);
    }
    engine::Result<std::vector<engine::Org>> rootOrgs() override { return queries::rootOrgs(db_); }
    engine::Result<engine::User> userByLogin(const std::string& login) override {
        return queries::userByLogin(db_, login);
    }
    engine::Result<std::vector<engine::User>> listUsers(int limit, const std::string& afterLogin) override {
        return queries::listUsers(db_, limit, afterLogin);
    }
    engine::Result<std::vector<std::string>> holdersOf(const std::string& role, const std::string& orgCode,
                                                       engine::Millis at) override {
        return queries::holdersOf(db_, role, orgCode, at);
    }
    engine::Result<std::vector<engine::RoleGrant>> grantsOf(const std::string& login, engine::Millis at) override {
        return queries::grantsOf(db_, login, at);
    }
    engine::Result<std::vector<engine::Delegation>> delegationsTo(const std::string& toLogin,
                                                                  engine::Millis at) override {
        return queries::delegationsTo(db_, toLogin, at);
    }
    engine::Result<std::int64_t> countOrgs() override { return queries::countOrgs(db_); }
    engine::Result<std::int64_t> countUsers() override { return queries::countUsers(db_); }

    engine::Result<engine::StoredWorkflow> workflow(const std::string& id, int version) override {
        return queries::workflow(db_, id, version);
    }
    engine::Result<engine::StoredWorkflow> latestWorkflow(const std::string& id) override {
        return queries::latestWorkflow(db_, id);
    }
    engine::Result<std::vector<engine::StoredWorkflow>> latestWorkflows() override {
        return queries::latestWorkflows(db_);
    }

    engine::Result<engine::Document> document(engine::DocumentId id) override { return queries::document(db_, id); }
    engine::Result<std::vector<engine::Document>> listDocuments(const engine::DocumentFilter& filter) override {
        return queries::listDocuments(db_, filter);
    }
    engine::Result<std::vector<engine::Version>> versions(engine::DocumentId id) override {
        return queries::versions(db_, id);
    }
    engine::Result<std::vector<engine::Task>> tasksOf(engine::DocumentId id) override {
        return queries::tasksOf(db_, id);
    }
    engine::Result<engine::Task> task(engine::TaskId id) override { return queries::task(db_, id); }
    engine::Result<std::vector<engine::Task>> openTasksFor(const std::string& login, engine::Millis at) override {
        return queries::openTasksFor(db_, login, at);
    }
    engine::Result<std::vector<engine::Task>> overdueTasks(engine::Millis at) override {
        return queries::overdueTasks(db_, at);
    }
    engine::Result<std::int64_t> countDocuments() override { return queries::countDocuments(db_); }

    engine::Result<std::vector<engine::OriginActivity>> activityByOrigin(const std::string& orgCode,
                                                                         engine::Millis at) override {
        return queries::activityByOrigin(db_, orgCode, at);
    }
    engine::Result<std::vector<engine::DayCount>> submissionsPerDay(const std::string& orgCode, engine::Millis from,
                                                                    engine::Millis to) override {
        return queries::submissionsPerDay(db_, orgCode, from, to);
    }

    engine::Result<std::optional<engine::AuditEvent>> lastAuditEvent() override {
        return queries::lastAuditEvent(db_);
    }
    engine::Result<std::optional<std::pair<std::int64_t, std::string>>> auditHead() override {
        return queries::auditHead(db_);
    }
    engine::Status forEachAuditEvent(const std::function<engine::Status(const engine::AuditEvent&)>& visit) override {
        return queries::forEachAuditEvent(db_, visit);
    }
    engine::Result<std::vector<engine::AuditEvent>> auditEventsFor(const std::string& subject) override {
        return queries::auditEventsFor(db_, subject);
    }

    engine::Result<engine::CertificateBinding> certificateBinding(const std::string& sha256) override {
        return queries::certificateBinding(db_, sha256);
    }
    engine::Result<std::vector<engine::CertificateBinding>> certificateBindingsOf(const std::string& login) override {
        return queries::certificateBindingsOf(db_, login);
    }
    engine::Result<std::vector<engine::SignatureRecord>> signaturesOf(engine::DocumentId id) override {
        return queries::signaturesOf(db_, id);
    }
    engine::Result<std::pair<engine::Session, bool>> session(const std::string& tokenSha256) override {
        return queries::session(db_, tokenSha256);
    }

protected:
    SqliteConnection& db_;
};

// Read access to the snapshot of one read transaction.
class SqliteReader final : public SqliteReaderBase<engine::StoreReader> {
public:
    using SqliteReaderBase::SqliteReaderBase;
};

}  // namespace qujat::sqlite
