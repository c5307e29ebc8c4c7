#include "qujat/crypto/CadesVerifier.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "CadesAttributes.h"
#include "ChainValidator.h"
#include "CmsProfile.h"
#include "CryptoConstraints.h"
#include "OcspJudge.h"
#include "OpenSslErrors.h"
#include "OpenSslHandles.h"
#include "TrustSnapshot.h"
#include "qujat/crypto/OcspChecker.h"

namespace qujat::crypto {

namespace {

// Far above any real signature (a chain of a few certificates is a few KiB); refusing
// larger input bounds the work a hostile caller can cause.
constexpr std::size_t kMaxSignatureBytes = 4 * 1024 * 1024;

struct Finding {
    Indication indication;
    SubIndication subIndication;
    std::string message;
};

// The findings of one verification. The verdict is the first FAILED finding, else the
// first INDETERMINATE one: findings are added in order of precedence.
class Findings {
public:
    void add(Indication indication, SubIndication subIndication, std::string message) {
        list_.push_back(Finding{indication, subIndication, std::move(message)});
    }
    std::optional<Finding> verdict() const {
        for (const Finding& f : list_)
            if (f.indication == Indication::kFailed) return f;
        if (!list_.empty()) return list_.front();
        return std::nullopt;
    }

private:
    std::vector<Finding> list_;
};

std::string toDer(CMS_ContentInfo* cms) {
    unsigned char* der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms, &der);
    if (length <= 0) return {};
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

std::string algorithmName(const ASN1_OBJECT* object) {
    const int nid = OBJ_obj2nid(object);
    if (nid != NID_undef) return OBJ_nid2ln(nid);
    char text[128];
    const int length = OBJ_obj2txt(text, sizeof text, object, 1);
    return length > 0 && length < static_cast<int>(sizeof text) ? text : "unknown";
}

bool isEcdsaSignature(int nid) {
    return nid == NID_ecdsa_with_SHA1 || nid == NID_ecdsa_with_SHA224 || nid == NID_ecdsa_with_SHA256 ||
           nid == NID_ecdsa_with_SHA384 || nid == NID_ecdsa_with_SHA512;
}

// Whether the parameters of the signature algorithm have the one form RFC 3370/5754/5758
// allow: absent for ECDSA, NULL (or absent) for PKCS#1 v1.5 RSA, present for RSASSA-PSS.
bool signatureParametersConform(int signatureNid, int parameterType) {
    if (signatureNid == NID_rsassaPss) return parameterType == V_ASN1_SEQUENCE;
    if (isEcdsaSignature(signatureNid)) return parameterType == V_ASN1_UNDEF;
    return parameterType == V_ASN1_UNDEF || parameterType == V_ASN1_NULL;
}

// Extended key usages under which a certificate may sign documents: S/MIME
// (emailProtection), any, RFC 9336 documentSigning, Microsoft document signing.
bool extendedKeyUsageAllowsSigning(X509* cert) {
    ExtendedKeyUsagePtr usages(static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr)));
    ERR_clear_error();
    if (!usages) return true;  // absent: no restriction (RFC 5280 4.2.1.12)
    static const char* const kAllowed[] = {"1.3.6.1.5.5.7.3.4", "2.5.29.37.0", "1.3.6.1.5.5.7.3.36",
                                           "1.3.6.1.4.1.311.10.3.12"};
    for (int i = 0; i < sk_ASN1_OBJECT_num(usages.get()); ++i) {
        char text[80];
        if (OBJ_obj2txt(text, sizeof text, sk_ASN1_OBJECT_value(usages.get(), i), 1) <= 0) continue;
        for (const char* allowed : kAllowed)
            if (std::strcmp(text, allowed) == 0) return true;
    }
    return false;
}

