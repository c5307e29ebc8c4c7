#pragma once

// The algorithm policy shared by the signer and the verifier: SHA-256 or stronger,
// RSA >= 2048 bits, ECDSA on P-256 or P-384.

#include <openssl/evp.h>

#include <string>

namespace qujat::crypto {

// "" when `key` is strong enough to sign with, else a sentence saying why not.
std::string keyStrengthProblem(const EVP_PKEY* key);

// Whether the digest `nid` is allowed (SHA-256, SHA-384, SHA-512).
bool digestAllowed(int nid);

// "" when the SignerInfo's signatureAlgorithm `signatureNid` is allowed for a key of type
// `keyType` (EVP_PKEY_RSA, EVP_PKEY_EC, …) together with the digest `digestNid`; else why not.
std::string signatureAlgorithmProblem(int signatureNid, int digestNid, int keyType);

}  // namespace qujat::crypto
