#include "StoreContract.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "support/StatusMatchers.h"

namespace qujat::test {

using namespace engine;

namespace {

constexpr Millis kT0 = 1'700'000'000'000;   // when the directory's grants begin
constexpr Millis kT1 = kT0 + 10'000;        // a window [kT1, kT2) for temporary grants, delegations
constexpr Millis kT2 = kT0 + 20'000;
constexpr Millis kNow = kT0 + 5'000;        // inside no window

const std::string kSha1(64, 'a');
const std::string kSha2(64, 'b');

Org org(const std::string& code, std::optional<std::string> parent, OrgLevel level) {
    Org o;
    o.code = code;
    o.parentCode = std::move(parent);
    o.level = level;
    o.nameKk = "Ұйым " + code;
    o.nameRu = "Организация " + code;
    o.nameEn = "Organisation " + code;
    return o;
}

RoleGrant grant(const std::string& login, const std::string& role, const std::string& orgCode,
                GrantScope scope = GrantScope::kOrg, Millis from = kT0, std::optional<Millis> to = std::nullopt) {
    return RoleGrant{login, role, orgCode, scope, from, to};
}

// KZ ─ REG ─ DIS ─ P1, P2;  KZ ─ REG2.
//   sec.p1 secretary@P1, chair.p1 chairman@P1, boss.dis chairman@DIS (org scope only),
//   auditor auditor@REG (subtree), multi inspector@DIS (subtree) and inspector@P1,
//   temp secretary@P2 during [kT1, kT2), abe and zed secretary@P2 open-ended.
void buildDirectory(Store& store) {
    REQUIRE_OK(store.write([](StoreWriter& w) -> Status {
        QUJAT_RETURN_IF_ERROR(w.insertOrg(org("KZ", std::nullopt, OrgLevel::kCentral)));
        QUJAT_RETURN_IF_ERROR(w.insertOrg(org("REG", "KZ", OrgLevel::kRegion)));
        QUJAT_RETURN_IF_ERROR(w.insertOrg(org("REG2", "KZ", OrgLevel::kRegion)));
        QUJAT_RETURN_IF_ERROR(w.insertOrg(org("DIS", "REG", OrgLevel::kDistrict)));
        QUJAT_RETURN_IF_ERROR(w.insertOrg(org("P2", "DIS", OrgLevel::kPrimary)));
        QUJAT_RETURN_IF_ERROR(w.insertOrg(org("P1", "DIS", OrgLevel::kPrimary)));
        for (const auto& [login, home] : std::vector<std::pair<std::string, std::string>>{
                 {"sec.p1", "P1"}, {"chair.p1", "P1"}, {"boss.dis", "DIS"}, {"auditor", "KZ"},
                 {"multi", "DIS"}, {"temp", "P2"}, {"zed", "P2"}, {"abe", "P2"}})
            QUJAT_RETURN_IF_ERROR(w.insertUser(User{login, "Қолданушы " + login, home, login + "@example.kz", ""}));
        QUJAT_RETURN_IF_ERROR(w.insertGrant(grant("sec.p1", "secretary", "P1")));
        QUJAT_RETURN_IF_ERROR(w.insertGrant(grant("chair.p1", "chairman", "P1")));
        QUJAT_RETURN_IF_ERROR(w.insertGrant(grant("boss.dis", "chairman", "DIS")));
        QUJAT_RETURN_IF_ERROR(w.insertGrant(grant("auditor", "auditor", "REG", GrantScope::kSubtree)));
        QUJAT_RETURN_IF_ERROR(w.insertGrant(grant("multi", "inspector", "DIS", GrantScope::kSubtree)));
        QUJAT_RETURN_IF_ERROR(w.insertGrant(grant("multi", "inspector", "P1")));
        QUJAT_RETURN_IF_ERROR(w.insertGrant(grant("temp", "secretary", "P2", GrantScope::kOrg, kT1, kT2)));
        QUJAT_RETURN_IF_ERROR(w.insertGrant(grant("zed", "secretary", "P2")));
        return w.insertGrant(grant("abe", "secretary", "P2"));
    }));
}

StoredWorkflow storedWorkflow(const std::string& id, int version, const std::string& sha) {
    return StoredWorkflow{id, version, sha, "<workflow id=\"" + id + "\"/>", id + ".xml", kT0};
}

void putWorkflow(Store& store, const std::string& id = "wf", int version = 1) {
    REQUIRE_OK(store.write([&](StoreWriter& w) { return w.putWorkflow(storedWorkflow(id, version, kSha1)); }));
}

Document sampleDocument() {
    Document d;
    d.workflowId = "wf";
    d.workflowVersion = 1;
    d.documentType = "protocol";
    d.title = "Бастауыш ұйымның жиналыс хаттамасы";
    d.originOrgCode = "P1";
    d.authorLogin = "sec.p1";
    d.state = DocumentState::kInProgress;
    d.currentStep = "review";
    d.round = 2;
    d.fields = {{"meeting-date", "2026-02-27"},
                {"тақырып", "Қазақстан Республикасы, «Нұр Отан» — ұйым"},
                {"quote", "he said \"hi\" \\ back"},
                {"control", "tab\there\nnew line\x01\x1f"},
                {"nul", std::string("a\0b", 3)},
                {"emoji", "😀"},
                {"empty", ""}};
    d.currentVersion = 1;
    d.revision = 0;
    d.createdAt = kT0;
    d.updatedAt = kT0 + 1;
    return d;
}

DocumentId insertDocument(Store& store, const Document& d) {
    auto id = change(store, [&](StoreWriter& w) { return w.insertDocument(d); });
    REQUIRE_OK(id);
    return *id;
}

void checkSameDocument(const Document& a, const Document& b) {
    CHECK(a.id == b.id);
    CHECK(a.workflowId == b.workflowId);
    CHECK(a.workflowVersion == b.workflowVersion);
    CHECK(a.documentType == b.documentType);
    CHECK(a.title == b.title);
    CHECK(a.originOrgCode == b.originOrgCode);
    CHECK(a.authorLogin == b.authorLogin);
    CHECK(a.state == b.state);
    CHECK(a.currentStep == b.currentStep);
    CHECK(a.round == b.round);
    CHECK(a.fields == b.fields);
    CHECK(a.registrationNumber == b.registrationNumber);
    CHECK(a.currentVersion == b.currentVersion);
    CHECK(a.revision == b.revision);
    CHECK(a.createdAt == b.createdAt);
    CHECK(a.updatedAt == b.updatedAt);
}

Task roleTask(DocumentId doc, const std::string& role, const std::string& orgCode) {
    Task t;
    t.documentId = doc;
    t.stepId = "review";
    t.role = role;
    t.orgCode = orgCode;
    t.openedAt = kT0;
    return t;
}

Task namedTask(DocumentId doc, const std::string& login, const std::string& role = "") {
    Task t = roleTask(doc, role, "P1");
    t.assigneeLogin = login;
    return t;
}

TaskId insertTask(Store& store, const Task& t) {
    auto id = change(store, [&](StoreWriter& w) { return w.insertTask(t); });
    REQUIRE_OK(id);
    return *id;
}

std::vector<TaskId> inbox(Store& store, const std::string& login, Millis at) {
    auto tasks = query(store, [&](StoreReader& r) { return r.openTasksFor(login, at); });
    REQUIRE_OK(tasks);
    std::vector<TaskId> ids;
    for (const Task& t : *tasks) ids.push_back(t.id);
    return ids;
}

std::vector<std::string> holders(Store& store, const std::string& role, const std::string& orgCode, Millis at) {
    auto found = query(store, [&](StoreReader& r) { return r.holdersOf(role, orgCode, at); });
    REQUIRE_OK(found);
    return *found;
}

AuditEvent auditEvent(std::int64_t seq, const std::string& subject) {
    AuditEvent e;
    e.seq = seq;
    e.time = kT0 + seq;
    e.actor = "sec.p1";
    e.action = "document.submit";
    e.subject = subject;
    e.details = "{\"title\":\"Хаттама «" + std::to_string(seq) + "»\",\"sql\":\"'; DROP TABLE audit_events; --\"}";
    e.prevHash = seq == 1 ? std::string(64, '0') : std::string(64, static_cast<char>('0' + (seq - 1) % 10));
    e.hash = std::string(64, static_cast<char>('0' + seq % 10));
    return e;
}

void checkSameEvent(const AuditEvent& a, const AuditEvent& b) {
    CHECK(a.seq == b.seq);
    CHECK(a.time == b.time);
    CHECK(a.actor == b.actor);
    CHECK(a.action == b.action);
    CHECK(a.subject == b.subject);
    CHECK(a.details == b.details);
    CHECK(a.prevHash == b.prevHash);
    CHECK(a.hash == b.hash);
}

std::vector<DocumentId> ids(const std::vector<Document>& docs) {
    std::vector<DocumentId> out;
    for (const Document& d : docs) out.push_back(d.id);
    return out;
}

}  // namespace

void checkDirectoryContract(const StoreFactory& makeStore) {
    std::unique_ptr<Store> store = makeStore();
    buildDirectory(*store);

    SECTION("each organisation's path lists the ids from the root down to it") {
        auto kz = query(*store, [](StoreReader& r) { return r.orgByCode("KZ"); });
        auto dis = query(*store, [](StoreReader& r) { return r.orgByCode("DIS"); });
        auto p1 = query(*store, [](StoreReader& r) { return r.orgByCode("P1"); });
        REQUIRE_OK(kz);
        REQUIRE_OK(dis);
        REQUIRE_OK(p1);
        CHECK(kz->path == "/" + std::to_string(kz->id) + "/");
        CHECK(p1->path == dis->path + std::to_string(p1->id) + "/");
        CHECK(p1->path.rfind(kz->path, 0) == 0);
        CHECK(p1->parentCode == "DIS");
        CHECK_FALSE(kz->parentCode.has_value());
        CHECK(p1->level == OrgLevel::kPrimary);
        CHECK(kz->level == OrgLevel::kCentral);
        CHECK(p1->nameKk == "Ұйым P1");
        CHECK(p1->nameRu == "Организация P1");
        CHECK(p1->nameEn == "Organisation P1");
        CHECK(*query(*store, [](StoreReader& r) { return r.countOrgs(); }) == 6);
    }
    SECTION("children are listed by code, and an unknown parent is not found") {
        auto children = query(*store, [](StoreReader& r) { return r.childOrgs("DIS"); });
        REQUIRE_OK(children);
        REQUIRE(children->size() == 2);
        CHECK((*children)[0].code == "P1");
        CHECK((*children)[1].code == "P2");
        CHECK(query(*store, [](StoreReader& r) { return r.childOrgs("P1"); })->empty());
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.childOrgs("NOPE"); }), StatusCode::kNotFound);
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.orgByCode("NOPE"); }), StatusCode::kNotFound);
    }
    SECTION("references to missing rows are refused with the missing key named") {
        Status s = store->write([](StoreWriter& w) { return w.insertOrg(org("X", "NOPE", OrgLevel::kPrimary)); });
        CHECK(s.code() == StatusCode::kNotFound);
        CHECK_THAT(s.message(), Catch::Contains("NOPE"));
        s = store->write([](StoreWriter& w) { return w.insertUser(User{"new", "New", "NOWHERE", "", ""}); });
        CHECK(s.code() == StatusCode::kNotFound);
        CHECK_THAT(s.message(), Catch::Contains("NOWHERE"));
        s = store->write([](StoreWriter& w) { return w.insertGrant(grant("ghost", "secretary", "P1")); });
        CHECK(s.code() == StatusCode::kNotFound);
        CHECK_THAT(s.message(), Catch::Contains("ghost"));
        s = store->write([](StoreWriter& w) { return w.insertGrant(grant("sec.p1", "secretary", "P9")); });
        CHECK(s.code() == StatusCode::kNotFound);
        CHECK_THAT(s.message(), Catch::Contains("P9"));
        s = store->write([](StoreWriter& w) {
            return w.insertDelegation(Delegation{0, "chair.p1", "ghost", "chairman", kT1, kT2}).status();
        });
        CHECK(s.code() == StatusCode::kNotFound);
        CHECK_THAT(s.message(), Catch::Contains("ghost"));
    }
    SECTION("duplicate keys are refused") {
        CHECK_CODE(store->write([](StoreWriter& w) { return w.insertOrg(org("KZ", std::nullopt, OrgLevel::kCentral)); }),
                   StatusCode::kAlreadyExists);
        CHECK_CODE(store->write([](StoreWriter& w) { return w.insertUser(User{"sec.p1", "Again", "P1", "", ""}); }),
                   StatusCode::kAlreadyExists);
        CHECK_CODE(store->write([](StoreWriter& w) { return w.insertGrant(grant("sec.p1", "secretary", "P1")); }),
                   StatusCode::kAlreadyExists);
    }
    SECTION("users are read back, listed by login in pages, and their password hash can be set") {
        auto user = query(*store, [](StoreReader& r) { return r.userByLogin("sec.p1"); });
        REQUIRE_OK(user);
        CHECK(user->displayName == "Қолданушы sec.p1");
        CHECK(user->homeOrgCode == "P1");
        CHECK(user->email == "sec.p1@example.kz");
        CHECK(user->passwordHash.empty());
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.userByLogin("nobody"); }), StatusCode::kNotFound);
        CHECK(*query(*store, [](StoreReader& r) { return r.countUsers(); }) == 8);

        auto first = query(*store, [](StoreReader& r) { return r.listUsers(3, ""); });
        REQUIRE_OK(first);
        REQUIRE(first->size() == 3);
        CHECK((*first)[0].login == "abe");
        CHECK((*first)[1].login == "auditor");
        CHECK((*first)[2].login == "boss.dis");
        auto rest = query(*store, [](StoreReader& r) { return r.listUsers(100, "boss.dis"); });
        REQUIRE_OK(rest);
        REQUIRE(rest->size() == 5);
        CHECK(rest->front().login == "chair.p1");
        CHECK(rest->back().login == "zed");

        REQUIRE_OK(store->write([](StoreWriter& w) { return w.setPasswordHash("sec.p1", "$argon2id$v=19$x"); }));
        CHECK(query(*store, [](StoreReader& r) { return r.userByLogin("sec.p1"); })->passwordHash == "$argon2id$v=19$x");
        CHECK_CODE(store->write([](StoreWriter& w) { return w.setPasswordHash("nobody", "h"); }), StatusCode::kNotFound);
    }
    SECTION("a role is held at an org by its own grants and by subtree grants above it") {
        CHECK(holders(*store, "secretary", "P1", kNow) == std::vector<std::string>{"sec.p1"});
        CHECK(holders(*store, "chairman", "P1", kNow) == std::vector<std::string>{"chair.p1"});
        CHECK(holders(*store, "chairman", "DIS", kNow) == std::vector<std::string>{"boss.dis"});
        CHECK(holders(*store, "auditor", "P1", kNow) == std::vector<std::string>{"auditor"});
        CHECK(holders(*store, "auditor", "REG", kNow) == std::vector<std::string>{"auditor"});
        CHECK(holders(*store, "auditor", "KZ", kNow).empty());
        CHECK(holders(*store, "auditor", "REG2", kNow).empty());
        CHECK(holders(*store, "inspector", "P1", kNow) == std::vector<std::string>{"multi"});
        CHECK(holders(*store, "inspector", "P2", kNow) == std::vector<std::string>{"multi"});
        CHECK(holders(*store, "nobody-role", "P1", kNow).empty());
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.holdersOf("secretary", "NOPE", kNow); }),
                   StatusCode::kNotFound);
    }
    SECTION("grants count only inside their validity window, holders come sorted") {
        CHECK(holders(*store, "secretary", "P2", kT1 - 1) == std::vector<std::string>{"abe", "zed"});
        CHECK(holders(*store, "secretary", "P2", kT1) == std::vector<std::string>{"abe", "temp", "zed"});
        CHECK(holders(*store, "secretary", "P2", kT2 - 1) == std::vector<std::string>{"abe", "temp", "zed"});
        CHECK(holders(*store, "secretary", "P2", kT2) == std::vector<std::string>{"abe", "zed"});
        CHECK(holders(*store, "secretary", "P1", kT0 - 1).empty());

        auto grants = query(*store, [](StoreReader& r) { return r.grantsOf("multi", kNow); });
        REQUIRE_OK(grants);
        REQUIRE(grants->size() == 2);
        CHECK((*grants)[0].orgCode == "DIS");
        CHECK((*grants)[0].scope == GrantScope::kSubtree);
        CHECK((*grants)[1].orgCode == "P1");
        CHECK((*grants)[1].scope == GrantScope::kOrg);
        CHECK(query(*store, [](StoreReader& r) { return r.grantsOf("temp", kNow); })->empty());
        auto temp = query(*store, [](StoreReader& r) { return r.grantsOf("temp", kT1); });
        REQUIRE(temp->size() == 1);
        CHECK(temp->front().validFrom == kT1);
        CHECK(temp->front().validTo == kT2);
    }
    SECTION("delegations are found only inside their period") {
        auto first = change(*store, [](StoreWriter& w) {
            return w.insertDelegation(Delegation{0, "chair.p1", "sec.p1", "chairman", kT1, kT2});
        });
        auto second = change(*store, [](StoreWriter& w) {
            return w.insertDelegation(Delegation{0, "boss.dis", "sec.p1", "chairman", kT0, kT2});
        });
        REQUIRE_OK(first);
        REQUIRE_OK(second);
        CHECK(*first != *second);
        auto during = query(*store, [](StoreReader& r) { return r.delegationsTo("sec.p1", kT1); });
        REQUIRE_OK(during);
        REQUIRE(during->size() == 2);
        CHECK((*during)[0].id == *first);
        CHECK((*during)[0].fromLogin == "chair.p1");
        CHECK((*during)[0].toLogin == "sec.p1");
        CHECK((*during)[0].role == "chairman");
        CHECK((*during)[0].validFrom == kT1);
        CHECK((*during)[0].validTo == kT2);
        CHECK(query(*store, [](StoreReader& r) { return r.delegationsTo("sec.p1", kT1 - 1); })->size() == 1);
        CHECK(query(*store, [](StoreReader& r) { return r.delegationsTo("sec.p1", kT2); })->empty());
        CHECK(query(*store, [](StoreReader& r) { return r.delegationsTo("chair.p1", kT1); })->empty());
    }
}

