#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "qujat/engine/Document.h"

namespace qujat::evidence {

// One check of an evidence package and how it came out.
struct PackageCheck {
    std::string name;    // what was checked: "SHA256SUMS", "version 2", "signature 7", "audit events", …
    bool passed = false;
    std::string detail;  // what was found; for a failed check, the first problem
};

// What verifyPackage found, check by check, and what an auditor must compare with sources
// outside the package (the package cannot vouch for its own trust anchors or chain head).
struct PackageVerification {
    engine::DocumentId documentId = 0;
    std::string title;
    std::string exportedAt;  // as the manifest states it
    std::string exportedBy;
    std::vector<PackageCheck> checks;  // in the order they ran
    // Each trust anchor of the package: "<subject> SHA-256 <fingerprint>".
    std::vector<std::string> trustAnchors;
    // The head of the whole audit chain when the package was exported.
    std::int64_t chainHeadSeq = 0;
    std::string chainHeadHash;

    // True when there are checks and every one passed.
    bool passed() const;
    // The first check that failed, or nullopt.
    std::optional<PackageCheck> firstFailure() const;
    // One "PASSED|FAILED  name: detail" line per check, then the anchors and chain head to
    // compare, then the verdict with the first problem.
    std::string toText() const;
    // The same as a JSON object: document, exportedAt, exportedBy, passed, firstProblem,
    // checks [{name, passed, detail}], trustAnchors, chainHead {seq, hash}.
    std::string toJson() const;
};

}  // namespace qujat::evidence
