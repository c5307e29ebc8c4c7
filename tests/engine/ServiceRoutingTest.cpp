// Documents routed through the repository's real workflows over a real SQLite store.
#include <catch2/catch.hpp>

#include "support/ServiceFixture.h"
#include "support/StatusMatchers.h"

using namespace qujat::engine;
using qujat::test::ServiceFixture;

TEST_CASE("a PPO protocol is signed by chairman and secretary, then registered by the district", "[routing][protocol]") {
    ServiceFixture fx;
    Document doc = fx.submitProtocol();
    CHECK(doc.state == DocumentState::kInProgress);
    CHECK(doc.currentStep == "sign");
    REQUIRE(fx.openTasks(doc.id).size() == 2);

    SECTION("one signature of two is not enough") {
        REQUIRE_OK(fx.approve("chairman.p1", doc.id));
        CHECK(fx.current(doc.id).currentStep == "sign");
        CHECK(fx.openTasks(doc.id).size() == 1);
    }
    SECTION("both signatures move it to the district registrar, who numbers it") {
        REQUIRE_OK(fx.approve("chairman.p1", doc.id));
        REQUIRE_OK(fx.approve("secretary.p1", doc.id));
        Document signed_ = fx.current(doc.id);
        CHECK(signed_.currentStep == "register");
        auto registered = fx.approve("registrar.dis", doc.id);
        REQUIRE_OK(registered);
        CHECK(registered->state == DocumentState::kCompleted);
        REQUIRE(registered->registrationNumber);
        CHECK(*registered->registrationNumber == "DIS-2026-00001");
        CHECK(fx.openTasks(doc.id).empty());
    }
    SECTION("numbers are consecutive per registering organisation and year, never reused") {
        std::vector<std::string> numbers;
        for (int i = 0; i < 3; ++i) {
            Document d = fx.submitProtocol(i % 2 ? "P2" : "P1");
            const std::string p = i % 2 ? "p2" : "p1";
            REQUIRE_OK(fx.approve("chairman." + p, d.id));
            REQUIRE_OK(fx.approve("secretary." + p, d.id));
            auto r = fx.approve("registrar.dis", d.id);
            REQUIRE_OK(r);
            numbers.push_back(*r->registrationNumber);
        }
        CHECK(numbers == std::vector<std::string>{"DIS-2026-00001", "DIS-2026-00002", "DIS-2026-00003"});
        fx.clock().set(*parseIsoUtc("2027-01-05"));
        Document next = fx.submitProtocol();
        REQUIRE_OK(fx.approve("chairman.p1", next.id));
        REQUIRE_OK(fx.approve("secretary.p1", next.id));
        CHECK(*fx.approve("registrar.dis", next.id)->registrationNumber == "DIS-2027-00001");
    }
    SECTION("the audit chain stays intact through the whole route") {
        REQUIRE_OK(fx.approve("chairman.p1", doc.id));
        REQUIRE_OK(fx.approve("secretary.p1", doc.id));
        REQUIRE_OK(fx.approve("registrar.dis", doc.id));
        auto history = fx.service().history(Viewer::localOperator(), doc.id);
        REQUIRE_OK(history);
        std::vector<std::string> actions;
        for (const auto& e : *history) actions.push_back(e.action);
        CHECK(actions.front() == "document.submit");
        CHECK(std::count(actions.begin(), actions.end(), "task.approve") == 3);
        CHECK(std::count(actions.begin(), actions.end(), "document.register") == 1);
        CHECK(actions.back() == "document.complete");
        fx.auditLength();  // requires an intact chain
    }
}