void checkWorkflowContract(const StoreFactory& makeStore) {
    std::unique_ptr<Store> store = makeStore();
    REQUIRE_OK(store->write([](StoreWriter& w) { return w.putWorkflow(storedWorkflow("wf", 1, kSha1)); }));

    SECTION("a stored workflow is read back exactly") {
        auto wf = query(*store, [](StoreReader& r) { return r.workflow("wf", 1); });
        REQUIRE_OK(wf);
        CHECK(wf->id == "wf");
        CHECK(wf->version == 1);
        CHECK(wf->sha256 == kSha1);
        CHECK(wf->xml == "<workflow id=\"wf\"/>");
        CHECK(wf->sourceName == "wf.xml");
        CHECK(wf->loadedAt == kT0);
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.workflow("wf", 2); }), StatusCode::kNotFound);
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.latestWorkflow("other"); }), StatusCode::kNotFound);
    }
    SECTION("storing the same bytes again is a no-op, other bytes under the same version are refused") {
        StoredWorkflow again = storedWorkflow("wf", 1, kSha1);
        again.loadedAt = kT2;
        REQUIRE_OK(store->write([&](StoreWriter& w) { return w.putWorkflow(again); }));
        CHECK(query(*store, [](StoreReader& r) { return r.workflow("wf", 1); })->loadedAt == kT0);
        CHECK_CODE(store->write([](StoreWriter& w) { return w.putWorkflow(storedWorkflow("wf", 1, kSha2)); }),
                   StatusCode::kAlreadyExists);
        CHECK(query(*store, [](StoreReader& r) { return r.workflow("wf", 1); })->sha256 == kSha1);
    }
    SECTION("the latest version of each workflow is found") {
        REQUIRE_OK(store->write([](StoreWriter& w) -> Status {
            QUJAT_RETURN_IF_ERROR(w.putWorkflow(storedWorkflow("wf", 3, kSha2)));
            QUJAT_RETURN_IF_ERROR(w.putWorkflow(storedWorkflow("wf", 2, kSha2)));
            return w.putWorkflow(storedWorkflow("another", 1, kSha2));
        }));
        CHECK(query(*store, [](StoreReader& r) { return r.latestWorkflow("wf"); })->version == 3);
        CHECK(query(*store, [](StoreReader& r) { return r.workflow("wf", 1); })->sha256 == kSha1);
        auto latest = query(*store, [](StoreReader& r) { return r.latestWorkflows(); });
        REQUIRE_OK(latest);
        REQUIRE(latest->size() == 2);
        CHECK((*latest)[0].id == "another");
        CHECK((*latest)[0].version == 1);
        CHECK((*latest)[1].id == "wf");
        CHECK((*latest)[1].version == 3);
    }
}

