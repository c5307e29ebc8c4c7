#pragma once

#include <string>
#include <vector>

#include "Manifest.h"
#include "qujat/evidence/PackageWriter.h"

namespace qujat::evidence {

// A trust anchor as the README names it, for comparison with `openssl x509 -fingerprint`.
struct ReadmeAnchor {
    std::string file;         // "trust/root.pem"
    std::string subject;
    std::string fingerprint;  // "AB:CD:…", as openssl prints a SHA-256 fingerprint
};

// What one file of trust/ holds, in words: "trust anchor C=KZ,…", "CRL of …, valid … to …".
struct ReadmeTrustFile {
    std::string file;
    std::string description;
};

// README.md of a package: what each file is and the plain commands (sha256sum, openssl)
// that check it, with the package's real file names. Every line of its ```sh blocks is a
// command meant to be run as written in the unpacked package's directory (the tests do).
std::string packageReadme(const Manifest& manifest, const PackageInput& input, const std::vector<ReadmeAnchor>& anchors,
                          const std::vector<ReadmeTrustFile>& trustFiles);

}  // namespace qujat::evidence
