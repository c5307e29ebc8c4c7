// What the API refuses, and how: the status, the problem document, and that nothing
// changed.
#include <Poco/JSON/Array.h>

#include <filesystem>

#include <catch2/catch.hpp>

#include "HttpFixture.h"

namespace qujat::test {

namespace {

void checkProblem(const HttpResponse& r, int status) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(r.header("Content-Type").rfind("application/problem+json", 0) == 0);
    auto p = r.object();
    CHECK(p->getValue<int>("status") == status);
    CHECK(p->has("type"));
    CHECK(p->has("title"));
    CHECK_FALSE(p->getValue<std::string>("detail").empty());
}

std::string detail(const HttpResponse& r) { return r.object()->getValue<std::string>("detail"); }

HttpResponse post(const HttpFixture& fx, const std::string& path, const std::string& body, const std::string& type,
                  const std::string& token) {
    HttpRequest r;
    r.method = "POST";
    r.path = path;
    r.body = body;
    r.contentType = type;
    r.bearer = token;
    return fx.client().send(r);
}

std::size_t documentCount(const HttpFixture& fx, const std::string& token) {
    return fx.client().get("/api/v1/documents", token).object()->getArray("items")->size();
}

}  // namespace

TEST_CASE("documents of another organisation do not exist for a reader or a writer there", "[http]") {
    HttpFixture fx;
    const auto id = fx.submitProtocol(fx.signIn("secretary.p1"));
    const std::string other = fx.signIn("secretary.p2");
    for (const std::string suffix : {"", "/versions", "/versions/1", "/versions/1/content", "/history"}) {
        auto r = fx.client().get(documentPath(id) + suffix, other);
        INFO(suffix);
        checkProblem(r, 404);
    }
    CHECK(documentCount(fx, other) == 0);
    // Writes answer exactly as for an id that does not exist.
    checkProblem(fx.approve(other, id), 404);
    checkProblem(fx.reject(other, id, "not mine"), 404);
    CHECK(detail(fx.approve(other, id)) == "document " + std::to_string(id) + " does not exist");
    CHECK(detail(fx.approve(other, 999999)) == "document 999999 does not exist");
    auto [body, type] = multipartBody({{"file", "x", std::string("x.txt"), "text/plain"}});
    checkProblem(post(fx, documentPath(id) + "/versions", body, type, other), 404);
    // nor submit in its name
    auto [b2, t2] = multipartBody({{"file", "x", std::string("x.txt"), "text/plain"},
                                   {"workflow", "ppo-protocol", std::nullopt, ""},
                                   {"title", "t", std::nullopt, ""},
                                   {"org", "P1", std::nullopt, ""},
                                   {"fields", R"({"meeting-date":"2026-02-27"})", std::nullopt, ""}});
    checkProblem(post(fx, "/api/v1/documents", b2, t2, other), 403);
}

TEST_CASE("people who may see a document but not act on it are refused with 403", "[http]") {
    HttpFixture fx;
    const std::string secretary = fx.signIn("secretary.p1");
    const auto id = fx.submitProtocol(secretary);
    SECTION("the district secretary sees it but holds no seat of the sign step") {
        const std::string district = fx.signIn("secretary.dis");
        CHECK(fx.client().get(documentPath(id), district).status == 200);
        checkProblem(fx.approve(district, id), 403);
    }
    SECTION("the secretary may not approve the registration") {
        REQUIRE(fx.approve(fx.signIn("chairman.p1"), id).status == 200);
        REQUIRE(fx.approve(secretary, id).status == 200);
        auto r = fx.approve(secretary, id);
        checkProblem(r, 403);
        CHECK(detail(r).find("register") != std::string::npos);
    }
    SECTION("deciding twice is a conflict") {
        const std::string chairman = fx.signIn("chairman.p1");
        REQUIRE(fx.approve(chairman, id).status == 200);
        checkProblem(fx.approve(chairman, id), 409);
    }
    SECTION("a rejection needs a comment the engine accepts") {
        checkProblem(fx.reject(fx.signIn("chairman.p1"), id, "   "), 422);
    }
}

