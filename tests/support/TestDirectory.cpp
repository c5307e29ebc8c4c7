#include "TestDirectory.h"

#include <string>

#include "qujat/engine/Time.h"

namespace qujat::test {

using namespace engine;

namespace {

Org org(const std::string& code, std::optional<std::string> parent, OrgLevel level) {
    Org o;
    o.code = code;
    o.parentCode = std::move(parent);
    o.level = level;
    o.nameKk = code + " ұйымы";
    o.nameRu = "Организация " + code;
    o.nameEn = "Organisation " + code;
    return o;
}

}  // namespace

TestDirectory smallDirectory() {
    TestDirectory d;
    d.orgs = {org("KZ", std::nullopt, OrgLevel::kCentral), org("REG", "KZ", OrgLevel::kRegion),
              org("DIS", "REG", OrgLevel::kDistrict), org("P1", "DIS", OrgLevel::kPrimary),
              org("P2", "DIS", OrgLevel::kPrimary)};
    const Millis from = *parseIsoUtc("2020-01-01");
    auto person = [&](const std::string& login, const std::string& orgCode, const std::string& role,
                      GrantScope scope = GrantScope::kOrg) {
        d.users.push_back(User{login, "Тест " + login, orgCode, login + "@example.kz", ""});
        d.grants.push_back(RoleGrant{login, role, orgCode, scope, from, std::nullopt});
    };
    person("auditor.kz", "KZ", "auditor", GrantScope::kSubtree);
    person("inspector.reg", "REG", "inspector");
    person("chairman.reg", "REG", "chairman");
    for (const char* role : {"secretary", "chairman", "first-deputy", "inspector", "registrar"})
        person(std::string(role) + ".dis", "DIS", role);
    person("registrar2.dis", "DIS", "registrar");
    for (int i = 1; i <= 5; ++i) person("bm" + std::to_string(i) + ".dis", "DIS", "bureau-member");
    for (const char* ppo : {"p1", "p2"}) {
        const std::string code = ppo[1] == '1' ? "P1" : "P2";
        person(std::string("secretary.") + ppo, code, "secretary");
        person(std::string("chairman.") + ppo, code, "chairman");
    }
    return d;
}

}  // namespace qujat::test
