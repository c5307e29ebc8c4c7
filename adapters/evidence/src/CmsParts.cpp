#include "CmsParts.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509.h>

#include <memory>

namespace qujat::evidence {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, Deleter<PKCS7, PKCS7_free>>;
using TstInfoPtr = std::unique_ptr<TS_TST_INFO, Deleter<TS_TST_INFO, TS_TST_INFO_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL, X509_CRL_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

// Parses exactly `der` (no trailing bytes) with a d2i function.
template <typename T, T* (*D2i)(T**, const unsigned char**, long), void (*Free)(T*)>
std::unique_ptr<T, Deleter<T, Free>> parseExactly(const std::string& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    const auto* end = p + der.size();
    std::unique_ptr<T, Deleter<T, Free>> parsed(D2i(nullptr, &p, static_cast<long>(der.size())));
    ERR_clear_error();
    if (parsed && p != end) parsed.reset();
    return parsed;
}

bool millisOf(const ASN1_TIME* time, engine::Millis& out) {
    struct tm tm {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1) return false;
    out = static_cast<engine::Millis>(timegm(&tm)) * 1000;
    return true;
}

std::string nameText(const X509_NAME* name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~XN_FLAG_DN_REV & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace

engine::Result<std::string> signatureValueOf(const std::string& cms) {
    auto parsed = parseExactly<CMS_ContentInfo, d2i_CMS_ContentInfo, CMS_ContentInfo_free>(cms);
    if (!parsed || OBJ_obj2nid(CMS_get0_type(parsed.get())) != NID_pkcs7_signed)
        return engine::invalidArgument("the signature is not a DER CMS SignedData");
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(parsed.get());
    if (sk_CMS_SignerInfo_num(signers) != 1)
        return engine::invalidArgument("the signature does not have exactly one signer");
    const ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(sk_CMS_SignerInfo_value(signers, 0));
    if (!value) return engine::invalidArgument("the signature has no signature value");
    return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                       static_cast<std::size_t>(ASN1_STRING_length(value)));
}

engine::Result<engine::Millis> statedGenTime(const std::string& token) {
    auto parsed = parseExactly<PKCS7, d2i_PKCS7, PKCS7_free>(token);
    if (!parsed || !PKCS7_type_is_signed(parsed.get()))
        return engine::invalidArgument("the timestamp token is not a DER CMS SignedData");
    TstInfoPtr info(PKCS7_to_TS_TST_INFO(parsed.get()));
    ERR_clear_error();
    if (!info) return engine::invalidArgument("the timestamp token holds no TSTInfo");
    engine::Millis genTime = 0;
    // Whole seconds: sub-second digits, if any, only matter to the verifier.
    if (!millisOf(TS_TST_INFO_get_time(info.get()), genTime))
        return engine::invalidArgument("the timestamp's genTime does not parse");
    return genTime;
}

std::vector<CrlSummary> crlsIn(const std::string& pem) {
    std::vector<CrlSummary> out;
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    while (bio) {
        CrlPtr crl(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr));
        if (!crl) break;
        CrlSummary summary;
        summary.issuer = nameText(X509_CRL_get_issuer(crl.get()));
        millisOf(X509_CRL_get0_lastUpdate(crl.get()), summary.thisUpdate);
        millisOf(X509_CRL_get0_nextUpdate(crl.get()), summary.nextUpdate);
        out.push_back(std::move(summary));
    }
    ERR_clear_error();
    return out;
}

engine::Result<std::string> trustFileAsPem(const std::string& bytes) {
    if (bytes.find("PRIVATE KEY-----") != std::string::npos)
        return engine::invalidArgument("it holds a private key");
    if (bytes.find("-----BEGIN") != std::string::npos) {
        if (bytes.find("-----BEGIN CERTIFICATE-----") == std::string::npos &&
            bytes.find("-----BEGIN X509 CRL-----") == std::string::npos)
            return engine::invalidArgument("it holds no PEM certificate or CRL");
        return bytes.back() == '\n' ? bytes : bytes + "\n";
    }
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out) return engine::internalError("out of memory");
    if (auto cert = parseExactly<X509, d2i_X509, X509_free>(bytes)) {
        if (PEM_write_bio_X509(out.get(), cert.get()) != 1) return engine::internalError("cannot write PEM");
    } else if (auto crl = parseExactly<X509_CRL, d2i_X509_CRL, X509_CRL_free>(bytes)) {
        if (PEM_write_bio_X509_CRL(out.get(), crl.get()) != 1) return engine::internalError("cannot write PEM");
    } else {
        return engine::invalidArgument("it is neither PEM nor a DER certificate or CRL");
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(out.get(), &data);
    ERR_clear_error();
    return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace qujat::evidence