void checkDocumentContract(const StoreFactory& makeStore) {
    std::unique_ptr<Store> store = makeStore();
    putWorkflow(*store);

    SECTION("a document round-trips exactly, fields with any bytes included") {
        Document d = sampleDocument();
        d.registrationNumber = "P1-2026-00001";
        const DocumentId first = insertDocument(*store, d);
        const DocumentId second = insertDocument(*store, sampleDocument());
        CHECK(first > 0);
        CHECK(second > first);
        auto back = query(*store, [&](StoreReader& r) { return r.document(first); });
        REQUIRE_OK(back);
        d.id = first;
        checkSameDocument(*back, d);
        CHECK_FALSE(query(*store, [&](StoreReader& r) { return r.document(second); })->registrationNumber);
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.document(999999); }), StatusCode::kNotFound);
        CHECK(*query(*store, [](StoreReader& r) { return r.countDocuments(); }) == 2);
    }
    SECTION("a document must name a stored workflow version") {
        Document d = sampleDocument();
        d.workflowVersion = 7;
        auto id = change(*store, [&](StoreWriter& w) { return w.insertDocument(d); });
        CHECK_CODE(id, StatusCode::kNotFound);
        CHECK_THAT(id.status().message(), Catch::Contains("wf"));
    }
    SECTION("an update applies only on the expected revision") {
        Document d = sampleDocument();
        d.id = insertDocument(*store, d);
        d.revision = 1;
        d.state = DocumentState::kReturned;
        d.fields["added"] = "жаңа";
        REQUIRE_OK(store->write([&](StoreWriter& w) { return w.updateDocument(d, 0); }));
        Document stale = d;
        stale.revision = 1;
        stale.title = "lost update";
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.updateDocument(stale, 0); }), StatusCode::kAborted);
        auto back = query(*store, [&](StoreReader& r) { return r.document(d.id); });
        REQUIRE_OK(back);
        checkSameDocument(*back, d);
        Document missing = d;
        missing.id = 999999;
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.updateDocument(missing, 1); }), StatusCode::kNotFound);
    }
    SECTION("a registration number is given to one document only") {
        Document a = sampleDocument();
        a.registrationNumber = "DIS-2026-00001";
        insertDocument(*store, a);
        Document b = sampleDocument();
        b.id = insertDocument(*store, b);
        b.registrationNumber = "DIS-2026-00001";
        b.revision = 1;
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.updateDocument(b, 0); }), StatusCode::kAlreadyExists);
    }
    SECTION("versions are kept per document in order") {
        const DocumentId id = insertDocument(*store, sampleDocument());
        Version v1{id, 1, kSha1, 10, "text/plain", "хаттама.txt", "sec.p1", "бірінші", kT0};
        Version v2{id, 2, kSha2, 20, "application/pdf", "p.pdf", "sec.p1", "", kT1};
        REQUIRE_OK(store->write([&](StoreWriter& w) -> Status {
            QUJAT_RETURN_IF_ERROR(w.insertVersion(v2));
            return w.insertVersion(v1);
        }));
        auto versions = query(*store, [&](StoreReader& r) { return r.versions(id); });
        REQUIRE_OK(versions);
        REQUIRE(versions->size() == 2);
        CHECK((*versions)[0].number == 1);
        CHECK((*versions)[0].fileName == "хаттама.txt");
        CHECK((*versions)[0].comment == "бірінші");
        CHECK((*versions)[0].size == 10);
        CHECK((*versions)[1].sha256 == kSha2);
        CHECK((*versions)[1].mediaType == "application/pdf");
        CHECK((*versions)[1].createdAt == kT1);
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.insertVersion(v1); }), StatusCode::kAlreadyExists);
        Version orphan = v1;
        orphan.documentId = 999999;
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.insertVersion(orphan); }), StatusCode::kNotFound);
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.versions(999999); }), StatusCode::kNotFound);
    }
    SECTION("documents are listed by filter, a page at a time after the last id seen") {
        REQUIRE_OK(store->write([](StoreWriter& w) { return w.putWorkflow(storedWorkflow("other", 1, kSha2)); }));
        std::vector<DocumentId> all, fromP2, returned, byOther;
        for (int i = 0; i < 25; ++i) {
            Document d = sampleDocument();
            d.originOrgCode = i % 3 == 0 ? "P2" : "P1";
            d.state = i % 4 == 0 ? DocumentState::kReturned : DocumentState::kInProgress;
            d.workflowId = i % 5 == 0 ? "other" : "wf";
            d.authorLogin = i % 2 ? "author.a" : "author.b";
            const DocumentId id = insertDocument(*store, d);
            all.push_back(id);
            if (d.originOrgCode == "P2") fromP2.push_back(id);
            if (d.state == DocumentState::kReturned) returned.push_back(id);
            if (d.workflowId == "other" && d.authorLogin == "author.b") byOther.push_back(id);
        }
        std::vector<DocumentId> paged;
        DocumentFilter page;
        page.limit = 10;
        for (int pages = 0;; ++pages) {
            REQUIRE(pages < 5);
            auto docs = query(*store, [&](StoreReader& r) { return r.listDocuments(page); });
            REQUIRE_OK(docs);
            CHECK(docs->size() <= 10);
            if (docs->empty()) break;
            for (const Document& d : *docs) paged.push_back(d.id);
            page.afterId = docs->back().id;
        }
        CHECK(paged == all);

        DocumentFilter filter;
        filter.originOrgCode = "P2";
        CHECK(ids(*query(*store, [&](StoreReader& r) { return r.listDocuments(filter); })) == fromP2);
        filter = DocumentFilter();
        filter.state = DocumentState::kReturned;
        CHECK(ids(*query(*store, [&](StoreReader& r) { return r.listDocuments(filter); })) == returned);
        filter = DocumentFilter();
        filter.workflowId = "other";
        filter.authorLogin = "author.b";
        CHECK(ids(*query(*store, [&](StoreReader& r) { return r.listDocuments(filter); })) == byOther);
        filter.afterId = byOther.front();
        CHECK(ids(*query(*store, [&](StoreReader& r) { return r.listDocuments(filter); })) ==
              std::vector<DocumentId>(byOther.begin() + 1, byOther.end()));
        CHECK(*query(*store, [](StoreReader& r) { return r.countDocuments(); }) == 25);
    }
    SECTION("SQL metacharacters in values are stored verbatim and match only themselves") {
        Document d = sampleDocument();
        d.title = "x'); DROP TABLE documents; --";
        d.authorLogin = "a%";
        d.originOrgCode = "_";
        d.fields = {{"'\"; DELETE FROM documents; --", "%_\\'\""}};
        d.id = insertDocument(*store, d);
        insertDocument(*store, sampleDocument());
        checkSameDocument(*query(*store, [&](StoreReader& r) { return r.document(d.id); }), d);
        DocumentFilter filter;
        filter.authorLogin = "a%";
        CHECK(ids(*query(*store, [&](StoreReader& r) { return r.listDocuments(filter); })) ==
              std::vector<DocumentId>{d.id});
        filter.authorLogin = "%";
        CHECK(query(*store, [&](StoreReader& r) { return r.listDocuments(filter); })->empty());
        filter = DocumentFilter();
        filter.originOrgCode = "_";
        CHECK(query(*store, [&](StoreReader& r) { return r.listDocuments(filter); })->size() == 1);
        CHECK(*query(*store, [](StoreReader& r) { return r.countDocuments(); }) == 2);
    }
}

