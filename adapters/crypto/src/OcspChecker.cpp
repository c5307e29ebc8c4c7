#include "qujat/crypto/OcspChecker.h"

#include <openssl/err.h>
#include <openssl/ocsp.h>

#include "Asn1Time.h"
#include "OcspJudge.h"
#include "OpenSslErrors.h"
#include "OpenSslHandles.h"

namespace qujat::crypto {

namespace {

std::string subjectOf(X509* cert) { return cert ? Certificate::share(cert).subject() : std::string(); }

std::string toDer(OCSP_REQUEST* request) {
    unsigned char* der = nullptr;
    const int length = i2d_OCSP_REQUEST(request, &der);
    if (length <= 0) return {};
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

}  // namespace

const char* ocspCertStatusName(OcspCertStatus status) {
    switch (status) {
        case OcspCertStatus::kGood: return "good";
        case OcspCertStatus::kRevoked: return "revoked";
        case OcspCertStatus::kUnknown: return "unknown";
        case OcspCertStatus::kNotChecked: break;
    }
    return "not-checked";
}

OcspOutcome judgeOcspResponse(const TrustSnapshot& trust, const std::string& response, X509* certificate,
                              X509* issuer, engine::Millis now, const std::string& request,
                              const OcspOptions& options) {
    ERR_clear_error();
    OcspOutcome out;
    auto unusable = [&out](const std::string& why) {
        out.message = withOpenSslErrors(why);
        return out;
    };

    const auto* begin = reinterpret_cast<const unsigned char*>(response.data());
    const unsigned char* p = begin;
    OcspResponsePtr parsed(d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(response.size())));
    if (!parsed || p != begin + response.size()) return unusable("the OCSP response is malformed");
    const int responseStatus = OCSP_response_status(parsed.get());
    if (responseStatus != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return unusable(std::string("the OCSP responder answered \"") + OCSP_response_status_str(responseStatus) +
                        "\"");
    OcspBasicResponsePtr basic(OCSP_response_get1_basic(parsed.get()));
    if (!basic) return unusable("the OCSP response is not a basic OCSP response");

    if (!request.empty()) {
        const auto* q = reinterpret_cast<const unsigned char*>(request.data());
        OcspRequestPtr sent(d2i_OCSP_REQUEST(nullptr, &q, static_cast<long>(request.size())));
        // 0: both carry a nonce and they differ. A responder that leaves the nonce out
        // (-1) is allowed: freshness is then judged from thisUpdate/nextUpdate alone.
        if (sent && OCSP_check_nonce(sent.get(), basic.get()) == 0)
            return unusable("the OCSP response's nonce does not match the request (a replayed response?)");
        ERR_clear_error();
    }

    X509* signer = nullptr;
    if (OCSP_resp_get0_signer(basic.get(), &signer, nullptr) == 1) out.responder = subjectOf(signer);
    ERR_clear_error();

    // A private store with the anchors only, its clock set to `now`: the responder's chain
    // is judged at the same instant as everything else, and the shared store is untouched.
    X509StorePtr store(X509_STORE_new());
    X509StackRefPtr untrusted(sk_X509_new_null());
    if (!store || !untrusted) return unusable("cannot allocate an X509 store");
    for (const Certificate& anchor : trust.anchors) X509_STORE_add_cert(store.get(), anchor.native());
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store.get()), millisToTimeT(now));
    sk_X509_push(untrusted.get(), issuer);
    for (const Certificate& intermediate : trust.intermediates) sk_X509_push(untrusted.get(), intermediate.native());
    if (OCSP_basic_verify(basic.get(), untrusted.get(), store.get(), 0) <= 0)
        return unusable("the OCSP response is not signed by the CA or by a responder it authorised");

    int status = -1;
    int reason = -1;
    ASN1_GENERALIZEDTIME* revoked = nullptr;
    ASN1_GENERALIZEDTIME* thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME* nextUpdate = nullptr;
    bool found = false;
    // The response echoes the request's CertID, whose hash we may not have chosen.
    for (const EVP_MD* md : {EVP_sha1(), EVP_sha256(), EVP_sha384(), EVP_sha512()}) {
        OcspCertIdPtr id(OCSP_cert_to_id(md, certificate, issuer));
        if (id && OCSP_resp_find_status(basic.get(), id.get(), &status, &reason, &revoked, &thisUpdate,
                                        &nextUpdate) == 1) {
            found = true;
            break;
        }
    }
    ERR_clear_error();
    if (!found) return unusable("the OCSP response does not answer for this certificate");

