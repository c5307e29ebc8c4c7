#include "SqliteWriter.h"

namespace qujat::sqlite {

using namespace engine;

Status SqliteWriter::insertOrg(const Org& org) { return queries::insertOrg(db_, org); }
Status SqliteWriter::insertUser(const User& user) { return queries::insertUser(db_, user); }
Status SqliteWriter::insertGrant(const RoleGrant& grant) { return queries::insertGrant(db_, grant); }
Result<std::int64_t> SqliteWriter::insertDelegation(const Delegation& d) { return queries::insertDelegation(db_, d); }
Status SqliteWriter::setPasswordHash(const std::string& login, const std::string& hash) {
    return queries::setPasswordHash(db_, login, hash);
}
Status SqliteWriter::putWorkflow(const StoredWorkflow& wf) { return queries::putWorkflow(db_, wf); }
Result<DocumentId> SqliteWriter::insertDocument(const Document& doc) { return queries::insertDocument(db_, doc); }
Status SqliteWriter::updateDocument(const Document& doc, std::int64_t expectedRevision) {
    return queries::updateDocument(db_, doc, expectedRevision);
}
Status SqliteWriter::insertVersion(const Version& v) { return queries::insertVersion(db_, v); }
Result<TaskId> SqliteWriter::insertTask(const Task& task) { return queries::insertTask(db_, task); }
Status SqliteWriter::updateTask(const Task& task) { return queries::updateTask(db_, task); }
Result<std::int64_t> SqliteWriter::nextCounterValue(const std::string& key) {
    return queries::nextCounterValue(db_, key);
}
Status SqliteWriter::appendAuditEvent(const AuditEvent& e) { return queries::appendAuditEvent(db_, e); }

}  // namespace qujat::sqlite