void checkTaskContract(const StoreFactory& makeStore) {
    std::unique_ptr<Store> store = makeStore();
    buildDirectory(*store);
    putWorkflow(*store);
    const DocumentId doc = insertDocument(*store, sampleDocument());

    SECTION("a task round-trips, is listed with its document in order and can be updated") {
        Task t = namedTask(doc, "chair.p1", "chairman");
        t.stepId = "қарау";
        t.round = 3;
        t.seat = 2;
        t.state = TaskState::kWaiting;
        t.dueAt = kT2;
        t.versionNumber = 2;
        t.comment = "'; DROP TABLE tasks; --";
        t.id = insertTask(*store, t);
        Task escalation = roleTask(doc, "chairman", "DIS");
        escalation.escalatedFrom = t.id;
        escalation.id = insertTask(*store, escalation);

        auto back = query(*store, [&](StoreReader& r) { return r.task(t.id); });
        REQUIRE_OK(back);
        CHECK(back->documentId == doc);
        CHECK(back->stepId == "қарау");
        CHECK(back->round == 3);
        CHECK(back->seat == 2);
        CHECK(back->role == "chairman");
        CHECK(back->orgCode == "P1");
        CHECK(back->assigneeLogin == "chair.p1");
        CHECK(back->state == TaskState::kWaiting);
        CHECK(back->openedAt == kT0);
        CHECK(back->dueAt == kT2);
        CHECK_FALSE(back->escalatedFrom);
        CHECK_FALSE(back->escalated);
        CHECK_FALSE(back->closedAt);
        CHECK_FALSE(back->actorLogin);
        CHECK(back->comment == t.comment);
        CHECK(back->versionNumber == 2);

        auto all = query(*store, [&](StoreReader& r) { return r.tasksOf(doc); });
        REQUIRE_OK(all);
        REQUIRE(all->size() == 2);
        CHECK((*all)[0].id == t.id);
        CHECK((*all)[1].id == escalation.id);
        CHECK((*all)[1].escalatedFrom == t.id);
        CHECK_FALSE((*all)[1].assigneeLogin);

        t.state = TaskState::kApproved;
        t.escalated = true;
        t.closedAt = kT2 + 1;
        t.actorLogin = "sec.p1";
        t.comment = "келісемін";
        REQUIRE_OK(store->write([&](StoreWriter& w) { return w.updateTask(t); }));
        back = query(*store, [&](StoreReader& r) { return r.task(t.id); });
        CHECK(back->state == TaskState::kApproved);
        CHECK(back->escalated);
        CHECK(back->closedAt == kT2 + 1);
        CHECK(back->actorLogin == "sec.p1");
        CHECK(back->comment == "келісемін");
    }
    SECTION("tasks of unknown documents or tasks are not found") {
        Task missing = namedTask(doc, "sec.p1");
        missing.id = 999999;
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.updateTask(missing); }), StatusCode::kNotFound);
        CHECK_CODE(change(*store, [&](StoreWriter& w) { return w.insertTask(namedTask(999999, "sec.p1")); }),
                   StatusCode::kNotFound);
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.task(999999); }), StatusCode::kNotFound);
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.tasksOf(999999); }), StatusCode::kNotFound);
    }
    SECTION("the inbox holds named seats and seats of roles held at the task's org") {
        Task named = namedTask(doc, "sec.p1");
        named.dueAt = kT2;
        const TaskId tNamed = insertTask(*store, named);
        const TaskId tRole = insertTask(*store, roleTask(doc, "secretary", "P1"));
        Task waiting = roleTask(doc, "secretary", "P1");
        waiting.state = TaskState::kWaiting;
        insertTask(*store, waiting);
        Task closed = roleTask(doc, "secretary", "P1");
        closed.state = TaskState::kApproved;
        insertTask(*store, closed);
        insertTask(*store, roleTask(doc, "secretary", "P2"));
        const TaskId tChair = insertTask(*store, roleTask(doc, "chairman", "P1"));

        CHECK(inbox(*store, "sec.p1", kNow) == std::vector<TaskId>{tNamed, tRole});
        CHECK(inbox(*store, "chair.p1", kNow) == std::vector<TaskId>{tChair});
        // An org-scope grant at DIS does not reach P1.
        CHECK(inbox(*store, "boss.dis", kNow).empty());
        CHECK(inbox(*store, "nobody", kNow).empty());
    }
    SECTION("a subtree grant reaches role seats at its org and below only") {
        const TaskId atP1 = insertTask(*store, roleTask(doc, "auditor", "P1"));
        const TaskId atReg = insertTask(*store, roleTask(doc, "auditor", "REG"));
        insertTask(*store, roleTask(doc, "auditor", "KZ"));
        insertTask(*store, roleTask(doc, "auditor", "REG2"));
        const TaskId inspectP1 = insertTask(*store, roleTask(doc, "inspector", "P1"));
        const TaskId inspectP2 = insertTask(*store, roleTask(doc, "inspector", "P2"));
        CHECK(inbox(*store, "auditor", kNow) == std::vector<TaskId>{atP1, atReg});
        CHECK(inbox(*store, "multi", kNow) == std::vector<TaskId>{inspectP1, inspectP2});
    }
    SECTION("time-limited grants count only inside their window") {
        const TaskId atP2 = insertTask(*store, roleTask(doc, "secretary", "P2"));
        CHECK(inbox(*store, "temp", kNow).empty());
        CHECK(inbox(*store, "temp", kT1) == std::vector<TaskId>{atP2});
        CHECK(inbox(*store, "temp", kT2).empty());
    }
    SECTION("a delegate sees the delegator's seats of the delegated role during the period only") {
        const TaskId chairRole = insertTask(*store, roleTask(doc, "chairman", "P1"));
        const TaskId chairSeat = insertTask(*store, namedTask(doc, "chair.p1", "chairman"));
        insertTask(*store, namedTask(doc, "chair.p1"));               // own seat without a role
        insertTask(*store, roleTask(doc, "chairman", "DIS"));         // chair.p1 does not hold it there
        const TaskId ownRole = insertTask(*store, roleTask(doc, "secretary", "P1"));
        REQUIRE_OK(change(*store, [](StoreWriter& w) {
            return w.insertDelegation(Delegation{0, "chair.p1", "sec.p1", "chairman", kT1, kT2});
        }));
        // A delegation of a role the delegator does not hold gives nothing.
        REQUIRE_OK(change(*store, [](StoreWriter& w) {
            return w.insertDelegation(Delegation{0, "chair.p1", "sec.p1", "inspector", kT1, kT2});
        }));
        CHECK(inbox(*store, "sec.p1", kT1 - 1) == std::vector<TaskId>{ownRole});
        CHECK(inbox(*store, "sec.p1", kT1) == std::vector<TaskId>{chairRole, chairSeat, ownRole});
        CHECK(inbox(*store, "sec.p1", kT2) == std::vector<TaskId>{ownRole});
        CHECK(inbox(*store, "chair.p1", kT1).size() == 3);  // delegating does not give up one's own seats
    }
    SECTION("the inbox is ordered by due time, tasks without one last, then by id") {
        auto due = [&](std::optional<Millis> at) {
            Task t = namedTask(doc, "sec.p1");
            t.dueAt = at;
            return insertTask(*store, t);
        };
        const TaskId none1 = due(std::nullopt);
        const TaskId late = due(kT0 + 300);
        const TaskId early = due(kT0 + 100);
        const TaskId none2 = due(std::nullopt);
        const TaskId middle = due(kT0 + 200);
        const TaskId early2 = due(kT0 + 100);
        CHECK(inbox(*store, "sec.p1", kNow) == std::vector<TaskId>{early, early2, middle, late, none1, none2});
    }
    SECTION("overdue tasks are open, due by then and not yet escalated") {
        auto make = [&](std::optional<Millis> at, TaskState state, bool escalated) {
            Task t = roleTask(doc, "secretary", "P1");
            t.dueAt = at;
            t.state = state;
            t.escalated = escalated;
            return insertTask(*store, t);
        };
        const TaskId due2 = make(kT0 + 200, TaskState::kOpen, false);
        const TaskId due1 = make(kT0 + 100, TaskState::kOpen, false);
        make(kT0 + 100, TaskState::kOpen, true);
        make(kT0 + 100, TaskState::kApproved, false);
        make(kT0 + 100, TaskState::kWaiting, false);
        make(std::nullopt, TaskState::kOpen, false);
        const TaskId atTheMoment = make(kT0 + 300, TaskState::kOpen, false);
        make(kT0 + 301, TaskState::kOpen, false);
        auto overdue = query(*store, [](StoreReader& r) { return r.overdueTasks(kT0 + 300); });
        REQUIRE_OK(overdue);
        std::vector<TaskId> got;
        for (const Task& t : *overdue) got.push_back(t.id);
        CHECK(got == std::vector<TaskId>{due1, due2, atTheMoment});
    }
}