// Whether the SignerInfo's issuerAndSerialNumber carries the certificate's issuer name
// byte for byte. X509_NAME_cmp matches names case- and space-insensitively, and the signer
// identifier is not signed: without this an altered, unsigned copy of the name would pass.
bool signerIdentifierExact(CMS_SignerInfo* si, X509* cert) {
    ASN1_OCTET_STRING* keyId = nullptr;
    X509_NAME* issuer = nullptr;
    ASN1_INTEGER* serial = nullptr;
    if (CMS_SignerInfo_get0_signer_id(si, &keyId, &issuer, &serial) != 1) return false;
    if (!issuer) return keyId != nullptr;  // a subjectKeyIdentifier is compared exactly already
    auto encoded = [](const X509_NAME* name) {
        unsigned char* der = nullptr;
        const int length = i2d_X509_NAME(name, &der);
        std::string out = length > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<std::size_t>(length))
                                     : std::string();
        OPENSSL_free(der);
        return out;
    };
    const std::string mine = encoded(issuer);
    return !mine.empty() && mine == encoded(X509_get_issuer_name(cert));
}

// The ESS attributes decoded and matched against the signer's certificate (and the other
// certificates of the signature, for ESSCertIDs beyond the first).
void checkSigningCertificate(CMS_SignerInfo* si, X509* signer, STACK_OF(X509) * certs,
                             const SignedAttributeValues& attrs, Findings& findings) {
    if (attrs.signingCertificateV2Count == 0) {
        findings.add(Indication::kIndeterminate, SubIndication::kSigConstraintsFailure,
                     attrs.signingCertificateV1Count > 0
                         ? "the signature binds its certificate with signing-certificate (v1, SHA-1) only; "
                           "signing-certificate-v2 is required"
                         : "the signature has no signing-certificate-v2 attribute, so nothing binds the "
                           "signer's certificate to it (sign with CAdES, e.g. openssl cms -sign -cades)");
        return;
    }
    if (attrs.signingCertificateV2Count > 1) {
        findings.add(Indication::kFailed, SubIndication::kFormatFailure,
                     "the signature has more than one signing-certificate-v2 attribute");
        return;
    }
    auto decode = [si](int nid, auto d2i) -> decltype(d2i(nullptr, nullptr, 0)) {
        const auto* value = static_cast<const ASN1_STRING*>(
            CMS_signed_get0_data_by_OBJ(si, OBJ_nid2obj(nid), -3, V_ASN1_SEQUENCE));
        if (!value) return nullptr;
        const unsigned char* p = ASN1_STRING_get0_data(value);
        const unsigned char* end = p + ASN1_STRING_length(value);
        auto* decoded = d2i(nullptr, &p, ASN1_STRING_length(value));
        if (decoded && p != end) return nullptr;
        return decoded;
    };
    EssSigningCertV2Ptr v2(decode(NID_id_smime_aa_signingCertificateV2, d2i_ESS_SIGNING_CERT_V2));
    EssSigningCertPtr v1(attrs.signingCertificateV1Count == 1 ? decode(NID_id_smime_aa_signingCertificate,
                                                                       d2i_ESS_SIGNING_CERT)
                                                              : nullptr);
    if (!v2 || (attrs.signingCertificateV1Count > 0 && !v1)) {
        ERR_clear_error();
        findings.add(Indication::kFailed, SubIndication::kFormatFailure,
                     "the signing-certificate attributes are malformed");
        return;
    }
    // The signer's certificate first: the first ESSCertID must name it.
    X509StackRefPtr candidates(sk_X509_new_null());
    if (!candidates) return;
    sk_X509_push(candidates.get(), signer);
    for (int i = 0; certs && i < sk_X509_num(certs); ++i)
        if (sk_X509_value(certs, i) != signer) sk_X509_push(candidates.get(), sk_X509_value(certs, i));
    if (OSSL_ESS_check_signing_certs(v1.get(), v2.get(), candidates.get(), 1) != 1)
        findings.add(Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
                     withOpenSslErrors("signing-certificate-v2 does not identify the certificate the signature "
                                       "was made with (a substituted certificate?)"));
    ERR_clear_error();
}

}  // namespace

CadesVerifier::CadesVerifier(std::shared_ptr<TrustStore> trust, std::shared_ptr<ChainCache> cache)
    : trust_(std::move(trust)), cache_(cache ? std::move(cache) : std::make_shared<ChainCache>()) {}

