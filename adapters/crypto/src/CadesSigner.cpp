#include "qujat/crypto/CadesSigner.h"

#include <openssl/cms.h>
#include <openssl/err.h>

#include "Asn1Time.h"
#include "CadesAttributes.h"
#include "CryptoConstraints.h"
#include "OpenSslErrors.h"
#include "OpenSslHandles.h"

namespace qujat::crypto {

namespace {

const EVP_MD* digestFor(DigestAlgorithm algorithm) {
    switch (algorithm) {
        case DigestAlgorithm::kSha384: return EVP_sha384();
        case DigestAlgorithm::kSha512: return EVP_sha512();
        case DigestAlgorithm::kSha256: break;
    }
    return EVP_sha256();
}

engine::Status failed(const std::string& what) { return engine::internalError(withOpenSslErrors(what)); }

}  // namespace

engine::Result<std::string> CadesSigner::signDetached(std::string_view content, const PrivateKey& key,
                                                      const Certificate& certificate,
                                                      const std::vector<Certificate>& chain,
                                                      const SigningOptions& options) const {
    ERR_clear_error();
    X509* cert = certificate.native();
    EVP_PKEY* pkey = key.native();
    if (const std::string problem = keyStrengthProblem(pkey); !problem.empty())
        return engine::invalidArgument("refusing to sign with a weak key: " + problem);
    // KU absent means any use (RFC 5280 4.2.1.3); present, it must allow signatures.
    const uint32_t keyUsage = X509_get_key_usage(cert);
    if ((keyUsage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) == 0)
        return engine::invalidArgument("the key usage of " + certificate.subject() +
                                       " allows neither digitalSignature nor nonRepudiation");
    if (X509_check_private_key(cert, pkey) != 1)
        return engine::failedPrecondition(
            withOpenSslErrors("the private key does not belong to the certificate " + certificate.subject()));

    X509StackRefPtr extra(sk_X509_new_null());
    if (!extra) return failed("cannot allocate a certificate stack");
    if (options.includeChain) {
        for (const Certificate& ca : chain)
            if (!sk_X509_push(extra.get(), ca.native())) return failed("cannot allocate a certificate stack");
    }

    const unsigned int flags = CMS_PARTIAL | CMS_DETACHED | CMS_BINARY;
    CmsPtr cms(CMS_sign(nullptr, nullptr, extra.get(), nullptr, flags));
    if (!cms) return failed("CMS_sign failed");
    // CMS_CADES makes OpenSSL add signing-certificate-v2 (ESSCertIDv2 with the chosen
    // digest and issuerSerial) through its public API; no SMIMECapabilities, which CAdES
    // does not need.
    CMS_SignerInfo* si = CMS_add1_signer(cms.get(), cert, pkey, digestFor(options.digest),
                                         CMS_BINARY | CMS_CADES | CMS_NOSMIMECAP);
    if (!si) return failed("CMS_add1_signer failed");

    if (options.signingTime) {
        Asn1TimePtr time(ASN1_TIME_set(nullptr, millisToTimeT(*options.signingTime)));
        if (!time || CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, time->type, time.get(), -1) != 1)
            return failed("cannot add the signing-time attribute");
    }
    // Without a signing-time attribute CMS_final adds one with the system clock.

    if (options.commitmentProofOfApproval) {
        const std::string indication = encodeCommitmentTypeIndication(kProofOfApprovalOid);
        if (indication.empty() ||
            CMS_signed_add1_attr_by_NID(si, NID_id_smime_aa_ets_commitmentType, V_ASN1_SEQUENCE, indication.data(),
                                        static_cast<int>(indication.size())) != 1)
            return failed("cannot add the commitment-type-indication attribute");
    }

    BioPtr data = memoryBio(content.data(), content.size());
    if (!data) return failed("cannot allocate a BIO");
    if (CMS_final(cms.get(), data.get(), nullptr, CMS_BINARY) != 1) return failed("CMS_final failed");

    unsigned char* der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (length <= 0) return failed("cannot encode the signature");
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

}  // namespace qujat::crypto
