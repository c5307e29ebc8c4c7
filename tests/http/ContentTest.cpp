// Document bytes over HTTP: media types and dispositions, ETag and conditional requests,
// byte ranges; and the security headers that every response carries.
#include <catch2/catch.hpp>

#include "HttpFixture.h"

namespace qujat::test {

namespace {

// Submits `bytes` as a protocol file of `mediaType`; returns the content URL.
std::string upload(HttpFixture& fx, const std::string& token, const std::string& fileName, const std::string& mediaType,
                   const std::string& bytes) {
    auto created = fx.client().send(multipartPost("/api/v1/documents",
                                                  {{"file", bytes, fileName, mediaType},
                                                   {"workflow", "ppo-protocol", std::nullopt, ""},
                                                   {"title", "Файл " + fileName, std::nullopt, ""},
                                                   {"fields", R"({"meeting-date":"2026-02-27"})", std::nullopt, ""}},
                                                  token));
    INFO(created.body);
    REQUIRE(created.status == 201);
    return created.header("Location") + "/versions/1/content";
}

HttpResponse getWith(HttpFixture& fx, const std::string& path, const std::string& token,
                     std::vector<std::pair<std::string, std::string>> headers) {
    HttpRequest r;
    r.path = path;
    r.bearer = token;
    r.headers = std::move(headers);
    return fx.client().send(r);
}

constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'";

// `policy`: the Content-Security-Policy expected; content shown inline has its own.
void checkSecurityHeaders(const HttpResponse& r, const std::string& policy = kPagePolicy) {
    INFO("status " << r.status << ": " << r.body);
    CHECK(r.header("Content-Security-Policy") == policy);
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("Referrer-Policy") == "no-referrer");
    CHECK(r.has("Cache-Control"));
}

}  // namespace

TEST_CASE("only PDF, images and plain text are shown inline, HTML and SVG are attachments", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p1");
    struct Case {
        const char* name;
        const char* type;
        const char* servedAs;
        bool shown;
    };
    for (const Case& c : {Case{"report.pdf", "application/pdf", "application/pdf", true},
                          Case{"photo.png", "image/png", "image/png", true},
                          Case{"notes.txt", "text/plain", "text/plain; charset=utf-8", true},
                          Case{"notes-1251.txt", "text/plain; charset=windows-1251", "text/plain; charset=windows-1251", true},
                          Case{"page.html", "text/html", "text/html", false},
                          Case{"drawing.svg", "image/svg+xml", "image/svg+xml", false},
                          Case{"letter.docx", "", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               false},
                          Case{"blob.bin", "application/octet-stream", "application/octet-stream", false}}) {
        INFO(c.name);
        auto r = fx.client().get(upload(fx, token, c.name, c.type, "<svg onload=alert(1)>"), token);
        REQUIRE(r.status == 200);
        CHECK(r.header("Content-Type") == c.servedAs);
        const std::string disposition = r.header("Content-Disposition");
        CHECK(disposition.rfind(c.shown ? "inline;" : "attachment;", 0) == 0);
        CHECK(disposition.find(std::string("filename*=UTF-8''") + c.name) != std::string::npos);
        // Shown inline: only the web UI may frame it, it loads nothing, and all but PDF
        // (whose viewer Chromium will not run sandboxed) are sandboxed.
        const std::string shownPolicy = std::string("default-src 'none'; frame-ancestors 'self'") +
                                        (std::string(c.type) == "application/pdf" ? "" : "; sandbox");
        checkSecurityHeaders(r, c.shown ? shownPolicy : kPagePolicy);
    }
    SECTION("a Kazakh file name has an ASCII fallback and the exact name in filename*") {
        auto r = fx.client().get(upload(fx, token, "Есеп 2026 (жылдық).pdf", "application/pdf", "%PDF-1.7"), token);
        CHECK(r.header("Content-Disposition") ==
              "inline; filename=\"____ 2026 (______).pdf\"; "
              "filename*=UTF-8''%D0%95%D1%81%D0%B5%D0%BF%202026%20%28%D0%B6%D1%8B%D0%BB%D0%B4%D1%8B%D2%9B%29.pdf");
    }
}

