// CSV import and export of the directory: round trips, RFC 4180 quoting, and errors that
// name the file and line to fix.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "qujat/directory/DirectoryCsv.h"
#include "qujat/directory/DirectoryGenerator.h"
#include "qujat/engine/Time.h"
#include "support/StatusMatchers.h"

using namespace qujat;
using directory::DirectoryCsvFiles;
using directory::DirectoryData;
using engine::StatusCode;

namespace {

const std::vector<std::string> kRoles = {"secretary", "chairman", "first-deputy", "bureau-member",
                                         "registrar", "inspector", "auditor"};

// A small valid directory; error cases append one line to one of its files.
DirectoryCsvFiles sample() {
    DirectoryCsvFiles f;
    f.orgs =
        "code,parent_code,level,name_kk,name_ru,name_en\n"                                                   // 1
        "KZ,,central,Орталық аппарат,Центральный аппарат,Central office\n"                                    // 2
        "KAR,KZ,region,Қарағанды облысы,Карагандинская область,Karaganda Region\n"                           // 3
        "KAR-01,KAR,district,Қазыбек би ауданы,район имени Казыбек би,Kazybek Bi District\n"                  // 4
        "PPO-00001,KAR-01,primary,«Береке» ЖШС жанындағы БПҰ,"                                                // 5
        "\"ППО при ТОО «Береке», Караганда\",PPO of Bereke LLP\n";
    f.users =
        "login,display_name,home_org,email\n"                                                    // 1
        "chairman.kar-01,Ерлан Болатұлы Жақсылықов,KAR-01,chairman.kar-01@example.kz\n"          // 2
        "first-deputy.kar-01,Ольга Петровна Иванова,KAR-01,\n"                                    // 3
        "secretary.ppo-00001,Айгерім Нұрланқызы Сейітова,PPO-00001,secretary.ppo-00001@example.kz\n";  // 4
    f.grants =
        "login,role,org,scope,valid_from,valid_to\n"                                 // 1
        "chairman.kar-01,chairman,KAR-01,org,2025-01-01,\n"                          // 2
        "first-deputy.kar-01,first-deputy,KAR-01,subtree,2025-01-01,2027-01-01\n"    // 3
        "secretary.ppo-00001,secretary,PPO-00001,org,2025-01-01T09:30:00Z,\n";       // 4
    f.delegations =
        "from_login,to_login,role,valid_from,valid_to\n"                             // 1
        "chairman.kar-01,first-deputy.kar-01,chairman,2025-07-01,2025-07-25\n";      // 2
    return f;
}

// The message of a parse that must fail with kInvalidArgument.
std::string errorOf(const DirectoryCsvFiles& files) {
    auto r = directory::parseDirectoryCsv(files, kRoles);
    REQUIRE_FALSE(r.isOk());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    return r.status().message();
}

void requireSame(const DirectoryData& a, const DirectoryData& b) {
    REQUIRE(a.orgs.size() == b.orgs.size());
    for (std::size_t i = 0; i < a.orgs.size(); ++i) {
        const engine::Org &x = a.orgs[i], &y = b.orgs[i];
        INFO(x.code);
        CHECK(x.code == y.code);
        CHECK(x.parentCode == y.parentCode);
        CHECK(x.level == y.level);
        CHECK(x.nameKk == y.nameKk);
        CHECK(x.nameRu == y.nameRu);
        CHECK(x.nameEn == y.nameEn);
    }
    REQUIRE(a.users.size() == b.users.size());
    for (std::size_t i = 0; i < a.users.size(); ++i) {
        const engine::User &x = a.users[i], &y = b.users[i];
        INFO(x.login);
        CHECK(x.login == y.login);
        CHECK(x.displayName == y.displayName);
        CHECK(x.homeOrgCode == y.homeOrgCode);
        CHECK(x.email == y.email);
    }
    REQUIRE(a.grants.size() == b.grants.size());
    for (std::size_t i = 0; i < a.grants.size(); ++i) {
        const engine::RoleGrant &x = a.grants[i], &y = b.grants[i];
        INFO(x.login << " " << x.role);
        CHECK(x.login == y.login);
        CHECK(x.role == y.role);
        CHECK(x.orgCode == y.orgCode);
        CHECK(x.scope == y.scope);
        CHECK(x.validFrom == y.validFrom);
        CHECK(x.validTo == y.validTo);
    }
    REQUIRE(a.delegations.size() == b.delegations.size());
    for (std::size_t i = 0; i < a.delegations.size(); ++i) {
        const engine::Delegation &x = a.delegations[i], &y = b.delegations[i];
        CHECK(x.fromLogin == y.fromLogin);
        CHECK(x.toLogin == y.toLogin);
        CHECK(x.role == y.role);
        CHECK(x.validFrom == y.validFrom);
        CHECK(x.validTo == y.validTo);
    }
}

}  // namespace

