#include "TimeStampOpenSsl.h"

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>

namespace qujat::crypto::tsdetail {

using engine::Result;

namespace {

BioPtr memoryBio(const std::string& text) {
    if (text.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
    return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

// After a PEM_read loop: true when it stopped because the text ran out of PEM blocks
// (which OpenSSL reports as "no start line"), false for a real parse error.
bool stoppedAtEndOfPem() {
    const unsigned long last = ERR_peek_last_error();
    if (last != 0 && ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE) {
        ERR_clear_error();
        return true;
    }
    return last == 0;
}

// Supplies the configured passphrase, or none: never the interactive terminal prompt
// OpenSSL falls back to without a callback.
int passphraseCallback(char* buffer, int size, int /*rwflag*/, void* userData) {
    const auto* passphrase = static_cast<const std::string*>(userData);
    if (passphrase == nullptr || passphrase->empty() || size <= 0) return 0;
    const int length = static_cast<int>(std::min<std::size_t>(passphrase->size(), static_cast<std::size_t>(size)));
    std::memcpy(buffer, passphrase->data(), static_cast<std::size_t>(length));
    return length;
}

}  // namespace

Result<X509StackPtr> parsePemCertificates(const std::string& pem, const std::string& what) {
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    X509StackPtr certs(sk_X509_new_null());
    if (!bio || !certs) return engine::internalError(withOpenSslErrors("out of memory reading " + what));
    while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        if (!sk_X509_push(certs.get(), cert)) {
            X509_free(cert);
            return engine::internalError(withOpenSslErrors("out of memory reading " + what));
        }
    }
    if (!stoppedAtEndOfPem())
        return engine::invalidArgument(withOpenSslErrors(what + " holds a PEM block that is not a valid certificate"));
    if (sk_X509_num(certs.get()) == 0)
        return engine::invalidArgument(what + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    return certs;
}

Result<X509Ptr> parsePemCertificate(const std::string& pem, const std::string& what) {
    QUJAT_ASSIGN_OR_RETURN(X509StackPtr certs, parsePemCertificates(pem, what));
    if (sk_X509_num(certs.get()) != 1)
        return engine::invalidArgument(what + " must hold exactly one certificate, it holds " +
                                       std::to_string(sk_X509_num(certs.get())));
    return X509Ptr(sk_X509_shift(certs.get()));
}

Result<std::vector<X509CrlPtr>> parsePemCrls(const std::string& pem, const std::string& what) {
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    if (!bio) return engine::internalError(withOpenSslErrors("out of memory reading " + what));
    std::vector<X509CrlPtr> crls;
    while (X509_CRL* crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr)) crls.emplace_back(crl);
    if (!stoppedAtEndOfPem())
        return engine::invalidArgument(withOpenSslErrors(what + " holds a PEM block that is not a valid CRL"));
    if (crls.empty()) return engine::invalidArgument(what + " holds no PEM CRL (-----BEGIN X509 CRL-----)");
    return crls;
}

Result<EvpPkeyPtr> parsePemPrivateKey(const std::string& pem, const std::string& passphrase,
                                      const std::string& what) {
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    if (!bio) return engine::internalError(withOpenSslErrors("out of memory reading " + what));
    EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback,
                                           const_cast<std::string*>(&passphrase)));
    if (!key)
        return engine::invalidArgument(withOpenSslErrors(
            what + " is not a PEM private key" + (passphrase.empty() ? " (or it is encrypted and no passphrase was given)"
                                                                     : " or the passphrase is wrong")));
    return key;
}

Result<std::string> sha256(const unsigned char* data, std::size_t size) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data, size, digest, &length, EVP_sha256(), nullptr) != 1)
        return engine::internalError(withOpenSslErrors("SHA-256 failed"));
    return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string bytesOf(const ASN1_STRING* s) {
    if (s == nullptr) return {};
    const int length = ASN1_STRING_length(s);
    if (length <= 0) return {};
    return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), static_cast<std::size_t>(length));
}

std::string oidText(const ASN1_OBJECT* obj) {
    if (obj == nullptr) return {};
    char buffer[128];
    const int length = OBJ_obj2txt(buffer, sizeof buffer, obj, 1);
    if (length <= 0) return {};
    if (static_cast<std::size_t>(length) < sizeof buffer) return std::string(buffer, static_cast<std::size_t>(length));
    std::string big(static_cast<std::size_t>(length) + 1, '\0');
    OBJ_obj2txt(big.data(), length + 1, obj, 1);
    big.resize(static_cast<std::size_t>(length));
    return big;
}

std::string nameText(const X509_NAME* name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || name == nullptr) return {};
    if (X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) {
        ERR_clear_error();
        return {};
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

bool asn1TimeToMillis(const ASN1_TIME* time, engine::Millis& out) {
    struct tm tm {};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) {
        ERR_clear_error();
        return false;
    }
    const time_t seconds = timegm(&tm);
    engine::Millis millis = static_cast<engine::Millis>(seconds) * 1000;
    // GeneralizedTime may carry a fraction ("20261127101500.25Z"); keep its milliseconds.
    if (ASN1_STRING_type(time) == V_ASN1_GENERALIZEDTIME) {
        const std::string text = bytesOf(time);
        const std::size_t dot = text.find('.');
        if (dot != std::string::npos) {
            int scale = 100;
            for (std::size_t i = dot + 1; i < text.size() && scale > 0; ++i, scale /= 10) {
                if (text[i] < '0' || text[i] > '9') break;
                millis += (text[i] - '0') * scale;
            }
        }
    }
    out = millis;
    return true;
}

std::string integerHex(const ASN1_INTEGER* value) {
    BignumPtr bn(ASN1_INTEGER_to_BN(value, nullptr));
    if (!bn) {
        ERR_clear_error();
        return {};
    }
    OpenSslStringPtr hex(BN_bn2hex(bn.get()));
    if (!hex) return {};
    std::string text(hex.get());
    std::string sign;
    if (!text.empty() && text[0] == '-') {
        sign = "-";
        text.erase(0, 1);
    }
    const std::size_t first = text.find_first_not_of('0');
    text = first == std::string::npos ? "0" : text.substr(first);
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return sign + text;
}

std::string timeStampingEkuProblem(X509* cert) {
    int critical = -1;
    auto* eku = static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(cert, NID_ext_key_usage, &critical, nullptr));
    crypto::ExtendedKeyUsagePtr owner(eku);
    ERR_clear_error();
    if (critical == -2) return "it has more than one extendedKeyUsage extension";
    if (eku == nullptr) return "it has no extendedKeyUsage extension (RFC 3161 requires a critical one with timeStamping)";
    if (sk_ASN1_OBJECT_num(eku) != 1 || OBJ_obj2nid(sk_ASN1_OBJECT_value(eku, 0)) != NID_time_stamp)
        return "its extendedKeyUsage must be timeStamping (1.3.6.1.5.5.7.3.8) and nothing else";
    if (critical != 1) return "its extendedKeyUsage extension is not critical (RFC 3161 requires it critical)";
    return {};
}

}  // namespace qujat::crypto::tsdetail
