#include "qujat/crypto/PrivateKey.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include "OpenSslErrors.h"
#include "OpenSslHandles.h"

namespace qujat::crypto {

engine::Result<PrivateKey> PrivateKey::fromPem(std::string_view pem, const std::string& passphrase) {
    ERR_clear_error();
    BioPtr bio = memoryBio(pem.data(), pem.size());
    // A non-null, possibly empty passphrase: OpenSSL must never prompt on a terminal.
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr,
                                                  const_cast<char*>(passphrase.c_str()))
                        : nullptr;
    if (!key) return engine::invalidArgument(withOpenSslErrors("not a PEM private key (or a wrong passphrase)"));
    return adopt(key);
}

PrivateKey PrivateKey::adopt(evp_pkey_st* owned) { return PrivateKey(std::shared_ptr<EVP_PKEY>(owned, EVP_PKEY_free)); }

std::string PrivateKey::description() const {
    EVP_PKEY* key = key_.get();
    switch (EVP_PKEY_get_base_id(key)) {
        case EVP_PKEY_RSA:
        case EVP_PKEY_RSA_PSS:
            return "RSA " + std::to_string(EVP_PKEY_get_bits(key));
        case EVP_PKEY_EC: {
            char group[64] = {};
            size_t length = 0;
            if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) != 1) {
                ERR_clear_error();
                return "EC";
            }
            const int nid = OBJ_sn2nid(group);
            const char* nist = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
            return std::string("EC ") + (nist ? nist : group);
        }
        default:
            return OBJ_nid2sn(EVP_PKEY_get_base_id(key));
    }
}

}  // namespace qujat::crypto
