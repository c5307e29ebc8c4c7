#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "qujat/crypto/OpenSslHasher.h"
#include "qujat/crypto/ScryptPasswordHasher.h"
#include "qujat/engine/Accounts.h"
#include "qujat/engine/Clocks.h"
#include "qujat/engine/Service.h"
#include "qujat/engine/ports/Store.h"
#include "qujat/xml/LibXmlWorkflowParser.h"

namespace qujat::cli {

// Where the data lives and how the clock runs, from the command line and environment.
struct RuntimeOptions {
    std::string dataDir;                  // --data, else $QUJAT_DATA, else ./qujat-data
    std::optional<engine::Millis> now;    // --now: a fixed clock (deadlines, replays)
    bool groupCommit = false;             // batch concurrent transactions into one fsync
    int passwordCostLog2 = 15;            // scrypt N = 2^this; tests lower it to stay fast
    // Sign steps demand a verified signature (see ApprovalPolicy.h). Only routing tests that
    // are not about signatures turn this off.
    bool requireSignatures = true;
};

// The composition root: the only place that knows every concrete adapter. Opening the
// store creates the data directory (database, content, role catalogue) on first use.
class Runtime {
public:
    // Parser, hasher and role catalogue only; enough to check workflow files.
    static engine::Result<std::unique_ptr<Runtime>> tools(const RuntimeOptions& options);
    // Everything, with the store in options.dataDir opened (created if absent).
    static engine::Result<std::unique_ptr<Runtime>> open(const RuntimeOptions& options);

    ~Runtime();

    const engine::WorkflowParser& parser() const { return *parser_; }
    const engine::Hasher& hasher() const { return hasher_; }
    const std::vector<engine::RoleDef>& roles() const { return roles_; }
    bool hasStore() const { return service_ != nullptr; }
    engine::Service& service() { return *service_; }
    engine::Accounts& accounts() { return *accounts_; }
    engine::Store& store() { return *store_; }
    engine::ManualClock* manualClock() { return manualClock_; }
    const std::string& dataDir() const { return dataDir_; }

private:
    Runtime() = default;
    engine::Status loadRoles();

    std::string dataDir_;
    crypto::OpenSslHasher hasher_;
    std::unique_ptr<xml::LibXmlWorkflowParser> parser_;
    std::vector<engine::RoleDef> roles_;
    std::unique_ptr<engine::Clock> clock_;
    engine::ManualClock* manualClock_ = nullptr;  // set when clock_ is a ManualClock
    std::unique_ptr<engine::Store> store_;
    std::unique_ptr<engine::ContentStore> content_;
    std::unique_ptr<engine::ApprovalCheck> approvals_;
    std::unique_ptr<engine::Service> service_;
    std::unique_ptr<crypto::ScryptPasswordHasher> passwords_;
    crypto::OpenSslRandom random_;
    std::unique_ptr<engine::Accounts> accounts_;
};

}  // namespace qujat::cli
