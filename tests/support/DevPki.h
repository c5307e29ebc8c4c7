#pragma once

#include <memory>
#include <string>

#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/SigningIdentity.h"
#include "qujat/crypto/TrustStore.h"
#include "qujat/engine/Time.h"

namespace qujat::test {

// The development PKI of certs/make-dev-pki.sh --test-users, made once and shared by every
// test process of this build tree: CTest runs each test case in its own process, and the
// PKI takes a second or two to make. It lives in QUJAT_BINARY_DIR/tests/crypto/ under a
// name derived from the script, its configuration and today's date (the CRLs and the
// expired/future users are dated relative to the day they were made), and is made under
// a file lock. Tests must not change it: copy it first (copyTo).
class DevPki {
public:
    static const DevPki& shared();

    const std::string& dir() const { return dir_; }
    std::string trustDir() const { return dir_ + "/trust"; }
    std::string userDir(const std::string& login) const { return dir_ + "/users/" + login; }
    std::string keyPath(const std::string& login) const { return userDir(login) + "/key.pem"; }
    std::string certPath(const std::string& login) const { return userDir(login) + "/cert.pem"; }
    std::string issuingCaPath() const { return dir_ + "/ca/issuing/cert.pem"; }

    crypto::Certificate certificate(const std::string& login) const;
    crypto::Certificate issuingCa() const;
    crypto::SigningIdentity identity(const std::string& login) const;
    std::shared_ptr<crypto::TrustStore> openTrust() const;
    // Copies the whole PKI (keys, CA databases, trust directory) to `destination`.
    void copyTo(const std::string& destination) const;

private:
    explicit DevPki(std::string dir) : dir_(std::move(dir)) {}
    std::string dir_;
};

std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& bytes);
// The system clock, in milliseconds.
engine::Millis nowMillis();
// `openssl ARGS`; fails the test (with its output) when it does not exit 0.
std::string openssl(const std::string& args);
// The IIN-like number make-dev-pki.sh derives from a login.
std::string iinOf(const std::string& login);

}  // namespace qujat::test
