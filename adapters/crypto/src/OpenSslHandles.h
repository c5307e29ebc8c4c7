#pragma once

// Owning handles for every OpenSSL object the adapter touches: each one is freed by
// exactly the function OpenSSL documents for it, on every path.

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <climits>
#include <cstddef>
#include <memory>

namespace qujat::crypto {

template <auto kFree>
struct OpenSslDeleter {
    template <typename T>
    void operator()(T* p) const {
        kFree(p);
    }
};

inline void freeX509Stack(STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); }
// For stacks that borrow their elements.
inline void freeX509StackShallow(STACK_OF(X509) * s) { sk_X509_free(s); }
inline void freeX509InfoStack(STACK_OF(X509_INFO) * s) { sk_X509_INFO_pop_free(s, X509_INFO_free); }
inline void freeAsn1TypeStack(STACK_OF(ASN1_TYPE) * s) { sk_ASN1_TYPE_pop_free(s, ASN1_TYPE_free); }
inline void freeOpenSslStringStack(STACK_OF(OPENSSL_STRING) * s) { X509_email_free(s); }
inline void freeOpenSslMemory(void* p) { OPENSSL_free(p); }
inline void freeExtendedKeyUsage(EXTENDED_KEY_USAGE* e) { sk_ASN1_OBJECT_pop_free(e, ASN1_OBJECT_free); }

using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using X509CrlPtr = std::unique_ptr<X509_CRL, OpenSslDeleter<X509_CRL_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OpenSslDeleter<X509_STORE_CTX_free>>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), OpenSslDeleter<freeX509Stack>>;
using X509StackRefPtr = std::unique_ptr<STACK_OF(X509), OpenSslDeleter<freeX509StackShallow>>;
using X509InfoStackPtr = std::unique_ptr<STACK_OF(X509_INFO), OpenSslDeleter<freeX509InfoStack>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, OpenSslDeleter<CMS_ContentInfo_free>>;
using EssSigningCertPtr = std::unique_ptr<ESS_SIGNING_CERT, OpenSslDeleter<ESS_SIGNING_CERT_free>>;
using EssSigningCertV2Ptr = std::unique_ptr<ESS_SIGNING_CERT_V2, OpenSslDeleter<ESS_SIGNING_CERT_V2_free>>;
using Asn1TimePtr = std::unique_ptr<ASN1_TIME, OpenSslDeleter<ASN1_TIME_free>>;
using Asn1ObjectPtr = std::unique_ptr<ASN1_OBJECT, OpenSslDeleter<ASN1_OBJECT_free>>;
using Asn1TypePtr = std::unique_ptr<ASN1_TYPE, OpenSslDeleter<ASN1_TYPE_free>>;
using Asn1TypeStackPtr = std::unique_ptr<STACK_OF(ASN1_TYPE), OpenSslDeleter<freeAsn1TypeStack>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using OpenSslStringStackPtr = std::unique_ptr<STACK_OF(OPENSSL_STRING), OpenSslDeleter<freeOpenSslStringStack>>;
using OpenSslMemoryPtr = std::unique_ptr<char, OpenSslDeleter<freeOpenSslMemory>>;
using ExtendedKeyUsagePtr = std::unique_ptr<EXTENDED_KEY_USAGE, OpenSslDeleter<freeExtendedKeyUsage>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, OpenSslDeleter<PKCS12_free>>;
using OcspRequestPtr = std::unique_ptr<OCSP_REQUEST, OpenSslDeleter<OCSP_REQUEST_free>>;
using OcspResponsePtr = std::unique_ptr<OCSP_RESPONSE, OpenSslDeleter<OCSP_RESPONSE_free>>;
using OcspBasicResponsePtr = std::unique_ptr<OCSP_BASICRESP, OpenSslDeleter<OCSP_BASICRESP_free>>;
using OcspCertIdPtr = std::unique_ptr<OCSP_CERTID, OpenSslDeleter<OCSP_CERTID_free>>;

// A read-only memory BIO over `bytes`, which must outlive it; null when OpenSSL cannot
// allocate it or `size` exceeds what a BIO can hold.
inline BioPtr memoryBio(const void* bytes, std::size_t size) {
    static const char kEmpty = 0;
    if (size > static_cast<std::size_t>(INT_MAX)) return nullptr;
    return BioPtr(BIO_new_mem_buf(size == 0 || !bytes ? &kEmpty : bytes, static_cast<int>(size)));
}

}  // namespace qujat::crypto
