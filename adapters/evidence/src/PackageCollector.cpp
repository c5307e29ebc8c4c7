#include "qujat/evidence/PackageCollector.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace qujat::evidence {

namespace {

namespace fs = std::filesystem;

// Far above any certificate or CRL a trust directory holds.
constexpr std::uintmax_t kMaxTrustFileBytes = 16u << 20;

// The files TrustStore reads from a trust directory, by name.
engine::Result<std::map<std::string, std::string>> readTrustFiles(const std::string& directory) {
    static const std::set<std::string> kExtensions = {".pem", ".crt", ".cer", ".der", ".crl"};
    std::map<std::string, std::string> files;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) return files;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory, ec)) {
        if (!entry.is_regular_file(ec) || !kExtensions.count(entry.path().extension().string())) continue;
        const std::uintmax_t size = entry.file_size(ec);
        if (ec || size > kMaxTrustFileBytes)
            return engine::unavailable("cannot read trust file " + entry.path().string() + ": too large or unreadable");
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in && !in.eof()) return engine::unavailable("cannot read trust file " + entry.path().string());
        files.emplace(entry.path().filename().string(), std::move(bytes));
    }
    if (ec) return engine::unavailable("cannot list " + directory + ": " + ec.message());
    return files;
}

}  // namespace

engine::Result<PackageInput> collectPackage(engine::Service& service, const engine::Viewer& viewer,
                                            engine::DocumentId id, const std::string& trustDirectory,
                                            engine::Millis exportedAt, const std::string& exportedBy) {
    PackageInput input;
    QUJAT_ASSIGN_OR_RETURN(input.view, service.document(viewer, id));
    for (const engine::Version& v : input.view.versions) {
        QUJAT_ASSIGN_OR_RETURN(input.versionContents[v.number], service.versionContent(viewer, id, v.number));
    }
    for (const engine::SignatureRecord& s : input.view.signatures) {
        QUJAT_ASSIGN_OR_RETURN(input.signatureContents[s.id], service.signatureContent(viewer, id, s.id));
    }
    QUJAT_ASSIGN_OR_RETURN(input.events, service.history(viewer, id));
    QUJAT_ASSIGN_OR_RETURN(input.chainAtExport, service.verifyAudit());
    QUJAT_ASSIGN_OR_RETURN(input.trustFiles, readTrustFiles(trustDirectory));
    if (!input.view.signatures.empty() && input.trustFiles.empty())
        return engine::failedPrecondition("document " + std::to_string(id) + " has signatures but " + trustDirectory +
                                          " holds no certificates or CRLs to verify them with");
    input.exportedAt = exportedAt;
    input.exportedBy = exportedBy;
    return input;
}

}  // namespace qujat::evidence
