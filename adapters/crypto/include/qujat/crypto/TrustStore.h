#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "qujat/crypto/Certificate.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

// The loaded contents of a trust directory; defined inside the adapter.
struct TrustSnapshot;

// A CRL of the trust configuration, described.
struct CrlInfo {
    std::string issuer;  // subject of the CA that signed it
    std::string file;    // where it was read from
    engine::Millis thisUpdate = 0;
    std::optional<engine::Millis> nextUpdate;  // absent only in a malformed CRL
    std::string number;  // the CRL number extension, decimal; "" when absent
    int revokedCount = 0;

    // Whether a verifier may rely on it at `now`: nextUpdate is present and not past.
    bool currentAt(engine::Millis now) const { return nextUpdate && *nextUpdate >= now; }
};

// The trust configuration: a directory of PEM (or DER) certificates and CRLs, the layout
// `qujat signature verify --trust DIR` reads (root.pem, issuing-ca.pem, *.crl.pem).
// Self-signed certificates are the trust anchors; the others are intermediates offered to
// path building but trusted only through a chain to an anchor. Of several CRLs from one CA
// the newest is used. Thread-safe: verifiers read a consistent snapshot while reload()
// replaces it.
class TrustStore {
public:
    // Loads every *.pem, *.crt, *.cer, *.der and *.crl file in `directory` (not recursive;
    // other files are ignored). kNotFound when the directory does not exist;
    // kInvalidArgument, naming the file, when a file holds no certificate or CRL, holds a
    // private key, or a CRL is not signed by a certificate of the directory;
    // kFailedPrecondition when there is no self-signed anchor.
    static engine::Result<std::shared_ptr<TrustStore>> open(const std::string& directory);

    // Re-reads the directory. When its certificates or CRLs changed, the new contents get a
    // new generation (so cached chain validations are no longer used); when nothing
    // changed the generation stays. On error the previous contents stay in force.
    engine::Status reload();

    // Identifies the current contents; unique across every TrustStore of the process.
    std::uint64_t generation() const;
    const std::string& directory() const { return directory_; }
    // The current contents: self-signed anchors, other certificates, the CRLs in use.
    std::vector<Certificate> anchors() const;
    std::vector<Certificate> intermediates() const;
    std::vector<CrlInfo> crls() const;
    // The CRLs in use (those crls() describes), each as PEM text: for verifiers that take
    // PEM, e.g. a TimeStampTrust built from this directory. kInternal only when OpenSSL
    // cannot allocate memory.
    engine::Result<std::vector<std::string>> crlPems() const;
    // The CRLs that are not current at `now` ("<issuer>: nextUpdate <time> is past"): a
    // verifier will answer INDETERMINATE/TRY_LATER for chains that need them.
    std::vector<std::string> staleCrls(engine::Millis now) const;

    // The current contents, for the adapter's verifiers.
    std::shared_ptr<const TrustSnapshot> snapshot() const;

private:
    TrustStore(std::string directory, std::shared_ptr<const TrustSnapshot> snapshot);

    const std::string directory_;
    mutable std::mutex mutex_;
    std::shared_ptr<const TrustSnapshot> snapshot_;
};

}  // namespace qujat::crypto