TEST_CASE("the generated directory round-trips through CSV exactly", "[directory][csv]") {
    const DirectoryData generated = directory::generateDirectory(1);
    const DirectoryCsvFiles written = directory::writeDirectoryCsv(generated);
    auto parsed = directory::parseDirectoryCsv(written, kRoles);
    REQUIRE_OK(parsed);
    requireSame(generated, *parsed);
    const DirectoryCsvFiles again = directory::writeDirectoryCsv(*parsed);
    CHECK(again.orgs == written.orgs);
    CHECK(again.users == written.users);
    CHECK(again.grants == written.grants);
    CHECK(again.delegations == written.delegations);
    CHECK(written.orgs.substr(0, 47) == "code,parent_code,level,name_kk,name_ru,name_en\n");
    CHECK(written.grants.find("secretary.ppo-00001,secretary,PPO-00001,org,2025-01-01,\n") != std::string::npos);
}

TEST_CASE("awkward directory values round-trip through CSV exactly", "[directory][csv]") {
    auto parsed = directory::parseDirectoryCsv(sample(), kRoles);
    REQUIRE_OK(parsed);
    DirectoryData d = *parsed;
    d.orgs[3].nameRu = "ППО \"Береке\", «кавычки»,\nвторая строка\r\nтретья";
    d.orgs[3].nameEn = " leading and trailing spaces ";
    d.users[1].displayName = "Ольга, \"Оля\" Иванова";
    d.grants[0].validFrom = *engine::parseIsoUtc("2025-03-04T05:06:07Z") + 89;  // milliseconds too
    d.grants[0].validTo = *engine::parseIsoUtc("2031-12-31");
    d.delegations[0].validTo = *engine::parseIsoUtc("2025-07-25T18:00:00Z");
    const DirectoryCsvFiles written = directory::writeDirectoryCsv(d);
    CHECK(written.grants.find("2025-03-04T05:06:07.089Z,2031-12-31\n") != std::string::npos);
    CHECK(written.delegations.find(",2025-07-01,2025-07-25T18:00:00Z\n") != std::string::npos);
    auto back = directory::parseDirectoryCsv(written, kRoles);
    REQUIRE_OK(back);
    requireSame(d, *back);
    CHECK(directory::writeDirectoryCsv(*back).orgs == written.orgs);
}

