// Full-text search over titles, fields and text content, in Kazakh and Russian.
#include <catch2/catch.hpp>

#include "support/ServiceFixture.h"
#include "support/StatusMatchers.h"

using namespace qujat::engine;
using qujat::test::ServiceFixture;

namespace {

std::vector<DocumentId> search(ServiceFixture& fx, const Viewer& viewer, const std::string& words) {
    DocumentFilter filter;
    filter.text = words;
    auto docs = fx.service().listDocuments(viewer, filter);
    REQUIRE_OK(docs);
    std::vector<DocumentId> ids;
    for (const Document& d : *docs) ids.push_back(d.id);
    return ids;
}

}  // namespace

TEST_CASE("documents are found by the words of their title, fields and text", "[search]") {
    ServiceFixture fx;
    const Document kazakh = fx.submitProtocol("P1", "БПҰ жиналысының ХАТТАМАСЫ. Күн тәртібі: ҚАЗАҚСТАН жастары.");
    const Document russian = fx.submitProtocol("P2", "Отчёт о собрании: обсуждение проекта «Цифровая партия».");
    const Viewer all = Viewer::localOperator();

    CHECK(search(fx, all, "қазақстан") == std::vector<DocumentId>{kazakh.id});       // case folded
    CHECK(search(fx, all, "хаттама") == std::vector<DocumentId>{kazakh.id});         // word start
    CHECK(search(fx, all, "ОТЧЕТ цифровая") == std::vector<DocumentId>{russian.id});  // ё typed as е, all words
    CHECK(search(fx, all, "протокол") == std::vector<DocumentId>{kazakh.id, russian.id});  // both titles
    CHECK(search(fx, all, "отчёт қазақстан").empty());
    SECTION("query syntax and SQL in the words mean nothing") {
        for (const char* hostile : {"\" OR 1=1 --", "body:*", "NEAR(a b)", "'; DROP TABLE documents; --", "*", "\""}) {
            INFO(hostile);
            CHECK(search(fx, all, hostile).empty());
        }
        CHECK(fx.service().listDocuments(all, DocumentFilter{})->size() == 2);
    }
    SECTION("search respects who may see what") {
        CHECK(search(fx, Viewer::user("secretary.p2"), "қазақстан").empty());
        CHECK(search(fx, Viewer::user("secretary.p1"), "қазақстан") == std::vector<DocumentId>{kazakh.id});
    }
    SECTION("a new version replaces what the document is found by") {
        REQUIRE_OK(fx.reject("chairman.p2", russian.id, "Нет списка присутствующих"));
        ResubmitRequest again;
        again.content = Content{"Протокол: присутствовали 12 человек.", "p2.txt", "text/plain"};
        REQUIRE_OK(fx.service().resubmit("secretary.p2", russian.id, again));
        CHECK(search(fx, all, "цифровая").empty());
        CHECK(search(fx, all, "присутствовали") == std::vector<DocumentId>{russian.id});
    }
}