TEST_CASE("someone who holds no seat of the step is refused, audited, and changes nothing", "[routing][authorisation]") {
    ServiceFixture fx;
    Document doc = fx.submitProtocol();
    // Someone of another PPO may not even see it: for them it does not exist.
    CHECK_CODE(fx.approve("secretary.p2", doc.id), StatusCode::kNotFound);
    // The district's secretary sees it but holds no seat: told whom it waits for.
    const std::int64_t before = fx.auditLength();
    auto attempt = fx.approve("secretary.dis", doc.id);
    CHECK_CODE(attempt, StatusCode::kPermissionDenied);
    CHECK_THAT(attempt.status().message(), Catch::Contains("role:chairman@P1"));
    Document after = fx.current(doc.id);
    CHECK(after.revision == doc.revision);
    CHECK(fx.openTasks(doc.id).size() == 2);
    CHECK(fx.auditLength() == before + 1);
    auto refusal = fx.lastAuditEvent();
    REQUIRE_OK(refusal);
    CHECK(refusal->action == "refused");
    CHECK(refusal->actor == "secretary.dis");
    CHECK(refusal->subject == "document/" + std::to_string(doc.id));

    SECTION("an unknown user is not authenticated") { CHECK_CODE(fx.approve("nobody", doc.id), StatusCode::kUnauthenticated); }
    SECTION("a missing document is not found") { CHECK_CODE(fx.approve("chairman.p1", 9999), StatusCode::kNotFound); }
    SECTION("nobody decides twice on one step") {
        REQUIRE_OK(fx.approve("chairman.p1", doc.id));
        CHECK_CODE(fx.approve("chairman.p1", doc.id), StatusCode::kFailedPrecondition);
    }
    SECTION("a secretary of another PPO cannot submit in P1's name") {
        SubmitRequest req;
        req.workflowId = "ppo-protocol";
        req.title = "x";
        req.originOrgCode = "P1";
        req.fields = {{"meeting-date", "2026-02-27"}, {"present", "3"}};
        req.content = Content{"x", "x.txt", "text/plain"};
        CHECK_CODE(fx.service().submit("secretary.p2", req), StatusCode::kPermissionDenied);
    }
}

TEST_CASE("invalid input is refused with the reason and stores nothing", "[routing][validation]") {
    ServiceFixture fx;
    auto countDocuments = [&] { return fx.service().listDocuments(Viewer::localOperator(), DocumentFilter{})->size(); };
    SubmitRequest req;
    req.workflowId = "ppo-protocol";
    req.title = "Протокол";
    req.originOrgCode = "P1";
    req.fields = {{"meeting-date", "2026-02-27"}, {"present", "12"}};
    req.content = Content{"text", "protocol.txt", "text/plain"};

    SECTION("a missing required field") {
        req.fields.erase("meeting-date");
        auto r = fx.service().submit("secretary.p1", req);
        CHECK_CODE(r, StatusCode::kInvalidArgument);
        CHECK_THAT(r.status().message(), Catch::Contains("meeting-date"));
    }
    SECTION("a field that is not a real date") {
        req.fields["meeting-date"] = "2026-02-30";
        CHECK_CODE(fx.service().submit("secretary.p1", req), StatusCode::kInvalidArgument);
    }
    SECTION("an integer below its minimum") {
        req.fields["present"] = "0";
        CHECK_CODE(fx.service().submit("secretary.p1", req), StatusCode::kInvalidArgument);
    }
    SECTION("an unknown field") {
        req.fields["colour"] = "red";
        CHECK_CODE(fx.service().submit("secretary.p1", req), StatusCode::kInvalidArgument);
    }
    SECTION("an empty file") {
        req.content.bytes.clear();
        CHECK_CODE(fx.service().submit("secretary.p1", req), StatusCode::kInvalidArgument);
    }
    SECTION("a file name with a path") {
        req.content.fileName = "../../etc/passwd";
        CHECK_CODE(fx.service().submit("secretary.p1", req), StatusCode::kInvalidArgument);
    }
    SECTION("a title that is not UTF-8") {
        req.title = "\xff\xfe";
        CHECK_CODE(fx.service().submit("secretary.p1", req), StatusCode::kInvalidArgument);
    }
    SECTION("an unknown workflow") {
        req.workflowId = "no-such-flow";
        CHECK_CODE(fx.service().submit("secretary.p1", req), StatusCode::kNotFound);
    }
    CHECK(countDocuments() == 0);
}