TEST_CASE("requests without a valid session are 401 with WWW-Authenticate", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p1");
    auto unauthenticated = [&](const HttpResponse& r) {
        checkProblem(r, 401);
        CHECK(r.header("WWW-Authenticate").rfind("Bearer", 0) == 0);
    };
    SECTION("no token") {
        HttpRequest r;
        r.path = "/api/v1/tasks";
        unauthenticated(fx.client().send(r));
    }
    SECTION("a forged token") {
        unauthenticated(fx.client().get("/api/v1/tasks", std::string(64, 'a')));
        unauthenticated(fx.client().get("/api/v1/tasks", "not-hex; drop table sessions"));
    }
    SECTION("an expired token") {
        fx.clock().advance(8LL * 3600 * 1000 + 1000);
        unauthenticated(fx.client().get("/api/v1/tasks", token));
    }
    SECTION("a tampered cookie") {
        std::string tampered = token;
        tampered[10] = tampered[10] == '0' ? '1' : '0';
        HttpRequest r;
        r.path = "/api/v1/tasks";
        r.cookie = tampered;
        unauthenticated(fx.client().send(r));
        r.cookie = token;
        CHECK(fx.client().send(r).status == 200);
    }
    SECTION("another scheme in Authorization") {
        HttpRequest r;
        r.path = "/api/v1/tasks";
        r.headers = {{"Authorization", "Basic c2VjcmV0YXJ5LnAxOnB3"}};
        unauthenticated(fx.client().send(r));
    }
    SECTION("a wrong password, and then too many") {
        auto wrong = [&] {
            return fx.client().postJson("/api/v1/session", R"({"login":"chairman.p1","password":"guess guess guess"})", "");
        };
        unauthenticated(wrong());
        for (int i = 0; i < 4; ++i) wrong();
        auto throttled = wrong();
        checkProblem(throttled, 429);
        CHECK(std::stoi(throttled.header("Retry-After")) > 0);
    }
}

