#include "ServiceFixture.h"

#include <catch2/catch.hpp>

#include "Context.h"
#include "SignatureCommands.h"
#include "StatusMatchers.h"
#include "TestDirectory.h"

namespace qujat::test {

using namespace engine;

ServiceFixture::ServiceFixture(bool groupCommit) : ServiceFixture(groupCommit, "") {}

std::unique_ptr<ServiceFixture> ServiceFixture::signing(const std::string& pkiDir) {
    return std::unique_ptr<ServiceFixture>(new ServiceFixture(false, pkiDir));
}

ServiceFixture::ServiceFixture(bool groupCommit, const std::string& pkiDir) {
    if (!pkiDir.empty()) REQUIRE_OK(cli::installPki(pkiDir, dir_.path()));
    cli::RuntimeOptions options;
    options.dataDir = dir_.path();
    options.now = *parseIsoUtc("2026-03-02T09:00:00Z");
    options.groupCommit = groupCommit;
    options.passwordCostLog2 = 10;  // the real cost is 2^15; the algorithm is the same
    // Routing tests leave signatures out; signed approvals are tested with a real PKI.
    options.requireSignatures = !pkiDir.empty();
    auto runtime = cli::Runtime::open(options);
    REQUIRE_OK(runtime);
    runtime_ = std::move(runtime).value();
    loadWorkflows();
    loadDirectory();
}

ServiceFixture::~ServiceFixture() = default;

void ServiceFixture::loadWorkflows() { REQUIRE_OK(cli::loadBuiltInWorkflows(*runtime_, "operator", nullptr)); }

void ServiceFixture::loadDirectory() {
    const TestDirectory d = smallDirectory();
    REQUIRE_OK(service().importDirectory(d.orgs, d.users, d.grants, {}, "operator"));
}

Document ServiceFixture::submitProtocol(const std::string& origin, const std::string& body) {
    SubmitRequest req;
    req.workflowId = "ppo-protocol";
    req.title = "Протокол собрания " + origin;
    req.originOrgCode = origin;
    req.fields = {{"meeting-date", "2026-02-27"}, {"present", "12"}};
    req.content = Content{body, "protocol.txt", "text/plain"};
    std::string secretary = origin == "P1" ? "secretary.p1" : "secretary.p2";
    auto doc = service().submit(secretary, req);
    REQUIRE_OK(doc);
    return *doc;
}

Document ServiceFixture::submitReport(const std::string& period) {
    SubmitRequest req;
    req.workflowId = "ppo-report";
    req.title = "Отчёт ППО";
    req.originOrgCode = "P1";
    req.fields = {{"period", period}};
    req.content = Content{"report text", "report.txt", "text/plain"};
    auto doc = service().submit("secretary.p1", req);
    REQUIRE_OK(doc);
    return *doc;
}

Document ServiceFixture::submitDecision() {
    SubmitRequest req;
    req.workflowId = "bureau-decision";
    req.title = "Решение бюро";
    req.originOrgCode = "DIS";
    req.fields = {{"decision-kind", "organisational"}};
    req.content = Content{"decision text", "decision.txt", "text/plain"};
    auto doc = service().submit("secretary.dis", req);
    REQUIRE_OK(doc);
    return *doc;
}

Result<Document> ServiceFixture::approve(const std::string& who, DocumentId id) {
    return service().approve(who, id, Decision{});
}

Result<Document> ServiceFixture::reject(const std::string& who, DocumentId id, const std::string& comment) {
    Decision d;
    d.comment = comment;
    return service().reject(who, id, d);
}

Document ServiceFixture::current(DocumentId id) {
    auto view = service().document(Viewer::localOperator(), id);
    REQUIRE_OK(view);
    return view->document;
}

std::vector<Task> ServiceFixture::openTasks(DocumentId id) {
    auto view = service().document(Viewer::localOperator(), id);
    REQUIRE_OK(view);
    std::vector<Task> open;
    for (const Task& t : view->tasks)
        if (t.state == TaskState::kOpen) open.push_back(t);
    return open;
}

std::int64_t ServiceFixture::auditLength() {
    auto v = service().verifyAudit();
    REQUIRE_OK(v);
    REQUIRE(v->intact());
    return v->events;
}

Result<AuditEvent> ServiceFixture::lastAuditEvent() {
    std::optional<AuditEvent> last;
    Status s = store().read([&](StoreReader& r) -> Status {
        QUJAT_ASSIGN_OR_RETURN(last, r.lastAuditEvent());
        return Status::ok();
    });
    if (!s.isOk()) return s;
    if (!last) return notFound("empty chain");
    return *last;
}

}  // namespace qujat::test
