#include "TrustSnapshot.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "Asn1Time.h"
#include "OpenSslErrors.h"

namespace qujat::crypto {

namespace {

namespace fs = std::filesystem;

std::atomic<std::uint64_t> nextGeneration{1};

bool trustFile(const fs::path& path) {
    static const std::set<std::string> kExtensions = {".pem", ".crt", ".cer", ".der", ".crl"};
    return kExtensions.count(path.extension().string()) > 0;
}

struct FileContents {
    std::vector<Certificate> certificates;
    std::vector<std::shared_ptr<X509_CRL>> crls;
};

std::shared_ptr<X509_CRL> ownCrl(X509_CRL* crl) { return std::shared_ptr<X509_CRL>(crl, X509_CRL_free); }

engine::Result<FileContents> readTrustFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return engine::invalidArgument(path.string() + ": cannot be read");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    FileContents out;
    if (bytes.find("-----BEGIN") != std::string::npos) {
        BioPtr bio = memoryBio(bytes.data(), bytes.size());
        X509InfoStackPtr infos(bio ? PEM_X509_INFO_read_bio(bio.get(), nullptr, nullptr, nullptr) : nullptr);
        if (!infos) return engine::invalidArgument(withOpenSslErrors(path.string() + ": malformed PEM"));
        for (int i = 0; i < sk_X509_INFO_num(infos.get()); ++i) {
            X509_INFO* info = sk_X509_INFO_value(infos.get(), i);
            if (info->x_pkey)
                return engine::invalidArgument(path.string() + ": holds a private key; a trust directory must not");
            if (info->x509) out.certificates.push_back(Certificate::share(info->x509));
            if (info->crl) {
                X509_CRL_up_ref(info->crl);
                out.crls.push_back(ownCrl(info->crl));
            }
        }
    } else {
        const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
        const auto* end = begin + bytes.size();
        const unsigned char* p = begin;
        if (X509* cert = d2i_X509(nullptr, &p, static_cast<long>(bytes.size())); cert && p == end) {
            out.certificates.push_back(Certificate::adopt(cert));
        } else {
            X509_free(cert);
            p = begin;
            X509_CRL* crl = d2i_X509_CRL(nullptr, &p, static_cast<long>(bytes.size()));
            if (crl && p == end) out.crls.push_back(ownCrl(crl));
            else X509_CRL_free(crl);
        }
    }
    ERR_clear_error();
    if (out.certificates.empty() && out.crls.empty())
        return engine::invalidArgument(path.string() + ": holds no certificate or CRL");
    return out;
}

std::string crlNumber(X509_CRL* crl) {
    ASN1_INTEGER* number = static_cast<ASN1_INTEGER*>(X509_CRL_get_ext_d2i(crl, NID_crl_number, nullptr, nullptr));
    if (!number) return {};
    BignumPtr bn(ASN1_INTEGER_to_BN(number, nullptr));
    ASN1_INTEGER_free(number);
    if (!bn) return {};
    OpenSslMemoryPtr text(BN_bn2dec(bn.get()));
    return text ? std::string(text.get()) : std::string();
}

std::string nameOf(const X509_NAME* name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio) return {};
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~XN_FLAG_DN_REV & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

// Whether `a` supersedes `b` (both from one CA): issued later, or with a higher number.
bool newer(const CrlInfo& a, const CrlInfo& b) {
    if (a.thisUpdate != b.thisUpdate) return a.thisUpdate > b.thisUpdate;
    if (a.number.size() != b.number.size()) return a.number.size() > b.number.size();
    return a.number > b.number;
}

void digestUpdate(EVP_MD_CTX* ctx, const std::string& der) {
    const std::uint64_t length = der.size();
    EVP_DigestUpdate(ctx, &length, sizeof length);
    EVP_DigestUpdate(ctx, der.data(), der.size());
}

std::string crlDer(X509_CRL* crl) {
    unsigned char* der = nullptr;
    const int length = i2d_X509_CRL(crl, &der);
    if (length <= 0) return {};
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

}  // namespace

const TrustedCrl* TrustSnapshot::crlIssuedBy(const X509_NAME* issuerName) const {
    for (const TrustedCrl& crl : crls)
        if (X509_NAME_cmp(X509_CRL_get_issuer(crl.crl.get()), issuerName) == 0) return &crl;
    return nullptr;
}

engine::Result<std::shared_ptr<const TrustSnapshot>> TrustSnapshot::load(const std::string& directory) {
    ERR_clear_error();
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) return engine::notFound("trust directory " + directory + " does not exist");
    std::vector<fs::path> files;
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && trustFile(it->path())) files.push_back(it->path());
    if (ec) return engine::unavailable("cannot list " + directory + ": " + ec.message());
    std::sort(files.begin(), files.end());

    auto snapshot = std::make_shared<TrustSnapshot>();
    std::vector<Certificate> certificates;
    std::set<std::string> fingerprints;
    std::vector<std::pair<std::shared_ptr<X509_CRL>, std::string>> crls;  // with the file
    for (const fs::path& file : files) {
        QUJAT_ASSIGN_OR_RETURN(FileContents contents, readTrustFile(file));
        for (Certificate& cert : contents.certificates)
            if (fingerprints.insert(cert.sha256Hex()).second) certificates.push_back(std::move(cert));
        for (auto& crl : contents.crls) crls.emplace_back(std::move(crl), file.string());
    }
    for (const Certificate& cert : certificates)
        (cert.selfSigned() ? snapshot->anchors : snapshot->intermediates).push_back(cert);
    if (snapshot->anchors.empty())
        return engine::failedPrecondition("trust directory " + directory + " holds no self-signed root certificate");

    for (auto& [crl, file] : crls) {
        const X509_NAME* issuer = X509_CRL_get_issuer(crl.get());
        bool verified = false;
        for (const Certificate& cert : certificates) {
            if (X509_NAME_cmp(X509_get_subject_name(cert.native()), issuer) != 0) continue;
            if (X509_CRL_verify(crl.get(), X509_get0_pubkey(cert.native())) == 1) {
                verified = true;
                break;
            }
        }
        ERR_clear_error();
        if (!verified)
            return engine::invalidArgument(file + ": the CRL of " + nameOf(issuer) +
                                           " is not signed by any certificate in " + directory);
        CrlInfo info;
        info.issuer = nameOf(issuer);
        info.file = file;
        info.thisUpdate = asn1TimeToMillis(X509_CRL_get0_lastUpdate(crl.get())).value_or(0);
        info.nextUpdate = asn1TimeToMillis(X509_CRL_get0_nextUpdate(crl.get()));
        info.number = crlNumber(crl.get());
        info.revokedCount = sk_X509_REVOKED_num(X509_CRL_get_REVOKED(crl.get()));
        auto same = std::find_if(snapshot->crls.begin(), snapshot->crls.end(), [&](const TrustedCrl& other) {
            return X509_NAME_cmp(X509_CRL_get_issuer(other.crl.get()), issuer) == 0;
        });
        if (same == snapshot->crls.end())
            snapshot->crls.push_back(TrustedCrl{crl, std::move(info)});
        else if (newer(info, same->info))
            *same = TrustedCrl{crl, std::move(info)};
    }

    snapshot->store.reset(X509_STORE_new());
    EvpMdCtxPtr digest(EVP_MD_CTX_new());
    if (!snapshot->store || !digest || EVP_DigestInit_ex(digest.get(), EVP_sha256(), nullptr) != 1)
        return engine::internalError(withOpenSslErrors("cannot allocate the trust store"));
    for (const Certificate& anchor : snapshot->anchors) {
        if (X509_STORE_add_cert(snapshot->store.get(), anchor.native()) != 1)
            return engine::internalError(withOpenSslErrors("cannot add " + anchor.subject() + " to the trust store"));
        digestUpdate(digest.get(), anchor.der());
    }
    for (const Certificate& intermediate : snapshot->intermediates) digestUpdate(digest.get(), intermediate.der());
    for (const TrustedCrl& crl : snapshot->crls) {
        if (X509_STORE_add_crl(snapshot->store.get(), crl.crl.get()) != 1)
            return engine::internalError(withOpenSslErrors("cannot add the CRL of " + crl.info.issuer));
        digestUpdate(digest.get(), crlDer(crl.crl.get()));
    }
    unsigned char value[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(digest.get(), value, &length);
    snapshot->digest.assign(reinterpret_cast<char*>(value), length);
    snapshot->generation = nextGeneration.fetch_add(1);
    return std::shared_ptr<const TrustSnapshot>(std::move(snapshot));
}

}  // namespace qujat::crypto