TEST_CASE("a rejection returns the document to its author, who resubmits a new version", "[routing][reject]") {
    ServiceFixture fx;
    Document doc = fx.submitProtocol();
    REQUIRE_OK(fx.approve("secretary.p1", doc.id));

    SECTION("a rejection needs a comment") {
        CHECK_CODE(fx.reject("chairman.p1", doc.id, "  "), StatusCode::kInvalidArgument);
        CHECK(fx.current(doc.id).state == DocumentState::kInProgress);
    }
    SECTION("the author gets it back, with the comment on record") {
        auto rejected = fx.reject("chairman.p1", doc.id, "Неверное число присутствующих");
        REQUIRE_OK(rejected);
        CHECK(rejected->state == DocumentState::kReturned);
        CHECK(rejected->currentStep == "draft");
        auto inbox = fx.service().inbox("secretary.p1");
        REQUIRE_OK(inbox);
        REQUIRE(inbox->size() == 1);
        CHECK(inbox->front().task.stepId == "draft");
        CHECK(fx.service().inbox("chairman.p1")->empty());

        SECTION("only a returned document can be resubmitted, and only by its author") {
            ResubmitRequest again{Content{"corrected text", "protocol-v2.txt", "text/plain"}, {{"present", "14"}},
                                  "исправлено"};
            CHECK_CODE(fx.service().resubmit("secretary.p2", doc.id, again), StatusCode::kNotFound);
            CHECK_CODE(fx.service().resubmit("chairman.p1", doc.id, again), StatusCode::kPermissionDenied);
            auto resubmitted = fx.service().resubmit("secretary.p1", doc.id, again);
            REQUIRE_OK(resubmitted);
            CHECK(resubmitted->currentVersion == 2);
            CHECK(resubmitted->fields.at("present") == "14");
            CHECK(resubmitted->fields.at("meeting-date") == "2026-02-27");
            CHECK(resubmitted->currentStep == "sign");
            CHECK_CODE(fx.service().resubmit("secretary.p1", doc.id, again), StatusCode::kFailedPrecondition);

            // Approvals of version 1 are history: both must sign version 2 again.
            CHECK(fx.openTasks(doc.id).size() == 2);
            REQUIRE_OK(fx.approve("secretary.p1", doc.id));
            CHECK(fx.current(doc.id).currentStep == "sign");
            REQUIRE_OK(fx.approve("chairman.p1", doc.id));
            CHECK(fx.current(doc.id).currentStep == "register");
            auto content = fx.service().versionContent(Viewer::localOperator(), doc.id, 2);
            REQUIRE_OK(content);
            CHECK(*content == "corrected text");
            CHECK(*fx.service().versionContent(Viewer::localOperator(), doc.id, 1) == "protocol text");
        }
    }
}

TEST_CASE("a bureau decision needs a quorum of three of its five members", "[routing][quorum]") {
    ServiceFixture fx;
    Document doc = fx.submitDecision();
    CHECK(doc.currentStep == "vote");
    CHECK(fx.openTasks(doc.id).size() == 5);

    SECTION("two approvals are not enough") {
        REQUIRE_OK(fx.approve("bm1.dis", doc.id));
        REQUIRE_OK(fx.approve("bm2.dis", doc.id));
        CHECK(fx.current(doc.id).currentStep == "vote");
    }
    SECTION("the third approval advances it exactly once and closes the other seats") {
        for (const char* m : {"bm1.dis", "bm2.dis", "bm3.dis"}) REQUIRE_OK(fx.approve(m, doc.id));
        Document d = fx.current(doc.id);
        CHECK(d.currentStep != "vote");
        CHECK_CODE(fx.approve("bm4.dis", doc.id), StatusCode::kPermissionDenied);
        CHECK(fx.current(doc.id).revision == d.revision);
    }
    SECTION("two rejections leave the vote open; the third returns the decision") {
        REQUIRE_OK(fx.reject("bm1.dis", doc.id, "против"));
        REQUIRE_OK(fx.reject("bm2.dis", doc.id, "против"));
        CHECK(fx.current(doc.id).currentStep == "vote");
        REQUIRE_OK(fx.approve("bm3.dis", doc.id));
        REQUIRE_OK(fx.reject("bm4.dis", doc.id, "против"));
        CHECK(fx.current(doc.id).state == DocumentState::kReturned);
    }
}

TEST_CASE("an overdue review escalates to the district's first deputy", "[routing][deadline]") {
    ServiceFixture fx;
    Document doc = fx.submitReport();
    CHECK(doc.currentStep == "review");
    auto tasks = fx.openTasks(doc.id);
    REQUIRE(tasks.size() == 1);
    REQUIRE(tasks.front().dueAt);

    SECTION("before the deadline nothing happens") {
        fx.clock().set(*tasks.front().dueAt - 1000);
        auto report = fx.service().tick();
        REQUIRE_OK(report);
        CHECK(report->escalated == 0);
        CHECK(fx.service().inbox("first-deputy.dis")->empty());
    }
    SECTION("after it the first deputy may act, once") {
        fx.clock().set(*tasks.front().dueAt + 1000);
        auto report = fx.service().tick();
        REQUIRE_OK(report);
        CHECK(report->escalated == 1);
        CHECK(fx.service().tick()->escalated == 0);
        auto inbox = fx.service().inbox("first-deputy.dis");
        REQUIRE(inbox->size() == 1);
        CHECK(inbox->front().task.escalatedFrom == tasks.front().id);
        REQUIRE_OK(fx.approve("first-deputy.dis", doc.id));
        CHECK(fx.current(doc.id).currentStep == "acknowledge");
        // The inspector's own task was superseded by the escalation's approval.
        CHECK_CODE(fx.approve("inspector.dis", doc.id), StatusCode::kPermissionDenied);
    }
}

