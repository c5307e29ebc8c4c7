#include "EvidenceFixture.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "ApprovalPolicy.h"
#include "Context.h"
#include "SignatureCommands.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/OpenSslHasher.h"
#include "qujat/engine/Clocks.h"
#include "qujat/evidence/PackageCollector.h"
#include "qujat/evidence/PackageVerifier.h"
#include "support/StatusMatchers.h"

namespace qujat::test {

using namespace engine;

namespace {

const char* const kSecretary = "secretary.ppo-00001";
const char* const kChairman = "chairman.ppo-00001";
const char* const kRegistrar = "registrar.ast-01";

Org org(const std::string& code, std::optional<std::string> parent, OrgLevel level) {
    Org o;
    o.code = code;
    o.parentCode = std::move(parent);
    o.level = level;
    o.nameKk = o.nameRu = o.nameEn = code;
    return o;
}

}  // namespace

EvidenceFixture& EvidenceFixture::shared() {
    static EvidenceFixture fixture;
    return fixture;
}

EvidenceFixture::EvidenceFixture() : dataDir_(dir_.file("data")) {
    configureSignatures();
    cli::RuntimeOptions options;
    options.dataDir = dataDir_;
    options.passwordCostLog2 = 10;
    options.requireSignatures = true;
    auto runtime = cli::Runtime::open(options);
    REQUIRE_OK(runtime);
    runtime_ = std::move(runtime).value();
    REQUIRE_OK(cli::loadBuiltInWorkflows(*runtime_, "operator", nullptr));
    loadDirectory();
    routeProtocol();

    auto input = evidence::collectPackage(runtime_->service(), Viewer::localOperator(), documentId_,
                                          cli::trustDirectory(dataDir_), SystemClock().now(), "operator");
    REQUIRE_OK(input);
    input_ = std::move(input).value();
    auto zip = evidence::writePackage(input_);
    REQUIRE_OK(zip);
    package_ = std::move(zip).value();
}

void EvidenceFixture::configureSignatures() { REQUIRE_OK(cli::installPki(DevPki::shared().dir(), dataDir_)); }

void EvidenceFixture::loadDirectory() {
    std::vector<Org> orgs = {org("KZ", std::nullopt, OrgLevel::kCentral), org("REG", "KZ", OrgLevel::kRegion),
                             org("DIS", "REG", OrgLevel::kDistrict), org("P1", "DIS", OrgLevel::kPrimary),
                             org("P2", "DIS", OrgLevel::kPrimary)};
    std::vector<User> users;
    std::vector<RoleGrant> grants;
    const Millis from = *parseIsoUtc("2020-01-01");
    auto person = [&](const std::string& login, const std::string& orgCode, const std::string& role) {
        users.push_back(User{login, "Тест " + login, orgCode, login + "@example.kz", ""});
        grants.push_back(RoleGrant{login, role, orgCode, GrantScope::kOrg, from, std::nullopt});
    };
    person(kSecretary, "P1", "secretary");
    person(kChairman, "P1", "chairman");
    person(kRegistrar, "DIS", "registrar");
    person("first-deputy.dis", "DIS", "first-deputy");
    person("secretary.p2", "P2", "secretary");
    REQUIRE_OK(runtime_->service().importDirectory(orgs, users, grants, {}, "operator"));
    for (const char* login : {kSecretary, kChairman}) {
        const crypto::Certificate cert = DevPki::shared().certificate(login);
        REQUIRE_OK(runtime_->service().registerCertificate(
            "operator", CertificateBinding{login, cert.sha256Hex(), cert.subject(), 0, ""}));
    }
}

std::string EvidenceFixture::sign(const std::string& login, const std::string& content) const {
    const crypto::SigningIdentity id = DevPki::shared().identity(login);
    auto der = crypto::CadesSigner().signDetached(content, id.key, id.certificate, id.chain);
    REQUIRE_OK(der);
    return *der;
}

void EvidenceFixture::routeProtocol() {
    Service& service = runtime_->service();
    SubmitRequest submit;
    submit.workflowId = "ppo-protocol";
    submit.title = "Протокол собрания № 7";
    submit.originOrgCode = "P1";
    submit.fields = {{"meeting-date", "2026-11-20"}, {"present", "9"}};
    const std::string v1 = "ПРОТОКОЛ № 7\nсобрания первичной партийной организации\n";
    submit.content = Content{v1, "protocol-7.txt", "text/plain; charset=utf-8"};
    auto doc = service.submit(kSecretary, submit);
    REQUIRE_OK(doc);
    documentId_ = doc->id;

    auto approveSigned = [&](const std::string& login, const std::string& content) {
        Decision d;
        d.evidence.signature = sign(login, content);
        REQUIRE_OK(service.approve(login, documentId_, d));
    };
    approveSigned(kChairman, v1);
    Decision rejection;
    rejection.comment = "the meeting date is wrong";
    REQUIRE_OK(service.reject(kSecretary, documentId_, rejection));

    ResubmitRequest resubmit;
    const std::string v2 = "ПРОТОКОЛ № 7 (исправленный)\nсобрания первичной партийной организации, 20.11.2026\n";
    resubmit.content = Content{v2, "Протокол № 7 (исправленный).txt", "text/plain; charset=utf-8"};
    resubmit.comment = "date corrected";
    REQUIRE_OK(service.resubmit(kSecretary, documentId_, resubmit));
    approveSigned(kChairman, v2);
    approveSigned(kSecretary, v2);
    REQUIRE_OK(service.approve(kRegistrar, documentId_, Decision{}));
}

std::vector<evidence::ArchiveFile> unpack(const std::string& zip) {
    auto files = evidence::readArchive(zip);
    REQUIRE_OK(files);
    return *files;
}

std::string pack(const std::vector<evidence::ArchiveFile>& files) {
    auto zip = evidence::writeArchive(files, SystemClock().now());
    REQUIRE_OK(zip);
    return *zip;
}

evidence::ArchiveFile& fileNamed(std::vector<evidence::ArchiveFile>& files, const std::string& name) {
    for (evidence::ArchiveFile& f : files)
        if (f.name == name) return f;
    FAIL("the package has no " << name);
    throw std::logic_error("unreachable");
}

evidence::ArchiveFile& fileStarting(std::vector<evidence::ArchiveFile>& files, const std::string& prefix) {
    for (evidence::ArchiveFile& f : files)
        if (f.name.rfind(prefix, 0) == 0) return f;
    FAIL("the package has no file starting with " << prefix);
    throw std::logic_error("unreachable");
}

void reseal(std::vector<evidence::ArchiveFile>& files) {
    const crypto::OpenSslHasher hasher;
    evidence::ArchiveFile& manifest = fileNamed(files, "manifest.json");
    auto root = Poco::JSON::Parser().parse(manifest.bytes).extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array();
    for (const evidence::ArchiveFile& f : files) {
        if (f.name == "manifest.json" || f.name == "SHA256SUMS") continue;
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("path", f.name);
        o->set("sha256", hasher.sha256Hex(f.bytes));
        o->set("size", static_cast<Poco::UInt64>(f.bytes.size()));
        list->add(o);
    }
    root->set("files", list);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out, 2);
    manifest.bytes = out.str();
    std::string sums;
    for (const evidence::ArchiveFile& f : files)
        if (f.name != "SHA256SUMS") sums += hasher.sha256Hex(f.bytes) + "  " + f.name + "\n";
    fileNamed(files, "SHA256SUMS").bytes = sums;
}

evidence::PackageVerification verify(const std::string& zip) {
    auto v = evidence::verifyPackage(zip, SystemClock().now());
    REQUIRE_OK(v);
    return *v;
}

evidence::PackageCheck checkNamed(const evidence::PackageVerification& v, const std::string& name) {
    for (const evidence::PackageCheck& c : v.checks)
        if (c.name == name) return c;
    FAIL("no check named '" << name << "' in\n" << v.toText());
    throw std::logic_error("unreachable");
}

}  // namespace qujat::test
