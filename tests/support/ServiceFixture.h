#pragma once

#include <memory>
#include <string>
#include <vector>

#include "Runtime.h"
#include "TempDir.h"

namespace qujat::test {

// The real engine, composed by the CLI's composition root over a real SQLite file in a
// temporary directory, with the repository's workflows loaded and the small directory of
// TestDirectory.h.
//
// The clock is manual and starts at 2026-03-02T09:00:00Z.
class ServiceFixture {
public:
    explicit ServiceFixture(bool groupCommit = false);
    // With the trust anchors, CRLs and TSA of a PKI made by certs/make-dev-pki.sh: sign steps
    // then demand verified signatures.
    static std::unique_ptr<ServiceFixture> signing(const std::string& pkiDir);
    ~ServiceFixture();

    engine::Service& service() { return runtime_->service(); }
    engine::Accounts& accounts() { return runtime_->accounts(); }
    engine::ManualClock& clock() { return *runtime_->manualClock(); }
    engine::Store& store() { return runtime_->store(); }
    std::string databasePath() const { return dir_.file("qujat.db"); }

    // Submits a protocol from `origin` by its secretary, with valid fields.
    engine::Document submitProtocol(const std::string& origin = "P1", const std::string& body = "protocol text");
    engine::Document submitReport(const std::string& period = "quarterly");
    engine::Document submitDecision();

    engine::Result<engine::Document> approve(const std::string& who, engine::DocumentId id);
    engine::Result<engine::Document> reject(const std::string& who, engine::DocumentId id, const std::string& comment);
    engine::Document current(engine::DocumentId id);
    std::vector<engine::Task> openTasks(engine::DocumentId id);
    std::int64_t auditLength();
    engine::Result<engine::AuditEvent> lastAuditEvent();

    std::string dataDir() const { return dir_.path(); }

private:
    ServiceFixture(bool groupCommit, const std::string& pkiDir);
    void loadWorkflows();
    void loadDirectory();

    TempDir dir_;
    std::unique_ptr<cli::Runtime> runtime_;
};

}  // namespace qujat::test