TEST_CASE("a write authenticated by the cookie must come from this site", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("chairman.p1");
    const auto id = fx.submitProtocol(fx.signIn("secretary.p1"));
    HttpRequest r;
    r.method = "POST";
    r.path = documentPath(id) + "/approval";
    r.body = "{}";
    r.contentType = "application/json";
    r.cookie = token;
    SECTION("without Origin or Sec-Fetch-Site") { checkProblem(fx.client().send(r), 403); }
    SECTION("from another site") {
        r.headers = {{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"}};
        checkProblem(fx.client().send(r), 403);
    }
    SECTION("same-site is not same-origin") {
        r.headers = {{"Sec-Fetch-Site", "same-site"}};
        checkProblem(fx.client().send(r), 403);
    }
    auto passes = [&] {
        auto response = fx.client().send(r);
        INFO(response.body);
        CHECK(response.status == 200);
    };
    SECTION("Sec-Fetch-Site: same-origin passes") {
        r.headers = {{"Sec-Fetch-Site", "same-origin"}};
        passes();
    }
    SECTION("Origin equal to the server's own passes") {
        r.headers = {{"Origin", "http://127.0.0.1:" + std::to_string(fx.port())}};
        passes();
    }
    SECTION("a Bearer token needs no such proof") {
        r.cookie.reset();
        r.bearer = token;
        passes();
    }
    SECTION("reads by cookie need none either") {
        HttpRequest get;
        get.path = "/api/v1/tasks";
        get.cookie = token;
        CHECK(fx.client().send(get).status == 200);
    }
    SECTION("signing in from another site is refused too") {
        HttpRequest signIn;
        signIn.method = "POST";
        signIn.path = "/api/v1/session";
        signIn.contentType = "application/json";
        signIn.body = "{\"login\":\"chairman.p1\",\"password\":" + quoteJson(HttpFixture::kPassword) + "}";
        signIn.headers = {{"Origin", "https://evil.example"}};
        checkProblem(fx.client().send(signIn), 403);
    }
}

TEST_CASE("malformed requests are 400 and say what is wrong", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("chairman.p1");
    const auto id = fx.submitProtocol(fx.signIn("secretary.p1"));
    const std::string approval = documentPath(id) + "/approval";
    SECTION("malformed JSON, with the position") {
        auto r = post(fx, approval, "{\"comment\": \"ok\",\n  \"task\" 5}", "application/json", token);
        checkProblem(r, 400);
        CHECK(detail(r).find("line 2, column 10") != std::string::npos);
    }
    SECTION("a duplicate member") {
        auto r = post(fx, approval, R"({"comment":"a","comment":"b"})", "application/json", token);
        checkProblem(r, 400);
        CHECK(detail(r).find("twice") != std::string::npos);
    }
    SECTION("an unknown member, named") {
        auto r = post(fx, approval, R"({"comment":"ok","signature":"x"})", "application/json", token);
        checkProblem(r, 400);
        CHECK(detail(r).find("\"signature\"") != std::string::npos);
    }
    SECTION("a member of the wrong type") {
        auto r = post(fx, approval, R"({"task":"seven"})", "application/json", token);
        checkProblem(r, 400);
        CHECK(detail(r).find("\"task\"") != std::string::npos);
    }
    SECTION("not an object") { checkProblem(post(fx, approval, "[1,2]", "application/json", token), 400); }
    SECTION("the wrong media type") { checkProblem(post(fx, approval, "comment=ok", "text/plain", token), 415); }
    SECTION("an unknown query parameter") {
        auto r = fx.client().get("/api/v1/documents?sort=title", token);
        checkProblem(r, 400);
        CHECK(detail(r).find("sort") != std::string::npos);
    }
    SECTION("a limit out of range") { checkProblem(fx.client().get("/api/v1/documents?limit=0", token), 400); }
    SECTION("an unknown state") { checkProblem(fx.client().get("/api/v1/documents?state=lost", token), 400); }
    SECTION("a form with an unknown part") {
        auto [body, type] = multipartBody({{"file", "x", std::string("x.txt"), "text/plain"},
                                           {"workflow", "ppo-protocol", std::nullopt, ""},
                                           {"title", "t", std::nullopt, ""},
                                           {"colour", "red", std::nullopt, ""}});
        auto r = post(fx, "/api/v1/documents", body, type, fx.signIn("secretary.p1"));
        checkProblem(r, 400);
        CHECK(detail(r).find("colour") != std::string::npos);
    }
    SECTION("a form without the file") {
        auto [body, type] = multipartBody({{"workflow", "ppo-protocol", std::nullopt, ""}});
        checkProblem(post(fx, "/api/v1/documents", body, type, fx.signIn("secretary.p1")), 400);
    }
    SECTION("fields that are not JSON") {
        auto [body, type] = multipartBody({{"file", "x", std::string("x.txt"), "text/plain"},
                                           {"workflow", "ppo-protocol", std::nullopt, ""},
                                           {"title", "t", std::nullopt, ""},
                                           {"fields", "{meeting-date: 1}", std::nullopt, ""}});
        auto r = post(fx, "/api/v1/documents", body, type, fx.signIn("secretary.p1"));
        checkProblem(r, 400);
        CHECK(detail(r).find("'fields'") != std::string::npos);
    }
    SECTION("an unknown path is 404, a known one with another method 405 with Allow") {
        checkProblem(fx.client().get("/api/v1/nothing-here", token), 404);
        checkProblem(fx.client().get("/api/v1/documents/abc", token), 404);
        HttpRequest put;
        put.method = "PUT";
        put.path = documentPath(id);
        put.bearer = token;
        auto r = fx.client().send(put);
        checkProblem(r, 405);
        CHECK(r.header("Allow") == "GET");
    }
}

TEST_CASE("file names are names, never paths", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p1");
    for (const std::string name : {"../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", ".."}) {
        auto [body, type] = multipartBody({{"file", "root:x:0:0", name, "text/plain"},
                                           {"workflow", "ppo-protocol", std::nullopt, ""},
                                           {"title", "traversal", std::nullopt, ""},
                                           {"fields", R"({"meeting-date":"2026-02-27"})", std::nullopt, ""}});
        auto r = post(fx, "/api/v1/documents", body, type, token);
        INFO(name);
        checkProblem(r, 422);
        CHECK(detail(r).find("path") != std::string::npos);
    }
    CHECK(documentCount(fx, token) == 0);
    CHECK_FALSE(std::filesystem::exists(fx.dir().path() + "/etc/passwd"));
    CHECK_FALSE(std::filesystem::exists(fx.dir().path() + "/content/../../etc/passwd.qujat"));
}

TEST_CASE("SQL metacharacters and Kazakh text round-trip through every text field", "[http]") {
    HttpFixture fx;
    const std::string secretary = fx.signIn("secretary.p1");
    const std::string title = "Robert'); DROP TABLE documents;-- «Қазақ» ғұмыр ұлт үй өнер і ә ң ҳ \"q\" \\ %_";
    const std::string agenda = "' OR '1'='1' -- ; SELECT * FROM users; /* Күн тәртібі */ 100% _x_";
    const std::string fileName = "құжат'; DELETE FROM versions; --.txt";
    const std::string comment = "Түзету керек'); UPDATE tasks SET state='approved';--";
    auto [body, type] = multipartBody({{"file", "мәтін", fileName, "text/plain; charset=utf-8"},
                                       {"workflow", "ppo-protocol", std::nullopt, ""},
                                       {"title", title, std::nullopt, ""},
                                       {"org", "P1", std::nullopt, ""},
                                       {"fields", "{\"meeting-date\":\"2026-02-27\",\"agenda\":" + quoteJson(agenda) + "}",
                                        std::nullopt, ""}});
    auto created = post(fx, "/api/v1/documents", body, type, secretary);
    INFO(created.body);
    REQUIRE(created.status == 201);
    const auto id = created.object()->getValue<Poco::Int64>("id");
    REQUIRE(fx.reject(fx.signIn("chairman.p1"), id, comment).status == 200);

    auto doc = fx.client().get(documentPath(id), secretary).object();
    CHECK(doc->getValue<std::string>("title") == title);
    CHECK(doc->getObject("fields")->getValue<std::string>("agenda") == agenda);
    CHECK(doc->getArray("versions")->getObject(0)->getValue<std::string>("fileName") == fileName);
    bool commented = false;
    auto tasks = doc->getArray("tasks");
    for (std::size_t i = 0; i < tasks->size(); ++i)
        commented = commented || tasks->getObject(static_cast<unsigned>(i))->getValue<std::string>("comment") == comment;
    CHECK(commented);
    auto content = fx.client().get(documentPath(id) + "/versions/1/content", secretary);
    CHECK(content.body == "мәтін");
    CHECK(content.header("Content-Disposition").find("filename*=UTF-8''%D2%9B%D2%B1%D0%B6%D0%B0%D1%82%27%3B%20DELETE") !=
          std::string::npos);
    // Searching with metacharacters finds by the words, and breaks nothing.
    auto found = fx.client().get("/api/v1/documents?q=%27%3B%20DROP%20TABLE", secretary);
    CHECK(found.status == 200);
    CHECK(fx.client().get("/api/v1/documents?q=%25_", secretary).status == 200);
    CHECK(fx.client().get("/api/v1/users/secretary.p1", secretary).status == 200);
    auto audit = fx.client().get("/api/v1/audit/verification", fx.signIn("auditor.kz"));
    CHECK(audit.object()->getValue<bool>("intact"));
}

}  // namespace qujat::test
