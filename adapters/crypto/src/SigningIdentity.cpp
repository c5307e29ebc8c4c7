#include "qujat/crypto/SigningIdentity.h"

#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include "OpenSslErrors.h"
#include "OpenSslHandles.h"

namespace qujat::crypto {

namespace {

engine::Result<SigningIdentity> checked(SigningIdentity identity) {
    if (X509_check_private_key(identity.certificate.native(), identity.key.native()) != 1)
        return engine::failedPrecondition(
            withOpenSslErrors("the private key does not belong to the certificate " + identity.certificate.subject()));
    return identity;
}

}  // namespace

engine::Result<SigningIdentity> SigningIdentity::fromPkcs12(const std::string& der, const std::string& password) {
    ERR_clear_error();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
    Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, static_cast<long>(der.size())));
    if (!p12) return engine::invalidArgument(withOpenSslErrors("not a PKCS#12 file"));
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* ca = nullptr;
    if (PKCS12_parse(p12.get(), password.c_str(), &key, &cert, &ca) != 1)
        return engine::invalidArgument(withOpenSslErrors("cannot open the PKCS#12 file (wrong password?)"));
    EvpPkeyPtr keyOwner(key);
    X509Ptr certOwner(cert);
    X509StackPtr caOwner(ca);
    if (!key || !cert) return engine::invalidArgument("the PKCS#12 file lacks the private key or its certificate");
    std::vector<Certificate> chain;
    for (int i = 0; i < sk_X509_num(ca); ++i) chain.push_back(Certificate::share(sk_X509_value(ca, i)));
    return checked(SigningIdentity{PrivateKey::adopt(keyOwner.release()), Certificate::adopt(certOwner.release()),
                                   std::move(chain)});
}

engine::Result<SigningIdentity> SigningIdentity::fromPem(const std::string& keyPem, const std::string& certificatePem,
                                                         const std::string& chainPem) {
    QUJAT_ASSIGN_OR_RETURN(PrivateKey key, PrivateKey::fromPem(keyPem));
    QUJAT_ASSIGN_OR_RETURN(Certificate certificate, Certificate::fromPem(certificatePem));
    std::vector<Certificate> chain;
    if (!chainPem.empty()) {
        QUJAT_ASSIGN_OR_RETURN(chain, Certificate::allFromPem(chainPem));
    }
    return checked(SigningIdentity{std::move(key), std::move(certificate), std::move(chain)});
}

}  // namespace qujat::crypto