TEST_CASE("a report's period decides its route", "[routing][branch]") {
    ServiceFixture fx;
    SECTION("quarterly reports go straight to the regional acknowledgement") {
        Document doc = fx.submitReport("quarterly");
        REQUIRE_OK(fx.approve("inspector.dis", doc.id));
        CHECK(fx.current(doc.id).currentStep == "acknowledge");
        SECTION("an acknowledgement cannot be rejected") {
            CHECK_CODE(fx.reject("inspector.reg", doc.id, "no"), StatusCode::kFailedPrecondition);
        }
        SECTION("acknowledging completes it") {
            CHECK(fx.approve("inspector.reg", doc.id)->state == DocumentState::kCompleted);
        }
    }
    SECTION("annual reports first need the district chairman's signature") {
        Document doc = fx.submitReport("annual");
        REQUIRE_OK(fx.approve("inspector.dis", doc.id));
        Document d = fx.current(doc.id);
        CHECK(d.currentStep != "acknowledge");
        REQUIRE_OK(fx.approve("chairman.dis", doc.id));
        CHECK(fx.current(doc.id).currentStep == "acknowledge");
    }
}

TEST_CASE("a delegated role can be exercised only during its period", "[routing][delegation]") {
    ServiceFixture fx;
    Delegation d;
    d.fromLogin = "registrar.dis";
    d.toLogin = "chairman.p2";
    d.role = "registrar";
    d.validFrom = *parseIsoUtc("2026-03-01");
    d.validTo = *parseIsoUtc("2026-03-10");
    REQUIRE_OK(fx.service().importDirectory({}, {}, {}, {d}, "operator"));
    Document doc = fx.submitProtocol();
    REQUIRE_OK(fx.approve("chairman.p1", doc.id));
    REQUIRE_OK(fx.approve("secretary.p1", doc.id));

    SECTION("within the period the delegate sees and registers it, on the delegator's behalf") {
        CHECK(fx.service().inbox("chairman.p2")->size() == 1);
        REQUIRE_OK(fx.approve("chairman.p2", doc.id));
        auto history = fx.service().history(Viewer::localOperator(), doc.id);
        bool onBehalf = false;
        for (const auto& e : *history)
            if (e.action == "task.approve" && e.details.find("\"on-behalf-of\":\"registrar.dis\"") != std::string::npos)
                onBehalf = true;
        CHECK(onBehalf);
    }
    SECTION("after it the delegation no longer counts") {
        fx.clock().set(*parseIsoUtc("2026-03-10"));
        CHECK(fx.service().inbox("chairman.p2")->empty());
        // Without the delegation P1's protocol is none of P2's chairman's business.
        CHECK_CODE(fx.approve("chairman.p2", doc.id), StatusCode::kNotFound);
    }
}

TEST_CASE("a route that cannot be staffed is refused before anything is stored", "[routing][atomicity]") {
    ServiceFixture fx;
    // P3 has a secretary but no chairman: the sign step cannot open.
    Org p3;
    p3.code = "P3";
    p3.parentCode = "DIS";
    p3.level = OrgLevel::kPrimary;
    p3.nameKk = p3.nameRu = p3.nameEn = "P3";
    User s{"secretary.p3", "Секретарь", "P3", "", ""};
    RoleGrant g{"secretary.p3", "secretary", "P3", GrantScope::kOrg, 0, std::nullopt};
    REQUIRE_OK(fx.service().importDirectory({p3}, {s}, {g}, {}, "operator"));
    const std::int64_t before = fx.auditLength();
    SubmitRequest req;
    req.workflowId = "ppo-protocol";
    req.title = "Протокол P3";
    req.originOrgCode = "P3";
    req.fields = {{"meeting-date", "2026-02-27"}, {"present", "5"}};
    req.content = Content{"text", "p.txt", "text/plain"};
    auto r = fx.service().submit("secretary.p3", req);
    CHECK_CODE(r, StatusCode::kFailedPrecondition);
    CHECK_THAT(r.status().message(), Catch::Contains("chairman") && Catch::Contains("P3"));
    CHECK(fx.service().listDocuments(Viewer::localOperator(), DocumentFilter{})->empty());
    CHECK(fx.auditLength() == before + 1);  // only the refusal
}
