#pragma once

#include <memory>
#include <string>
#include <vector>

#include "Runtime.h"
#include "qujat/evidence/Archive.h"
#include "qujat/evidence/PackageVerification.h"
#include "qujat/evidence/PackageWriter.h"
#include "support/DevPki.h"
#include "support/TempDir.h"

namespace qujat::test {

// A data directory configured with the development PKI (trust/ and tsa/ as `qujat init
// --pki` makes them), with the built-in workflows and a small directory:
//
//   KZ └ REG └ DIS (registrar.ast-01, first-deputy.dis)
//              ├ P1 (secretary.ppo-00001, chairman.ppo-00001)
//              └ P2 (secretary.p2, who may not see P1's documents)
//
// and one protocol routed to the end with real signatures on the system clock: version 1
// signed by the chairman, rejected by the secretary, version 2 (a Cyrillic file name)
// signed by both, registered. Made once per test process; tests must not change it.
class EvidenceFixture {
public:
    static EvidenceFixture& shared();

    cli::Runtime& runtime() { return *runtime_; }
    const std::string& dataDir() const { return dataDir_; }
    engine::DocumentId documentId() const { return documentId_; }
    // What collectPackage gathered for the document, and the package writePackage made of it.
    const evidence::PackageInput& input() const { return input_; }
    const std::string& package() const { return package_; }

private:
    EvidenceFixture();
    void configureSignatures();
    void loadDirectory();
    void routeProtocol();
    std::string sign(const std::string& login, const std::string& content) const;

    TempDir dir_;
    std::string dataDir_;
    std::unique_ptr<cli::Runtime> runtime_;
    engine::DocumentId documentId_ = 0;
    evidence::PackageInput input_;
    std::string package_;
};

// The files of a package (REQUIREs that it reads).
std::vector<evidence::ArchiveFile> unpack(const std::string& zip);
// A package of `files`, in that order (REQUIREs that it writes).
std::string pack(const std::vector<evidence::ArchiveFile>& files);
// The file named `name` (REQUIREs that there is one).
evidence::ArchiveFile& fileNamed(std::vector<evidence::ArchiveFile>& files, const std::string& name);
// The first file whose name starts with `prefix` (REQUIREs that there is one).
evidence::ArchiveFile& fileStarting(std::vector<evidence::ArchiveFile>& files, const std::string& prefix);
// What a forger who knows the format does after changing files: manifest.json's file list
// and SHA256SUMS recomputed to match.
void reseal(std::vector<evidence::ArchiveFile>& files);
// verifyPackage at the system time (REQUIREs that it returns a verification).
evidence::PackageVerification verify(const std::string& zip);
// The check named `name` (REQUIREs that there is one).
evidence::PackageCheck checkNamed(const evidence::PackageVerification& v, const std::string& name);

}  // namespace qujat::test
