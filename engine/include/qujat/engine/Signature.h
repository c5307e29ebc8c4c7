#pragma once

#include <cstdint>
#include <string>

#include "qujat/engine/Document.h"
#include "qujat/engine/Time.h"

namespace qujat::engine {

// A certificate registered to a user: signatures made with it count as that user's, and
// as no one else's. Bound by the SHA-256 of the certificate, so a renewed certificate is
// registered again (docs/signatures.md).
struct CertificateBinding {
    std::string login;
    std::string certificateSha256;  // lower-case hex SHA-256 of the DER certificate
    std::string subject;            // as printed by the certificate, for people reading it
    Millis registeredAt = 0;
    std::string registeredBy;
};

// An accepted signature over one version of a document, kept as evidence.
struct SignatureRecord {
    std::int64_t id = 0;             // assigned by the store
    DocumentId documentId = 0;
    int versionNumber = 0;
    TaskId taskId = 0;
    std::string stepId;
    std::string signerLogin;
    std::string certificateSha256;
    std::string cmsSha256;           // the CMS (DER, with its timestamp) in the content store
    std::string report;              // the verification report when it was accepted
    Millis acceptedAt = 0;
};

}  // namespace qujat::engine