engine::Result<VerificationReport> CadesVerifier::verify(const std::string& der, const std::string& content,
                                                         const VerificationPolicy& policy, engine::Millis now) const {
    ERR_clear_error();
    VerificationReport report;
    auto conclude = [&report](Indication indication, SubIndication subIndication, std::string message) {
        report.indication = indication;
        report.subIndication = subIndication;
        report.message = std::move(message);
        ERR_clear_error();
        return report;
    };
    auto formatFailure = [&conclude](std::string message) {
        return conclude(Indication::kFailed, SubIndication::kFormatFailure, std::move(message));
    };

    // 1. Structure: one DER SignedData, detached, over id-data, one signer with signed attributes.
    if (der.empty()) return formatFailure("the signature is empty");
    if (der.size() > kMaxSignatureBytes) return formatFailure("the signature is larger than 4 MiB");
    BioPtr input = memoryBio(der.data(), der.size());
    if (!input) return engine::internalError(withOpenSslErrors("cannot allocate a BIO"));
    CmsPtr cms(d2i_CMS_bio(input.get(), nullptr));
    if (!cms) return formatFailure(withOpenSslErrors("not a CMS signature"));
    const std::string canonical = toDer(cms.get());
    if (canonical.empty()) return formatFailure(withOpenSslErrors("the signature cannot be re-encoded"));
    if (policy.requireCanonicalDer ? canonical != der : BIO_ctrl_pending(input.get()) != 0)
        return formatFailure("the signature is not in DER (BER, non-minimal lengths or trailing bytes)");
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return formatFailure("the CMS structure is not SignedData");
    STACK_OF(CMS_SignerInfo)* signerInfos = CMS_get0_SignerInfos(cms.get());
    const int signerCount = signerInfos ? sk_CMS_SignerInfo_num(signerInfos) : 0;
    if (signerCount == 0) return formatFailure("the signature has no signer");
    if (signerCount > 1)
        return conclude(Indication::kIndeterminate, SubIndication::kSigConstraintsFailure,
                        "the signature has " + std::to_string(signerCount) + " signers; exactly one is accepted");
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(signerInfos, 0);
    const ASN1_OBJECT* eContentType = CMS_get0_eContentType(cms.get());
    if (OBJ_obj2nid(eContentType) != NID_pkcs7_data)
        return formatFailure("the signature encapsulates " + algorithmName(eContentType) + ", not id-data");
    if (CMS_is_detached(cms.get()) != 1)
        return formatFailure("the signature embeds its content; a detached signature is required");
    if (const std::string problem = cmsProfileProblem(canonical); !problem.empty()) return formatFailure(problem);
    if (CMS_signed_get_attr_count(si) <= 0)
        return formatFailure("the signature has no signed attributes (CAdES requires them)");

    // 2. The signer's certificate, carried in the signature.
    X509StackPtr certs(CMS_get1_certs(cms.get()));
    X509* signer = nullptr;
    for (int i = 0; certs && i < sk_X509_num(certs.get()) && !signer; ++i)
        if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(certs.get(), i)) == 0) signer = sk_X509_value(certs.get(), i);
    if (!signer)
        return conclude(Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
                        "the signature does not carry the signer's certificate");
    if (!signerIdentifierExact(si, signer))
        return conclude(Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
                        "the signer identifier names the certificate's issuer only up to X.500 name matching, not "
                        "byte for byte");
    CMS_SignerInfo_set1_signer_cert(si, signer);
    const Certificate signerCertificate = Certificate::share(signer);
    report.signerSubject = signerCertificate.subject();
    report.signerCommonName = signerCertificate.commonName();
    report.signerSerialNumber = signerCertificate.subjectSerialNumber();
    report.certificateSha256 = signerCertificate.sha256Hex();
    report.certificateSerial = signerCertificate.serialHex();

    EVP_PKEY* publicKey = nullptr;
    X509_ALGOR* digestAlgorithm = nullptr;
    X509_ALGOR* signatureAlgorithm = nullptr;
    CMS_SignerInfo_get0_algs(si, &publicKey, nullptr, &digestAlgorithm, &signatureAlgorithm);
    const ASN1_OBJECT* digestObject = nullptr;
    const ASN1_OBJECT* signatureObject = nullptr;
    int digestParameterType = V_ASN1_UNDEF;
    int signatureParameterType = V_ASN1_UNDEF;
    X509_ALGOR_get0(&digestObject, &digestParameterType, nullptr, digestAlgorithm);
    X509_ALGOR_get0(&signatureObject, &signatureParameterType, nullptr, signatureAlgorithm);
    const int digestNid = OBJ_obj2nid(digestObject);
    const int signatureNid = OBJ_obj2nid(signatureObject);
    report.digestAlgorithm = algorithmName(digestObject);
    report.signatureAlgorithm = algorithmName(signatureObject);
    if (digestParameterType != V_ASN1_UNDEF && digestParameterType != V_ASN1_NULL)
        return formatFailure("the digest algorithm has parameters other than NULL");
    if (!signatureParametersConform(signatureNid, signatureParameterType))
        return formatFailure("the parameters of signature algorithm " + report.signatureAlgorithm +
                             " do not have the form its specification requires");
    const EVP_MD* md = EVP_get_digestbynid(digestNid);
    if (!md)
        return conclude(Indication::kIndeterminate, SubIndication::kCryptoConstraintsFailure,
                        "digest algorithm " + report.digestAlgorithm + " is not supported");

    const SignedAttributeValues attrs = readSignedAttributes(si, eContentType);
    report.signingTime = attrs.signingTime;
    report.commitmentTypes = attrs.commitmentTypes;
    if (!attrs.hasContentType || !attrs.contentTypeProblem.empty())
        return formatFailure(attrs.contentTypeProblem.empty() ? "the signature has no content-type attribute"
                                                              : attrs.contentTypeProblem);
    if (!attrs.messageDigest)
        return formatFailure(attrs.messageDigestProblem.empty() ? "the signature has no message-digest attribute"
                                                                : attrs.messageDigestProblem);

    // 3. Cryptography: the signature over the signed attributes, then the content's digest.
    if (CMS_SignerInfo_verify(si) != 1)
        return conclude(Indication::kFailed, SubIndication::kSigCryptoFailure,
                        withOpenSslErrors("the signature value does not verify with the key of " + report.signerSubject));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (EVP_Digest(content.data(), content.size(), digest, &digestLength, md, nullptr) != 1)
        return engine::internalError(withOpenSslErrors("cannot compute the content digest"));
    if (ASN1_STRING_length(attrs.messageDigest) != static_cast<int>(digestLength) ||
        std::memcmp(ASN1_STRING_get0_data(attrs.messageDigest), digest, digestLength) != 0)
        return conclude(Indication::kFailed, SubIndication::kHashFailure,
                        "the content does not match the signed message-digest: these are not the bytes that were "
                        "signed");
    // OpenSSL's own complete verification as a second opinion on the two checks above.
    // CMS_NO_ATTR_VERIFY: the signature over the signed attributes was just checked by the
    // very same call, CMS_SignerInfo_verify(si), on the same SignerInfo and certificate;
    // letting CMS_verify repeat it cost a second public-key operation per verification
    // (~60 us for ECDSA P-256, 13% of a warm verification; bench/signature_bench) and told
    // nothing new. CMS_verify still digests the content and compares it with message-digest
    // on its own.
    BioPtr contentBio = memoryBio(content.data(), content.size());
    if (!contentBio) return engine::internalError(withOpenSslErrors("cannot allocate a BIO"));
    if (CMS_verify(cms.get(), nullptr, nullptr, contentBio.get(), nullptr,
                   CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY | CMS_NO_ATTR_VERIFY) != 1)
        return conclude(Indication::kFailed, SubIndication::kSigCryptoFailure,
                        withOpenSslErrors("OpenSSL CMS_verify rejects the signature"));
    ERR_clear_error();

    Findings findings;

    // 4. Algorithms and keys.
    if (!digestAllowed(digestNid))
        findings.add(Indication::kIndeterminate, SubIndication::kCryptoConstraintsFailure,
                     "digest algorithm " + report.digestAlgorithm + " is too weak (SHA-256 or stronger is required)");
    if (const std::string problem = signatureAlgorithmProblem(signatureNid, digestNid, EVP_PKEY_get_base_id(publicKey));
        !problem.empty())
        findings.add(Indication::kIndeterminate, SubIndication::kCryptoConstraintsFailure, problem);
    if (const std::string problem = keyStrengthProblem(publicKey); !problem.empty())
        findings.add(Indication::kIndeterminate, SubIndication::kCryptoConstraintsFailure,
                     "the signer's " + problem);

    // 5. The CAdES attributes: signing-certificate-v2, commitment, signing time.
    checkSigningCertificate(si, signer, certs.get(), attrs, findings);
    if (!attrs.commitmentTypeProblem.empty())
        findings.add(Indication::kFailed, SubIndication::kFormatFailure, attrs.commitmentTypeProblem);
    if (policy.requireProofOfApproval &&
        std::find(attrs.commitmentTypes.begin(), attrs.commitmentTypes.end(), kProofOfApprovalOid) ==
            attrs.commitmentTypes.end())
        findings.add(Indication::kIndeterminate, SubIndication::kSigConstraintsFailure,
                     "the signature does not state commitment-type proof-of-approval");
    if (!attrs.signingTime) {
        findings.add(Indication::kIndeterminate, SubIndication::kSigConstraintsFailure,
                     attrs.signingTimeProblem.empty() ? "the signature has no signing-time attribute"
                                                      : attrs.signingTimeProblem);
    } else if (*attrs.signingTime > now + policy.maxClockSkew) {
        findings.add(Indication::kIndeterminate, SubIndication::kSigConstraintsFailure,
                     "the signing time " + engine::formatIsoUtc(*attrs.signingTime) + " is in the future");
    } else if (policy.maxSigningTimeAge > 0 && now - *attrs.signingTime > policy.maxSigningTimeAge) {
        findings.add(Indication::kIndeterminate, SubIndication::kSigConstraintsFailure,
                     "the signing time " + engine::formatIsoUtc(*attrs.signingTime) +
                         " is further in the past than the policy allows");
    }

    // 6. The chain: built once per (certificate, trust generation), then checked at the
    // signing time and "now".
    const std::shared_ptr<const TrustSnapshot> trust = trust_->snapshot();
    const ChainKey key{report.certificateSha256, trust->generation, policy.checkRevocation};
    std::optional<CachedChain> chain = cache_->find(key);
    if (!chain) {
        ChainBuild build = buildChain(*trust, signer, certs.get(), policy.checkRevocation);
        for (const Certificate& cert : build.chain) report.chain.push_back(cert.subject());
        if (build.problem) {
            findings.add(build.problem->indication, build.problem->subIndication,
                         "certificate chain: " + build.problem->message);
        } else {
            chain = CachedChain{std::move(build.chain), std::move(build.crls)};
            cache_->insert(key, *chain);
        }
    }
    if (chain) {
        report.chain.clear();
        for (const Certificate& cert : chain->chain) report.chain.push_back(cert.subject());
        report.revocation = policy.checkRevocation ? "crl" : "not checked";

        // A signature may carry its signer's chain, nothing else: a stray certificate could
        // be a forgery the path builder merely happened not to use.
        for (int i = 0; certs && i < sk_X509_num(certs.get()); ++i) {
            X509* carried = sk_X509_value(certs.get(), i);
            const bool onPath = std::any_of(chain->chain.begin(), chain->chain.end(),
                                            [carried](const Certificate& c) { return X509_cmp(c.native(), carried) == 0; });
            if (!onPath)
                findings.add(Indication::kIndeterminate, SubIndication::kSigConstraintsFailure,
                             "the signature carries a certificate that is not on the signer's chain: " +
                                 Certificate::share(carried).subject());
        }

        if (attrs.signingTime) {
            const engine::Millis at = *attrs.signingTime;
            for (std::size_t i = 0; i < chain->chain.size(); ++i) {
                const Certificate& cert = chain->chain[i];
                const std::string whose = i == 0 ? "the signer's certificate" : "the CA certificate " + cert.subject();
                if (at < cert.notBefore())
                    findings.add(Indication::kFailed, SubIndication::kNotYetValid,
                                 whose + " was not yet valid at the signing time " + engine::formatIsoUtc(at) +
                                     " (valid from " + engine::formatIsoUtc(cert.notBefore()) + ")");
                else if (at > cert.notAfter())
                    findings.add(Indication::kFailed, SubIndication::kExpired,
                                 whose + " had expired at the signing time " + engine::formatIsoUtc(at) +
                                     " (valid until " + engine::formatIsoUtc(cert.notAfter()) + ")");
            }
        }

        // KU absent means any use (RFC 5280 4.2.1.3); present, it must allow signatures.
        if ((X509_get_key_usage(signer) & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) == 0)
            findings.add(Indication::kIndeterminate, SubIndication::kChainConstraintsFailure,
                         "the key usage of the signer's certificate allows neither digitalSignature nor "
                         "nonRepudiation");
        if (!extendedKeyUsageAllowsSigning(signer))
            findings.add(Indication::kIndeterminate, SubIndication::kChainConstraintsFailure,
                         "the extended key usage of the signer's certificate does not allow signing documents");

        if (policy.checkRevocation) {
            for (const CrlInfo& crl : chain->crls) {
                if (!crl.currentAt(now))
                    findings.add(Indication::kIndeterminate, SubIndication::kTryLater,
                                 "the CRL of " + crl.issuer + " is stale (" +
                                     (crl.nextUpdate ? "nextUpdate " + engine::formatIsoUtc(*crl.nextUpdate)
                                                     : std::string("no nextUpdate")) +
                                     "); put a current CRL into the trust directory");
                else if (crl.thisUpdate > now + policy.maxClockSkew)
                    findings.add(Indication::kIndeterminate, SubIndication::kTryLater,
                                 "the CRL of " + crl.issuer + " is dated in the future (" +
                                     engine::formatIsoUtc(crl.thisUpdate) + ")");
            }
        }

        // 7. OCSP, when the signer's certificate names a responder and the policy supplies
        // a way to ask it.
        const bool wantOcsp = policy.requireOcsp || policy.ocspFetcher || !policy.ocspResponse.empty();
        const std::vector<std::string> responders =
            wantOcsp ? OcspChecker::responderUrls(signerCertificate) : std::vector<std::string>();
        if (!responders.empty() && chain->chain.size() >= 2) {
            X509* issuer = chain->chain[1].native();
            const OcspOptions options{policy.maxClockSkew, policy.ocspMaxAge};
            OcspOutcome outcome;
            if (!policy.ocspResponse.empty()) {
                outcome = judgeOcspResponse(*trust, policy.ocspResponse, signer, issuer, now, "", options);
            } else if (policy.ocspFetcher) {
                QUJAT_ASSIGN_OR_RETURN(const std::string request,
                                       OcspChecker::buildRequest(signerCertificate, chain->chain[1], true));
                engine::Result<std::string> response = policy.ocspFetcher->fetch(responders.front(), request);
                if (response.isOk())
                    outcome = judgeOcspResponse(*trust, *response, signer, issuer, now, request, options);
                else
                    outcome.message = "OCSP responder " + responders.front() +
                                      " unavailable: " + response.status().message();
            } else {
                outcome.message = "the policy requires OCSP and no response was supplied";
            }
            if (outcome.passed()) {
                report.revocation = policy.checkRevocation ? "crl+ocsp" : "ocsp";
            } else if (outcome.indication == Indication::kFailed || policy.requireOcsp || !policy.checkRevocation) {
                findings.add(outcome.indication, outcome.subIndication, outcome.message);
            } else {
                report.revocation = "crl (OCSP not usable: " + outcome.message + ")";
            }
        }
    }

    if (std::optional<Finding> verdict = findings.verdict())
        return conclude(verdict->indication, verdict->subIndication, verdict->message);
    std::string message = "valid signature by " + report.signerSubject;
    if (report.signingTime) message += ", made " + engine::formatIsoUtc(*report.signingTime);
    if (!report.chain.empty()) message += ", chaining to " + report.chain.back();
    return conclude(Indication::kPassed, SubIndication::kNone, message);
}

}  // namespace qujat::crypto