TEST_CASE("directory CSV is read as RFC 4180 files and spreadsheets write it", "[directory][csv]") {
    SECTION("the sample parses into what it says") {
        auto r = directory::parseDirectoryCsv(sample(), kRoles);
        REQUIRE_OK(r);
        REQUIRE(r->orgs.size() == 4);
        CHECK_FALSE(r->orgs[0].parentCode);
        CHECK(r->orgs[3].parentCode == std::optional<std::string>("KAR-01"));
        CHECK(r->orgs[3].level == engine::OrgLevel::kPrimary);
        CHECK(r->orgs[3].nameRu == "ППО при ТОО «Береке», Караганда");
        CHECK(r->users[1].email.empty());
        CHECK(r->grants[1].scope == engine::GrantScope::kSubtree);
        CHECK(r->grants[1].validTo == engine::parseIsoUtc("2027-01-01"));
        CHECK_FALSE(r->grants[0].validTo);
        CHECK(r->grants[2].validFrom == *engine::parseIsoUtc("2025-01-01T09:30:00Z"));
        REQUIRE(r->delegations.size() == 1);
        CHECK(r->delegations[0].validTo == *engine::parseIsoUtc("2025-07-25"));
    }
    SECTION("quoted fields hold commas, doubled quotes and line breaks; CRLF, a BOM and no final newline") {
        DirectoryCsvFiles f = sample();
        f.orgs = "\xEF\xBB\xBF" "code,parent_code,level,name_kk,name_ru,name_en\r\n"
                 "KZ,,central,\"Орталық \"\"аппарат\"\"\",\"Центральный,\r\nаппарат\",\"a\nb\"\r\n"
                 "KAR,KZ,region,Қарағанды облысы,Карагандинская область,\r\n"
                 "KAR-01,KAR,district,Қазыбек би ауданы,район имени Казыбек би,\"\"\r\n"
                 "\r\n"
                 "PPO-00001,KAR-01,primary,БПҰ,ППО,PPO";
        auto r = directory::parseDirectoryCsv(f, kRoles);
        REQUIRE_OK(r);
        REQUIRE(r->orgs.size() == 4);
        CHECK(r->orgs[0].nameKk == "Орталық \"аппарат\"");
        CHECK(r->orgs[0].nameRu == "Центральный,\r\nаппарат");
        CHECK(r->orgs[0].nameEn == "a\nb");
        CHECK(r->orgs[1].nameEn.empty());
        CHECK(r->orgs[2].nameEn.empty());
        CHECK(r->orgs[3].nameEn == "PPO");
    }
    SECTION("columns may come in any order") {
        DirectoryCsvFiles f = sample();
        f.users = "email,login,home_org,display_name\n"
                  "chairman.kar-01@example.kz,chairman.kar-01,KAR-01,Ерлан Болатұлы Жақсылықов\n"
                  ",first-deputy.kar-01,KAR-01,Ольга Петровна Иванова\n"
                  ",secretary.ppo-00001,PPO-00001,Айгерім Нұрланқызы Сейітова\n";
        auto r = directory::parseDirectoryCsv(f, kRoles);
        REQUIRE_OK(r);
        CHECK(r->users[0].login == "chairman.kar-01");
        CHECK(r->users[0].email == "chairman.kar-01@example.kz");
        CHECK(r->users[2].displayName == "Айгерім Нұрланқызы Сейітова");
    }
    SECTION("delegations.csv may be absent (empty) or only a header") {
        DirectoryCsvFiles f = sample();
        f.delegations.clear();
        auto r = directory::parseDirectoryCsv(f, kRoles);
        REQUIRE_OK(r);
        CHECK(r->delegations.empty());
        f.delegations = "from_login,to_login,role,valid_from,valid_to\r\n";
        REQUIRE_OK(directory::parseDirectoryCsv(f, kRoles));
    }
}

