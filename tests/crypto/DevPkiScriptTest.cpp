#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>

#include "support/DevPki.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "qujat/crypto/OcspChecker.h"
#include "qujat/crypto/SigningIdentity.h"

using namespace qujat;
using namespace qujat::test;
namespace fs = std::filesystem;

namespace {

const char* const kDefaultLogins[] = {"chairman.ppo-00001",     "secretary.ppo-00001",    "registrar.ast-01",
                                      "chairman.ast-01",        "bureau-member-1.ast-01", "bureau-member-2.ast-01",
                                      "bureau-member-3.ast-01", "bureau-member-4.ast-01"};

unsigned modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

std::string certText(const std::string& path) { return openssl("x509 -noout -text -in " + shellQuote(path)); }

std::string trustBundle(const DevPki& pki, const TempDir& dir) {
    std::string bundle;
    for (const char* name : {"root.pem", "issuing-ca.pem", "root.crl.pem", "issuing-ca.crl.pem"})
        bundle += readFile(pki.trustDir() + "/" + name);
    writeFile(dir.file("bundle.pem"), bundle);
    return dir.file("bundle.pem");
}

}  // namespace

TEST_CASE("make-dev-pki.sh makes the CAs, the users and the trust directory", "[crypto]") {
    const DevPki& pki = DevPki::shared();

    SECTION("the trust directory holds the root, the issuing CA and one CRL from each") {
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(pki.trustDir())) names.insert(entry.path().filename().string());
        CHECK(names == std::set<std::string>{"root.pem", "issuing-ca.pem", "root.crl.pem", "issuing-ca.crl.pem"});
        CHECK(certText(pki.trustDir() + "/root.pem").find("NIST CURVE: P-384") != std::string::npos);
        const std::string crl = openssl("crl -noout -text -in " + pki.trustDir() + "/issuing-ca.crl.pem");
        CHECK(crl.find("Next Update") != std::string::npos);
    }

    SECTION("every demo signer has a key, a certificate and a PKCS#12 whose password sits beside it") {
        for (const char* login : kDefaultLogins) {
            INFO(login);
            const std::string dir = pki.userDir(login);
            CHECK(modeOf(dir + "/key.pem") == 0600);
            CHECK(modeOf(dir + "/" + login + ".p12") == 0600);
            CHECK(modeOf(dir + "/" + login + ".p12.pass") == 0600);
            std::string password = readFile(dir + "/" + login + ".p12.pass");
            password.erase(password.find_last_not_of("\n") + 1);
            auto identity = crypto::SigningIdentity::fromPkcs12(readFile(dir + "/" + login + ".p12"), password);
            REQUIRE_OK(identity);
            CHECK(identity->certificate == pki.certificate(login));
            CHECK(identity->chain.size() == 1);
            CHECK(identity->key.description() == "EC P-256");
        }
    }

    SECTION("a user's certificate names the login, its IIN, signing key usages and the OCSP responder") {
        const crypto::Certificate cert = pki.certificate("chairman.ppo-00001");
        CHECK(cert.commonName() == "chairman.ppo-00001");
        CHECK(cert.subjectSerialNumber() == iinOf("chairman.ppo-00001"));
        CHECK(cert.subjectSerialNumber().size() == 12);
        CHECK(cert.subject() == "CN=chairman.ppo-00001,serialNumber=" + iinOf("chairman.ppo-00001"));
        const std::string text = certText(pki.certPath("chairman.ppo-00001"));
        CHECK(text.find("X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation") !=
              std::string::npos);
        CHECK(crypto::OcspChecker::responderUrls(cert) == std::vector<std::string>{"http://127.0.0.1:8889/ocsp"});
        TempDir tmp;
        CHECK(openssl("verify -crl_check_all -CAfile " + trustBundle(pki, tmp) + " " + pki.certPath("chairman.ppo-00001"))
                  .find(": OK") != std::string::npos);
    }

    SECTION("the test users each break one rule") {
        TempDir tmp;
        const std::string bundle = trustBundle(pki, tmp);
        const CommandResult revoked = runCommand("openssl verify -crl_check_all -CAfile " + bundle + " " +
                                                 pki.certPath("revoked.user"));
        CHECK(revoked.exitCode != 0);
        CHECK(revoked.output.find("certificate revoked") != std::string::npos);
        CHECK(pki.certificate("expired.user").notAfter() < nowMillis());
        CHECK(pki.certificate("future.user").notBefore() > nowMillis());
        CHECK(certText(pki.certPath("encipher.user")).find("X509v3 Key Usage: critical\n                Key Encipherment\n") !=
              std::string::npos);
        CHECK(pki.identity("weak.user").key.description() == "RSA 1024");
        CHECK(pki.identity("rsa.user").key.description() == "RSA 2048");
    }

    SECTION("the TSA, the OCSP responder and the TLS server have their purposes") {
        const std::string tsa = certText(pki.dir() + "/tsa/cert.pem");
        CHECK(tsa.find("X509v3 Extended Key Usage: critical\n                Time Stamping") != std::string::npos);
        const std::string ocsp = certText(pki.dir() + "/ocsp/cert.pem");
        CHECK(ocsp.find("OCSP Signing") != std::string::npos);
        CHECK(ocsp.find("OCSP No Check") != std::string::npos);
        const std::string tls = certText(pki.dir() + "/tls/cert.pem");
        CHECK(tls.find("DNS:localhost, IP Address:127.0.0.1") != std::string::npos);
        CHECK(tls.find("TLS Web Server Authentication") != std::string::npos);
    }

    SECTION("users.tsv binds each login to its IIN and certificate fingerprint") {
        std::istringstream lines(readFile(pki.dir() + "/users.tsv"));
        std::string line;
        std::getline(lines, line);
        CHECK(line == "login\tiin\tsha256");
        int rows = 0;
        while (std::getline(lines, line)) {
            std::istringstream fields(line);
            std::string login, iin, sha256;
            fields >> login >> iin >> sha256;
            INFO(line);
            CHECK(iin == iinOf(login));
            CHECK(sha256 == pki.certificate(login).sha256Hex());
            ++rows;
        }
        CHECK(rows == 14);
    }
}

