#include "Runtime.h"

#include <cstdlib>

#include "ApprovalPolicy.h"
#include "EmbeddedFiles.h"
#include "FileIo.h"
#include "qujat/files/FileContentStore.h"
#include "qujat/sqlite/SqliteStore.h"

namespace qujat::cli {

using engine::Result;
using engine::Status;

namespace {

std::string rolesPath(const std::string& dataDir) { return dataDir + "/roles.xml"; }

}  // namespace

Runtime::~Runtime() = default;

Status Runtime::loadRoles() {
    // An installation's own catalogue (written by the first `open`) wins over the built-in one.
    std::string xml(embeddedFile("workflows/roles.xml"));
    std::string source = "roles.xml (built in)";
    if (fileExists(rolesPath(dataDir_))) {
        QUJAT_ASSIGN_OR_RETURN(xml, readFile(rolesPath(dataDir_)));
        source = rolesPath(dataDir_);
    }
    std::vector<engine::Diagnostic> problems;
    roles_ = parser_->parseRoles(xml, source, problems);
    if (!problems.empty()) {
        std::string message = "the role catalogue is invalid:";
        for (const auto& d : problems) message += "\n  " + d.toString();
        return engine::invalidArgument(message);
    }
    return Status::ok();
}

Result<std::unique_ptr<Runtime>> Runtime::tools(const RuntimeOptions& options) {
    std::unique_ptr<Runtime> rt(new Runtime());
    rt->dataDir_ = options.dataDir;
    auto parser = xml::LibXmlWorkflowParser::fromSchema(std::string(embeddedFile("workflows/workflow.xsd")));
    if (!parser.isOk()) return parser.status();
    rt->parser_ = std::move(parser).value();
    QUJAT_RETURN_IF_ERROR(rt->loadRoles());
    if (options.now) {
        auto manual = std::make_unique<engine::ManualClock>(*options.now);
        rt->manualClock_ = manual.get();
        rt->clock_ = std::move(manual);
    } else {
        rt->clock_ = std::make_unique<engine::SystemClock>();
    }
    return rt;
}

Result<std::unique_ptr<Runtime>> Runtime::open(const RuntimeOptions& options) {
    QUJAT_RETURN_IF_ERROR(makeDirectories(options.dataDir));
    if (!fileExists(rolesPath(options.dataDir)))
        QUJAT_RETURN_IF_ERROR(writeFile(rolesPath(options.dataDir), std::string(embeddedFile("workflows/roles.xml"))));
    QUJAT_ASSIGN_OR_RETURN(std::unique_ptr<Runtime> rt, tools(options));
    sqlite::SqliteOptions storeOptions;
    storeOptions.groupCommit = options.groupCommit;
    auto store = sqlite::SqliteStore::open(options.dataDir + "/qujat.db", storeOptions);
    if (!store.isOk()) return store.status();
    rt->store_ = std::move(store).value();
    auto content = files::FileContentStore::open(options.dataDir + "/content", rt->hasher_);
    if (!content.isOk()) return content.status();
    rt->content_ = std::move(content).value();
    QUJAT_ASSIGN_OR_RETURN(rt->approvals_,
                           approvalCheckFor(options.dataDir, options.requireSignatures, *rt->store_, *rt->clock_));
    rt->service_ = std::make_unique<engine::Service>(
        engine::ServicePorts{*rt->store_, *rt->content_, *rt->clock_, rt->hasher_, *rt->parser_, *rt->approvals_},
        rt->roles_);
    rt->passwords_ = std::make_unique<crypto::ScryptPasswordHasher>(options.passwordCostLog2);
    rt->accounts_ = std::make_unique<engine::Accounts>(*rt->store_, *rt->clock_, rt->hasher_, *rt->passwords_, rt->random_);
    return rt;
}

}  // namespace qujat::cli
