#include "qujat/crypto/Certificate.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <cctype>
#include <cstring>

#include "Asn1Time.h"
#include "OpenSslErrors.h"
#include "OpenSslHandles.h"
#include "qujat/engine/Encoding.h"

namespace qujat::crypto {

namespace {

std::string bioContents(BIO* bio) {
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

std::string nameText(const X509_NAME* name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !name) return {};
    // RFC 2253 escaping but in the order the name was written, and UTF-8 kept as UTF-8.
    const unsigned long flags = (XN_FLAG_RFC2253 & ~XN_FLAG_DN_REV & ~ASN1_STRFLGS_ESC_MSB);
    if (X509_NAME_print_ex(bio.get(), name, 0, flags) < 0) {
        ERR_clear_error();
        return {};
    }
    return bioContents(bio.get());
}

std::string nameEntry(const X509_NAME* name, int nid) {
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0) return {};
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0) {
        ERR_clear_error();
        return {};
    }
    std::string out(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return out;
}

}  // namespace

engine::Result<Certificate> Certificate::fromPem(std::string_view pem) {
    ERR_clear_error();
    BioPtr bio = memoryBio(pem.data(), pem.size());
    X509* cert = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!cert) return engine::invalidArgument(withOpenSslErrors("not a PEM certificate"));
    return adopt(cert);
}

engine::Result<std::vector<Certificate>> Certificate::allFromPem(std::string_view pem) {
    ERR_clear_error();
    BioPtr bio = memoryBio(pem.data(), pem.size());
    if (!bio) return engine::internalError(withOpenSslErrors("cannot allocate a BIO"));
    X509InfoStackPtr infos(PEM_X509_INFO_read_bio(bio.get(), nullptr, nullptr, nullptr));
    if (!infos) return engine::invalidArgument(withOpenSslErrors("malformed PEM"));
    std::vector<Certificate> out;
    for (int i = 0; i < sk_X509_INFO_num(infos.get()); ++i) {
        X509_INFO* info = sk_X509_INFO_value(infos.get(), i);
        if (info->x509) out.push_back(share(info->x509));
    }
    if (out.empty()) return engine::invalidArgument("no PEM certificate found");
    return out;
}

engine::Result<Certificate> Certificate::fromDer(std::string_view der) {
    ERR_clear_error();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
    X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
    if (!cert) return engine::invalidArgument(withOpenSslErrors("not a DER certificate"));
    Certificate out = adopt(cert);
    if (p != reinterpret_cast<const unsigned char*>(der.data()) + der.size())
        return engine::invalidArgument("trailing bytes after the DER certificate");
    return out;
}

Certificate Certificate::adopt(x509_st* owned) { return Certificate(std::shared_ptr<X509>(owned, X509_free)); }

Certificate Certificate::share(x509_st* borrowed) {
    X509_up_ref(borrowed);
    return adopt(borrowed);
}

std::string Certificate::subject() const { return nameText(X509_get_subject_name(cert_.get())); }
std::string Certificate::issuer() const { return nameText(X509_get_issuer_name(cert_.get())); }
std::string Certificate::commonName() const { return nameEntry(X509_get_subject_name(cert_.get()), NID_commonName); }
std::string Certificate::subjectSerialNumber() const {
    return nameEntry(X509_get_subject_name(cert_.get()), NID_serialNumber);
}

std::string Certificate::serialHex() const {
    BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert_.get()), nullptr));
    if (!bn) return {};
    OpenSslMemoryPtr hex(BN_bn2hex(bn.get()));
    if (!hex) return {};
    std::string out(hex.get());
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string Certificate::sha256Hex() const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(cert_.get(), EVP_sha256(), digest, &length) != 1) {
        ERR_clear_error();
        return {};
    }
    return engine::toHex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string Certificate::der() const {
    unsigned char* buffer = nullptr;
    const int length = i2d_X509(cert_.get(), &buffer);
    if (length <= 0) return {};
    std::string out(reinterpret_cast<char*>(buffer), static_cast<std::size_t>(length));
    OPENSSL_free(buffer);
    return out;
}

std::string Certificate::pem() const {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert_.get()) != 1) return {};
    return bioContents(bio.get());
}

engine::Millis Certificate::notBefore() const {
    return asn1TimeToMillis(X509_get0_notBefore(cert_.get())).value_or(0);
}

engine::Millis Certificate::notAfter() const {
    return asn1TimeToMillis(X509_get0_notAfter(cert_.get())).value_or(0);
}

bool Certificate::selfSigned() const {
    const int result = X509_self_signed(cert_.get(), 1);
    ERR_clear_error();
    return result == 1;
}

bool Certificate::operator==(const Certificate& other) const {
    return cert_ == other.cert_ || X509_cmp(cert_.get(), other.cert_.get()) == 0;
}

}  // namespace qujat::crypto