void checkCounterContract(const StoreFactory& makeStore) {
    std::unique_ptr<Store> store = makeStore();
    auto next = [&](const std::string& key) {
        auto v = change(*store, [&](StoreWriter& w) { return w.nextCounterValue(key); });
        REQUIRE_OK(v);
        return *v;
    };

    SECTION("counters start at 1 and count each key separately") {
        CHECK(next("number:P1-2026-#") == 1);
        CHECK(next("number:P1-2026-#") == 2);
        CHECK(next("number:P2-2026-#") == 1);
        CHECK(next("number:P1-2026-#") == 3);
        auto twice = change(*store, [](StoreWriter& w) -> Result<std::int64_t> {
            QUJAT_ASSIGN_OR_RETURN(std::int64_t a, w.nextCounterValue("k"));
            QUJAT_ASSIGN_OR_RETURN(std::int64_t b, w.nextCounterValue("k"));
            return a * 10 + b;
        });
        CHECK(*twice == 12);
    }
    SECTION("a failed transaction does not consume a number") {
        CHECK(next("k") == 1);
        std::int64_t seen = 0;
        Status s = store->write([&](StoreWriter& w) -> Status {
            QUJAT_ASSIGN_OR_RETURN(seen, w.nextCounterValue("k"));
            return failedPrecondition("the action was refused");
        });
        CHECK(s.code() == StatusCode::kFailedPrecondition);
        CHECK(seen == 2);
        CHECK(next("k") == 2);
    }
}

