// Who may read which document: the same rules for the CLI's --as and the HTTP API.
#include <catch2/catch.hpp>

#include "support/ServiceFixture.h"
#include "support/StatusMatchers.h"

using namespace qujat::engine;
using qujat::test::ServiceFixture;

namespace {

std::vector<DocumentId> visibleIds(ServiceFixture& fx, const std::string& login) {
    auto docs = fx.service().listDocuments(Viewer::user(login), DocumentFilter{});
    REQUIRE_OK(docs);
    std::vector<DocumentId> ids;
    for (const Document& d : *docs) ids.push_back(d.id);
    return ids;
}

}  // namespace

TEST_CASE("a document is visible to its organisation, the branches above it and its approvers only",
          "[access]") {
    ServiceFixture fx;
    const Document p1 = fx.submitProtocol("P1");
    const Document p2 = fx.submitProtocol("P2");

    SECTION("people of the originating PPO and of every branch above it see it") {
        for (const char* login : {"secretary.p1", "chairman.p1", "secretary.dis", "registrar.dis", "inspector.reg",
                                  "auditor.kz"}) {
            INFO(login);
            REQUIRE_OK(fx.service().document(Viewer::user(login), p1.id));
            REQUIRE_OK(fx.service().history(Viewer::user(login), p1.id));
        }
        CHECK(visibleIds(fx, "secretary.p1") == std::vector<DocumentId>{p1.id});
        CHECK(visibleIds(fx, "secretary.dis") == std::vector<DocumentId>{p1.id, p2.id});
        CHECK(visibleIds(fx, "auditor.kz") == std::vector<DocumentId>{p1.id, p2.id});
    }
    SECTION("another PPO cannot see it, and cannot tell it from a missing document") {
        auto hidden = fx.service().document(Viewer::user("secretary.p2"), p1.id);
        auto missing = fx.service().document(Viewer::user("secretary.p2"), 999);
        CHECK_CODE(hidden, StatusCode::kNotFound);
        CHECK_CODE(missing, StatusCode::kNotFound);
        CHECK(hidden.status().message() == "document " + std::to_string(p1.id) + " does not exist");
        CHECK_CODE(fx.service().versionContent(Viewer::user("secretary.p2"), p1.id, 1), StatusCode::kNotFound);
        CHECK_CODE(fx.service().history(Viewer::user("chairman.p2"), p1.id), StatusCode::kNotFound);
        CHECK(visibleIds(fx, "chairman.p2") == std::vector<DocumentId>{p2.id});
    }
    SECTION("a refused read is audited") {
        const std::int64_t before = fx.auditLength();
        CHECK_CODE(fx.service().document(Viewer::user("secretary.p2"), p1.id), StatusCode::kNotFound);
        CHECK(fx.auditLength() == before + 1);
        auto e = fx.lastAuditEvent();
        REQUIRE_OK(e);
        CHECK(e->action == "refused");
        CHECK(e->actor == "secretary.p2");
        CHECK_THAT(e->details, Catch::Contains("document.read"));
    }
    SECTION("someone who decided on it keeps seeing it after their role ends elsewhere") {
        // A delegate from another PPO registers it; afterwards the decision keeps it visible.
        Delegation d{0, "registrar.dis", "chairman.p2", "registrar", *parseIsoUtc("2026-03-01"),
                     *parseIsoUtc("2026-03-10")};
        REQUIRE_OK(fx.service().importDirectory({}, {}, {}, {d}, "operator"));
        REQUIRE_OK(fx.approve("chairman.p1", p1.id));
        REQUIRE_OK(fx.approve("secretary.p1", p1.id));
        REQUIRE_OK(fx.service().document(Viewer::user("chairman.p2"), p1.id));  // may act on it now
        REQUIRE_OK(fx.approve("chairman.p2", p1.id));
        fx.clock().set(*parseIsoUtc("2026-04-01"));
        REQUIRE_OK(fx.service().document(Viewer::user("chairman.p2"), p1.id));  // decided on it
    }
    SECTION("the local operator sees everything") {
        CHECK(fx.service().listDocuments(Viewer::localOperator(), DocumentFilter{})->size() == 2);
    }
}
