#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "qujat/engine/AuditChain.h"
#include "qujat/engine/Status.h"
#include "qujat/evidence/PackageWriter.h"

namespace qujat::evidence {

// What manifest.json says, as far as verification needs it. The manifest also carries the
// whole document, its tasks and each signature's acceptance report, for people.
struct ManifestFile {
    std::string path;
    std::string sha256;
    std::uint64_t size = 0;
};

struct ManifestVersion {
    int number = 0;
    std::string file;
    std::string fileName;
    std::string sha256;
    std::int64_t size = 0;
};

struct ManifestSignature {
    std::int64_t id = 0;
    int version = 0;
    std::string signer;
    std::string step;
    std::string certificateSha256;
    std::string cmsSha256;
    std::string file;                // the .p7s
    std::string signatureValueFile;
    std::string timestampFile;       // empty when the signature has no timestamp
};

struct Manifest {
    std::string format;
    engine::DocumentId documentId = 0;
    std::string title;
    std::string exportedAt;
    std::string exportedBy;
    std::vector<ManifestVersion> versions;
    std::vector<ManifestSignature> signatures;
    std::string eventsFile;
    std::int64_t eventCount = 0;
    engine::AuditVerification chainAtExport;
    std::vector<std::string> trustFiles;
    std::string caBundle;
    std::vector<ManifestFile> files;  // every file but manifest.json and SHA256SUMS
};

// manifest.json for `manifest`, with the document, tasks, versions and signatures of
// `input` in their engine JSON shape (adapters/json) around the manifest's own keys.
std::string manifestJson(const Manifest& manifest, const PackageInput& input);

// Reads manifest.json. kInvalidArgument naming the first key that is missing or of the
// wrong type, or when it is not JSON.
engine::Result<Manifest> parseManifest(const std::string& json);

}  // namespace qujat::evidence
