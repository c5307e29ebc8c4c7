#include "qujat/evidence/PackageVerifier.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "CmsParts.h"
#include "JsonText.h"
#include "Manifest.h"
#include "PackageLayout.h"
#include "qujat/crypto/CadesVerifier.h"
#include "qujat/crypto/VerificationPolicy.h"
#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/Indication.h"
#include "qujat/crypto/OpenSslHasher.h"
#include "qujat/crypto/TimeStampCms.h"
#include "qujat/crypto/TimeStampVerifier.h"
#include "qujat/crypto/TrustStore.h"

namespace qujat::evidence {

namespace {

namespace fs = std::filesystem;
using engine::Millis;

// How far a timestamp, or a signing time before it, may be off.
constexpr Millis kClockSkew = 5 * 60 * 1000;
// Approvals refuse signatures older than this and are stamped when accepted, so no genuine
// package has a signature claiming to be made longer before its timestamp.
constexpr Millis kMaxSigningBeforeStamp = crypto::kApprovalSigningTimeMaxAge;

std::string rawSha256(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

bool isLowerHex64(const std::string& s) {
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A private directory for the package's trust files (TrustStore reads directories),
// removed with them.
class ScratchDirectory {
public:
    static engine::Result<std::unique_ptr<ScratchDirectory>> make() {
        std::error_code ec;
        std::string pattern = (fs::temp_directory_path(ec) / "qujat-evidence-XXXXXX").string();
        if (ec || !mkdtemp(pattern.data())) return engine::internalError("cannot create a temporary directory");
        return std::unique_ptr<ScratchDirectory>(new ScratchDirectory(pattern));
    }
    ~ScratchDirectory() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    const std::string& path() const { return path_; }

private:
    explicit ScratchDirectory(std::string path) : path_(std::move(path)) {}
    std::string path_;
};

// The PEM blocks of `text` with the given label, each with its BEGIN and END lines.
std::vector<std::string> pemBlocks(const std::string& text, const std::string& label) {
    const std::string begin = "-----BEGIN " + label + "-----";
    const std::string end = "-----END " + label + "-----";
    std::vector<std::string> out;
    for (std::size_t at = text.find(begin); at != std::string::npos; at = text.find(begin, at)) {
        const std::size_t stop = text.find(end, at);
        if (stop == std::string::npos) break;
        out.push_back(text.substr(at, stop + end.size() - at) + "\n");
        at = stop + end.size();
    }
    return out;
}

// The package's trust files, loaded for both verifiers.
struct PackageTrust {
    std::shared_ptr<crypto::TrustStore> store;
    crypto::TimeStampTrust timestamps;
    Millis newestCrl = 0;  // the latest thisUpdate of the CRLs in use
};

class Checker {
public:
    Checker(std::vector<ArchiveFile> files, Millis now) : now_(now) {
        for (ArchiveFile& f : files) {
            order_.push_back(f.name);
            files_.emplace(f.name, std::move(f.bytes));
        }
    }

    engine::Result<PackageVerification> run() {
        if (!has(layout::kManifest) && !has(layout::kChecksums))
            return engine::invalidArgument("not a Qujat evidence package: it has neither " +
                                           std::string(layout::kManifest) + " nor " + layout::kChecksums);
        checkSums();
        const std::string* manifestText = file(layout::kManifest);
        if (!manifestText) {
            fail("manifest", std::string(layout::kManifest) + " is missing");
            return result_;
        }
        auto manifest = parseManifest(*manifestText);
        if (!manifest.isOk()) {
            fail("manifest", manifest.status().message());
            return result_;
        }
        m_ = std::move(manifest).value();
        result_.documentId = m_.documentId;
        result_.title = m_.title;
        result_.exportedAt = m_.exportedAt;
        result_.exportedBy = m_.exportedBy;
        result_.chainHeadSeq = m_.chainAtExport.headSeq;
        result_.chainHeadHash = m_.chainAtExport.headHash;
        pass("manifest", "document #" + std::to_string(m_.documentId) + ", " + std::to_string(m_.versions.size()) +
                             " versions, " + std::to_string(m_.signatures.size()) + " signatures, " +
                             std::to_string(m_.eventCount) + " audit events");
        checkManifestFiles();
        QUJAT_RETURN_IF_ERROR(checkTrust());
        for (const ManifestVersion& v : m_.versions) checkVersion(v);
        for (const ManifestSignature& s : m_.signatures) checkSignature(s);
        checkEvents();
        checkChainAtExport();
        return result_;
    }

private:
    bool has(const std::string& name) const { return files_.count(name) > 0; }
    const std::string* file(const std::string& name) const {
        auto it = files_.find(name);
        return it == files_.end() ? nullptr : &it->second;
    }
    void pass(std::string name, std::string detail) {
        result_.checks.push_back({std::move(name), true, std::move(detail)});
    }
    void fail(std::string name, std::string detail) {
        result_.checks.push_back({std::move(name), false, std::move(detail)});
    }

    // --- files ---

    void checkSums() {
        const std::string name = layout::kChecksums;
        const std::string* sums = file(name);
        if (!sums) return fail(name, name + " is missing");
        std::set<std::string> listed;
        std::istringstream lines(*sums);
        std::string line;
        int number = 0;
        while (std::getline(lines, line)) {
            ++number;
            // "<64 hex>  <name>" (text mode) or "<64 hex> *<name>" (binary mode).
            if (line.size() < 67 || !isLowerHex64(line.substr(0, 64)) || line[64] != ' ' ||
                (line[65] != ' ' && line[65] != '*'))
                return fail(name, "line " + std::to_string(number) + " is not '<SHA-256>  <file>'");
            const std::string path = line.substr(66);
            if (!listed.insert(path).second) return fail(name, path + " is listed twice");
            const std::string* bytes = file(path);
            if (!bytes) return fail(name, path + " is listed but missing from the archive (removed?)");
            if (hasher_.sha256Hex(*bytes) != line.substr(0, 64))
                return fail(name, path + " does not have the SHA-256 listed for it (changed?)");
        }
        for (const std::string& present : order_)
            if (present != name && !listed.count(present))
                return fail(name, present + " is in the archive but not listed (added?)");
        pass(name, std::to_string(listed.size()) + " files have the SHA-256 listed for them; none missing, none added");
    }

    void checkManifestFiles() {
        const std::string name = "manifest files";
        std::set<std::string> listed;
        for (const ManifestFile& f : m_.files) {
            if (!listed.insert(f.path).second) return fail(name, f.path + " is listed twice in manifest.json");
            const std::string* bytes = file(f.path);
            if (!bytes)
                return fail(name, f.path + " is listed in manifest.json but missing from the archive (removed?)");
            if (bytes->size() != f.size || hasher_.sha256Hex(*bytes) != f.sha256)
                return fail(name, f.path + " does not have the size and SHA-256 manifest.json gives (changed?)");
        }
        for (const std::string& present : order_)
            if (present != layout::kManifest && present != layout::kChecksums && !listed.count(present))
                return fail(name, present + " is in the archive but not in manifest.json (added?)");
        std::vector<std::string> referenced = {m_.eventsFile, m_.caBundle};
        for (const ManifestVersion& v : m_.versions) referenced.push_back(v.file);
        for (const ManifestSignature& s : m_.signatures) {
            referenced.push_back(s.file);
            referenced.push_back(s.signatureValueFile);
            if (!s.timestampFile.empty()) referenced.push_back(s.timestampFile);
        }
        for (const std::string& t : m_.trustFiles) referenced.push_back(t);
        for (const std::string& r : referenced)
            if (!listed.count(r)) return fail(name, r + " is named by manifest.json but not among its files");
        pass(name, std::to_string(listed.size()) + " files have the size and SHA-256 manifest.json gives");
    }

    // --- trust ---

    engine::Status checkTrust() {
        const std::string name = "trust";
        std::string bundle;
        std::vector<std::pair<std::string, std::string>> pems;  // file name inside trust/, PEM
        if (m_.trustFiles.empty()) {
            if (m_.signatures.empty()) pass(name, "no trust files; the document has no signatures to check with them");
            else fail(name, "the package holds no trust files, so its signatures cannot be verified");
            return engine::Status::ok();
        }
        for (const std::string& path : m_.trustFiles) {
            const std::string* bytes = file(path);
            if (!bytes) {
                fail(name, path + " is missing");
                return engine::Status::ok();
            }
            const std::string prefix = layout::kTrustDir;
            if (path.rfind(prefix, 0) != 0 || path.find('/', prefix.size()) != std::string::npos) {
                fail(name, path + " does not lie directly in " + prefix);
                return engine::Status::ok();
            }
            const std::string base = path.substr(prefix.size());
            auto pem = trustFileAsPem(*bytes);
            if (!pem.isOk()) {
                fail(name, path + ": " + pem.status().message());
                return engine::Status::ok();
            }
            bundle += *pem;
            pems.emplace_back(base, *pem);
        }
        const std::string* packaged = file(m_.caBundle);
        if (!packaged || *packaged != bundle) {
            fail(name, m_.caBundle + " is not exactly the files of trust/ concatenated, so openssl would check against "
                                     "other certificates than qujat");
            return engine::Status::ok();
        }

        QUJAT_ASSIGN_OR_RETURN(std::unique_ptr<ScratchDirectory> scratch, ScratchDirectory::make());
        for (const auto& [base, pem] : pems) {
            std::ofstream out(scratch->path() + "/" + base, std::ios::binary);
            out << *file(layout::kTrustDir + base);
            if (!out) return engine::internalError("cannot write a trust file to " + scratch->path());
        }
        auto store = crypto::TrustStore::open(scratch->path());
        if (!store.isOk()) {
            fail(name, "the trust files do not load: " + store.status().message());
            return engine::Status::ok();
        }
        PackageTrust trust;
        trust.store = *store;
        for (const auto& [base, pem] : pems) {
            for (const std::string& block : pemBlocks(pem, "CERTIFICATE")) {
                auto cert = crypto::Certificate::fromPem(block);
                if (!cert.isOk()) continue;  // TrustStore accepted the file, so this does not happen
                (cert->selfSigned() ? trust.timestamps.anchorPems : trust.timestamps.intermediatePems).push_back(block);
            }
            for (const std::string& block : pemBlocks(pem, "X509 CRL")) trust.timestamps.crlPems.push_back(block);
        }
        for (const crypto::CrlInfo& crl : trust.store->crls())
            trust.newestCrl = std::max(trust.newestCrl, crl.thisUpdate);
        for (const crypto::Certificate& anchor : trust.store->anchors())
            result_.trustAnchors.push_back(anchor.subject() + " SHA-256 " + anchor.sha256Hex());
        pass(name, "trust anchors: " + std::to_string(trust.store->anchors().size()) +
                       ", intermediate certificates: " + std::to_string(trust.store->intermediates().size()) +
                       ", CRLs: " + std::to_string(trust.store->crls().size()) + "; " + m_.caBundle +
                       " holds exactly these files");
        trust_ = std::move(trust);
        return engine::Status::ok();
    }

    // --- versions ---

    const ManifestVersion* version(int number) const {
        for (const ManifestVersion& v : m_.versions)
            if (v.number == number) return &v;
        return nullptr;
    }

    void checkVersion(const ManifestVersion& v) {
        const std::string name = "version " + std::to_string(v.number);
        if (version(v.number) != &v)
            return fail(name, "manifest.json lists version " + std::to_string(v.number) + " twice");
        const std::string* bytes = file(v.file);
        if (!bytes) return fail(name, v.file + " is missing");
        if (hasher_.sha256Hex(*bytes) != v.sha256 || static_cast<std::int64_t>(bytes->size()) != v.size)
            return fail(name, v.file + " is not the version Qujat recorded (SHA-256 " + v.sha256 + ", " +
                                  std::to_string(v.size) + " bytes)");
        pass(name, v.file + " (" + std::to_string(v.size) + " bytes) has the SHA-256 Qujat recorded, " + v.sha256);
    }

    // --- signatures ---

    void checkSignature(const ManifestSignature& s) {
        const std::string id = std::to_string(s.id);
        const std::string timestampName = "timestamp of signature " + id;
        const std::string name = "signature " + id;
        const std::string* cms = file(s.file);
        if (!cms) return fail(name, s.file + " is missing");
        if (hasher_.sha256Hex(*cms) != s.cmsSha256)
            return fail(name, s.file + " is not the signature Qujat kept (its SHA-256 differs from the record's " +
                                  s.cmsSha256 + ")");
        const ManifestVersion* v = version(s.version);
        const std::string* content = v ? file(v->file) : nullptr;
        if (!content)
            return fail(name, "the version it signs, " + std::to_string(s.version) + ", is not in the package");
        if (!trust_) return fail(name, "cannot be verified: the package's trust files are unusable");

        // The time to judge at: when the timestamp proves the signature existed, or later
        // when the package's CRLs were issued later (they speak for their own time only).
        std::optional<crypto::TimeStampInfo> stamp = checkTimestamp(s, *cms, timestampName);
        Millis at = now_;
        if (stamp) {
            at = stamp->genTime;
        } else if (auto token = crypto::extractSignatureTimeStamp(*cms); token.isOk() && *token) {
            // The timestamp check failed already; judge the signature as its token claims.
            if (auto stated = statedGenTime(**token); stated.isOk()) at = *stated;
        }
        at = std::max(at, trust_->newestCrl);

        const crypto::CadesVerifier verifier(trust_->store);
        auto report = verifier.verify(*cms, *content, crypto::VerificationPolicy{}, at);
        if (!report.isOk()) return fail(name, report.status().message());
        const std::string judged = "; judged as of " + engine::formatIsoUtc(at);
        if (!report->passed())
            return fail(name, std::string(crypto::indicationName(report->indication)) + "/" +
                                  crypto::subIndicationName(report->subIndication) + ": " + report->message + judged);
        if (report->certificateSha256 != s.certificateSha256)
            return fail(name, "it was made with certificate " + report->certificateSha256 +
                                  ", not the one Qujat recorded, " + s.certificateSha256);
        if (stamp && report->signingTime && *report->signingTime > stamp->genTime + kClockSkew)
            return fail(name, "its signing time " + engine::formatIsoUtc(*report->signingTime) +
                                  " lies after its timestamp " + engine::formatIsoUtc(stamp->genTime));
        if (stamp && report->signingTime && *report->signingTime < stamp->genTime - kMaxSigningBeforeStamp)
            return fail(name, "its signing time " + engine::formatIsoUtc(*report->signingTime) +
                                  " lies more than a day before its timestamp " +
                                  engine::formatIsoUtc(stamp->genTime) + ", so the signer's claim is not covered");
        pass(name, "PASSED over " + v->file + " by " + s.signer + ": " + report->message + judged);
    }

    // The signature's timestamp, verified; nullopt (with a failed check) when it does not hold.
    std::optional<crypto::TimeStampInfo> checkTimestamp(const ManifestSignature& s, const std::string& cms,
                                                        const std::string& name) {
        auto failed = [&](const std::string& why) {
            fail(name, why);
            return std::nullopt;
        };
        auto embedded = crypto::extractSignatureTimeStamp(cms);
        if (!embedded.isOk()) return failed(embedded.status().message());
        if (!*embedded || s.timestampFile.empty())
            return failed("the signature has no signature timestamp, so when it was made is not proven");
        const std::string* token = file(s.timestampFile);
        if (!token) return failed(s.timestampFile + " is missing");
        if (*token != **embedded) return failed(s.timestampFile + " is not the token inside " + s.file);
        auto value = signatureValueOf(cms);
        const std::string* valueFile = file(s.signatureValueFile);
        if (!value.isOk()) return failed(value.status().message());
        if (!valueFile || *valueFile != *value)
            return failed(s.signatureValueFile + " is not the signature value of " + s.file);
        auto imprint = crypto::signatureTimeStampImprint(cms);
        if (!imprint.isOk()) return failed(imprint.status().message());
        if (*imprint != rawSha256(hasher_.sha256Hex(*value)))
            return failed("the imprint of " + s.file + " is not the SHA-256 of its signature value");
        auto stated = statedGenTime(*token);
        if (!stated.isOk()) return failed(stated.status().message());
        const Millis at = std::max(*stated, trust_->newestCrl);
        auto info = crypto::TimeStampVerifier().verify(*token, *imprint, trust_->timestamps, at);
        if (!info.isOk()) return failed(info.status().message() + "; judged as of " + engine::formatIsoUtc(at));
        if (info->genTime > now_ + kClockSkew)
            return failed("its genTime " + engine::formatIsoUtc(info->genTime) + " is in the future");
        pass(name, "time-stamped " + engine::formatIsoUtc(info->genTime) + " by " + info->tsaSubject + " (serial " +
                       info->serial + ", policy " + info->policyOid + ") over the signature value; judged as of " +
                       engine::formatIsoUtc(at));
        return *info;
    }

    // --- audit ---

    engine::Result<engine::AuditEvent> parseEvent(const std::string& line) const {
        QUJAT_ASSIGN_OR_RETURN(const Poco::JSON::Object::Ptr o, parseJsonObject(line, "the line"));
        auto text = [&o](const char* key) -> engine::Result<std::string> {
            if (!o->has(key) || !o->get(key).isString())
                return engine::invalidArgument(std::string("has no string ") + key);
            return o->get(key).extract<std::string>();
        };
        auto integer = [&o](const char* key) -> engine::Result<std::int64_t> {
            if (!o->has(key) || !o->get(key).isInteger())
                return engine::invalidArgument(std::string("has no integer ") + key);
            try {
                return o->get(key).convert<Poco::Int64>();
            } catch (const Poco::Exception&) {
                return engine::invalidArgument(std::string("has an integer out of range as ") + key);
            }
        };
        engine::AuditEvent e;
        QUJAT_ASSIGN_OR_RETURN(e.seq, integer("seq"));
        QUJAT_ASSIGN_OR_RETURN(e.time, integer("timeMillis"));
        QUJAT_ASSIGN_OR_RETURN(const std::string time, text("time"));
        if (time != engine::formatIsoUtc(e.time))
            return engine::invalidArgument("states time " + time + " but timeMillis " + std::to_string(e.time));
        QUJAT_ASSIGN_OR_RETURN(e.actor, text("actor"));
        QUJAT_ASSIGN_OR_RETURN(e.action, text("action"));
        QUJAT_ASSIGN_OR_RETURN(e.subject, text("subject"));
        QUJAT_ASSIGN_OR_RETURN(e.details, text("details"));
        QUJAT_ASSIGN_OR_RETURN(e.prevHash, text("prevHash"));
        QUJAT_ASSIGN_OR_RETURN(e.hash, text("hash"));
        return e;
    }

    void checkEvents() {
        const std::string name = "audit events";
        const std::string* jsonl = file(m_.eventsFile);
        if (!jsonl) return fail(name, m_.eventsFile + " is missing");
        std::vector<engine::AuditEvent> events;
        std::istringstream lines(*jsonl);
        std::string line;
        while (std::getline(lines, line)) {
            auto e = parseEvent(line);
            if (!e.isOk())
                return fail(name,
                            m_.eventsFile + " line " + std::to_string(events.size() + 1) + " " + e.status().message());
            events.push_back(std::move(e).value());
        }
        if (static_cast<std::int64_t>(events.size()) != m_.eventCount)
            return fail(name, m_.eventsFile + " holds " + std::to_string(events.size()) +
                                  " events; manifest.json says " + std::to_string(m_.eventCount));
        const std::string subject = "document/" + std::to_string(m_.documentId);
        int links = 0;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const engine::AuditEvent& e = events[i];
            const std::string which = "event " + std::to_string(e.seq);
            if (engine::auditEventHash(e, hasher_) != e.hash)
                return fail(name, which + " was altered after it was written (its hash does not match its contents)");
            if (e.subject != subject) return fail(name, which + " is about " + e.subject + ", not " + subject);
            if (e.seq > m_.chainAtExport.headSeq)
                return fail(name, which + " lies beyond the chain's head at export, #" +
                                      std::to_string(m_.chainAtExport.headSeq));
            if (e.seq == m_.chainAtExport.headSeq && e.hash != m_.chainAtExport.headHash)
                return fail(name, which + " is the chain's head at export but has another hash");
            if (e.seq == 1 && e.prevHash != engine::kAuditGenesisHash)
                return fail(name, which + " is the first of the chain but does not start from the genesis hash");
            if (i == 0) continue;
            const engine::AuditEvent& before = events[i - 1];
            if (e.seq <= before.seq) return fail(name, which + " comes after event " + std::to_string(before.seq) +
                                                           " (out of order or repeated)");
            if (e.time < before.time) return fail(name, which + " is dated before event " + std::to_string(before.seq));
            if (e.seq == before.seq + 1) {
                if (e.prevHash != before.hash)
                    return fail(name, which + " does not link to event " + std::to_string(before.seq) +
                                          " (previous-hash mismatch)");
                ++links;
            }
        }
        pass(name, std::to_string(events.size()) + " events" +
                       (events.empty() ? std::string()
                                       : " #" + std::to_string(events.front().seq) + " to #" +
                                             std::to_string(events.back().seq)) +
                       ": every hash matches its event; " + std::to_string(links) + " consecutive pairs link");
        checkEventsRecord(events);
    }

    // Every version and every signature is recorded by an event: a package whose manifest
    // was rewritten around a substituted version or signature disagrees with the hashed events.
    void checkEventsRecord(const std::vector<engine::AuditEvent>& events) {
        const std::string name = "audit record";
        std::vector<std::pair<const engine::AuditEvent*, Poco::JSON::Object::Ptr>> parsed;
        for (const engine::AuditEvent& e : events) {
            auto details = parseJsonObject(e.details, "the details of event " + std::to_string(e.seq));
            if (!details.isOk()) return fail(name, details.status().message());
            parsed.emplace_back(&e, *details);
        }
        auto says = [](const Poco::JSON::Object::Ptr& d, const char* key, const std::string& value) {
            return d->has(key) && d->get(key).isString() && d->get(key).extract<std::string>() == value;
        };
        for (const ManifestVersion& v : m_.versions) {
            const bool recorded = std::any_of(parsed.begin(), parsed.end(), [&](const auto& p) {
                return (p.first->action == "document.submit" || p.first->action == "document.resubmit") &&
                       says(p.second, "version", std::to_string(v.number)) && says(p.second, "sha256", v.sha256);
            });
            if (!recorded)
                return fail(name,
                            "no audit event records version " + std::to_string(v.number) + " with SHA-256 " + v.sha256);
        }
        for (const ManifestSignature& s : m_.signatures) {
            const bool recorded = std::any_of(parsed.begin(), parsed.end(), [&](const auto& p) {
                return p.first->actor == s.signer && says(p.second, "signature", s.cmsSha256) &&
                       says(p.second, "certificate", s.certificateSha256) &&
                       says(p.second, "version", std::to_string(s.version));
            });
            if (!recorded)
                return fail(name, "no audit event records signature " + std::to_string(s.id) + " by " + s.signer +
                                      " of version " + std::to_string(s.version) + " (SHA-256 " + s.cmsSha256 + ")");
        }
        pass(name, "the events record each of the " + std::to_string(m_.versions.size()) + " versions and " +
                       std::to_string(m_.signatures.size()) + " signatures with their SHA-256");
    }

    void checkChainAtExport() {
        const std::string name = "audit chain at export";
        const engine::AuditVerification& c = m_.chainAtExport;
        if (!c.intact()) return fail(name, "the whole chain was broken when the package was exported: " + c.problem);
        pass(name, "the whole chain was intact when exported: " + std::to_string(c.events) + " events, head #" +
                       std::to_string(c.headSeq) + " " + c.headHash);
    }

    const Millis now_;
    const crypto::OpenSslHasher hasher_;
    std::map<std::string, std::string> files_;
    std::vector<std::string> order_;
    Manifest m_;
    std::optional<PackageTrust> trust_;
    PackageVerification result_;
};

}  // namespace

engine::Result<PackageVerification> verifyPackage(const std::string& zip, Millis now, const ArchiveLimits& limits) {
    QUJAT_ASSIGN_OR_RETURN(std::vector<ArchiveFile> files, readArchive(zip, limits));
    try {
        return Checker(std::move(files), now).run();
    } catch (const std::exception& ex) {
        // Every check turns what it finds into a verdict; reaching this is a bug.
        return engine::internalError(std::string("verifying the package failed: ") + ex.what());
    }
}

}  // namespace qujat::evidence
