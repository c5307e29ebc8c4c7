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

#include "OpenSslErrors.h"
#include "OpenSslHandles.h"
#include "qujat/engine/Encoding.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto::tsdetail {

// The project's OpenSSL handles and error queue (OpenSslHandles.h, OpenSslErrors.h), plus
// the timestamp protocol's own types.
using crypto::Asn1ObjectPtr;
using crypto::BignumPtr;
using crypto::BioPtr;
using crypto::CmsPtr;
using crypto::EvpPkeyPtr;
using crypto::OpenSslErrors;
using crypto::takeOpenSslErrors;
using crypto::withOpenSslErrors;
using crypto::X509CrlPtr;
using crypto::X509Ptr;
using crypto::X509StackPtr;
using crypto::X509StorePtr;
using X509ShallowStackPtr = crypto::X509StackRefPtr;
using OpenSslStringPtr = crypto::OpenSslMemoryPtr;

inline void freeOpenSslBytes(unsigned char* p) { OPENSSL_free(p); }

using X509AlgorPtr = std::unique_ptr<X509_ALGOR, OpenSslDeleter<X509_ALGOR_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, OpenSslDeleter<ASN1_INTEGER_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, OpenSslDeleter<PKCS7_free>>;
using TsReqPtr = std::unique_ptr<TS_REQ, OpenSslDeleter<TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, OpenSslDeleter<TS_RESP_free>>;
using TsRespCtxPtr = std::unique_ptr<TS_RESP_CTX, OpenSslDeleter<TS_RESP_CTX_free>>;
using TsVerifyCtxPtr = std::unique_ptr<TS_VERIFY_CTX, OpenSslDeleter<TS_VERIFY_CTX_free>>;
using TsTstInfoPtr = std::unique_ptr<TS_TST_INFO, OpenSslDeleter<TS_TST_INFO_free>>;
using TsMsgImprintPtr = std::unique_ptr<TS_MSG_IMPRINT, OpenSslDeleter<TS_MSG_IMPRINT_free>>;
using OpenSslBytesPtr = std::unique_ptr<unsigned char, OpenSslDeleter<freeOpenSslBytes>>;

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
std::unique_ptr<T, OpenSslDeleter<Free>> d2iExactly(const std::string& der) {
    if (der.empty() || der.size() > static_cast<std::size_t>(LONG_MAX)) return nullptr;
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    const auto* end = p + der.size();
    std::unique_ptr<T, OpenSslDeleter<Free>> value(D2i(nullptr, &p, static_cast<long>(der.size())));
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
