#pragma once

#include <string>
#include <vector>

#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

// The few pieces of CMS and timestamp structures an evidence package lays out as files,
// read with OpenSSL. Nothing here judges validity: CadesVerifier and TimeStampVerifier do.
namespace qujat::evidence {

// The raw signature value (the contents of the one SignerInfo's `signature` OCTET STRING)
// of a DER CMS SignedData: what its signature timestamp stamps. kInvalidArgument when `cms`
// is not such a CMS with exactly one signer.
engine::Result<std::string> signatureValueOf(const std::string& cms);

// The genTime a DER TimeStampToken states, unverified (to choose the time at which to
// verify it). kInvalidArgument when it is not a timestamp token.
engine::Result<engine::Millis> statedGenTime(const std::string& token);

// A CRL as a README describes it.
struct CrlSummary {
    std::string issuer;  // "C=KZ,O=…,CN=…", natural order as Certificate::subject()
    engine::Millis thisUpdate = 0;
    engine::Millis nextUpdate = 0;  // 0 when absent
};

// The CRLs among the PEM blocks of `pem`; those that do not parse are left out.
std::vector<CrlSummary> crlsIn(const std::string& pem);

// A trust file (PEM, or one DER certificate or CRL) as PEM text ending in a newline.
// kInvalidArgument when it holds neither a certificate nor a CRL, or holds a private key.
engine::Result<std::string> trustFileAsPem(const std::string& bytes);

}  // namespace qujat::evidence
