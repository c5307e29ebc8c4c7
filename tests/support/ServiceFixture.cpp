#include "ServiceFixture.h"

#include <catch2/catch.hpp>

#include "Context.h"
#include "SignatureCommands.h"
#include "StatusMatchers.h"

namespace qujat::test {

using namespace engine;

namespace {

Org org(const std::string& code, std::optional<std::string> parent, OrgLevel level) {
    Org o;
    o.code = code;
    o.parentCode = std::move(parent);
    o.level = level;
    o.nameKk = o.nameRu = o.nameEn = code;
    return o;
}

}  // namespace

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
    std::vector<Org> orgs = {org("KZ", std::nullopt, OrgLevel::kCentral), org("REG", "KZ", OrgLevel::kRegion),
                             org("DIS", "REG", OrgLevel::kDistrict), org("P1", "DIS", OrgLevel::kPrimary),
                             org("P2", "DIS", OrgLevel::kPrimary)};
    std::vector<User> users;
    std::vector<RoleGrant> grants;
    const Millis from = *parseIsoUtc("2020-01-01");
    auto person = [&](const std::string& login, const std::string& orgCode, const std::string& role,
                      GrantScope scope = GrantScope::kOrg) {
        users.push_back(User{login, "Тест " + login, orgCode, login + "@example.kz", ""});
        grants.push_back(RoleGrant{login, role, orgCode, scope, from, std::nullopt});
    };
    person("auditor.kz", "KZ", "auditor", GrantScope::kSubtree);
    person("inspector.reg", "REG", "inspector");
    person("chairman.reg", "REG", "chairman");
    for (const char* role : {"secretary", "chairman", "first-deputy", "inspector", "registrar"})
        person(std::string(role) + ".dis", "DIS", role);
    person("registrar2.dis", "DIS", "registrar");
    for (int i = 1; i <= 5; ++i) person("bm" + std::to_string(i) + ".dis", "DIS", "bureau-member");
    for (const char* ppo : {"p1", "p2"}) {
        std::string code = ppo[1] == '1' ? "P1" : "P2";
        person(std::string("secretary.") + ppo, code, "secretary");
        person(std::string("chairman.") + ppo, code, "chairman");
    }
    REQUIRE_OK(service().importDirectory(orgs, users, grants, {}, "operator"));
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