void checkAuditContract(const StoreFactory& makeStore) {
    std::unique_ptr<Store> store = makeStore();

    SECTION("an empty chain has no last event and no head") {
        auto last = query(*store, [](StoreReader& r) { return r.lastAuditEvent(); });
        REQUIRE_OK(last);
        CHECK_FALSE(last->has_value());
        auto head = query(*store, [](StoreReader& r) { return r.auditHead(); });
        REQUIRE_OK(head);
        CHECK_FALSE(head->has_value());
        int visits = 0;
        REQUIRE_OK(store->read([&](StoreReader& r) {
            return r.forEachAuditEvent([&](const AuditEvent&) {
                ++visits;
                return Status::ok();
            });
        }));
        CHECK(visits == 0);
    }
    SECTION("appended events are read back as given, in order, and move the head") {
        std::vector<AuditEvent> events;
        for (int seq = 1; seq <= 4; ++seq) {
            events.push_back(auditEvent(seq, seq % 2 ? "document/1" : "document/2"));
            REQUIRE_OK(store->write([&](StoreWriter& w) { return w.appendAuditEvent(events.back()); }));
        }
        auto last = query(*store, [](StoreReader& r) { return r.lastAuditEvent(); });
        REQUIRE_OK(last);
        REQUIRE(last->has_value());
        checkSameEvent(**last, events.back());
        auto head = query(*store, [](StoreReader& r) { return r.auditHead(); });
        REQUIRE_OK(head);
        REQUIRE(head->has_value());
        CHECK((*head)->first == 4);
        CHECK((*head)->second == events.back().hash);

        std::vector<AuditEvent> visited;
        REQUIRE_OK(store->read([&](StoreReader& r) {
            return r.forEachAuditEvent([&](const AuditEvent& e) {
                visited.push_back(e);
                return Status::ok();
            });
        }));
        REQUIRE(visited.size() == 4);
        for (std::size_t i = 0; i < 4; ++i) checkSameEvent(visited[i], events[i]);

        auto ofOne = query(*store, [](StoreReader& r) { return r.auditEventsFor("document/1"); });
        REQUIRE_OK(ofOne);
        REQUIRE(ofOne->size() == 2);
        CHECK((*ofOne)[0].seq == 1);
        CHECK((*ofOne)[1].seq == 3);
        CHECK(query(*store, [](StoreReader& r) { return r.auditEventsFor("document/9"); })->empty());
    }
    SECTION("a visit that fails stops the scan and its status is returned") {
        REQUIRE_OK(store->write([](StoreWriter& w) -> Status {
            for (int seq = 1; seq <= 3; ++seq) QUJAT_RETURN_IF_ERROR(w.appendAuditEvent(auditEvent(seq, "directory")));
            return Status::ok();
        }));
        int visits = 0;
        Status s = store->read([&](StoreReader& r) {
            return r.forEachAuditEvent([&](const AuditEvent& e) {
                ++visits;
                // A nested query on the same snapshot while the scan is open.
                if (!r.lastAuditEvent().isOk()) return internalError("nested query failed");
                return e.seq == 2 ? aborted("stop here") : Status::ok();
            });
        });
        CHECK(s.code() == StatusCode::kAborted);
        CHECK(s.message() == "stop here");
        CHECK(visits == 2);
    }
    SECTION("an event with a seq already used is refused and the head stays") {
        REQUIRE_OK(store->write([](StoreWriter& w) { return w.appendAuditEvent(auditEvent(1, "directory")); }));
        AuditEvent again = auditEvent(1, "directory");
        again.hash = std::string(64, 'f');
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.appendAuditEvent(again); }), StatusCode::kAlreadyExists);
        auto head = query(*store, [](StoreReader& r) { return r.auditHead(); });
        CHECK((*head)->second == auditEvent(1, "directory").hash);
    }
}

