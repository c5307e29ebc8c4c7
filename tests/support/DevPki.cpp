#include "DevPki.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "support/Subprocess.h"
#include "qujat/crypto/OpenSslHasher.h"

namespace qujat::test {

namespace fs = std::filesystem;

namespace {

// Names the PKI after everything that shapes it, so a changed script makes a new one.
std::string pkiName() {
    const std::string source = QUJAT_SOURCE_DIR "/certs/";
    std::string inputs = readFile(source + "make-dev-pki.sh");
    for (const char* conf : {"openssl/root-ca.cnf", "openssl/issuing-ca.cnf", "openssl/req.cnf"})
        inputs += readFile(source + conf);
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y%m%d", &tm);
    return "dev-pki-" + crypto::OpenSslHasher().sha256Hex(inputs).substr(0, 12) + "-" + day;
}

std::string makeShared() {
    const std::string base = QUJAT_BINARY_DIR "/tests/crypto";
    fs::create_directories(base);
    const std::string name = pkiName();
    const std::string dir = base + "/" + name;
    const int lock = ::open((base + "/dev-pki.lock").c_str(), O_CREAT | O_RDWR, 0600);
    REQUIRE(lock >= 0);
    REQUIRE(::flock(lock, LOCK_EX) == 0);
    if (!fs::exists(dir + "/complete")) {
        for (const fs::directory_entry& entry : fs::directory_iterator(base))
            if (entry.path().filename().string().rfind("dev-pki-", 0) == 0) fs::remove_all(entry.path());
        const CommandResult made =
            runCommand(shellQuote(QUJAT_SOURCE_DIR "/certs/make-dev-pki.sh") + " --test-users " + shellQuote(dir));
        INFO(made.output);
        if (made.exitCode != 0) {
            ::close(lock);
            FAIL("make-dev-pki.sh failed");
        }
        writeFile(dir + "/complete", "");
    }
    ::close(lock);  // releases the lock
    return dir;
}

}  // namespace

const DevPki& DevPki::shared() {
    static const DevPki pki(makeShared());
    return pki;
}

crypto::Certificate DevPki::certificate(const std::string& login) const {
    auto cert = crypto::Certificate::fromPem(readFile(certPath(login)));
    REQUIRE(cert.isOk());
    return *cert;
}

crypto::Certificate DevPki::issuingCa() const {
    auto cert = crypto::Certificate::fromPem(readFile(issuingCaPath()));
    REQUIRE(cert.isOk());
    return *cert;
}

crypto::SigningIdentity DevPki::identity(const std::string& login) const {
    auto id = crypto::SigningIdentity::fromPem(readFile(keyPath(login)), readFile(certPath(login)),
                                               readFile(userDir(login) + "/chain.pem"));
    INFO(id.status().toString());
    REQUIRE(id.isOk());
    return *id;
}

std::shared_ptr<crypto::TrustStore> DevPki::openTrust() const {
    auto trust = crypto::TrustStore::open(trustDir());
    INFO(trust.status().toString());
    REQUIRE(trust.isOk());
    return *trust;
}

void DevPki::copyTo(const std::string& destination) const {
    fs::copy(dir_, destination, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    INFO(path);
    REQUIRE(in.good());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

engine::Millis nowMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string openssl(const std::string& args) {
    const CommandResult result = runCommand("openssl " + args);
    INFO("openssl " << args << "\n" << result.output);
    REQUIRE(result.exitCode == 0);
    return result.output;
}

std::string iinOf(const std::string& login) {
    const std::string hex = crypto::OpenSslHasher().sha256Hex(login).substr(0, 15);
    const unsigned long long value = std::stoull(hex, nullptr, 16) % 1000000000000ULL;
    char text[16];
    std::snprintf(text, sizeof text, "%012llu", value);
    return text;
}

}  // namespace qujat::test
