// The adapter's parsers and policies on their own.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include "ByteRange.h"
#include "ContentPolicy.h"
#include "JsonReader.h"
#include "JsonWriter.h"
#include "Query.h"
#include "UrlPath.h"

namespace qujat::http {

TEST_CASE("the JSON reader is strict and says where it stopped", "[http]") {
    CHECK(parseJson(R"({"a": [1, -2.5e3, true, null, "ж\u0436\ud83d\ude00"]})").ok());
    auto detail = [](const char* text) {
        auto r = parseJson(text);
        REQUIRE_FALSE(r.ok());
        CHECK(r.problem().status == 400);
        return r.problem().detail;
    };
    CHECK(detail("{\"a\":1,}").find("line 1, column 8") != std::string::npos);
    CHECK(detail("{\"a\":1} x").find("after the JSON value") != std::string::npos);
    CHECK(detail("{\"a\":1,\"a\":2}").find("twice") != std::string::npos);
    CHECK(detail("[01]").find("expected ',' or ']'") != std::string::npos);
    CHECK(detail("\"\\ud800\"").find("surrogate") != std::string::npos);
    CHECK(detail("\"\xff\"").find("UTF-8") != std::string::npos);
    CHECK(detail("\"\\u0000\"").find("NUL") != std::string::npos);
    CHECK(detail(std::string(40, '[').c_str()).find("nesting") != std::string::npos);
    CHECK(detail("").find("the end of the text") != std::string::npos);
    CHECK(detail("{\"ключ\": tru}").find("column 10") != std::string::npos);  // columns count characters
}

TEST_CASE("the JSON writer keeps member order, escapes, and never writes invalid UTF-8", "[http]") {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("z", "қ \"q\" \\ \n\x01");
    o->set("a", Poco::Int64(-7));
    o->set("big", Poco::UInt64(18446744073709551615ULL));
    o->set("ok", true);
    o->set("none", Poco::Dynamic::Var());
    o->set("half", 0.5);
    o->set("bad", std::string("a\xff\xc3" "b"));
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array();
    list->add(1);
    list->add(Poco::JSON::Object::Ptr(new Poco::JSON::Object()));
    o->set("list", list);
    std::string out;
    writeJson(o, out);
    CHECK(out == "{\"z\":\"қ \\\"q\\\" \\\\ \\n\\u0001\",\"a\":-7,\"big\":18446744073709551615,\"ok\":true,"
                 "\"none\":null,\"half\":0.5,\"bad\":\"a\xEF\xBF\xBD\xEF\xBF\xBD" "b\",\"list\":[1,{}]}");
    CHECK_NOTHROW(Poco::JSON::Parser().parse(out));
}

TEST_CASE("byte ranges", "[http]") {
    using K = ByteRange::Kind;
    CHECK(ByteRange::parse("bytes=0-0", 10).kind == K::kPartial);
    CHECK(ByteRange::parse("bytes=5-", 10).first == 5);
    CHECK(ByteRange::parse("bytes=-20", 10).first == 0);
    CHECK(ByteRange::parse("bytes=10-", 10).kind == K::kUnsatisfiable);
    CHECK(ByteRange::parse("bytes=-0", 10).kind == K::kUnsatisfiable);
    CHECK(ByteRange::parse("bytes=5-2", 10).kind == K::kWhole);
    CHECK(ByteRange::parse("bytes=a-b", 10).kind == K::kWhole);
    CHECK(ByteRange::parse("bytes=99999999999999999999-", 10).kind == K::kWhole);
}

TEST_CASE("media types stored and served", "[http]") {
    CHECK(storedMediaType("", "a.PDF") == "application/pdf");
    CHECK(storedMediaType("application/octet-stream", "a.docx").find("wordprocessingml") != std::string::npos);
    CHECK(storedMediaType("Text/HTML; Charset=UTF-8; foo=bar", "a.html") == "text/html; charset=utf-8");
    CHECK(storedMediaType("text/html\r\nX-Evil: 1", "a.bin") == "application/octet-stream");
    CHECK(contentHeadersFor("image/svg+xml", "a.svg").disposition.rfind("attachment", 0) == 0);
    CHECK(contentHeadersFor("application/xhtml+xml", "a.xhtml").disposition.rfind("attachment", 0) == 0);
    CHECK(contentHeadersFor("text/plain", "a.txt").contentType == "text/plain; charset=utf-8");
    CHECK(contentHeadersFor("image/jpeg", "a.jpg").inlineShown);
}

TEST_CASE("paths and queries are decoded one segment at a time", "[http]") {
    auto url = UrlPath::parse("/api/v1/users/a%2Fb/?x=1");
    REQUIRE(url.ok());
    CHECK(url->segments == std::vector<std::string>{"api", "v1", "users", "a/b"});
    CHECK(url->rawQuery == "x=1");
    CHECK_FALSE(UrlPath::parse("/a%zz").ok());
    CHECK_FALSE(UrlPath::parse("/a%00").ok());
    CHECK_FALSE(UrlPath::parse("http://evil/").ok());
    auto q = Query::parse("q=%D2%9B+x&limit=5");
    REQUIRE(q.ok());
    CHECK(q->get("q") == std::optional<std::string>("қ x"));
    CHECK_FALSE(Query::parse("a=1&a=2").ok());
}

}  // namespace qujat::http