void checkTransactionContract(const StoreFactory& makeStore) {
    std::unique_ptr<Store> store = makeStore();

    SECTION("a failing write leaves nothing behind and returns the work's status") {
        Status s = store->write([](StoreWriter& w) -> Status {
            QUJAT_RETURN_IF_ERROR(w.insertOrg(org("KZ", std::nullopt, OrgLevel::kCentral)));
            QUJAT_RETURN_IF_ERROR(w.insertUser(User{"u", "U", "KZ", "", ""}));
            QUJAT_RETURN_IF_ERROR(w.putWorkflow(storedWorkflow("wf", 1, kSha1)));
            Document d = sampleDocument();
            QUJAT_ASSIGN_OR_RETURN(d.id, w.insertDocument(d));
            QUJAT_RETURN_IF_ERROR(w.insertTask(namedTask(d.id, "u")).status());
            QUJAT_RETURN_IF_ERROR(w.nextCounterValue("k").status());
            QUJAT_RETURN_IF_ERROR(w.appendAuditEvent(auditEvent(1, "directory")));
            return permissionDenied("changed my mind");
        });
        CHECK(s.code() == StatusCode::kPermissionDenied);
        CHECK(s.message() == "changed my mind");
        CHECK(*query(*store, [](StoreReader& r) { return r.countOrgs(); }) == 0);
        CHECK(*query(*store, [](StoreReader& r) { return r.countUsers(); }) == 0);
        CHECK(*query(*store, [](StoreReader& r) { return r.countDocuments(); }) == 0);
        CHECK_CODE(query(*store, [](StoreReader& r) { return r.workflow("wf", 1); }), StatusCode::kNotFound);
        CHECK_FALSE(query(*store, [](StoreReader& r) { return r.lastAuditEvent(); })->has_value());
        CHECK_FALSE(query(*store, [](StoreReader& r) { return r.auditHead(); })->has_value());
        CHECK(*change(*store, [](StoreWriter& w) { return w.nextCounterValue("k"); }) == 1);
    }
    SECTION("a write that handles a refused statement itself still commits the rest") {
        REQUIRE_OK(store->write([](StoreWriter& w) -> Status {
            QUJAT_RETURN_IF_ERROR(w.insertOrg(org("KZ", std::nullopt, OrgLevel::kCentral)));
            if (w.insertOrg(org("KZ", std::nullopt, OrgLevel::kCentral)).code() != StatusCode::kAlreadyExists)
                return internalError("duplicate not refused");
            return w.insertOrg(org("REG", "KZ", OrgLevel::kRegion));
        }));
        CHECK(*query(*store, [](StoreReader& r) { return r.countOrgs(); }) == 2);
    }
    SECTION("a read sees one snapshot, even while a write commits") {
        buildDirectory(*store);
        std::int64_t before = -1, after = -1;
        REQUIRE_OK(store->read([&](StoreReader& r) -> Status {
            QUJAT_ASSIGN_OR_RETURN(before, r.countOrgs());
            QUJAT_RETURN_IF_ERROR(store->write([](StoreWriter& w) { return w.insertOrg(org("P3", "DIS", OrgLevel::kPrimary)); }));
            QUJAT_ASSIGN_OR_RETURN(after, r.countOrgs());
            return Status::ok();
        }));
        CHECK(before == 6);
        CHECK(after == 6);
        CHECK(*query(*store, [](StoreReader& r) { return r.countOrgs(); }) == 7);
    }
}

