#include "qujat/crypto/CmsApprovalCheck.h"

#include "qujat/crypto/Indication.h"
#include "qujat/crypto/TimeStampCms.h"

namespace qujat::crypto {

CmsApprovalCheck::CmsApprovalCheck(std::shared_ptr<const CadesVerifier> verifier,
                                   std::shared_ptr<TimeStampAuthority> tsa, VerificationPolicy policy)
    : verifier_(std::move(verifier)), tsa_(std::move(tsa)), policy_(std::move(policy)) {}

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
    QUJAT_ASSIGN_OR_RETURN(std::string stamped, addSignatureTimeStamp(ctx.evidence.signature, *token));
    return engine::ApprovalOutcome{report.toJson(),
                                   engine::VerifiedSignature{std::move(stamped), report.certificateSha256,
                                                             report.signerSubject}};
}

}  // namespace qujat::crypto
