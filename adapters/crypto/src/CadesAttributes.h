#pragma once

// The CAdES signed attributes this adapter writes and reads, on top of OpenSSL's CMS.

#include <openssl/cms.h>

#include <optional>
#include <string>
#include <vector>

#include "qujat/engine/Time.h"

namespace qujat::crypto {

// id-cti-ets-proofOfApproval (ETSI EN 319 122-1, RFC 5126 5.11.1).
inline constexpr const char* kProofOfApprovalOid = "1.2.840.113549.1.9.16.6.5";

// DER of CommitmentTypeIndication ::= SEQUENCE { commitmentTypeId OID } for `oid`, or ""
// when the OID is malformed.
std::string encodeCommitmentTypeIndication(const std::string& oid);

// What a signer info's signed attributes hold, decoded. Each `problem` is a sentence
// saying what is wrong with that attribute (empty when it is well-formed or absent).
struct SignedAttributeValues {
    bool hasContentType = false;
    std::string contentTypeProblem;
    const ASN1_OCTET_STRING* messageDigest = nullptr;  // borrowed from the signer info
    std::string messageDigestProblem;
    std::optional<engine::Millis> signingTime;
    std::string signingTimeProblem;
    int signingCertificateV1Count = 0;
    int signingCertificateV2Count = 0;
    std::vector<std::string> commitmentTypes;  // dotted OIDs
    std::string commitmentTypeProblem;
};

// Reads the signed attributes of `si`; `eContentType` is what the content-type attribute
// must name.
SignedAttributeValues readSignedAttributes(CMS_SignerInfo* si, const ASN1_OBJECT* eContentType);

}  // namespace qujat::crypto