TEST_CASE("version content carries its SHA-256 as ETag and serves conditional and partial requests", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p1");
    const std::string bytes = "0123456789abcdefghij";
    const std::string url = upload(fx, token, "digits.txt", "text/plain", bytes);
    auto full = fx.client().get(url, token);
    REQUIRE(full.status == 200);
    const std::string etag = full.header("ETag");
    CHECK(etag.size() == 66);
    CHECK(etag.front() == '"');
    CHECK(full.header("Accept-Ranges") == "bytes");
    CHECK(full.header("Cache-Control") == "private, no-cache");

    SECTION("If-None-Match with the same tag: 304 without a body") {
        auto r = getWith(fx, url, token, {{"If-None-Match", etag}});
        CHECK(r.status == 304);
        CHECK(r.body.empty());
        CHECK(r.header("ETag") == etag);
        checkSecurityHeaders(r, "default-src 'none'; frame-ancestors 'self'; sandbox");
        CHECK(getWith(fx, url, token, {{"If-None-Match", "\"other\", " + etag}}).status == 304);
        CHECK(getWith(fx, url, token, {{"If-None-Match", "\"other\""}}).status == 200);
    }
    SECTION("a range from the start, an open range, a suffix") {
        auto r = getWith(fx, url, token, {{"Range", "bytes=0-4"}});
        CHECK(r.status == 206);
        CHECK(r.body == "01234");
        CHECK(r.header("Content-Range") == "bytes 0-4/20");
        r = getWith(fx, url, token, {{"Range", "bytes=15-"}});
        CHECK(r.status == 206);
        CHECK(r.body == "fghij");
        r = getWith(fx, url, token, {{"Range", "bytes=-3"}});
        CHECK(r.body == "hij");
        r = getWith(fx, url, token, {{"Range", "bytes=18-1000"}});
        CHECK(r.body == "ij");
        CHECK(r.header("Content-Range") == "bytes 18-19/20");
    }
    SECTION("a range past the end: 416 with the size") {
        auto r = getWith(fx, url, token, {{"Range", "bytes=20-"}});
        CHECK(r.status == 416);
        CHECK(r.header("Content-Range") == "bytes */20");
        checkSecurityHeaders(r);
    }
    SECTION("several ranges, or nonsense, get the whole content") {
        CHECK(getWith(fx, url, token, {{"Range", "bytes=0-1,5-6"}}).status == 200);
        CHECK(getWith(fx, url, token, {{"Range", "lines=1-2"}}).body == bytes);
    }
    SECTION("If-Range with another tag gets the whole content") {
        auto r = getWith(fx, url, token, {{"Range", "bytes=0-4"}, {"If-Range", "\"stale\""}});
        CHECK(r.status == 200);
        CHECK(r.body == bytes);
        CHECK(getWith(fx, url, token, {{"Range", "bytes=0-4"}, {"If-Range", etag}}).status == 206);
    }
    SECTION("a version that does not exist") {
        CHECK(fx.client().get(url.substr(0, url.find("/versions/")) + "/versions/2/content", token).status == 404);
    }
}

TEST_CASE("every response carries the security headers, errors and 404s included", "[http]") {
    HttpFixture fx;
    const std::string token = fx.signIn("secretary.p1");
    HttpRequest anonymous;
    anonymous.path = "/api/v1/tasks";
    std::vector<HttpResponse> responses = {
        fx.client().get("/healthz", ""),
        fx.client().get("/metrics", ""),
        fx.client().get("/api/v1/tasks", token),
        fx.client().get("/api/v1/workflows/ppo-protocol/diagram", token),
        fx.client().get("/no/such/thing", token),
        fx.client().get("/api/v1/documents/42", token),
        fx.client().send(anonymous),
        fx.client().postJson("/api/v1/session", "{", ""),
        fx.client().postJson("/api/v1/session", R"({"login":"x","password":"y"})", ""),
    };
    for (const auto& r : responses) checkSecurityHeaders(r);
    CHECK(responses[2].header("Cache-Control") == "no-store");
    CHECK(responses[4].status == 404);
    CHECK(responses[4].header("Content-Type").rfind("application/problem+json", 0) == 0);
    // Even a request the server cannot parse.
    const std::string raw = rawExchange(fx.port(), "GET / HTTP/1.1.1.1\r\n\r\n", std::chrono::milliseconds(3000));
    CHECK(rawStatus(raw) == 400);
    CHECK(raw.find("X-Content-Type-Options: nosniff") != std::string::npos);
    CHECK(raw.find("Content-Security-Policy: default-src 'self'") != std::string::npos);
}

}  // namespace qujat::test
