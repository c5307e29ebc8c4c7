#include "qujat/crypto/CmsApprovalCheck.h"

#include "qujat/crypto/Indication.h"
#include "qujat/crypto/TimeStampCms.h"

namespace qujat::crypto {

CmsApprovalCheck::CmsApprovalCheck(std::shared_ptr<const CadesVerifier> verifier,
                                   std::shared_ptr<TimeStampAuthority> tsa, TimeStampTrust tsaTrust,
                                   VerificationPolicy policy)
    : verifier_(std::move(verifier)),
      tsa_(std::move(tsa)),
      tsaTrust_(std::move(tsaTrust)),
      policy_(std::move(policy)) {}

engine::Result<engine::ApprovalOutcome> CmsApprovalCheck::check(const engine::ApprovalContext& ctx) {
    const std::string what = "step '" + ctx.step.id + "' of document " + std::to_string(ctx.document.id);
    if (ctx.evidence.signature.empty())
        return engine::failedPrecondition(what + " needs a signature: sign version " + std::to_string(ctx.version.number) +
                                          " (qujat sign, or in the browser) and approve with it");
    QUJAT_ASSIGN_OR_RETURN(VerificationReport report,
                           verifier_->verify(ctx.evidence.signature, ctx.content, policy_, ctx.now));
    if (!report.passed())
        return engine::failedPrecondition("the signature for " + what + " is refused (" +
                                          indicationName(report.indication) + "/" +
                                          subIndicationName(report.subIndication) + "): " + report.message);
    QUJAT_ASSIGN_OR_RETURN(std::optional<std::string> existing, extractSignatureTimeStamp(ctx.evidence.signature));
    if (existing)
        return engine::failedPrecondition("the signature already carries a signature timestamp; approve with the "
                                          "signature alone: accepted signatures are time-stamped here");
    QUJAT_ASSIGN_OR_RETURN(std::string imprint, signatureTimeStampImprint(ctx.evidence.signature));
    auto token = tsa_->stamp(imprint);
    if (!token.isOk()) return engine::unavailable("the signature could not be time-stamped: " + token.status().message());
    // The token is checked as an auditor will check it (evidence packages), so what the
    // report says about it is what a verifier reads: its genTime, serial, TSA and policy.
    auto stamp = TimeStampVerifier().verify(*token, imprint, tsaTrust_, ctx.now);
    if (!stamp.isOk())
        return engine::unavailable("the signature could not be time-stamped: the TSA's token does not verify (" +
                                   stamp.status().message() + ")");
    report.timeStamp = *stamp;
    QUJAT_ASSIGN_OR_RETURN(std::string stamped, addSignatureTimeStamp(ctx.evidence.signature, *token));
    return engine::ApprovalOutcome{report.toJson(),
                                   engine::VerifiedSignature{std::move(stamped), report.certificateSha256,
                                                             report.signerSubject}};
}

}  // namespace qujat::crypto
