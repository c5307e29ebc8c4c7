#include <catch2/catch.hpp>
#include <filesystem>

#include "support/DevPki.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "qujat/crypto/TrustStore.h"

using namespace qujat;
using namespace qujat::test;
namespace fs = std::filesystem;

namespace {

constexpr engine::Millis kDay = 24LL * 60 * 60 * 1000;

std::string copyTrust(const DevPki& pki, const TempDir& tmp, const std::vector<std::string>& names) {
    const std::string dir = tmp.file("trust");
    fs::create_directories(dir);
    for (const std::string& name : names) fs::copy_file(pki.trustDir() + "/" + name, dir + "/" + name);
    return dir;
}

}  // namespace

TEST_CASE("a trust store loads anchors, intermediates and CRLs from a directory", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    auto trust = crypto::TrustStore::open(pki.trustDir());
    REQUIRE_OK(trust);
    std::shared_ptr<crypto::TrustStore> store = *trust;

    SECTION("the self-signed root is the anchor and the issuing CA an intermediate") {
        REQUIRE(store->anchors().size() == 1);
        CHECK(store->anchors()[0].commonName() == "Qujat Development Root CA");
        REQUIRE(store->intermediates().size() == 1);
        CHECK(store->intermediates()[0].commonName() == "Qujat Development Issuing CA");
    }

    SECTION("both CRLs are current now and stale once their nextUpdate has passed") {
        const auto crls = store->crls();
        REQUIRE(crls.size() == 2);
        for (const crypto::CrlInfo& crl : crls) {
            REQUIRE(crl.nextUpdate);
            // make-dev-pki.sh issues them back-dated 30 days and valid for 30 more.
            CHECK(*crl.nextUpdate - crl.thisUpdate == 60 * kDay);
            CHECK(crl.thisUpdate <= nowMillis() - 29 * kDay);
            CHECK(!crl.number.empty());
        }
        CHECK(store->staleCrls(nowMillis()).empty());
        const auto stale = store->staleCrls(nowMillis() + 31 * kDay);
        REQUIRE(stale.size() == 2);
        CHECK(stale[0].find("is past") != std::string::npos);
    }

    SECTION("reloading unchanged files keeps the generation; a changed CRL makes a new one") {
        TempDir tmp;
        const std::string dir = copyTrust(pki, tmp, {"root.pem", "issuing-ca.pem", "root.crl.pem", "issuing-ca.crl.pem"});
        auto copy = crypto::TrustStore::open(dir);
        REQUIRE_OK(copy);
        const std::uint64_t first = (*copy)->generation();
        CHECK(first != store->generation());
        REQUIRE_OK((*copy)->reload());
        CHECK((*copy)->generation() == first);
        fs::remove(dir + "/root.crl.pem");
        REQUIRE_OK((*copy)->reload());
        CHECK((*copy)->generation() != first);
        CHECK((*copy)->crls().size() == 1);
    }

    SECTION("of two CRLs from one CA the newer one is used") {
        TempDir tmp;
        const std::string copy = tmp.file("pki");
        pki.copyTo(copy);
        fs::copy_file(copy + "/trust/issuing-ca.crl.pem", tmp.file("old.crl.pem"));
        REQUIRE(runCommand(shellQuote(QUJAT_SOURCE_DIR "/certs/make-dev-pki.sh") + " --test-users " + shellQuote(copy))
                    .exitCode == 0);
        fs::copy_file(tmp.file("old.crl.pem"), copy + "/trust/a-old.crl.pem");
        auto reloaded = crypto::TrustStore::open(copy + "/trust");
        REQUIRE_OK(reloaded);
        const auto crls = (*reloaded)->crls();
        REQUIRE(crls.size() == 2);
        for (const crypto::CrlInfo& crl : crls)
            if (crl.issuer.find("Issuing CA") != std::string::npos) CHECK(crl.file == copy + "/trust/issuing-ca.crl.pem");
    }
}

TEST_CASE("a trust directory that cannot be trusted is refused with a reason", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    TempDir tmp;

    SECTION("a missing directory") { CHECK_CODE(crypto::TrustStore::open(tmp.file("absent")), engine::StatusCode::kNotFound); }

    SECTION("a file that holds no certificate or CRL") {
        const std::string dir = copyTrust(pki, tmp, {"root.pem"});
        writeFile(dir + "/junk.pem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        auto opened = crypto::TrustStore::open(dir);
        CHECK_CODE(opened, engine::StatusCode::kInvalidArgument);
        CHECK(opened.status().message().find("junk.pem") != std::string::npos);
    }

    SECTION("a private key") {
        const std::string dir = copyTrust(pki, tmp, {"root.pem"});
        fs::copy_file(pki.keyPath("secretary.ppo-00001"), dir + "/key.pem");
        auto opened = crypto::TrustStore::open(dir);
        CHECK_CODE(opened, engine::StatusCode::kInvalidArgument);
        CHECK(opened.status().message().find("private key") != std::string::npos);
    }

    SECTION("no self-signed anchor") {
        const std::string dir = copyTrust(pki, tmp, {"issuing-ca.pem"});
        CHECK_CODE(crypto::TrustStore::open(dir), engine::StatusCode::kFailedPrecondition);
    }

    SECTION("a CRL no certificate of the directory signed") {
        const std::string dir = copyTrust(pki, tmp, {"root.pem", "issuing-ca.crl.pem"});
        auto opened = crypto::TrustStore::open(dir);
        CHECK_CODE(opened, engine::StatusCode::kInvalidArgument);
        CHECK(opened.status().message().find("not signed") != std::string::npos);
    }

    SECTION("files with other extensions are ignored, DER files are read") {
        const std::string dir = copyTrust(pki, tmp, {"root.pem"});
        writeFile(dir + "/README.txt", "not a certificate");
        writeFile(dir + "/issuing-ca.der", pki.issuingCa().der());
        auto opened = crypto::TrustStore::open(dir);
        REQUIRE_OK(opened);
        CHECK((*opened)->intermediates().size() == 1);
    }
}
