#include "qujat/crypto/TimeStampVerifier.h"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <utility>

#include "TimeStampOpenSsl.h"

namespace qujat::crypto {

using engine::Millis;
using engine::Result;
using namespace tsdetail;

namespace {

constexpr std::size_t kSha256Size = 32;
const char* const kWhat = "timestamp token: ";

using crypto::X509StoreCtxPtr;

engine::Status malformed(const std::string& why) { return engine::invalidArgument(kWhat + why); }
engine::Status refused(const std::string& why) { return engine::failedPrecondition(kWhat + why); }

// The trust anchors as an X509_STORE checking at `now`, with CRLs when given.
Result<X509StorePtr> makeStore(const TimeStampTrust& trust, Millis now) {
    if (trust.anchorPems.empty()) return engine::invalidArgument(std::string(kWhat) + "no trust anchors given");
    X509StorePtr store(X509_STORE_new());
    if (!store) return engine::internalError(withOpenSslErrors("out of memory"));
    for (std::size_t i = 0; i < trust.anchorPems.size(); ++i) {
        QUJAT_ASSIGN_OR_RETURN(X509StackPtr certs,
                               parsePemCertificates(trust.anchorPems[i], "trust anchor #" + std::to_string(i + 1)));
        for (int j = 0; j < sk_X509_num(certs.get()); ++j) {
            if (X509_STORE_add_cert(store.get(), sk_X509_value(certs.get(), j)) != 1)
                return engine::internalError(withOpenSslErrors("cannot add a trust anchor"));
        }
    }
    for (std::size_t i = 0; i < trust.crlPems.size(); ++i) {
        QUJAT_ASSIGN_OR_RETURN(std::vector<X509CrlPtr> crls,
                               parsePemCrls(trust.crlPems[i], "CRL #" + std::to_string(i + 1)));
        for (const X509CrlPtr& crl : crls) {
            if (X509_STORE_add_crl(store.get(), crl.get()) != 1)
                return engine::internalError(withOpenSslErrors("cannot add a CRL"));
        }
    }
    if (!trust.crlPems.empty()) X509_STORE_set_flags(store.get(), X509_V_FLAG_CRL_CHECK);
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store.get()), static_cast<time_t>(now / 1000));
    return store;
}

// The trust's intermediates plus the certificates the token carries.
Result<X509StackPtr> untrustedCertificates(const TimeStampTrust& trust, PKCS7* token) {
    X509StackPtr untrusted(sk_X509_new_null());
    if (!untrusted) return engine::internalError(withOpenSslErrors("out of memory"));
    auto push = [&](X509* cert) {
        if (!X509_up_ref(cert)) return false;
        if (!sk_X509_push(untrusted.get(), cert)) {
            X509_free(cert);
            return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < trust.intermediatePems.size(); ++i) {
        QUJAT_ASSIGN_OR_RETURN(
            X509StackPtr certs,
            parsePemCertificates(trust.intermediatePems[i], "intermediate certificate #" + std::to_string(i + 1)));
        for (int j = 0; j < sk_X509_num(certs.get()); ++j)
            if (!push(sk_X509_value(certs.get(), j))) return engine::internalError(withOpenSslErrors("out of memory"));
    }
    if (STACK_OF(X509)* carried = token->d.sign->cert) {
        for (int j = 0; j < sk_X509_num(carried); ++j)
            if (!push(sk_X509_value(carried, j))) return engine::internalError(withOpenSslErrors("out of memory"));
    }
    return untrusted;
}

// Chain of the TSA certificate to an anchor, for a message that says what is wrong; the
// signature verification below checks the chain again as part of OpenSSL's own checks.
engine::Status checkChain(X509_STORE* store, X509* signer, STACK_OF(X509) * untrusted, const std::string& subject) {
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store, signer, untrusted) != 1)
        return engine::internalError(withOpenSslErrors("cannot set up certificate verification"));
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_TIMESTAMP_SIGN);
    if (X509_verify_cert(ctx.get()) == 1) {
        ERR_clear_error();
        return engine::Status::ok();
    }
    const int error = X509_STORE_CTX_get_error(ctx.get());
    const int depth = X509_STORE_CTX_get_error_depth(ctx.get());
    X509* at = X509_STORE_CTX_get_current_cert(ctx.get());
    std::string message = "the TSA certificate (" + subject + ") is not trusted: " +
                          X509_verify_cert_error_string(error) + " (depth " + std::to_string(depth);
    if (at != nullptr) message += ", " + nameText(X509_get_subject_name(at));
    message += ")";
    ERR_clear_error();
    return refused(message);
}

