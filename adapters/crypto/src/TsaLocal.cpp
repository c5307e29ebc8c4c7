#include "qujat/crypto/TsaLocal.h"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <exception>
#include <utility>

#include "TimeStampOpenSsl.h"
#include "TsaProtocol.h"

namespace qujat::crypto {

using engine::Millis;
using engine::Result;
using engine::Status;
using namespace tsdetail;

struct LocalTsa::Keys {
    X509Ptr certificate;
    EvpPkeyPtr key;
    X509StackPtr chain;  // may be null
    Asn1ObjectPtr policy;
};

namespace {

// What the OpenSSL callbacks of one response need; lives on respondLocked's stack.
struct CallbackState {
    const std::function<std::int64_t()>* nextSerial;
    Millis now;
    std::string error;  // set by a callback that failed
};

ASN1_INTEGER* serialCallback(TS_RESP_CTX* ctx, void* data) {
    auto* state = static_cast<CallbackState*>(data);
    std::int64_t serial = 0;
    try {
        serial = (*state->nextSerial)();
        if (serial < 1) state->error = "the serial-number callback returned " + std::to_string(serial) + " (must be >= 1)";
    } catch (const std::exception& e) {
        state->error = std::string("the serial-number callback failed: ") + e.what();
    } catch (...) {
        state->error = "the serial-number callback failed with an unknown exception";
    }
    Asn1IntegerPtr value;
    if (state->error.empty()) {
        value.reset(ASN1_INTEGER_new());
        if (value && ASN1_INTEGER_set_int64(value.get(), serial) != 1) value.reset();
        if (!value) state->error = withOpenSslErrors("cannot encode the serial number");
    }
    if (!state->error.empty()) {
        // As OpenSSL's own serial callback does on failure.
        TS_RESP_CTX_set_status_info(ctx, TS_STATUS_REJECTION, "Error during serial number generation.");
        TS_RESP_CTX_add_failure_info(ctx, TS_INFO_ADD_INFO_NOT_AVAILABLE);
        return nullptr;
    }
    return value.release();
}

int timeCallback(TS_RESP_CTX* /*ctx*/, void* data, long* seconds, long* micros) {
    const auto* state = static_cast<const CallbackState*>(data);
    *seconds = static_cast<long>(state->now / 1000);
    *micros = static_cast<long>((state->now % 1000) * 1000);
    return 1;
}

}  // namespace

Result<std::unique_ptr<LocalTsa>> LocalTsa::create(LocalTsaConfig config) {
    if (!config.nextSerial) return engine::invalidArgument("local TSA: no serial-number callback configured");
    if (!config.clock) return engine::invalidArgument("local TSA: no clock configured");
    auto keys = std::make_unique<Keys>();
    QUJAT_ASSIGN_OR_RETURN(keys->key, parsePemPrivateKey(config.keyPem, config.keyPassphrase, "the local TSA key"));
    QUJAT_ASSIGN_OR_RETURN(keys->certificate, parsePemCertificate(config.certificatePem, "the local TSA certificate"));
    const std::string subject = nameText(X509_get_subject_name(keys->certificate.get()));
    if (X509_check_private_key(keys->certificate.get(), keys->key.get()) != 1)
        return engine::invalidArgument(
            withOpenSslErrors("the local TSA key does not belong to its certificate (" + subject + ")"));
    if (std::string problem = timeStampingEkuProblem(keys->certificate.get()); !problem.empty())
        return engine::invalidArgument("the local TSA certificate (" + subject + ") cannot sign timestamps: " + problem);
    if (X509_check_purpose(keys->certificate.get(), X509_PURPOSE_TIMESTAMP_SIGN, 0) != 1)
        return engine::invalidArgument(withOpenSslErrors(
            "the local TSA certificate (" + subject +
            ") is not acceptable for timestamp signing (its keyUsage may only be digitalSignature and/or "
            "nonRepudiation)"));
    if (!config.chainPem.empty()) {
        QUJAT_ASSIGN_OR_RETURN(keys->chain, parsePemCertificates(config.chainPem, "the local TSA chain"));
    }
    keys->policy.reset(OBJ_txt2obj(config.policyOid.c_str(), 1));
    if (!keys->policy)
        return engine::invalidArgument(withOpenSslErrors("the local TSA policy \"" + config.policyOid +
                                                         "\" is not a dotted OID"));
    ERR_clear_error();
    return std::unique_ptr<LocalTsa>(new LocalTsa(std::move(keys), std::move(config)));
}

LocalTsa::LocalTsa(std::unique_ptr<Keys> keys, LocalTsaConfig config)
    : keys_(std::move(keys)),
      policyOid_(std::move(config.policyOid)),
      nextSerial_(std::move(config.nextSerial)),
      clock_(std::move(config.clock)) {}

LocalTsa::~LocalTsa() = default;

Result<std::string> LocalTsa::stamp(const std::string& messageImprintSha256) {
    QUJAT_ASSIGN_OR_RETURN(TsaRequest request, buildTimeStampRequest(messageImprintSha256));
    std::lock_guard<std::mutex> lock(mutex_);
    QUJAT_ASSIGN_OR_RETURN(std::string response, respondLocked(request.der));
    // Our own well-formed request came back refused: OpenSSL could not sign (its errors
    // are still queued).
    Result<std::string> token = tokenFromTimeStampResponse(response, request, "the local TSA");
    if (!token.isOk()) return engine::internalError(withOpenSslErrors(token.status().message()));
    ERR_clear_error();
    return token;
}

Result<std::string> LocalTsa::respond(const std::string& timeStampReqDer) {
    std::lock_guard<std::mutex> lock(mutex_);
    Result<std::string> response = respondLocked(timeStampReqDer);
    ERR_clear_error();
    return response;
}

Result<std::string> LocalTsa::respondLocked(const std::string& timeStampReqDer) {
    ERR_clear_error();
    CallbackState state{&nextSerial_, 0, {}};
    try {
        state.now = clock_();
    } catch (const std::exception& e) {
        return engine::unavailable(std::string("local TSA: the clock failed: ") + e.what());
    } catch (...) {
        return engine::unavailable("local TSA: the clock failed with an unknown exception");
    }

    X509* cert = keys_->certificate.get();
    const time_t seconds = static_cast<time_t>(state.now / 1000);
    if (ASN1_TIME_cmp_time_t(X509_get0_notBefore(cert), seconds) > 0 ||
        ASN1_TIME_cmp_time_t(X509_get0_notAfter(cert), seconds) < 0) {
        Millis from = 0, until = 0;
        asn1TimeToMillis(X509_get0_notBefore(cert), from);
        asn1TimeToMillis(X509_get0_notAfter(cert), until);
        return engine::failedPrecondition("local TSA: its certificate (" + nameText(X509_get_subject_name(cert)) +
                                          ") is not valid at " + engine::formatIsoUtc(state.now) + " (valid " +
                                          engine::formatIsoUtc(from) + " to " + engine::formatIsoUtc(until) + ")");
    }

    TsRespCtxPtr ctx(TS_RESP_CTX_new());
    if (!ctx) return engine::internalError(withOpenSslErrors("local TSA: out of memory"));
    if (TS_RESP_CTX_set_signer_cert(ctx.get(), cert) != 1 ||
        TS_RESP_CTX_set_signer_key(ctx.get(), keys_->key.get()) != 1 ||
        TS_RESP_CTX_set_signer_digest(ctx.get(), EVP_sha256()) != 1 ||
        TS_RESP_CTX_set_ess_cert_id_digest(ctx.get(), EVP_sha256()) != 1 ||
        (keys_->chain && TS_RESP_CTX_set_certs(ctx.get(), keys_->chain.get()) != 1) ||
        TS_RESP_CTX_set_def_policy(ctx.get(), keys_->policy.get()) != 1 ||
        TS_RESP_CTX_add_md(ctx.get(), EVP_sha256()) != 1 || TS_RESP_CTX_set_accuracy(ctx.get(), 1, 0, 0) != 1)
        return engine::internalError(withOpenSslErrors("local TSA: cannot set up OpenSSL's TS_RESP_CTX"));
    TS_RESP_CTX_set_serial_cb(ctx.get(), serialCallback, &state);
    TS_RESP_CTX_set_time_cb(ctx.get(), timeCallback, &state);

    if (timeStampReqDer.size() > static_cast<std::size_t>(INT_MAX))
        return engine::invalidArgument("local TSA: the timestamp request is too large");
    BioPtr requestBio(BIO_new_mem_buf(timeStampReqDer.data(), static_cast<int>(timeStampReqDer.size())));
    if (!requestBio) return engine::internalError(withOpenSslErrors("local TSA: out of memory"));
    TsRespPtr response(TS_RESP_create_response(ctx.get(), requestBio.get()));
    if (!state.error.empty()) return engine::unavailable("local TSA: " + state.error);
    if (!response) return engine::internalError(withOpenSslErrors("local TSA: OpenSSL produced no response"));
    return i2dToString(response.get(), i2d_TS_RESP, "the timestamp response");
}

}  // namespace qujat::crypto