TEST_CASE("each directory CSV problem is reported with its file and line", "[directory][csv]") {
    DirectoryCsvFiles f = sample();

    SECTION("wrong number of fields") {
        f.orgs += "PPO-00002,KAR-01,primary,БПҰ,ППО\n";
        CHECK(errorOf(f) == "orgs.csv:6: expected 6 fields, found 5");
    }
    SECTION("an empty file has no header") {
        f.users.clear();
        CHECK_THAT(errorOf(f), Catch::StartsWith("users.csv:1: missing header row (expected login,display_name"));
    }
    SECTION("a header with an unknown or a missing column") {
        f.grants.replace(0, f.grants.find('\n'), "login,role,org,scope,valid_from,valid_until");
        const std::string m = errorOf(f);
        CHECK_THAT(m, Catch::StartsWith("grants.csv:1: bad header row: unknown column 'valid_until', missing column "
                                        "'valid_to'"));
    }
    SECTION("a file without its header row") {
        f.orgs.erase(0, f.orgs.find('\n') + 1);
        CHECK_THAT(errorOf(f), Catch::StartsWith("orgs.csv:1: bad header row: unknown column 'KZ'"));
    }
    SECTION("an empty required value") {
        f.orgs += "PPO-00002,KAR-01,primary,БПҰ,,PPO\n";
        CHECK(errorOf(f) == "orgs.csv:6: empty name_ru");
    }
    SECTION("an unknown level") {
        f.orgs += "PPO-00002,KAR-01,cell,БПҰ,ППО,PPO\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("orgs.csv:6: unknown level 'cell'"));
    }
    SECTION("a duplicate code") {
        f.orgs += "KAR-01,KAR,district,Аудан,Район,District\n";
        CHECK(errorOf(f) == "orgs.csv:6: duplicate code 'KAR-01' (first on line 4)");
    }
    SECTION("a parent that does not exist") {
        f.orgs += "PPO-00002,KAR-99,primary,БПҰ,ППО,PPO\n";
        CHECK(errorOf(f) == "orgs.csv:6: unknown parent_code 'KAR-99'");
    }
    SECTION("a parent listed after its child") {
        f.orgs += "PPO-00002,KAR-02,primary,БПҰ,ППО,PPO\n"
                  "KAR-02,KAR,district,Аудан,Район,District\n";
        CHECK_THAT(errorOf(f),
                   Catch::StartsWith("orgs.csv:6: parent_code 'KAR-02' is listed after its child (on line 7)"));
    }
    SECTION("a cycle: two orgs each the other's parent") {
        f.orgs += "X-1,X-2,district,А,Б,C\n"
                  "X-2,X-1,district,А,Б,C\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("orgs.csv:6: parent_code 'X-2' is listed after its child"));
    }
    SECTION("an org that is its own parent") {
        f.orgs += "X-1,X-1,district,А,Б,C\n";
        CHECK(errorOf(f) == "orgs.csv:6: 'X-1' is its own parent");
    }
    SECTION("a parent of the wrong level") {
        f.orgs += "PPO-00002,KAR,primary,БПҰ,ППО,PPO\n";
        CHECK(errorOf(f) ==
              "orgs.csv:6: parent_code 'KAR' is a region org, but a primary org's parent must be a district org");
    }
    SECTION("a second central office, or a central office with a parent") {
        f.orgs += "KZ2,,central,А,Б,C\n";
        CHECK(errorOf(f) == "orgs.csv:6: a second central office (the first is 'KZ' on line 2)");
        f = sample();
        f.orgs += "KZ3,KZ,central,А,Б,C\n";
        CHECK(errorOf(f) == "orgs.csv:6: the central office has no parent_code (found 'KZ')");
    }
    SECTION("a login that does not follow the rules") {
        f.users += "Secretary.PPO-00001,Имя Отчество Фамилия,PPO-00001,\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("users.csv:5: invalid login 'Secretary.PPO-00001'"));
        f = sample();
        f.users += "-secretary,Имя Отчество Фамилия,PPO-00001,\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("users.csv:5: invalid login '-secretary'"));
        f = sample();
        f.users += std::string(65, 'a') + ",Имя Отчество Фамилия,PPO-00001,\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("users.csv:5: invalid login 'aaaa"));
    }
    SECTION("a duplicate login") {
        f.users += "chairman.kar-01,Имя Отчество Фамилия,KAR-01,\n";
        CHECK(errorOf(f) == "users.csv:5: duplicate login 'chairman.kar-01' (first on line 2)");
    }
    SECTION("a user at an unknown org, or with a malformed email") {
        f.users += "x.y,Имя,KAR-77,\n";
        CHECK(errorOf(f) == "users.csv:5: unknown home_org 'KAR-77'");
        f = sample();
        f.users += "x.y,Имя,KAR-01,not an email\n";
        CHECK(errorOf(f) == "users.csv:5: invalid email 'not an email'");
    }
    SECTION("a grant of an unknown role") {
        f.grants += "chairman.kar-01,treasurer,KAR-01,org,2025-01-01,\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("grants.csv:5: unknown role 'treasurer' (known roles: secretary, "));
    }
    SECTION("a grant for an unknown user or at an unknown org") {
        f.grants += "nobody.kar-01,chairman,KAR-01,org,2025-01-01,\n";
        CHECK(errorOf(f) == "grants.csv:5: unknown user 'nobody.kar-01' in login");
        f = sample();
        f.grants += "chairman.kar-01,chairman,KAR-02,org,2025-01-01,\n";
        CHECK(errorOf(f) == "grants.csv:5: unknown org 'KAR-02'");
    }
    SECTION("an unknown scope") {
        f.grants += "chairman.kar-01,chairman,KAR,region,2025-01-01,\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("grants.csv:5: unknown scope 'region'"));
    }
    SECTION("bad dates") {
        for (const char* bad : {"2025-13-01", "2025-02-29", "01.01.2025", "2025-01-01T09:30Z", "2025-01-01T09:30:00",
                                "2025-01-01 09:30:00Z"}) {
            f = sample();
            f.grants += std::string("chairman.kar-01,chairman,KAR,org,") + bad + ",\n";
            INFO(bad);
            CHECK_THAT(errorOf(f), Catch::StartsWith(std::string("grants.csv:5: bad valid_from '") + bad + "'"));
        }
        f = sample();
        f.grants += "chairman.kar-01,chairman,KAR,org,2025-01-01,2026-02-30\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("grants.csv:5: bad valid_to '2026-02-30'"));
    }
    SECTION("valid_to not after valid_from") {
        f.grants += "chairman.kar-01,chairman,KAR,org,2025-06-01,2025-06-01\n";
        CHECK(errorOf(f) == "grants.csv:5: valid_to 2025-06-01 is not after valid_from 2025-06-01");
        f = sample();
        f.delegations += "chairman.kar-01,first-deputy.kar-01,chairman,2025-09-01,2025-08-01\n";
        CHECK(errorOf(f) == "delegations.csv:3: valid_to 2025-08-01 is not after valid_from 2025-09-01");
    }
    SECTION("a duplicate grant") {
        f.grants += "chairman.kar-01,chairman,KAR-01,org,2025-01-01,\n";
        CHECK(errorOf(f) == "grants.csv:5: duplicate grant (the same as line 2)");
    }
    SECTION("delegations: unknown people, an open end, a role the delegator does not hold") {
        f.delegations += "chairman.kar-01,nobody,chairman,2025-09-01,2025-09-10\n";
        CHECK(errorOf(f) == "delegations.csv:3: unknown user 'nobody' in to_login");
        f = sample();
        f.delegations += "chairman.kar-01,first-deputy.kar-01,chairman,2025-09-01,\n";
        CHECK(errorOf(f) == "delegations.csv:3: empty valid_to");
        f = sample();
        f.delegations += "first-deputy.kar-01,chairman.kar-01,registrar,2025-09-01,2025-09-10\n";
        CHECK(errorOf(f) ==
              "delegations.csv:3: 'first-deputy.kar-01' has no 'registrar' grant in grants.csv to delegate");
        f = sample();
        f.delegations += "chairman.kar-01,chairman.kar-01,chairman,2025-09-01,2025-09-10\n";
        CHECK(errorOf(f) == "delegations.csv:3: 'chairman.kar-01' delegates to themselves");
    }
    SECTION("invalid UTF-8 names its line") {
        f.users += "x.y,\xD0\xC0 bad,KAR-01,\n";
        CHECK(errorOf(f) == "users.csv:5: invalid UTF-8 (save the file as UTF-8)");
    }
    SECTION("an unterminated quote names the line its record starts on") {
        f.orgs += "PPO-00002,KAR-01,primary,\"БПҰ,ППО,PPO\nPPO-00003,KAR-01,primary,БПҰ,ППО,PPO\n";
        CHECK(errorOf(f) == "orgs.csv:6: unterminated quoted field (the quote opened on line 6 is never closed)");
    }
    SECTION("stray quotes") {
        f.orgs += "PPO-00002,KAR-01,primary,БПҰ \"Береке\",ППО,PPO\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("orgs.csv:6: quote inside an unquoted field"));
        f = sample();
        f.orgs += "PPO-00002,KAR-01,primary,\"БПҰ\" Береке,ППО,PPO\n";
        CHECK_THAT(errorOf(f), Catch::StartsWith("orgs.csv:6: unexpected text after a closing quote"));
    }
    SECTION("line numbers count the physical lines of multi-line records") {
        f.orgs += "PPO-00002,KAR-01,primary,\"БПҰ\nекінші жол\nүшінші жол\",ППО,PPO\n"  // lines 6-8
                  "PPO-00003,KAR-01,primary,БПҰ,ППО,PPO,extra\n";                      // line 9
        CHECK(errorOf(f) == "orgs.csv:9: expected 6 fields, found 7");
    }
}

TEST_CASE("several directory CSV problems are listed together, up to twenty, without knock-on reports",
          "[directory][csv]") {
    SECTION("one line per problem, across files") {
        DirectoryCsvFiles f = sample();
        f.orgs += "PPO-00002,KAR-01,cell,БПҰ,ППО,PPO\n";                     // orgs.csv:6
        f.users += "user.ppo-00002,Имя,PPO-00002,\n";                       // refers to the bad org: not reported
        f.grants += "user.ppo-00002,chairman,PPO-00002,org,2025-01-01,\n";  // likewise
        f.grants += "chairman.kar-01,chief,KAR-01,org,2025-01-01,\n";       // grants.csv:6
        const std::string m = errorOf(f);
        CHECK(m ==
              "orgs.csv:6: unknown level 'cell' (expected central, region, district or primary)\n"
              "grants.csv:6: unknown role 'chief' (known roles: secretary, chairman, first-deputy, bureau-member, "
              "registrar, inspector, auditor)");
    }
    SECTION("a row with a wrong field count still counts as present") {
        DirectoryCsvFiles f = sample();
        f.orgs += "PPO-00002,KAR-01,primary,БПҰ,ППО\n";      // orgs.csv:6
        f.users += "user.ppo-00002,Имя,PPO-00002,\n";       // not reported
        CHECK(errorOf(f) == "orgs.csv:6: expected 6 fields, found 5");
    }
    SECTION("a file that cannot be read does not make every reference to it an error") {
        DirectoryCsvFiles f = sample();
        f.orgs += "\"unterminated\n";
        CHECK(errorOf(f) == "orgs.csv:6: unterminated quoted field (the quote opened on line 6 is never closed)");
    }
    SECTION("at most twenty") {
        DirectoryCsvFiles f = sample();
        for (int i = 0; i < 25; ++i) f.orgs += "X-" + std::to_string(i) + ",KAR-01,cell,А,Б,C\n";
        const std::string m = errorOf(f);
        CHECK_THAT(m, Catch::StartsWith("orgs.csv:6: unknown level 'cell'"));
        CHECK_THAT(m, Catch::Contains("orgs.csv:25: unknown level 'cell'"));
        CHECK_THAT(m, !Catch::Contains("orgs.csv:26:"));
        CHECK_THAT(m, Catch::EndsWith("(more problems not shown: only the first 20 are listed)"));
    }
}
