// The journeys of the people who use the API: a secretary, approvers, a registrar, an
// auditor, each through HTTP only.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include "HttpFixture.h"

namespace qujat::test {

namespace {

Poco::JSON::Array::Ptr items(const HttpResponse& r) { return r.object()->getArray("items"); }

bool listHas(const HttpResponse& r, std::int64_t id) {
    auto list = items(r);
    for (std::size_t i = 0; i < list->size(); ++i)
        if (list->getObject(static_cast<unsigned>(i))->getValue<Poco::Int64>("id") == id) return true;
    return false;
}

// The id of `login`'s open task on document `id` from GET /tasks, or 0.
std::int64_t taskOn(const HttpFixture& fx, const std::string& token, std::int64_t id) {
    auto r = fx.client().get("/api/v1/tasks", token);
    REQUIRE(r.status == 200);
    auto list = items(r);
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto t = list->getObject(static_cast<unsigned>(i));
        if (t->getValue<Poco::Int64>("document") == id) return t->getValue<Poco::Int64>("id");
    }
    return 0;
}

}  // namespace

TEST_CASE("a secretary signs in, submits a protocol with its file and finds it again", "[http]") {
    HttpFixture fx;
    auto signIn = fx.client().postJson(
        "/api/v1/session", "{\"login\":\"secretary.p1\",\"password\":" + quoteJson(HttpFixture::kPassword) + "}", "");
    REQUIRE(signIn.status == 201);
    auto session = signIn.object();
    const std::string token = session->getValue<std::string>("token");
    CHECK(token.size() == 64);
    CHECK(session->getValue<std::string>("login") == "secretary.p1");
    CHECK(session->getValue<std::string>("expiresAt") == "2026-03-02T17:00:00Z");
    const std::string cookie = signIn.header("Set-Cookie");
    CHECK(cookie.find("qujat_session=" + token) == 0);
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    CHECK(cookie.find("Path=/") != std::string::npos);
    CHECK(cookie.find("Secure") == std::string::npos);  // plain HTTP here

    auto who = fx.client().get("/api/v1/session", token);
    REQUIRE(who.status == 200);
    CHECK(who.object()->getValue<std::string>("login") == "secretary.p1");

    const std::string text = "Жиналыс хаттамасы: күн тәртібі бекітілді.";
    auto [body, type] = multipartBody({{"file", text, std::string("хаттама.txt"), "text/plain"},
                                       {"workflow", "ppo-protocol", std::nullopt, ""},
                                       {"title", "БПҰ жиналысының хаттамасы №3", std::nullopt, ""},
                                       {"org", "P1", std::nullopt, ""},
                                       {"fields", R"({"meeting-date": "2026-02-27", "present": 12,
                                                     "agenda": "Бюджет пен жоспар"})", std::nullopt, ""}});
    HttpRequest submit;
    submit.method = "POST";
    submit.path = "/api/v1/documents";
    submit.body = body;
    submit.contentType = type;
    submit.bearer = token;
    auto created = fx.client().send(submit);
    INFO(created.body);
    REQUIRE(created.status == 201);
    const auto id = created.object()->getValue<Poco::Int64>("id");
    CHECK(created.header("Location") == documentPath(id));
    CHECK(created.object()->getValue<std::string>("step") == "sign");
    CHECK(created.object()->getObject("fields")->getValue<std::string>("present") == "12");

    SECTION("following it: the document with its versions and tasks") {
        auto doc = fx.client().get(created.header("Location"), token);
        REQUIRE(doc.status == 200);
        auto o = doc.object();
        CHECK(o->getValue<std::string>("title") == "БПҰ жиналысының хаттамасы №3");
        auto versions = o->getArray("versions");
        REQUIRE(versions->size() == 1);
        CHECK(versions->getObject(0)->getValue<std::string>("fileName") == "хаттама.txt");
        CHECK(versions->getObject(0)->getValue<std::string>("mediaType") == "text/plain");
        CHECK(o->getArray("tasks")->size() == 2);
        auto content = fx.client().get(documentPath(id) + "/versions/1/content", token);
        CHECK(content.status == 200);
        CHECK(content.body == text);
        auto history = fx.client().get(documentPath(id) + "/history", token);
        REQUIRE(history.status == 200);
        CHECK(items(history)->getObject(0)->getValue<std::string>("action") == "document.submit");
    }
    SECTION("in the list, by filter and by search") {
        CHECK(listHas(fx.client().get("/api/v1/documents", token), id));
        CHECK(listHas(fx.client().get("/api/v1/documents?workflow=ppo-protocol&state=in-progress&org=P1", token), id));
        CHECK_FALSE(listHas(fx.client().get("/api/v1/documents?state=completed", token), id));
        CHECK(listHas(fx.client().get("/api/v1/documents?author=secretary.p1", token), id));
        CHECK(listHas(fx.client().get("/api/v1/documents?q=%D0%B6%D0%B8%D0%BD%D0%B0%D0%BB%D1%8B%D1%81%D1%8B%D0%BD%D1%8B%D2%A3",
                                      token),
                      id));  // "жиналысының", a word of the title
        CHECK_FALSE(listHas(fx.client().get("/api/v1/documents?q=nothing-like-this", token), id));
    }
    SECTION("pages follow the next link to the end") {
        fx.submitProtocol(token);
        fx.submitProtocol(token);
        auto first = fx.client().get("/api/v1/documents?limit=2", token);
        REQUIRE(first.status == 200);
        CHECK(items(first)->size() == 2);
        const std::string next = first.object()->getValue<std::string>("next");
        CHECK(first.header("Link") == "<" + next + ">; rel=\"next\"");
        auto second = fx.client().get(next, token);
        REQUIRE(second.status == 200);
        CHECK(items(second)->size() == 1);
        CHECK(second.object()->get("next").isEmpty());
    }
    SECTION("signing out ends the session") {
        HttpRequest out;
        out.method = "DELETE";
        out.path = "/api/v1/session";
        out.bearer = token;
        auto ended = fx.client().send(out);
        CHECK(ended.status == 204);
        CHECK(ended.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
        CHECK(fx.client().get("/api/v1/tasks", token).status == 401);
    }
}

TEST_CASE("approvers work through their inbox, the secretary resubmits and the registrar registers", "[http]") {
    HttpFixture fx;
    const std::string secretary = fx.signIn("secretary.p1");
    const std::string chairman = fx.signIn("chairman.p1");
    const std::string registrar = fx.signIn("registrar.dis");
    const auto id = fx.submitProtocol(secretary);

    // The chairman sees the task, rejects with a comment; it goes back to the secretary.
    CHECK(taskOn(fx, chairman, id) != 0);
    auto rejected = fx.reject(chairman, id, "Қатысушылар саны қате: 12 емес, 14");
    INFO(rejected.body);
    REQUIRE(rejected.status == 200);
    CHECK(rejected.object()->getValue<std::string>("state") == "returned");
    CHECK(taskOn(fx, chairman, id) == 0);
    CHECK(taskOn(fx, secretary, id) != 0);

    // The secretary sends version 2 with the corrected field.
    auto [body, type] = multipartBody({{"file", "corrected protocol", std::string("protocol-v2.txt"), "text/plain"},
                                       {"fields", R"({"present": "14"})", std::nullopt, ""},
                                       {"comment", "Саны түзетілді", std::nullopt, ""}});
    HttpRequest resubmit;
    resubmit.method = "POST";
    resubmit.path = documentPath(id) + "/versions";
    resubmit.body = body;
    resubmit.contentType = type;
    resubmit.bearer = secretary;
    auto v2 = fx.client().send(resubmit);
    INFO(v2.body);
    REQUIRE(v2.status == 201);
    CHECK(v2.header("Location") == documentPath(id) + "/versions/2");
    CHECK(v2.object()->getValue<int>("version") == 2);
    CHECK(v2.object()->getObject("fields")->getValue<std::string>("present") == "14");
    auto version = fx.client().get(documentPath(id) + "/versions/2", secretary);
    REQUIRE(version.status == 200);
    CHECK(version.object()->getValue<std::string>("comment") == "Саны түзетілді");

    // Both signatures of the sign step, each from the signer's own inbox.
    const auto chairmanTask = taskOn(fx, chairman, id);
    REQUIRE(chairmanTask != 0);
    auto approved = fx.client().postJson(documentPath(id) + "/approval",
                                         "{\"comment\":\"Келісемін\",\"task\":" + std::to_string(chairmanTask) + "}",
                                         chairman);
    INFO(approved.body);
    REQUIRE(approved.status == 200);
    REQUIRE(fx.approve(secretary, id).status == 200);

    // The registrar's deadline passes unnoticed until the inbox says so.
    auto inbox = fx.client().get("/api/v1/tasks", registrar);
    REQUIRE(inbox.status == 200);
    auto task = items(inbox)->getObject(0);
    CHECK(task->getValue<std::string>("step") == "register");
    CHECK_FALSE(task->getValue<bool>("overdue"));
    CHECK(task->getObject("documentSummary")->getValue<Poco::Int64>("id") == id);
    fx.clock().advance(4LL * 24 * 3600 * 1000);
    CHECK(items(fx.client().get("/api/v1/tasks", fx.signIn("registrar.dis")))->getObject(0)->getValue<bool>("overdue"));

    auto registered = fx.approve(fx.signIn("registrar.dis"), id);
    INFO(registered.body);
    REQUIRE(registered.status == 200);
    auto doc = registered.object();
    CHECK(doc->getValue<std::string>("state") == "completed");
    CHECK(doc->getValue<std::string>("registrationNumber").rfind("DIS-2026-", 0) == 0);
}

TEST_CASE("an auditor reads a document's history and verifies the chain, and cannot act", "[http]") {
    HttpFixture fx;
    const auto id = fx.submitProtocol(fx.signIn("secretary.p1"));
    const std::string auditor = fx.signIn("auditor.kz");

    SECTION("reading") {
        CHECK(fx.client().get(documentPath(id), auditor).status == 200);
        auto history = fx.client().get(documentPath(id) + "/history", auditor);
        REQUIRE(history.status == 200);
        CHECK(items(history)->size() >= 1);
        auto verification = fx.client().get("/api/v1/audit/verification", auditor);
        REQUIRE(verification.status == 200);
        CHECK(verification.object()->getValue<bool>("intact"));
        CHECK(verification.object()->getValue<Poco::Int64>("events") > 3);
    }
    SECTION("the whole chain, page by page") {
        auto first = fx.client().get("/api/v1/audit?limit=2", auditor);
        REQUIRE(first.status == 200);
        auto page1 = items(first);
        REQUIRE(page1->size() == 2);
        CHECK(page1->getObject(0)->getValue<Poco::Int64>("seq") == 1);
        auto second = fx.client().get(first.object()->getValue<std::string>("next"), auditor);
        REQUIRE(second.status == 200);
        CHECK(items(second)->getObject(0)->getValue<Poco::Int64>("seq") == 3);
        CHECK(items(second)->getObject(0)->getValue<std::string>("prevHash") ==
              page1->getObject(1)->getValue<std::string>("hash"));
    }
    SECTION("acting is refused") {
        CHECK(fx.approve(auditor, id).status == 403);
        CHECK(fx.reject(auditor, id, "no").status == 403);
    }
    SECTION("the audit log does not exist for anyone else") {
        const std::string chairman = fx.signIn("chairman.p1");
        CHECK(fx.client().get("/api/v1/audit", chairman).status == 404);
        CHECK(fx.client().get("/api/v1/audit/verification", chairman).status == 404);
    }
}

}  // namespace qujat::test
