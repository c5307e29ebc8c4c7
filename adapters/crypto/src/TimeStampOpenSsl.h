#pragma once

// Internal to the timestamp code in adapters/crypto: RAII owners for the OpenSSL objects it
// uses, the error-queue drain, PEM loading and small conversions. Not a public header.

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <climits>
#include <memory>
#include <string>
#include <vector>

#include "qujat/engine/Encoding.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto::tsdetail {

template <auto FreeFn>
struct Deleter {
    template <typename T>
    void operator()(T* p) const {
        FreeFn(p);
    }
};

inline void freeX509Stack(STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); }
// For stacks whose certificates belong to someone else (PKCS7_get0_signers).
inline void freeX509StackShallow(STACK_OF(X509) * s) { sk_X509_free(s); }
inline void freeCrlStack(STACK_OF(X509_CRL) * s) { sk_X509_CRL_pop_free(s, X509_CRL_free); }
inline void freeOpenSslString(char* s) { OPENSSL_free(s); }
inline void freeOpenSslBytes(unsigned char* p) { OPENSSL_free(p); }

using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<freeX509Stack>>;
using X509ShallowStackPtr = std::unique_ptr<STACK_OF(X509), Deleter<freeX509StackShallow>>;
using X509AlgorPtr = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Asn1ObjectPtr = std::unique_ptr<ASN1_OBJECT, Deleter<ASN1_OBJECT_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, Deleter<PKCS7_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo_free>>;
using TsReqPtr = std::unique_ptr<TS_REQ, Deleter<TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, Deleter<TS_RESP_free>>;
using TsRespCtxPtr = std::unique_ptr<TS_RESP_CTX, Deleter<TS_RESP_CTX_free>>;
using TsVerifyCtxPtr = std::unique_ptr<TS_VERIFY_CTX, Deleter<TS_VERIFY_CTX_free>>;
using TsTstInfoPtr = std::unique_ptr<TS_TST_INFO, Deleter<TS_TST_INFO_free>>;
using TsMsgImprintPtr = std::unique_ptr<TS_MSG_IMPRINT, Deleter<TS_MSG_IMPRINT_free>>;
using OpenSslStringPtr = std::unique_ptr<char, Deleter<freeOpenSslString>>;
using OpenSslBytesPtr = std::unique_ptr<unsigned char, Deleter<freeOpenSslBytes>>;

// The errors OpenSSL queued on this thread, oldest first; taking them empties the queue.
struct OpenSslErrors {
    std::vector<unsigned long> codes;
    std::string text;  // "error:...:reason (data); error:..." or "" when the queue was empty

    // True when some queued error came from library `lib` with reason `reason`.
    bool has(int lib, int reason) const;
};
OpenSslErrors drainOpenSslErrors();

// `message`, then ": " and the drained OpenSSL queue when it is not empty.
std::string withOpenSslErrors(const std::string& message);

// Every certificate in a PEM text (one or several concatenated). Returns kInvalidArgument
// naming `what` when the text holds no certificate or a block that does not parse.
engine::Result<X509StackPtr> parsePemCertificates(const std::string& pem, const std::string& what);
// Exactly one certificate from PEM (kInvalidArgument otherwise).
engine::Result<X509Ptr> parsePemCertificate(const std::string& pem, const std::string& what);
// Every CRL in a PEM text (kInvalidArgument when none or a broken one).
engine::Result<std::vector<X509CrlPtr>> parsePemCrls(const std::string& pem, const std::string& what);
// A private key from PEM, decrypted with `passphrase` when not empty.
engine::Result<EvpPkeyPtr> parsePemPrivateKey(const std::string& pem, const std::string& passphrase,
                                              const std::string& what);

// d2i that refuses trailing bytes after the value. `T` and `free` as in OpenSSL.
template <typename T, T* (*D2i)(T**, const unsigned char**, long), void (*Free)(T*)>
std::unique_ptr<T, Deleter<Free>> d2iExactly(const std::string& der) {
    if (der.empty() || der.size() > static_cast<std::size_t>(LONG_MAX)) return nullptr;
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    const auto* end = p + der.size();
    std::unique_ptr<T, Deleter<Free>> value(D2i(nullptr, &p, static_cast<long>(der.size())));
    if (value && p != end) value.reset();
    return value;
}

// DER of `value` through an i2d function (i2d_PKCS7, i2d_TS_REQ, ...); kInternal naming
// `what` with the OpenSSL queue when encoding fails.
template <typename T, typename I2d>
engine::Result<std::string> i2dToString(T* value, I2d i2d, const char* what) {
    const int length = i2d(value, nullptr);
    if (length <= 0) return engine::internalError(withOpenSslErrors(std::string("cannot encode ") + what));
    std::string der(static_cast<std::size_t>(length), '\0');
    auto* p = reinterpret_cast<unsigned char*>(der.data());
    if (i2d(value, &p) != length)
        return engine::internalError(withOpenSslErrors(std::string("cannot encode ") + what));
    return der;
}

using engine::toHex;
// Raw SHA-256 (32 bytes) of `bytes`.
engine::Result<std::string> sha256(const unsigned char* data, std::size_t size);
// The text of an ASN1_STRING's bytes.
std::string bytesOf(const ASN1_STRING* s);
// Dotted-decimal text of an OID ("1.2.840.113549.1.9.16.2.14").
std::string oidText(const ASN1_OBJECT* obj);
// RFC 2253 text of a name ("CN=Qujat TSA,O=Qujat").
std::string nameText(const X509_NAME* name);
// Milliseconds since the epoch of an ASN1 GeneralizedTime / UTCTime, keeping fractions of a
// second. Returns false when the time does not parse.
bool asn1TimeToMillis(const ASN1_TIME* time, engine::Millis& out);
// Lower-case hex of a non-negative ASN1_INTEGER without leading zeros ("0" for zero),
// "-" prefixed when negative.
std::string integerHex(const ASN1_INTEGER* value);

// RFC 3161 §2.3: the TSA certificate has exactly one extendedKeyUsage extension, it is
// critical, and its only purpose is id-kp-timeStamping. Empty when it holds, else why not.
std::string timeStampingEkuProblem(X509* cert);

}  // namespace qujat::crypto::tsdetail
