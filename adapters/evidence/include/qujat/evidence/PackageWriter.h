#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "qujat/engine/AuditChain.h"
#include "qujat/engine/Service.h"
#include "qujat/engine/Status.h"

namespace qujat::evidence {

// Everything an evidence package holds about one document, gathered from the Service
// (collectPackage does it) and laid out by writePackage.
struct PackageInput {
    engine::DocumentView view;                                // the document, versions, tasks, signatures
    std::map<int, std::string> versionContents;               // bytes of every version, by number
    std::map<std::int64_t, std::string> signatureContents;    // the kept CMS (DER, stamped), by signature id
    std::vector<engine::AuditEvent> events;                   // the document's audit events, oldest first
    engine::AuditVerification chainAtExport;                  // the whole chain, verified when exporting
    std::map<std::string, std::string> trustFiles;            // DATA/trust: file name -> bytes (certificates, CRLs)
    engine::Millis exportedAt = 0;
    std::string exportedBy;
};

// The evidence package of `input` as ZIP bytes; the layout is in docs/evidence.md:
// README.md (contents and the plain openssl commands, with these file names), manifest.json,
// SHA256SUMS, versions/, signatures/ (.p7s as kept, and each signature value),
// timestamps/ (.tst tokens), audit/events.jsonl, trust/ and ca-bundle.pem.
// kDataLoss when a version's or a signature's bytes do not have the SHA-256 the engine
// recorded (the content store is damaged), or a version or signature has no bytes;
// kInvalidArgument when a signature is not a CMS with one signer, or a trust file is not a
// certificate or CRL or holds a private key; kInternal when the ZIP cannot be written.
// A signature without a timestamp is packaged without a .tst (verification will say so).
// Thread-safe.
[[nodiscard]] engine::Result<std::string> writePackage(const PackageInput& input);

}  // namespace qujat::evidence
