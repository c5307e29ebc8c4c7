#include "qujat/evidence/PackageWriter.h"

#include <Poco/JSON/Stringifier.h>

#include <cctype>
#include <sstream>

#include "CmsParts.h"
#include "Manifest.h"
#include "PackageLayout.h"
#include "PackageReadme.h"
#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/OpenSslHasher.h"
#include "qujat/crypto/TimeStampCms.h"
#include "qujat/evidence/Archive.h"
#include "qujat/json/EngineJson.h"

namespace qujat::evidence {

namespace {

std::string colonFingerprint(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        if (!out.empty()) out += ':';
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[i])));
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[i + 1])));
    }
    return out;
}

// One line of audit/events.jsonl: the engine's JSON shape of an event plus the exact
// millisecond time the hash covers (the shape's "time" has whole seconds).
std::string eventLine(const engine::AuditEvent& e) {
    Poco::JSON::Object::Ptr o = json::toJson(e);
    o->set("timeMillis", e.time);
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(o, out);
    return out.str() + "\n";
}

// The files of the package, then the archive of them.
engine::Result<std::string> layOut(const PackageInput& input) {
    const crypto::OpenSslHasher hasher;
    const engine::Document& d = input.view.document;
    Manifest m;
    m.format = layout::kFormat;
    m.documentId = d.id;
    m.title = d.title;
    m.exportedAt = engine::formatIsoUtc(input.exportedAt);
    m.exportedBy = input.exportedBy;
    std::vector<ArchiveFile> body;  // every file but README.md, manifest.json and SHA256SUMS

    for (const engine::Version& v : input.view.versions) {
        auto content = input.versionContents.find(v.number);
        if (content == input.versionContents.end())
            return engine::dataLoss("version " + std::to_string(v.number) + " of document " + std::to_string(d.id) +
                                    " has no content to export");
        if (hasher.sha256Hex(content->second) != v.sha256)
            return engine::dataLoss("the stored bytes of version " + std::to_string(v.number) + " of document " +
                                    std::to_string(d.id) + " do not have the SHA-256 recorded for them");
        m.versions.push_back(ManifestVersion{v.number, layout::versionFile(v), v.fileName, v.sha256, v.size});
        body.push_back(ArchiveFile{m.versions.back().file, content->second});
    }

    std::vector<ArchiveFile> tokens;
    for (const engine::SignatureRecord& s : input.view.signatures) {
        const std::string what = "signature " + std::to_string(s.id) + " of document " + std::to_string(d.id);
        auto cms = input.signatureContents.find(s.id);
        if (cms == input.signatureContents.end()) return engine::dataLoss(what + " has no content to export");
        if (hasher.sha256Hex(cms->second) != s.cmsSha256)
            return engine::dataLoss("the stored bytes of " + what + " do not have the SHA-256 recorded for them");
        auto value = signatureValueOf(cms->second);
        if (!value.isOk()) return engine::invalidArgument(what + ": " + value.status().message());
        auto token = crypto::extractSignatureTimeStamp(cms->second);
        if (!token.isOk()) return engine::invalidArgument(what + ": " + token.status().message());

        ManifestSignature ms{s.id, s.versionNumber, s.signerLogin, s.stepId, s.certificateSha256, s.cmsSha256,
                             layout::signatureFile(s), layout::signatureValueFile(s), ""};
        body.push_back(ArchiveFile{ms.file, cms->second});
        body.push_back(ArchiveFile{ms.signatureValueFile, std::move(value).value()});
        if (*token) {
            ms.timestampFile = layout::timestampFile(s);
            tokens.push_back(ArchiveFile{ms.timestampFile, **token});
        }
        m.signatures.push_back(std::move(ms));
    }
    for (ArchiveFile& t : tokens) body.push_back(std::move(t));

    std::string events;
    for (const engine::AuditEvent& e : input.events) events += eventLine(e);
    m.eventsFile = layout::kEvents;
    m.eventCount = static_cast<std::int64_t>(input.events.size());
    m.chainAtExport = input.chainAtExport;
    body.push_back(ArchiveFile{m.eventsFile, std::move(events)});

    std::string bundle;
    std::vector<ReadmeAnchor> anchors;
    std::vector<ReadmeTrustFile> trustDescriptions;
    for (const auto& [name, bytes] : input.trustFiles) {
        auto pem = trustFileAsPem(bytes);
        if (!pem.isOk()) return engine::invalidArgument("trust file " + name + ": " + pem.status().message());
        m.trustFiles.push_back(layout::trustFile(name));
        body.push_back(ArchiveFile{m.trustFiles.back(), bytes});
        bundle += *pem;
        std::vector<std::string> holds;
        if (auto certs = crypto::Certificate::allFromPem(*pem); certs.isOk()) {
            for (const crypto::Certificate& c : *certs) {
                holds.push_back((c.selfSigned() ? "trust anchor " : "CA certificate ") + c.subject());
                if (c.selfSigned())
                    anchors.push_back(ReadmeAnchor{m.trustFiles.back(), c.subject(), colonFingerprint(c.sha256Hex())});
            }
        }
        for (const CrlSummary& crl : crlsIn(*pem))
            holds.push_back("CRL of " + crl.issuer + ", issued " + engine::formatIsoUtc(crl.thisUpdate) +
                            (crl.nextUpdate ? ", next update " + engine::formatIsoUtc(crl.nextUpdate) : std::string()));
        std::string description;
        for (const std::string& h : holds) description += (description.empty() ? "" : "; ") + h;
        trustDescriptions.push_back(ReadmeTrustFile{m.trustFiles.back(), description});
    }
    m.caBundle = layout::kCaBundle;
    body.push_back(ArchiveFile{m.caBundle, std::move(bundle)});

    ArchiveFile readme{layout::kReadme, packageReadme(m, input, anchors, trustDescriptions)};
    m.files.push_back(ManifestFile{readme.name, hasher.sha256Hex(readme.bytes), readme.bytes.size()});
    for (const ArchiveFile& f : body)
        m.files.push_back(ManifestFile{f.name, hasher.sha256Hex(f.bytes), f.bytes.size()});
    ArchiveFile manifest{layout::kManifest, manifestJson(m, input)};

    // sha256sum's own format: hash, two spaces (text mode; the same bytes on POSIX), name.
    auto sumLine = [&hasher](const ArchiveFile& f) { return hasher.sha256Hex(f.bytes) + "  " + f.name + "\n"; };
    std::string sums = sumLine(readme) + sumLine(manifest);
    for (const ArchiveFile& f : body) sums += sumLine(f);

    // The files people open first come first.
    std::vector<ArchiveFile> files;
    files.push_back(std::move(readme));
    files.push_back(std::move(manifest));
    files.push_back(ArchiveFile{layout::kChecksums, std::move(sums)});
    for (ArchiveFile& f : body) files.push_back(std::move(f));
    return writeArchive(files, input.exportedAt);
}

}  // namespace

engine::Result<std::string> writePackage(const PackageInput& input) {
    try {
        return layOut(input);
    } catch (const std::exception& ex) {
        // Poco's JSON and OpenSSL's hashing throw only when out of memory.
        return engine::internalError(std::string("cannot write the evidence package: ") + ex.what());
    }
}

}  // namespace qujat::evidence
