#include "ApprovalPolicy.h"

#include "FileIo.h"
#include "qujat/crypto/CmsApprovalCheck.h"
#include "qujat/crypto/TrustStore.h"
#include "qujat/crypto/TsaLocal.h"
#include "qujat/engine/UnsignedApprovals.h"

namespace qujat::cli {

namespace {

// Refuses every signed approval, saying what the installation lacks.
class UnconfiguredSignatures final : public engine::ApprovalCheck {
public:
    explicit UnconfiguredSignatures(std::string reason) : reason_(std::move(reason)) {}
    engine::Result<engine::ApprovalOutcome> check(const engine::ApprovalContext&) override {
        return engine::failedPrecondition("signatures cannot be checked here: " + reason_);
    }

private:
    std::string reason_;
};

std::unique_ptr<engine::ApprovalCheck> unconfigured(const std::string& dataDir, const std::string& what) {
    return std::make_unique<UnconfiguredSignatures>(what + " (configure it with `qujat --data " + dataDir +
                                                    " init --pki DIR`, DIR made by certs/make-dev-pki.sh)");
}

// Whom the engine's TSA must chain to: the trust directory signatures are judged against
// (its anchors, intermediates and CRLs, so the TSA certificate's revocation is checked too),
// plus the TSA's own chain.pem. Evidence packages carry the same trust files, so a token that
// verifies here verifies for an auditor.
engine::Result<crypto::TimeStampTrust> timeStampTrustOf(const crypto::TrustStore& trust,
                                                        const std::string& tsaChainPem) {
    crypto::TimeStampTrust out;
    for (const crypto::Certificate& anchor : trust.anchors()) out.anchorPems.push_back(anchor.pem());
    for (const crypto::Certificate& ca : trust.intermediates()) out.intermediatePems.push_back(ca.pem());
    if (!tsaChainPem.empty()) out.intermediatePems.push_back(tsaChainPem);
    QUJAT_ASSIGN_OR_RETURN(out.crlPems, trust.crlPems());
    return out;
}

}  // namespace

std::string trustDirectory(const std::string& dataDir) { return dataDir + "/trust"; }
std::string tsaDirectory(const std::string& dataDir) { return dataDir + "/tsa"; }

engine::Result<std::unique_ptr<engine::ApprovalCheck>> approvalCheckFor(const std::string& dataDir,
                                                                       bool requireSignatures, engine::Store& store,
                                                                       engine::Clock& clock) {
    if (!requireSignatures) return std::unique_ptr<engine::ApprovalCheck>(new engine::UnsignedApprovals());
    if (!fileExists(trustDirectory(dataDir)))
        return unconfigured(dataDir, "there are no trust anchors in " + trustDirectory(dataDir));
    if (!fileExists(tsaDirectory(dataDir) + "/key.pem"))
        return unconfigured(dataDir, "there is no time-stamping key in " + tsaDirectory(dataDir));
    QUJAT_ASSIGN_OR_RETURN(std::shared_ptr<crypto::TrustStore> trust, crypto::TrustStore::open(trustDirectory(dataDir)));

    crypto::LocalTsaConfig tsa;
    QUJAT_ASSIGN_OR_RETURN(tsa.keyPem, readFile(tsaDirectory(dataDir) + "/key.pem"));
    QUJAT_ASSIGN_OR_RETURN(tsa.certificatePem, readFile(tsaDirectory(dataDir) + "/cert.pem"));
    if (fileExists(tsaDirectory(dataDir) + "/chain.pem")) {
        QUJAT_ASSIGN_OR_RETURN(tsa.chainPem, readFile(tsaDirectory(dataDir) + "/chain.pem"));
    }
    // The deployment's own TSA policy (an OID under an arc it holds); without the file, the
    // development placeholder kDefaultTsaPolicyOid.
    if (const std::string policyFile = tsaDirectory(dataDir) + "/policy-oid"; fileExists(policyFile)) {
        QUJAT_ASSIGN_OR_RETURN(std::string policy, readFile(policyFile));
        policy.erase(policy.find_last_not_of(" \t\r\n") + 1);
        if (policy.empty()) return engine::invalidArgument(policyFile + " is empty; write the TSA policy OID in it");
        tsa.policyOid = policy;
    }
    tsa.clock = [&clock] { return clock.now(); };
    tsa.nextSerial = [&store] {
        std::int64_t serial = 0;
        engine::Status s = store.write([&](engine::StoreWriter& w) -> engine::Status {
            QUJAT_ASSIGN_OR_RETURN(serial, w.nextCounterValue("tsa-serial"));
            return engine::Status::ok();
        });
        if (!s.isOk()) throw std::runtime_error("no TSA serial number: " + s.message());
        return serial;
    };
    QUJAT_ASSIGN_OR_RETURN(crypto::TimeStampTrust tsaTrust, timeStampTrustOf(*trust, tsa.chainPem));
    QUJAT_ASSIGN_OR_RETURN(std::unique_ptr<crypto::LocalTsa> authority, crypto::LocalTsa::create(std::move(tsa)));
    auto verifier = std::make_shared<const crypto::CadesVerifier>(std::move(trust));
    crypto::VerificationPolicy policy;
    policy.maxSigningTimeAge = crypto::kApprovalSigningTimeMaxAge;
    return std::unique_ptr<engine::ApprovalCheck>(new crypto::CmsApprovalCheck(
        std::move(verifier), std::shared_ptr<crypto::TimeStampAuthority>(std::move(authority)), std::move(tsaTrust),
        policy));
}

}  // namespace qujat::cli