bool isWeakDigest(int nid) { return nid == NID_sha1 || nid == NID_md5 || nid == NID_md4 || nid == NID_md2; }

}  // namespace

Result<TimeStampInfo> TimeStampVerifier::verify(const std::string& tokenDer, const std::string& expectedImprintSha256,
                                                const TimeStampTrust& trust, Millis now) const {
    ERR_clear_error();
    if (expectedImprintSha256.size() != kSha256Size)
        return engine::invalidArgument(std::string(kWhat) + "the expected imprint must be a raw 32-byte SHA-256, got " +
                                       std::to_string(expectedImprintSha256.size()) + " bytes");
    if (tokenDer.empty()) return malformed("empty");
    if (tokenDer.size() > options_.maxTokenBytes)
        return malformed("larger than " + std::to_string(options_.maxTokenBytes) + " bytes");

    // 1. Well-formed: DER ContentInfo of SignedData over a TSTInfo, one signer.
    auto token = d2iExactly<PKCS7, d2i_PKCS7, PKCS7_free>(tokenDer);
    if (!token) return malformed(withOpenSslErrors("not a DER CMS ContentInfo (or trailing bytes after it)"));
    if (!PKCS7_type_is_signed(token.get()) || token->d.sign == nullptr)
        return malformed("not a CMS SignedData (content type " + oidText(token->type) + ")");
    TsTstInfoPtr tst(PKCS7_to_TS_TST_INFO(token.get()));
    if (!tst) return malformed(withOpenSslErrors("its content is not a TSTInfo"));
    STACK_OF(PKCS7_SIGNER_INFO)* signerInfos = PKCS7_get_signer_info(token.get());
    if (sk_PKCS7_SIGNER_INFO_num(signerInfos) != 1)
        return malformed("it must have exactly one SignerInfo, it has " +
                         std::to_string(sk_PKCS7_SIGNER_INFO_num(signerInfos)));
    PKCS7_SIGNER_INFO* signerInfo = sk_PKCS7_SIGNER_INFO_value(signerInfos, 0);
    if (signerInfo == nullptr || signerInfo->digest_alg == nullptr || signerInfo->issuer_and_serial == nullptr)
        return malformed("its SignerInfo is incomplete");

    // 2. Algorithms: only SHA-256 imprints (the engine asks for nothing else); no broken
    //    digests in the TSA's signature.
    const ASN1_OBJECT* imprintAlgorithm = nullptr;
    X509_ALGOR_get0(&imprintAlgorithm, nullptr, nullptr, TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(tst.get())));
    const int imprintNid = OBJ_obj2nid(imprintAlgorithm);
    if (imprintNid == NID_sha1)
        return refused("its imprint is SHA-1, which is refused (SHA-1 is broken for collisions); stamp with SHA-256");
    if (imprintNid != NID_sha256)
        return refused("its imprint hash is " + oidText(imprintAlgorithm) + ", only SHA-256 is accepted");
    const int signerDigestNid = OBJ_obj2nid(signerInfo->digest_alg->algorithm);
    if (isWeakDigest(signerDigestNid))
        return refused(std::string("the TSA signed with digest ") + OBJ_nid2ln(signerDigestNid) + ", which is refused");

    // 3. The TSA certificate: present, fit for timestamping, trusted.
    QUJAT_ASSIGN_OR_RETURN(X509StorePtr store, makeStore(trust, now));
    QUJAT_ASSIGN_OR_RETURN(X509StackPtr untrusted, untrustedCertificates(trust, token.get()));
    X509ShallowStackPtr signers(PKCS7_get0_signers(token.get(), untrusted.get(), 0));
    if (!signers || sk_X509_num(signers.get()) != 1)
        return refused(withOpenSslErrors(
            "the TSA certificate is neither in the token nor among the trusted intermediates, so its "
            "signature cannot be checked"));
    X509* signer = sk_X509_value(signers.get(), 0);
    const std::string subject = nameText(X509_get_subject_name(signer));
    if (std::string problem = timeStampingEkuProblem(signer); !problem.empty())
        return refused("the TSA certificate (" + subject + ") may not sign timestamps: " + problem);
    QUJAT_RETURN_IF_ERROR(checkChain(store.get(), signer, untrusted.get(), subject));

    // 4. OpenSSL's verification: the CMS signature, the ESS signing-certificate attribute,
    //    the chain (again), the TSTInfo version, the imprint, the TSA name if present.
    TsVerifyCtxPtr ctx(TS_VERIFY_CTX_new());
    OpenSslBytesPtr imprintCopy(static_cast<unsigned char*>(OPENSSL_memdup(expectedImprintSha256.data(), kSha256Size)));
    if (!ctx || !imprintCopy) return engine::internalError(withOpenSslErrors("out of memory"));
    TS_VERIFY_CTX_set_flags(ctx.get(), TS_VFY_SIGNATURE | TS_VFY_VERSION | TS_VFY_IMPRINT | TS_VFY_SIGNER);
    // The context owns what it is given from here on.
    TS_VERIFY_CTX_set_imprint(ctx.get(), imprintCopy.release(), static_cast<long>(kSha256Size));
    TS_VERIFY_CTX_set_store(ctx.get(), store.release());
    TS_VERIFY_CTX_set_certs(ctx.get(), untrusted.release());
    if (TS_RESP_verify_token(ctx.get(), token.get()) != 1) {
        const OpenSslErrors errors = takeOpenSslErrors();
        if (errors.has(ERR_LIB_TS, TS_R_MESSAGE_IMPRINT_MISMATCH))
            return refused("it stamps another value: its imprint is " +
                           toHex(bytesOf(TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(tst.get())))) +
                           ", expected " + toHex(expectedImprintSha256) + " (a token for another signature?)");
        if (errors.has(ERR_LIB_TS, TS_R_UNSUPPORTED_VERSION))
            return refused("unsupported TSTInfo version " + std::to_string(TS_TST_INFO_get_version(tst.get())));
        if (errors.has(ERR_LIB_TS, TS_R_TSA_NAME_MISMATCH))
            return refused("the TSA name in the token does not match its certificate (" + subject + ")");
        if (errors.has(ERR_LIB_TS, TS_R_CERTIFICATE_VERIFY_ERROR))
            return refused("the TSA certificate (" + subject + ") is not trusted: " + errors.text);
        return refused("bad signature: the token was altered or not signed by " + subject +
                       (errors.text.empty() ? std::string() : " (" + errors.text + ")"));
    }

    // 5. Time: the TSA certificate was valid when it stamped, and the stamp is not in the
    //    future.
    TimeStampInfo info;
    if (!asn1TimeToMillis(TS_TST_INFO_get_time(tst.get()), info.genTime)) return malformed("its genTime does not parse");
    Millis notBefore = 0, notAfter = 0;
    if (!asn1TimeToMillis(X509_get0_notBefore(signer), notBefore) ||
        !asn1TimeToMillis(X509_get0_notAfter(signer), notAfter))
        return refused("the TSA certificate's validity does not parse");
    if (info.genTime < notBefore || info.genTime > notAfter)
        return refused("its genTime " + engine::formatIsoUtc(info.genTime) + " lies outside the TSA certificate's validity (" +
                       engine::formatIsoUtc(notBefore) + " to " + engine::formatIsoUtc(notAfter) + ")");
    if (info.genTime > now + options_.maxFutureSkew)
        return refused("its genTime " + engine::formatIsoUtc(info.genTime) + " is in the future (now " +
                       engine::formatIsoUtc(now) + ")");

    info.serial = integerHex(TS_TST_INFO_get_serial(tst.get()));
    info.policyOid = oidText(TS_TST_INFO_get_policy_id(tst.get()));
    info.tsaSubject = subject;
    info.hashAlgorithm = OBJ_nid2ln(imprintNid);
    ERR_clear_error();
    return info;
}

}  // namespace qujat::crypto
