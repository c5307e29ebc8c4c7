#include "TsaProtocol.h"

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/rand.h>

#include <utility>

namespace qujat::crypto::tsdetail {

using engine::Result;

namespace {

const char* statusName(long status) {
    switch (status) {
        case TS_STATUS_GRANTED: return "granted";
        case TS_STATUS_GRANTED_WITH_MODS: return "grantedWithMods";
        case TS_STATUS_REJECTION: return "rejection";
        case TS_STATUS_WAITING: return "waiting";
        case TS_STATUS_REVOCATION_WARNING: return "revocationWarning";
        case TS_STATUS_REVOCATION_NOTIFICATION: return "revocationNotification";
        default: return "unknown";
    }
}

// "status rejection, failure badAlg, text \"...\"" from a PKIStatusInfo.
std::string describeStatus(const TS_STATUS_INFO* info, long status) {
    std::string text = std::string("status ") + statusName(status) + " (" + std::to_string(status) + ")";
    static const std::pair<int, const char*> kFailures[] = {
        {TS_INFO_BAD_ALG, "badAlg"},
        {TS_INFO_BAD_REQUEST, "badRequest"},
        {TS_INFO_BAD_DATA_FORMAT, "badDataFormat"},
        {TS_INFO_TIME_NOT_AVAILABLE, "timeNotAvailable"},
        {TS_INFO_UNACCEPTED_POLICY, "unacceptedPolicy"},
        {TS_INFO_UNACCEPTED_EXTENSION, "unacceptedExtension"},
        {TS_INFO_ADD_INFO_NOT_AVAILABLE, "addInfoNotAvailable"},
        {TS_INFO_SYSTEM_FAILURE, "systemFailure"},
    };
    if (const ASN1_BIT_STRING* failure = TS_STATUS_INFO_get0_failure_info(info)) {
        std::string names;
        for (const auto& [bit, name] : kFailures) {
            if (ASN1_BIT_STRING_get_bit(failure, bit)) names += (names.empty() ? "" : ",") + std::string(name);
        }
        if (!names.empty()) text += ", failure " + names;
    }
    if (const STACK_OF(ASN1_UTF8STRING)* texts = TS_STATUS_INFO_get0_text(info)) {
        for (int i = 0; i < sk_ASN1_UTF8STRING_num(texts); ++i)
            text += ", text \"" + bytesOf(sk_ASN1_UTF8STRING_value(texts, i)) + "\"";
    }
    return text;
}

}  // namespace

Result<TsaRequest> buildTimeStampRequest(const std::string& imprintSha256) {
    if (imprintSha256.size() != kSha256Size)
        return engine::invalidArgument("a timestamp imprint must be a raw 32-byte SHA-256, got " +
                                       std::to_string(imprintSha256.size()) + " bytes");
    ERR_clear_error();
    TsaRequest request;
    request.imprint = imprintSha256;

    TsReqPtr req(TS_REQ_new());
    TsMsgImprintPtr imprint(TS_MSG_IMPRINT_new());
    X509AlgorPtr algorithm(X509_ALGOR_new());
    unsigned char nonceBytes[8];
    if (!req || !imprint || !algorithm) return engine::internalError(withOpenSslErrors("out of memory"));
    if (RAND_bytes(nonceBytes, sizeof nonceBytes) != 1)
        return engine::internalError(withOpenSslErrors("no random bytes for the timestamp nonce"));
    BignumPtr nonceNumber(BN_bin2bn(nonceBytes, sizeof nonceBytes, nullptr));
    if (nonceNumber) request.nonce.reset(BN_to_ASN1_INTEGER(nonceNumber.get(), nullptr));

    // AlgorithmIdentifier sha256 with NULL parameters, as most TSAs expect.
    auto* data = reinterpret_cast<unsigned char*>(request.imprint.data());
    if (!request.nonce || X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) != 1 ||
        TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1 ||
        TS_MSG_IMPRINT_set_msg(imprint.get(), data, static_cast<int>(kSha256Size)) != 1 ||
        TS_REQ_set_version(req.get(), 1) != 1 || TS_REQ_set_msg_imprint(req.get(), imprint.get()) != 1 ||
        TS_REQ_set_nonce(req.get(), request.nonce.get()) != 1 || TS_REQ_set_cert_req(req.get(), 1) != 1)
        return engine::internalError(withOpenSslErrors("cannot build the timestamp request"));
    QUJAT_ASSIGN_OR_RETURN(request.der, i2dToString(req.get(), i2d_TS_REQ, "the timestamp request"));
    return request;
}

Result<std::string> tokenFromTimeStampResponse(const std::string& responseDer, const TsaRequest& request,
                                               const std::string& who) {
    ERR_clear_error();
    auto response = d2iExactly<TS_RESP, d2i_TS_RESP, TS_RESP_free>(responseDer);
    if (!response)
        return engine::unavailable(withOpenSslErrors(who + " answered with something that is not a DER "
                                                           "TimeStampResp (" +
                                                     std::to_string(responseDer.size()) + " bytes)"));
    TS_STATUS_INFO* info = TS_RESP_get_status_info(response.get());
    const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(info));
    if (status == TS_STATUS_WAITING)
        return engine::unavailable(who + " asks to try again later: " + describeStatus(info, status));
    if (status != TS_STATUS_GRANTED && status != TS_STATUS_GRANTED_WITH_MODS)
        return engine::failedPrecondition(who + " refused the timestamp request: " + describeStatus(info, status));

    PKCS7* token = TS_RESP_get_token(response.get());
    TS_TST_INFO* tst = TS_RESP_get_tst_info(response.get());
    if (token == nullptr || tst == nullptr)
        return engine::unavailable(who + " granted the request but sent no timestamp token");
    if (TS_TST_INFO_get_version(tst) != 1)
        return engine::unavailable(who + " sent a token of unsupported TSTInfo version " +
                                   std::to_string(TS_TST_INFO_get_version(tst)));

    TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(tst);
    const ASN1_OBJECT* algorithm = nullptr;
    X509_ALGOR_get0(&algorithm, nullptr, nullptr, TS_MSG_IMPRINT_get_algo(imprint));
    if (OBJ_obj2nid(algorithm) != NID_sha256)
        return engine::unavailable(who + " stamped with hash " + oidText(algorithm) + " instead of SHA-256");
    const std::string stamped = bytesOf(TS_MSG_IMPRINT_get_msg(imprint));
    if (stamped != request.imprint)
        return engine::unavailable(who + " sent a token for another imprint (" + toHex(stamped) + ", asked " +
                                   toHex(request.imprint) + ")");
    const ASN1_INTEGER* nonce = TS_TST_INFO_get_nonce(tst);
    if (nonce == nullptr || ASN1_INTEGER_cmp(nonce, request.nonce.get()) != 0)
        return engine::unavailable(who + " sent a token whose nonce " +
                                   (nonce == nullptr ? std::string("is missing") : "(" + integerHex(nonce) + ")") +
                                   " does not match the request's (" + integerHex(request.nonce.get()) +
                                   "): a replayed or misrouted answer");
    return i2dToString(token, i2d_PKCS7, "the timestamp token");
}

}  // namespace qujat::crypto::tsdetail
