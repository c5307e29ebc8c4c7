#include "qujat/crypto/TrustStore.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include "TrustSnapshot.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

TrustStore::TrustStore(std::string directory, std::shared_ptr<const TrustSnapshot> snapshot)
    : directory_(std::move(directory)), snapshot_(std::move(snapshot)) {}

engine::Result<std::shared_ptr<TrustStore>> TrustStore::open(const std::string& directory) {
    QUJAT_ASSIGN_OR_RETURN(std::shared_ptr<const TrustSnapshot> snapshot, TrustSnapshot::load(directory));
    return std::shared_ptr<TrustStore>(new TrustStore(directory, std::move(snapshot)));
}

engine::Status TrustStore::reload() {
    QUJAT_ASSIGN_OR_RETURN(std::shared_ptr<const TrustSnapshot> fresh, TrustSnapshot::load(directory_));
    std::lock_guard<std::mutex> lock(mutex_);
    // Unchanged contents keep their generation, so cached chains stay usable.
    if (fresh->digest != snapshot_->digest) snapshot_ = std::move(fresh);
    return engine::Status::ok();
}

std::uint64_t TrustStore::generation() const { return snapshot()->generation; }

std::vector<Certificate> TrustStore::anchors() const { return snapshot()->anchors; }

std::vector<Certificate> TrustStore::intermediates() const { return snapshot()->intermediates; }

std::vector<CrlInfo> TrustStore::crls() const {
    std::vector<CrlInfo> out;
    for (const TrustedCrl& crl : snapshot()->crls) out.push_back(crl.info);
    return out;
}

engine::Result<std::vector<std::string>> TrustStore::crlPems() const {
    std::vector<std::string> out;
    for (const TrustedCrl& crl : snapshot()->crls) {
        BioPtr bio(BIO_new(BIO_s_mem()));
        char* data = nullptr;
        if (!bio || PEM_write_bio_X509_CRL(bio.get(), crl.crl.get()) != 1) {
            ERR_clear_error();
            return engine::internalError("out of memory writing the CRL of " + crl.info.issuer + " as PEM");
        }
        const long length = BIO_get_mem_data(bio.get(), &data);
        out.emplace_back(data, static_cast<std::size_t>(length));
    }
    return out;
}

std::vector<std::string> TrustStore::staleCrls(engine::Millis now) const {
    std::vector<std::string> out;
    for (const TrustedCrl& crl : snapshot()->crls) {
        if (crl.info.currentAt(now)) continue;
        out.push_back(crl.info.issuer + ": " +
                      (crl.info.nextUpdate ? "nextUpdate " + engine::formatIsoUtc(*crl.info.nextUpdate) + " is past"
                                           : std::string("no nextUpdate")));
    }
    return out;
}

std::shared_ptr<const TrustSnapshot> TrustStore::snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return snapshot_;
}

}  // namespace qujat::crypto
