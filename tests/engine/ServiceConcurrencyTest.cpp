// Two people acting on one document at the same moment never advance it twice.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "support/ServiceFixture.h"
#include "support/StatusMatchers.h"

using namespace qujat::engine;
using qujat::test::ServiceFixture;

namespace {

void raceTwoRegistrars(ServiceFixture& fx, int documents) {
    for (int i = 0; i < documents; ++i) {
        Document doc = fx.submitProtocol();
        REQUIRE_OK(fx.approve("chairman.p1", doc.id));
        REQUIRE_OK(fx.approve("secretary.p1", doc.id));
        std::atomic<int> ready{0};
        Result<Document> results[2] = {Result<Document>(internalError("not run")),
                                      Result<Document>(internalError("not run"))};
        const char* registrars[2] = {"registrar.dis", "registrar2.dis"};
        std::thread threads[2];
        for (int t = 0; t < 2; ++t)
            threads[t] = std::thread([&, t] {
                ++ready;
                while (ready.load() < 2) {
                }
                results[t] = fx.approve(registrars[t], doc.id);
            });
        for (auto& th : threads) th.join();
        const int successes = (results[0].isOk() ? 1 : 0) + (results[1].isOk() ? 1 : 0);
        INFO("document " << doc.id << ": " << results[0].status().toString() << " / "
                         << results[1].status().toString());
        CHECK(successes == 1);
        Document after = fx.current(doc.id);
        CHECK(after.state == DocumentState::kCompleted);
        CHECK(after.registrationNumber == "DIS-2026-" + std::string(5 - std::to_string(i + 1).size(), '0') +
                                              std::to_string(i + 1));
    }
    fx.auditLength();
}

}  // namespace

TEST_CASE("two registrars registering one protocol at once register it once", "[routing][concurrency]") {
    SECTION("with one transaction per action") {
        ServiceFixture fx(false);
        raceTwoRegistrars(fx, 15);
    }
    SECTION("with group commit") {
        ServiceFixture fx(true);
        raceTwoRegistrars(fx, 15);
    }
}

TEST_CASE("concurrent submitters each get their own document and a consistent chain", "[routing][concurrency]") {
    ServiceFixture fx(true);
    const std::int64_t before = fx.auditLength();
    constexpr int kThreads = 4, kEach = 10;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                SubmitRequest req;
                req.workflowId = "ppo-protocol";
                req.title = "T" + std::to_string(t) + "-" + std::to_string(i);
                req.originOrgCode = t % 2 ? "P2" : "P1";
                req.fields = {{"meeting-date", "2026-02-27"}, {"present", "3"}};
                req.content = Content{req.title, "p.txt", "text/plain"};
                if (!fx.service().submit(t % 2 ? "secretary.p2" : "secretary.p1", req).isOk()) ++failures;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    DocumentFilter all;
    all.limit = 1000;
    CHECK(fx.service().listDocuments(Viewer::localOperator(), all)->size() == kThreads * kEach);
    CHECK(fx.auditLength() > before + kThreads * kEach);
}