TEST_CASE("make-dev-pki.sh is idempotent and keeps keys out of the repository", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    const std::string script = shellQuote(QUJAT_SOURCE_DIR "/certs/make-dev-pki.sh");

    SECTION("a second run keeps every key and certificate and renews the CRLs") {
        TempDir tmp;
        const std::string copy = tmp.file("pki");
        pki.copyTo(copy);
        const std::string key = readFile(copy + "/users/registrar.ast-01/key.pem");
        const std::string cert = readFile(copy + "/users/registrar.ast-01/cert.pem");
        const std::string root = readFile(copy + "/trust/root.pem");
        const CommandResult rerun = runCommand(script + " --test-users " + shellQuote(copy));
        INFO(rerun.output);
        REQUIRE(rerun.exitCode == 0);
        CHECK(readFile(copy + "/users/registrar.ast-01/key.pem") == key);
        CHECK(readFile(copy + "/users/registrar.ast-01/cert.pem") == cert);
        CHECK(readFile(copy + "/trust/root.pem") == root);
        CHECK(runCommand("openssl verify -crl_check_all -CAfile " + shellQuote(copy + "/trust/root.pem") +
                         " -untrusted " + shellQuote(copy + "/trust/issuing-ca.pem") + " -CRLfile " +
                         shellQuote(copy + "/trust/issuing-ca.crl.pem") + " -CRLfile " +
                         shellQuote(copy + "/trust/root.crl.pem") + " " +
                         shellQuote(copy + "/users/registrar.ast-01/cert.pem"))
                  .exitCode == 0);
    }

    SECTION("a new login is added to an existing PKI") {
        TempDir tmp;
        const std::string copy = tmp.file("pki");
        pki.copyTo(copy);
        REQUIRE(runCommand(script + " " + shellQuote(copy) + " inspector-1.ast").exitCode == 0);
        auto cert = crypto::Certificate::fromPem(readFile(copy + "/users/inspector-1.ast/cert.pem"));
        REQUIRE_OK(cert);
        CHECK(cert->subjectSerialNumber() == iinOf("inspector-1.ast"));
        CHECK(readFile(copy + "/trust/root.pem") == readFile(pki.trustDir() + "/root.pem"));
    }

    SECTION("an OUTDIR inside the work tree that git does not ignore is refused before anything is written") {
        const std::string inside = QUJAT_SOURCE_DIR "/certs/not-ignored-pki";
        const CommandResult refused = runCommand(script + " " + shellQuote(inside));
        CHECK(refused.exitCode != 0);
        CHECK(refused.output.find("refusing") != std::string::npos);
        CHECK_FALSE(fs::exists(inside));
    }

    SECTION("a login that is not a plain name is refused") {
        TempDir tmp;
        const CommandResult refused = runCommand(script + " " + shellQuote(tmp.file("pki")) + " ../escape");
        CHECK(refused.exitCode != 0);
        CHECK_FALSE(fs::exists(tmp.file("pki")));
    }
}
