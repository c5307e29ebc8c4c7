#include "ChainValidator.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <algorithm>

#include "OpenSslErrors.h"

namespace qujat::crypto {

namespace {

struct VerifyError {
    int code = X509_V_OK;
    int depth = 0;
    std::string subject;
};

// Records every error and lets OpenSSL go on, so the chain is built as far as it can be
// and the most telling error is chosen afterwards.
int collectErrors(int ok, X509_STORE_CTX* ctx) {
    if (!ok) {
        auto* errors = static_cast<std::vector<VerifyError>*>(X509_STORE_CTX_get_app_data(ctx));
        X509* current = X509_STORE_CTX_get_current_cert(ctx);
        errors->push_back(VerifyError{X509_STORE_CTX_get_error(ctx), X509_STORE_CTX_get_error_depth(ctx),
                                      current ? Certificate::share(current).subject() : std::string()});
    }
    return 1;
}

// Lower ranks win.
struct Mapping {
    int rank;
    Indication indication;
    SubIndication subIndication;
};

Mapping mapError(int code) {
    switch (code) {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        case X509_V_ERR_CERT_UNTRUSTED:
        case X509_V_ERR_CERT_REJECTED:
            return {0, Indication::kIndeterminate, SubIndication::kNoCertificateChainFound};
        case X509_V_ERR_CERT_REVOKED:
            return {1, Indication::kFailed, SubIndication::kRevoked};
        case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
        case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
            return {2, Indication::kIndeterminate, SubIndication::kCertificateChainGeneralFailure};
        case X509_V_ERR_EE_KEY_TOO_SMALL:
        case X509_V_ERR_CA_KEY_TOO_SMALL:
        case X509_V_ERR_CA_MD_TOO_WEAK:
            return {3, Indication::kIndeterminate, SubIndication::kCryptoConstraintsFailure};
        case X509_V_ERR_INVALID_CA:
        case X509_V_ERR_PATH_LENGTH_EXCEEDED:
        case X509_V_ERR_INVALID_PURPOSE:
        case X509_V_ERR_KEYUSAGE_NO_CERTSIGN:
        case X509_V_ERR_INVALID_EXTENSION:
        case X509_V_ERR_INVALID_POLICY_EXTENSION:
        case X509_V_ERR_NO_EXPLICIT_POLICY:
        case X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION:
        case X509_V_ERR_PERMITTED_VIOLATION:
        case X509_V_ERR_EXCLUDED_VIOLATION:
        case X509_V_ERR_SUBTREE_MINMAX:
        case X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE:
        case X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX:
        case X509_V_ERR_UNSUPPORTED_NAME_SYNTAX:
        case X509_V_ERR_CERT_CHAIN_TOO_LONG:
            return {4, Indication::kIndeterminate, SubIndication::kChainConstraintsFailure};
        case X509_V_ERR_UNABLE_TO_GET_CRL:
        case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
        case X509_V_ERR_CRL_SIGNATURE_FAILURE:
        case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
        case X509_V_ERR_CRL_NOT_YET_VALID:
        case X509_V_ERR_CRL_HAS_EXPIRED:
        case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
        case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD:
        case X509_V_ERR_KEYUSAGE_NO_CRL_SIGN:
        case X509_V_ERR_DIFFERENT_CRL_SCOPE:
        case X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION:
        case X509_V_ERR_CRL_PATH_VALIDATION_ERROR:
            return {5, Indication::kIndeterminate, SubIndication::kTryLater};
        default:
            return {2, Indication::kIndeterminate, SubIndication::kCertificateChainGeneralFailure};
    }
}

std::string describe(const VerifyError& error) {
    std::string out = X509_verify_cert_error_string(error.code);
    if (!error.subject.empty()) out += " (" + error.subject + ")";
    if (error.code == X509_V_ERR_UNABLE_TO_GET_CRL)
        out += ": the trust directory holds no CRL for it; add the issuing CA's current CRL";
    return out;
}

}  // namespace

ChainBuild buildChain(const TrustSnapshot& trust, X509* leaf, STACK_OF(X509) * embedded, bool checkRevocation) {
    ChainBuild out;
    auto internal = [&out](const std::string& what) {
        out.problem = ChainProblem{Indication::kIndeterminate, SubIndication::kCertificateChainGeneralFailure,
                                   withOpenSslErrors(what)};
        return out;
    };
    // Trusted intermediates first: a forged copy carried in a signature is never preferred.
    X509StackRefPtr untrusted(sk_X509_new_null());
    if (!untrusted) return internal("cannot allocate a certificate stack");
    for (const Certificate& intermediate : trust.intermediates) sk_X509_push(untrusted.get(), intermediate.native());
    for (int i = 0; embedded && i < sk_X509_num(embedded); ++i) sk_X509_push(untrusted.get(), sk_X509_value(embedded, i));

    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), trust.store.get(), leaf, untrusted.get()) != 1)
        return internal("cannot initialise chain validation");
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
    unsigned long flags = X509_V_FLAG_NO_CHECK_TIME;
    if (checkRevocation) flags |= X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL;
    X509_VERIFY_PARAM_set_flags(param, flags);
    X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_ANY);
    X509_VERIFY_PARAM_set_auth_level(param, 2);
    std::vector<VerifyError> errors;
    X509_STORE_CTX_set_app_data(ctx.get(), &errors);
    X509_STORE_CTX_set_verify_cb(ctx.get(), collectErrors);

    const int verified = X509_verify_cert(ctx.get());
    if (verified < 0 || (verified == 0 && errors.empty()))
        errors.push_back(VerifyError{X509_STORE_CTX_get_error(ctx.get()), X509_STORE_CTX_get_error_depth(ctx.get()), {}});
    ERR_clear_error();

    X509StackPtr chain(X509_STORE_CTX_get1_chain(ctx.get()));
    for (int i = 0; chain && i < sk_X509_num(chain.get()); ++i)
        out.chain.push_back(Certificate::share(sk_X509_value(chain.get(), i)));

    if (!errors.empty()) {
        const auto worst = std::min_element(errors.begin(), errors.end(), [](const VerifyError& a, const VerifyError& b) {
            return mapError(a.code).rank < mapError(b.code).rank;
        });
        const Mapping mapping = mapError(worst->code);
        out.problem = ChainProblem{mapping.indication, mapping.subIndication, describe(*worst)};
        return out;
    }
    if (checkRevocation) {
        for (std::size_t i = 0; i + 1 < out.chain.size(); ++i)
            if (const TrustedCrl* crl = trust.crlIssuedBy(X509_get_issuer_name(out.chain[i].native())))
                out.crls.push_back(crl->info);
    }
    return out;
}

}  // namespace qujat::crypto