void checkSignatureContract(const StoreFactory& makeStore) {
    std::unique_ptr<Store> store = makeStore();
    buildDirectory(*store);
    putWorkflow(*store);
    const DocumentId doc = insertDocument(*store, sampleDocument());
    const CertificateBinding chair{"chair.p1", kSha1, "CN=Төраға, serialNumber=IIN850101300123", kT0, "operator"};

    SECTION("a certificate is bound to one user, and found by its fingerprint") {
        REQUIRE_OK(store->write([&](StoreWriter& w) { return w.insertCertificateBinding(chair); }));
        auto found = query(*store, [&](StoreReader& r) { return r.certificateBinding(kSha1); });
        REQUIRE_OK(found);
        CHECK(found->login == "chair.p1");
        CHECK(found->subject == chair.subject);
        CHECK(found->registeredAt == kT0);
        CHECK(found->registeredBy == "operator");
        auto of = query(*store, [&](StoreReader& r) { return r.certificateBindingsOf("chair.p1"); });
        REQUIRE_OK(of);
        CHECK(of->size() == 1);
        CHECK(query(*store, [&](StoreReader& r) { return r.certificateBindingsOf("sec.p1"); })->empty());
        CHECK_CODE(query(*store, [&](StoreReader& r) { return r.certificateBinding(kSha2); }), StatusCode::kNotFound);

        CertificateBinding stolen = chair;
        stolen.login = "sec.p1";
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.insertCertificateBinding(stolen); }),
                   StatusCode::kAlreadyExists);
        CHECK(query(*store, [&](StoreReader& r) { return r.certificateBinding(kSha1); })->login == "chair.p1");
    }
    SECTION("a certificate cannot be bound to an unknown user") {
        CertificateBinding nobody = chair;
        nobody.login = "nobody";
        CHECK_CODE(store->write([&](StoreWriter& w) { return w.insertCertificateBinding(nobody); }),
                   StatusCode::kNotFound);
    }
    SECTION("accepted signatures round-trip in order") {
        REQUIRE_OK(store->write([&](StoreWriter& w) {
            return w.insertVersion(Version{doc, 1, kSha1, 10, "text/plain", "p.txt", "sec.p1", "", kT0});
        }));
        const TaskId task = insertTask(*store, namedTask(doc, "chair.p1", "chairman"));
        SignatureRecord first{0, doc, 1, task, "sign", "chair.p1", kSha1, kSha2, "{\"indication\":\"PASSED\"}", kT1};
        SignatureRecord second = first;
        second.signerLogin = "sec.p1";
        second.acceptedAt = kT2;
        auto id1 = change(*store, [&](StoreWriter& w) { return w.insertSignature(first); });
        auto id2 = change(*store, [&](StoreWriter& w) { return w.insertSignature(second); });
        REQUIRE_OK(id1);
        REQUIRE_OK(id2);
        CHECK(*id2 > *id1);
        auto all = query(*store, [&](StoreReader& r) { return r.signaturesOf(doc); });
        REQUIRE_OK(all);
        REQUIRE(all->size() == 2);
        CHECK((*all)[0].id == *id1);
        CHECK((*all)[0].documentId == doc);
        CHECK((*all)[0].versionNumber == 1);
        CHECK((*all)[0].taskId == task);
        CHECK((*all)[0].stepId == "sign");
        CHECK((*all)[0].signerLogin == "chair.p1");
        CHECK((*all)[0].certificateSha256 == kSha1);
        CHECK((*all)[0].cmsSha256 == kSha2);
        CHECK((*all)[0].report == first.report);
        CHECK((*all)[0].acceptedAt == kT1);
        CHECK((*all)[1].signerLogin == "sec.p1");
    }
    SECTION("a signature of a version that does not exist is refused") {
        const TaskId task = insertTask(*store, namedTask(doc, "chair.p1", "chairman"));
        SignatureRecord orphan{0, doc, 7, task, "sign", "chair.p1", kSha1, kSha2, "{}", kT1};
        CHECK_FALSE(change(*store, [&](StoreWriter& w) { return w.insertSignature(orphan); }).isOk());
        CHECK(query(*store, [&](StoreReader& r) { return r.signaturesOf(doc); })->empty());
    }
}

}  // namespace qujat::test
