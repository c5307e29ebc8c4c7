#include "PackageReadme.h"

#include <sstream>

#include "PackageLayout.h"
#include "qujat/engine/Time.h"

namespace qujat::evidence {

namespace {

// Text for a Markdown table cell.
std::string cell(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

const engine::Version* versionNumbered(const PackageInput& input, int number) {
    for (const engine::Version& v : input.view.versions)
        if (v.number == number) return &v;
    return nullptr;
}

void contents(std::ostringstream& out, const Manifest& m, const PackageInput& input,
              const std::vector<ReadmeTrustFile>& trustFiles) {
    out << "## Contents\n\n"
        << "| file | what it is |\n|---|---|\n"
        << "| `" << layout::kReadme << "` | this description |\n"
        << "| `" << layout::kManifest
        << "` | the document, its tasks, versions and signatures (with the report Qujat made when it accepted "
           "each), the audit chain at export, and the SHA-256 and size of every file |\n"
        << "| `" << layout::kChecksums << "` | the SHA-256 of every other file, for `sha256sum -c` |\n";
    for (std::size_t i = 0; i < m.versions.size(); ++i) {
        const engine::Version& v = input.view.versions[i];
        out << "| `" << m.versions[i].file << "` | version " << v.number << ", `" << cell(v.fileName) << "` ("
            << v.size << " bytes), by " << cell(v.authorLogin) << " at " << engine::formatIsoUtc(v.createdAt)
            << "; SHA-256 `" << v.sha256 << "` |\n";
    }
    for (std::size_t i = 0; i < m.signatures.size(); ++i) {
        const ManifestSignature& s = m.signatures[i];
        const engine::SignatureRecord& r = input.view.signatures[i];
        out << "| `" << s.file << "` | signature " << s.id << ": " << cell(s.signer) << " signed version " << s.version
            << " (step " << cell(s.step) << ", accepted " << engine::formatIsoUtc(r.acceptedAt)
            << "); a detached CAdES signature (DER CMS SignedData) exactly as Qujat kept it, its RFC 3161 "
               "signature timestamp embedded as an unsigned attribute |\n"
            << "| `" << s.signatureValueFile
            << "` | the raw signature value of that signature: what its timestamp stamps |\n";
        if (!s.timestampFile.empty())
            out << "| `" << s.timestampFile
                << "` | the RFC 3161 timestamp token (DER TimeStampToken) of that signature, as embedded in it |\n";
    }
    out << "| `" << m.eventsFile << "` | the document's " << m.eventCount
        << " audit events, one JSON object per line, with their chain hashes |\n";
    for (const ReadmeTrustFile& f : trustFiles) out << "| `" << f.file << "` | " << cell(f.description) << " |\n";
    out << "| `" << m.caBundle << "` | the files of `trust/` concatenated as PEM, for openssl's `-CAfile` |\n\n";
}

void anchorsSection(std::ostringstream& out, const std::vector<ReadmeAnchor>& anchors) {
    out << "## 1. Compare the trust anchor\n\n"
           "A forged package could bring a PKI of its own. Before anything else, compare the fingerprint of its "
           "trust anchor with one you obtained independently (from the certification authority, not from this "
           "package):\n\n```sh\n";
    for (const ReadmeAnchor& a : anchors)
        out << "openssl x509 -in " << a.file << " -noout -subject -fingerprint -sha256\n";
    out << "```\n\n";
    for (const ReadmeAnchor& a : anchors)
        out << "`" << a.file << "` is `" << cell(a.subject) << "`, SHA-256 fingerprint `" << a.fingerprint << "`.\n";
    if (anchors.empty()) out << "This package holds no trust anchor.\n";
    out << "\n";
}

void signaturesSection(std::ostringstream& out, const Manifest& m, const PackageInput& input) {
    out << "## 3. Check the signatures and their timestamps\n\n";
    if (m.signatures.empty()) {
        out << "This document has no signatures.\n\n";
        return;
    }
    out << "For each signature, the first command checks it over the exact bytes of the version it signs (message "
           "digest, signature value, signing-certificate-v2, the chain to the root with the CRLs of every "
           "certificate); the second checks that its timestamp token stamps its signature value and was made by a "
           "TSA chaining to the same root.\n\n```sh\n";
    for (const ManifestSignature& s : m.signatures) {
        std::string content = "versions/(missing)";
        if (const engine::Version* v = versionNumbered(input, s.version)) content = layout::versionFile(*v);
        out << "# signature " << s.id << ": " << s.signer << " signed version " << s.version << "\n"
            << "openssl cms -verify -binary -inform DER -in " << s.file << " -content " << content
            << " -CAfile " << m.caBundle << " -purpose any -crl_check_all -cades -out /dev/null\n";
        if (!s.timestampFile.empty())
            out << "openssl ts -verify -token_in -in " << s.timestampFile << " -data " << s.signatureValueFile
                << " -CAfile " << m.caBundle << " -crl_check_all\n";
    }
    out << "```\n\n"
           "They print `CMS Verification successful` and `Verification: OK`. To see what was checked:\n\n"
           "* `openssl cms -cmsout -print -inform DER -in signatures/….p7s`: the signed attributes (signing time, "
           "message digest, signing-certificate-v2, commitment type proof-of-approval);\n"
           "* `openssl ts -reply -token_in -in timestamps/….tst -token_out -text`: the time stamped, the TSA, the "
           "serial number and the policy.\n\n"
           "**Time.** openssl judges certificates and CRLs as of now. Once the CRLs in `trust/` are past their "
           "nextUpdate (`openssl crl -in trust/… -noout -nextupdate`) or a certificate has expired, add `-attime "
        << input.exportedAt / 1000 << "` (the export, " << m.exportedAt
        << ") to both commands. `qujat verify-package` needs no such help: it judges each signature as of the "
           "time its timestamp proves.\n\n";
}

void auditSection(std::ostringstream& out, const Manifest& m) {
    out << "## 4. The audit events\n\n"
           "`" << m.eventsFile << "` holds every audit event about this document, oldest first: `seq`, `time` "
           "(UTC, for people), `timeMillis` (milliseconds since 1970, as hashed), `actor`, `action`, `subject`, "
           "`details` (a JSON object serialised canonically, kept as the exact string that was hashed), "
           "`prevHash` and `hash`. Qujat's audit log is one hash chain over all documents: `hash` is the "
           "lower-case hex SHA-256 of the bytes\n\n"
           "```text\nqujat.audit.v1\\n\n<n>:<prevHash>\\n\n<n>:<seq>\\n\n<n>:<timeMillis>\\n\n<n>:<actor>\\n\n"
           "<n>:<action>\\n\n<n>:<subject>\\n\n<n>:<details>\\n\n```\n\n"
           "where each `<n>` is the decimal byte length of the UTF-8 field after it and `\\n` a line feed; "
           "`prevHash` is the `hash` of the event before it in the whole chain (64 zeros for the first). Events of "
           "other documents are not in the package, so only events with consecutive `seq` can be linked here. "
           "openssl cannot check this encoding; `qujat verify-package` does.\n\n";
    if (m.chainAtExport.intact())
        out << "When the package was exported the whole chain was intact: " << m.chainAtExport.events
            << " events, head #" << m.chainAtExport.headSeq << " `" << m.chainAtExport.headHash
            << "`. Events never leave the chain, so `qujat audit verify` on the system that exported it must "
               "still report an intact chain with at least that many events.\n\n";
    else
        out << "**When the package was exported the chain was NOT intact:** " << m.chainAtExport.problem << "\n\n";
}

}  // namespace

std::string packageReadme(const Manifest& m, const PackageInput& input, const std::vector<ReadmeAnchor>& anchors,
                          const std::vector<ReadmeTrustFile>& trustFiles) {
    const engine::Document& d = input.view.document;
    std::ostringstream out;
    out << "# Evidence package of document #" << d.id << "\n\n"
        << "**" << cell(d.title) << "**: a `" << d.documentType << "` on workflow `" << d.workflowId << "` version "
        << d.workflowVersion << ", from " << d.originOrgCode << ", by " << d.authorLogin << "; "
        << engine::documentStateName(d.state);
    if (d.registrationNumber) out << ", registration number " << *d.registrationNumber;
    out << ". Exported " << m.exportedAt << " by " << m.exportedBy << " from Qujat (package format `" << m.format
        << "`).\n\n";
    contents(out, m, input, trustFiles);
    anchorsSection(out, anchors);
    out << "## 2. Check the files\n\n"
           "Unpack the package (e.g. `unzip -q PACKAGE.zip -d evidence && cd evidence`); run every command below "
           "in its directory.\n\n```sh\nsha256sum -c "
        << layout::kChecksums << "\n```\n\n";
    signaturesSection(out, m, input);
    auditSection(out, m);
    out << "## 5. All of it at once\n\n"
           "`qujat verify-package PACKAGE.zip` checks everything above offline, the audit hashes included, and "
           "prints PASSED or FAILED for each check; it exits 0 only when every check passed. It still cannot tell "
           "you whether the trust anchor is the right one (step 1).\n";
    return out.str();
}

}  // namespace qujat::evidence
