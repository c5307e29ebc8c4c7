#include "CryptoConstraints.h"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <cstring>

namespace qujat::crypto {

std::string keyStrengthProblem(const EVP_PKEY* key) {
    if (!key) return "no public key";
    const int type = EVP_PKEY_get_base_id(key);
    if (type == EVP_PKEY_RSA || type == EVP_PKEY_RSA_PSS) {
        const int bits = EVP_PKEY_get_bits(key);
        if (bits < 2048) return "RSA key of " + std::to_string(bits) + " bits (at least 2048 are required)";
        return {};
    }
    if (type == EVP_PKEY_EC) {
        char group[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) != 1) {
            ERR_clear_error();
            return "EC key on an unnamed curve";
        }
        if (std::strcmp(group, SN_X9_62_prime256v1) == 0 || std::strcmp(group, SN_secp384r1) == 0) return {};
        return std::string("EC key on curve ") + group + " (P-256 or P-384 is required)";
    }
    return std::string("key type ") + OBJ_nid2sn(type) + " is not allowed (RSA or ECDSA is required)";
}

bool digestAllowed(int nid) { return nid == NID_sha256 || nid == NID_sha384 || nid == NID_sha512; }

std::string signatureAlgorithmProblem(int signatureNid, int digestNid, int keyType) {
    const bool rsaKey = keyType == EVP_PKEY_RSA || keyType == EVP_PKEY_RSA_PSS;
    if (signatureNid == NID_rsaEncryption) return rsaKey ? "" : "rsaEncryption with a non-RSA key";
    if (signatureNid == NID_rsassaPss) return rsaKey ? "" : "RSASSA-PSS with a non-RSA key";
    int hashNid = NID_undef;
    int publicKeyNid = NID_undef;
    if (!OBJ_find_sigid_algs(signatureNid, &hashNid, &publicKeyNid))
        return std::string("signature algorithm ") + OBJ_nid2sn(signatureNid) + " is not allowed";
    if (!digestAllowed(hashNid))
        return std::string("signature algorithm ") + OBJ_nid2sn(signatureNid) + " uses a weak digest";
    if (hashNid != digestNid)
        return std::string("signature algorithm ") + OBJ_nid2sn(signatureNid) + " does not match digest " +
               OBJ_nid2sn(digestNid);
    const bool matches = (publicKeyNid == NID_rsaEncryption && rsaKey) ||
                         (publicKeyNid == NID_X9_62_id_ecPublicKey && keyType == EVP_PKEY_EC);
    if (!matches) return std::string("signature algorithm ") + OBJ_nid2sn(signatureNid) + " does not fit the key";
    return {};
}

}  // namespace qujat::crypto