    out.thisUpdate = asn1TimeToMillis(thisUpdate);
    out.nextUpdate = asn1TimeToMillis(nextUpdate);
    out.revocationTime = asn1TimeToMillis(revoked);
    if (!out.thisUpdate) return unusable("the OCSP response has no valid thisUpdate");
    if (*out.thisUpdate > now + options.maxClockSkew)
        return unusable("the OCSP response is dated in the future (thisUpdate " + engine::formatIsoUtc(*out.thisUpdate) +
                        ")");
    if (out.nextUpdate && *out.nextUpdate + options.maxClockSkew < now)
        return unusable("the OCSP response is stale (nextUpdate " + engine::formatIsoUtc(*out.nextUpdate) +
                        " is past)");
    if (!out.nextUpdate && now - *out.thisUpdate > options.maxAge)
        return unusable("the OCSP response is too old (thisUpdate " + engine::formatIsoUtc(*out.thisUpdate) +
                        ", no nextUpdate)");

    switch (status) {
        case V_OCSP_CERTSTATUS_GOOD:
            out.status = OcspCertStatus::kGood;
            out.indication = Indication::kPassed;
            out.subIndication = SubIndication::kNone;
            out.message = "OCSP: good at " + engine::formatIsoUtc(*out.thisUpdate);
            break;
        case V_OCSP_CERTSTATUS_REVOKED:
            out.status = OcspCertStatus::kRevoked;
            out.indication = Indication::kFailed;
            out.subIndication = SubIndication::kRevoked;
            out.message = "OCSP: the certificate was revoked" +
                          (out.revocationTime ? " on " + engine::formatIsoUtc(*out.revocationTime) : std::string()) +
                          (reason >= 0 ? std::string(" (") + OCSP_crl_reason_str(reason) + ")" : std::string());
            break;
        default:
            out.status = OcspCertStatus::kUnknown;
            out.message = "OCSP: the responder does not know the certificate";
            break;
    }
    return out;
}

OcspChecker::OcspChecker(std::shared_ptr<TrustStore> trust) : trust_(std::move(trust)) {}

std::vector<std::string> OcspChecker::responderUrls(const Certificate& certificate) {
    std::vector<std::string> out;
    OpenSslStringStackPtr urls(X509_get1_ocsp(certificate.native()));
    for (int i = 0; urls && i < sk_OPENSSL_STRING_num(urls.get()); ++i) out.emplace_back(sk_OPENSSL_STRING_value(urls.get(), i));
    return out;
}

engine::Result<std::string> OcspChecker::buildRequest(const Certificate& certificate, const Certificate& issuer,
                                                      bool withNonce) {
    ERR_clear_error();
    OcspRequestPtr request(OCSP_REQUEST_new());
    OcspCertIdPtr id(OCSP_cert_to_id(EVP_sha1(), certificate.native(), issuer.native()));
    if (!request || !id) return engine::internalError(withOpenSslErrors("cannot build the OCSP request"));
    if (!OCSP_request_add0_id(request.get(), id.get()))
        return engine::internalError(withOpenSslErrors("cannot build the OCSP request"));
    id.release();  // now owned by the request
    if (withNonce && OCSP_request_add1_nonce(request.get(), nullptr, -1) != 1)
        return engine::internalError(withOpenSslErrors("cannot add a nonce to the OCSP request"));
    std::string der = toDer(request.get());
    if (der.empty()) return engine::internalError(withOpenSslErrors("cannot encode the OCSP request"));
    return der;
}

engine::Result<OcspOutcome> OcspChecker::checkResponse(const std::string& response, const Certificate& certificate,
                                                       const Certificate& issuer, engine::Millis now,
                                                       const std::string& request, const OcspOptions& options) const {
    return judgeOcspResponse(*trust_->snapshot(), response, certificate.native(), issuer.native(), now, request,
                             options);
}

engine::Result<OcspOutcome> OcspChecker::check(const Certificate& certificate, const Certificate& issuer,
                                               OcspFetcher& fetcher, engine::Millis now,
                                               const OcspOptions& options) const {
    const std::vector<std::string> urls = responderUrls(certificate);
    if (urls.empty()) return engine::failedPrecondition(certificate.subject() + " names no OCSP responder");
    QUJAT_ASSIGN_OR_RETURN(std::string request, buildRequest(certificate, issuer, true));
    engine::Result<std::string> response = fetcher.fetch(urls.front(), request);
    if (!response.isOk()) {
        OcspOutcome out;
        out.message = "OCSP responder " + urls.front() + " unavailable: " + response.status().message();
        return out;
    }
    return checkResponse(*response, certificate, issuer, now, request, options);
}

}  // namespace qujat::crypto
