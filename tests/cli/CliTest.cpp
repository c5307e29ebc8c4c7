// The qujat command as a user runs it: exit codes, messages, --json, the demo story.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>

#include "support/DevPki.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"

using qujat::test::CommandResult;
using qujat::test::runCommand;
using qujat::test::shellQuote;
using qujat::test::TempDir;

namespace {

const std::string kRepo = QUJAT_SOURCE_DIR;

CommandResult runQujat(const TempDir& dir, const std::string& args) {
    return runCommand(std::string(QUJAT_BIN) + " --data " + shellQuote(dir.file("data")) + " " + args);
}

Poco::Dynamic::Var json(const CommandResult& r) {
    INFO(r.output);
    return Poco::JSON::Parser().parse(r.output);
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("workflow check accepts the repository's workflows and agrees with xmllint", "[cli][workflow]") {
    TempDir dir;
    for (const char* name : {"ppo-protocol.xml", "bureau-decision.xml", "ppo-report.xml"}) {
        const std::string file = kRepo + "/workflows/" + name;
        auto r = runQujat(dir, "workflow check " + shellQuote(file));
        INFO(r.output);
        CHECK(r.exitCode == 0);
        auto lint = runCommand("xmllint --noout --schema " + shellQuote(kRepo + "/workflows/workflow.xsd") + " " +
                               shellQuote(file));
        INFO(lint.output);
        CHECK(lint.exitCode == 0);
    }
}

TEST_CASE("workflow check reports each problem as file:line:column and fails", "[cli][workflow]") {
    TempDir dir;
    const std::string bad = dir.file("bad.xml");
    writeText(bad,
              "<workflow xmlns=\"urn:qujat:workflow:1\" id=\"bad\" version=\"1\" document-type=\"protocol\">\n"
              "  <title xml:lang=\"en\">Bad</title>\n"
              "  <step id=\"draft\" kind=\"submit\" actor=\"role:secretary@origin\"/>\n"
              "  <step id=\"sign\" kind=\"sign\" mode=\"all\" next=\"nowhere\"><actor>role:pope@origin</actor></step>\n"
              "  <end id=\"done\"/>\n"
              "</workflow>\n");
    auto r = runQujat(dir, "workflow check " + shellQuote(bad));
    INFO(r.output);
    CHECK(r.exitCode == 3);
    CHECK_THAT(r.output, Catch::Contains(bad + ":4:"));
    CHECK_THAT(r.output, Catch::Contains("nowhere"));
    CHECK_THAT(r.output, Catch::Contains("pope"));

    SECTION("and refuses a DOCTYPE with entities without expanding them") {
        writeText(bad, "<?xml version=\"1.0\"?>\n<!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                       "<workflow xmlns=\"urn:qujat:workflow:1\" id=\"&x;\"/>\n");
        auto hostile = runQujat(dir, "workflow check " + shellQuote(bad));
        INFO(hostile.output);
        CHECK(hostile.exitCode == 3);
        CHECK_THAT(hostile.output, Catch::Contains("DOCTYPE"));
        CHECK_THAT(hostile.output, !Catch::Contains("root:"));
    }
}

TEST_CASE("the demo tells the story and leaves a store to explore", "[cli][demo]") {
    TempDir dir;
    const std::string pki = " --pki " + shellQuote(qujat::test::DevPki::shared().dir());
    CHECK(runQujat(dir, "demo").exitCode == 3);  // it signs for real, so it needs a PKI
    auto demo = runQujat(dir, "demo" + pki);
    INFO(demo.output);
    REQUIRE(demo.exitCode == 0);
    for (const char* line : {"signs and approves", "rejects", "resubmits", "escalated", "registered as № ",
                             "refused and audited", "audit chain", "intact"})
        CHECK_THAT(demo.output, Catch::Contains(line));

    SECTION("three documents completed their route, with signatures; one waits in an inbox") {
        auto list = runQujat(dir, "--json doc list");
        REQUIRE(list.exitCode == 0);
        auto docs = json(list).extract<Poco::JSON::Array::Ptr>();
        REQUIRE(docs->size() == 4);
        for (unsigned i = 0; i < 3; ++i) CHECK(docs->getObject(i)->getValue<std::string>("state") == "completed");
        CHECK(docs->getObject(3)->getValue<std::string>("state") == "in-progress");
        auto inbox = runQujat(dir, "--json --as chairman.ppo-00002 task list");
        REQUIRE(inbox.exitCode == 0);
        CHECK(json(inbox).extract<Poco::JSON::Array::Ptr>()->size() == 1);
        auto shown = runQujat(dir, "--json doc show 1");
        REQUIRE(shown.exitCode == 0);
        CHECK(json(shown).extract<Poco::JSON::Object::Ptr>()->getArray("signatures")->size() == 2);
    }
    SECTION("the evidence package of a signed protocol verifies offline, and the export is audited") {
        const std::string zip = dir.file("evidence-1.zip");
        auto exported = runQujat(dir, "doc export 1 --out " + shellQuote(zip));
        INFO(exported.output);
        REQUIRE(exported.exitCode == 0);
        auto verified = runQujat(dir, "verify-package " + shellQuote(zip));
        INFO(verified.output);
        CHECK(verified.exitCode == 0);
        auto history = runQujat(dir, "doc history 1");
        CHECK_THAT(history.output, Catch::Contains("document.export"));
        CHECK(runQujat(dir, "--as secretary.ppo-00002 doc export 1 --out " + shellQuote(dir.file("x.zip"))).exitCode == 4);
    }
    SECTION("running it again on the same store is refused") {
        auto again = runQujat(dir, "demo" + pki);
        CHECK(again.exitCode == 6);
        CHECK_THAT(again.output, Catch::Contains("empty data directory"));
    }
    SECTION("audit verify passes, then catches an edited row") {
        auto ok = runQujat(dir, "audit verify");
        INFO(ok.output);
        CHECK(ok.exitCode == 0);
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(dir.file("data/qujat.db").c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "UPDATE audit_events SET actor='intruder' WHERE seq=10", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
        sqlite3_close(db);
        auto broken = runQujat(dir, "--json audit verify");
        CHECK(broken.exitCode == 11);
        auto report = json(broken).extract<Poco::JSON::Object::Ptr>();
        CHECK_FALSE(report->getValue<bool>("intact"));
        CHECK(report->getValue<int>("firstBadSeq") == 10);
    }
}

TEST_CASE("a document's life from the command line", "[cli][doc]") {
    TempDir dir;
    REQUIRE(runQujat(dir, "init --pki " + shellQuote(qujat::test::DevPki::shared().dir())).exitCode == 0);
    REQUIRE(runQujat(dir, "directory generate").exitCode == 0);
    const std::string file = dir.file("protocol.txt");
    writeText(file, "Хаттама / Протокол");

    auto submitted = runQujat(dir, "--json --as secretary.ppo-00001 doc submit " + shellQuote(file) +
                                    " --workflow ppo-protocol --title 'Протокол № 7' --field meeting-date=2026-11-20"
                                    " --field present=9");
    INFO(submitted.output);
    REQUIRE(submitted.exitCode == 0);
    auto doc = json(submitted).extract<Poco::JSON::Object::Ptr>();
    const std::string id = std::to_string(doc->getValue<int>("id"));
    CHECK(doc->getValue<std::string>("step") == "sign");

    SECTION("the chairman finds it in the inbox, signs it on his side and approves with the signature") {
        auto inbox = runQujat(dir, "--json --as chairman.ppo-00001 task list");
        REQUIRE(inbox.exitCode == 0);
        CHECK(json(inbox).extract<Poco::JSON::Array::Ptr>()->size() == 1);
        const auto& pki = qujat::test::DevPki::shared();
        const std::string user = pki.userDir("chairman.ppo-00001");
        const std::string sig = dir.file("chairman.p7s");
        CHECK(runQujat(dir, "--as chairman.ppo-00001 doc approve " + id).exitCode == 6);  // no signature
        auto signedFile = runQujat(dir, "sign --key " + shellQuote(user + "/key.pem") + " --cert " +
                                            shellQuote(user + "/cert.pem") + " --chain " + shellQuote(user + "/chain.pem") +
                                            " --out " + shellQuote(sig) + " " + shellQuote(file));
        INFO(signedFile.output);
        REQUIRE(signedFile.exitCode == 0);
        auto verified = runQujat(dir, "signature verify --trust " + shellQuote(pki.trustDir()) + " --content " +
                                          shellQuote(file) + " " + shellQuote(sig));
        CHECK(verified.exitCode == 0);
        CHECK_THAT(verified.output, Catch::Contains("PASSED"));
        // Not yet his: the certificate must be registered to him first.
        CHECK(runQujat(dir, "--as chairman.ppo-00001 doc approve " + id + " --signature " + shellQuote(sig)).exitCode == 8);
        REQUIRE(runQujat(dir, "cert register chairman.ppo-00001 " + shellQuote(user + "/cert.pem")).exitCode == 0);
        CHECK(runQujat(dir, "cert register secretary.ppo-00001 " + shellQuote(user + "/cert.pem")).exitCode == 5);
        auto approved = runQujat(dir, "--as chairman.ppo-00001 doc approve " + id + " --signature " + shellQuote(sig));
        INFO(approved.output);
        CHECK(approved.exitCode == 0);
    }
    SECTION("the data directory's TSA policy is the one its timestamps carry") {
        const auto& pki = qujat::test::DevPki::shared();
        const std::string user = pki.userDir("chairman.ppo-00001");
        const std::string sig = dir.file("chairman.p7s");
        REQUIRE(runQujat(dir, "sign --key " + shellQuote(user + "/key.pem") + " --cert " + shellQuote(user + "/cert.pem") +
                                  " --chain " + shellQuote(user + "/chain.pem") + " --out " + shellQuote(sig) + " " +
                                  shellQuote(file))
                    .exitCode == 0);
        REQUIRE(runQujat(dir, "cert register chairman.ppo-00001 " + shellQuote(user + "/cert.pem")).exitCode == 0);
        const std::string approve = "--as chairman.ppo-00001 doc approve " + id + " --signature " + shellQuote(sig);

        writeText(dir.file("data/tsa/policy-oid"), "not an oid\n");
        auto refused = runQujat(dir, approve);
        CHECK(refused.exitCode == 3);
        CHECK_THAT(refused.output, Catch::Contains("\"not an oid\" is not a dotted OID"));

        writeText(dir.file("data/tsa/policy-oid"), "1.3.6.1.4.1.55555.7.1\n");
        auto approved = runQujat(dir, approve);
        INFO(approved.output);
        REQUIRE(approved.exitCode == 0);
        auto shown = json(runQujat(dir, "--json doc show " + id)).extract<Poco::JSON::Object::Ptr>();
        auto signature = shown->getArray("signatures")->getObject(0);
        auto report = Poco::JSON::Parser().parse(signature->getValue<std::string>("report")).extract<Poco::JSON::Object::Ptr>();
        CHECK(report->getObject("timeStamp")->getValue<std::string>("policy") == "1.3.6.1.4.1.55555.7.1");
    }
    SECTION("a PKCS#12 file signs too, its password read from a file, never from the command line") {
        const auto& pki = qujat::test::DevPki::shared();
        const std::string user = pki.userDir("chairman.ppo-00001");
        const std::string sig = dir.file("p12.p7s");
        const std::string p12 = shellQuote(user + "/chairman.ppo-00001.p12");
        auto made = runQujat(dir, "sign --p12 " + p12 + " --password-file " +
                                      shellQuote(user + "/chairman.ppo-00001.p12.pass") + " --out " + shellQuote(sig) +
                                      " " + shellQuote(file));
        INFO(made.output);
        REQUIRE(made.exitCode == 0);
        CHECK(runQujat(dir, "signature verify --trust " + shellQuote(pki.trustDir()) + " --content " + shellQuote(file) +
                                " " + shellQuote(sig))
                  .exitCode == 0);
        writeText(dir.file("wrong.pass"), "not the password\n");
        CHECK(runQujat(dir, "sign --p12 " + p12 + " --password-file " + shellQuote(dir.file("wrong.pass")) + " --out " +
                                shellQuote(sig) + " " + shellQuote(file) + " < /dev/null")
                  .exitCode == 3);
        CHECK(runQujat(dir, "sign --p12 " + p12 + " --password secret --out " + shellQuote(sig) + " " + shellQuote(file))
                  .exitCode == 3);
    }
    SECTION("signature verify names what is wrong and exits non-zero") {
        const auto& pki = qujat::test::DevPki::shared();
        const std::string user = pki.userDir("revoked.user");
        const std::string sig = dir.file("revoked.p7s");
        REQUIRE(runQujat(dir, "sign --key " + shellQuote(user + "/key.pem") + " --cert " + shellQuote(user + "/cert.pem") +
                                  " --out " + shellQuote(sig) + " " + shellQuote(file))
                    .exitCode == 0);
        auto revoked = runQujat(dir, "signature verify --trust " + shellQuote(pki.trustDir()) + " --content " +
                                         shellQuote(file) + " " + shellQuote(sig));
        CHECK(revoked.exitCode == 21);
        CHECK_THAT(revoked.output, Catch::Contains("FAILED") && Catch::Contains("REVOKED"));
        writeText(dir.file("other.txt"), "другой текст");
        auto other = runQujat(dir, "signature verify --trust " + shellQuote(pki.trustDir()) + " --content " +
                                       shellQuote(dir.file("other.txt")) + " " + shellQuote(sig));
        CHECK(other.exitCode != 0);
        CHECK_THAT(other.output, Catch::Contains("HASH_FAILURE"));
    }
    SECTION("user errors have distinct exit codes") {
        CHECK(runQujat(dir, "--as secretary.ppo-00002 doc approve " + id).exitCode == 4);  // not theirs to see
        CHECK(runQujat(dir, "--as secretary.ast-01 doc approve " + id).exitCode == 8);     // seen, no seat
        CHECK(runQujat(dir, "--as nobody doc approve " + id).exitCode == 9);               // unauthenticated
        CHECK(runQujat(dir, "--as chairman.ppo-00001 doc approve 999999").exitCode == 4);  // not found
        CHECK(runQujat(dir, "--as chairman.ppo-00001 doc reject " + id).exitCode == 3);    // no comment
        CHECK(runQujat(dir, "doc approve " + id).exitCode == 3);                           // no --as
        CHECK(runQujat(dir, "doc list --colour red").exitCode == 3);                       // unknown option
        CHECK(runQujat(dir, "frobnicate").exitCode == 2);                                  // usage
    }
    SECTION("show and history describe it") {
        auto show = runQujat(dir, "doc show " + id);
        CHECK(show.exitCode == 0);
        CHECK_THAT(show.output, Catch::Contains("Протокол № 7"));
        auto history = runQujat(dir, "--json doc history " + id);
        REQUIRE(history.exitCode == 0);
        auto events = json(history).extract<Poco::JSON::Array::Ptr>();
        CHECK(events->getObject(0)->getValue<std::string>("action") == "document.submit");
    }
}

TEST_CASE("administrators add users and set passwords from a file, never from the command line", "[cli][user]") {
    TempDir dir;
    REQUIRE(runQujat(dir, "init").exitCode == 0);
    REQUIRE(runQujat(dir, "directory generate").exitCode == 0);
    writeText(dir.file("pw"), "бір-екі-үш-төрт-бес\nignored second line\n");
    writeText(dir.file("short"), "short\n");

    auto added = runQujat(dir, "user add aigerim.n --name 'Айгерім Нұрланқызы' --org PPO-00003 --role secretary "
                               "--password-file " + shellQuote(dir.file("pw")));
    INFO(added.output);
    REQUIRE(added.exitCode == 0);
    auto listed = runQujat(dir, "--json user list --org PPO-00003 --role secretary");
    INFO(listed.output);
    REQUIRE(listed.exitCode == 0);
    auto users = json(listed).extract<Poco::JSON::Array::Ptr>();
    std::vector<std::string> logins;
    for (std::size_t i = 0; i < users->size(); ++i)
        logins.push_back(users->getObject(static_cast<unsigned>(i))->getValue<std::string>("login"));
    CHECK(logins == std::vector<std::string>{"aigerim.n", "secretary.ppo-00003"});
    CHECK(listed.output.find("scrypt") == std::string::npos);  // no hash leaves the store

    CHECK(runQujat(dir, "user passwd aigerim.n --password-file " + shellQuote(dir.file("short"))).exitCode == 3);
    CHECK(runQujat(dir, "user passwd nobody --password-file " + shellQuote(dir.file("pw"))).exitCode == 4);
    CHECK(runQujat(dir, "user passwd aigerim.n --password 'on the command line'").exitCode == 3);
    CHECK(runQujat(dir, "user add aigerim.n --name Again --org PPO-00003").exitCode == 5);
}
