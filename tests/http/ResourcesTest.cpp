// Workflows, the directory and delegations as the API shows them.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "HttpFixture.h"
#include "support/StatusMatchers.h"

namespace qujat::test {

TEST_CASE("workflows: the list, a definition and its diagram", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p1");
    auto list = fx.client().get("/api/v1/workflows", token);
    REQUIRE(list.status == 200);
    CHECK(list.object()->getArray("items")->size() == 3);

    auto def = fx.client().get("/api/v1/workflows/bureau-decision", token);
    REQUIRE(def.status == 200);
    auto steps = def.object()->getArray("stepDetails");
    REQUIRE(steps->size() == 5);
    CHECK(steps->getObject(1)->getValue<std::string>("mode") == "quorum");
    CHECK(steps->getObject(1)->getValue<int>("quorum") == 3);
    CHECK(def.object()->getArray("fields")->getObject(0)->getValue<std::string>("type") == "enum");
    CHECK(fx.client().get("/api/v1/workflows/bureau-decision?version=1", token).status == 200);
    CHECK(fx.client().get("/api/v1/workflows/bureau-decision?version=9", token).status == 404);
    CHECK(fx.client().get("/api/v1/workflows/no-such-workflow", token).status == 404);

    SECTION("the diagram highlights the current step") {
        auto svg = fx.client().get("/api/v1/workflows/ppo-protocol/diagram?current=sign&lang=kk", token);
        REQUIRE(svg.status == 200);
        CHECK(svg.header("Content-Type") == "image/svg+xml; charset=utf-8");
        CHECK(svg.body.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
        CHECK(svg.body.find("data-step=\"sign\" aria-current=\"step\"") != std::string::npos);
        CHECK(svg.body.find("data-step=\"draft\" aria-current") == std::string::npos);
        CHECK(svg.body.find("БПҰ жиналысының хаттамасы") != std::string::npos);
        CHECK(svg.body.find("<script") == std::string::npos);
        CHECK(svg.body.find("stroke-dasharray") != std::string::npos);  // the way back on rejection
        CHECK(fx.client().get("/api/v1/workflows/ppo-protocol/diagram?current=nowhere", token).status == 400);
    }
    SECTION("text in the diagram is escaped") {
        std::ifstream in(std::string(QUJAT_SOURCE_DIR) + "/workflows/ppo-protocol.xml");
        std::stringstream xml;
        xml << in.rdbuf();
        std::string text = xml.str();
        const std::string id = "id=\"ppo-protocol\"";
        text.replace(text.find(id), id.size(), "id=\"escape-test\"");
        const std::string title = "<title xml:lang=\"ru\">Протокол собрания ППО</title>";
        text.replace(text.find(title), title.size(),
                     "<title xml:lang=\"ru\">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; Co</title>");
        REQUIRE_OK(fx.service().loadWorkflow(text, "escape-test.xml", "operator"));
        auto svg = fx.client().get("/api/v1/workflows/escape-test/diagram", token);
        REQUIRE(svg.status == 200);
        CHECK(svg.body.find("<script>") == std::string::npos);
        CHECK(svg.body.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co") != std::string::npos);
    }
}

TEST_CASE("organisations and users are readable by anyone signed in, without password hashes", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p2");
    auto org = fx.client().get("/api/v1/orgs/P1", token);
    REQUIRE(org.status == 200);
    CHECK(org.object()->getValue<std::string>("parent") == "DIS");
    CHECK(org.object()->getValue<std::string>("level") == "primary");
    CHECK(org.object()->getObject("name")->getValue<std::string>("kk") == "P1 ұйымы");
    CHECK(fx.client().get("/api/v1/orgs/NOPE", token).status == 404);

    auto children = fx.client().get("/api/v1/orgs/DIS/children", token);
    REQUIRE(children.status == 200);
    auto items = children.object()->getArray("items");
    REQUIRE(items->size() == 2);
    CHECK(items->getObject(0)->getValue<std::string>("code") == "P1");
    CHECK(fx.client().get("/api/v1/orgs/NOPE/children", token).status == 404);

    auto user = fx.client().get("/api/v1/users/chairman.p1", token);
    REQUIRE(user.status == 200);
    CHECK(user.object()->getValue<std::string>("displayName") == "Тест chairman.p1");
    CHECK(user.object()->getArray("roles")->getObject(0)->getValue<std::string>("role") == "chairman");
    CHECK(user.body.find("password") == std::string::npos);
    CHECK(user.body.find("scrypt") == std::string::npos);
    CHECK(fx.client().get("/api/v1/users/nobody", token).status == 404);
    CHECK(fx.client().get("/api/v1/users/..%2F..%2Fetc%2Fpasswd", token).status == 404);
}

TEST_CASE("a delegate sees the delegations made to them", "[http]") {
    HttpFixture fx;
    auto mine = fx.client().get("/api/v1/delegations", fx.signIn("bm1.dis"));
    REQUIRE(mine.status == 200);
    auto items = mine.object()->getArray("items");
    REQUIRE(items->size() == 1);
    CHECK(items->getObject(0)->getValue<std::string>("from") == "chairman.p2");
    CHECK(items->getObject(0)->getValue<std::string>("role") == "chairman");
    CHECK(fx.client().get("/api/v1/delegations", fx.signIn("bm2.dis")).object()->getArray("items")->size() == 0);
}

}  // namespace qujat::test
