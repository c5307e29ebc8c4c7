#include "CmsProfile.h"

#include <openssl/asn1.h>
#include <openssl/err.h>

#include <vector>

namespace qujat::crypto {

namespace {

struct Tlv {
    int tag = -1;
    int cls = -1;
    bool constructed = false;
    const unsigned char* content = nullptr;
    long length = 0;
    const unsigned char* begin = nullptr;  // of the whole TLV

    bool is(int expectedClass, int expectedTag) const { return cls == expectedClass && tag == expectedTag; }
    std::string encoded() const {
        return std::string(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(content + length - begin));
    }
};

// Reads consecutive DER TLVs from a bounded buffer; definite lengths only.
class DerCursor {
public:
    DerCursor(const unsigned char* p, long length) : p_(p), end_(p + length) {}
    explicit DerCursor(const Tlv& tlv) : DerCursor(tlv.content, tlv.length) {}

    bool atEnd() const { return p_ >= end_; }

    bool next(Tlv& out) {
        if (p_ >= end_) return false;
        const unsigned char* q = p_;
        long length = 0;
        int tag = 0;
        int cls = 0;
        const int flags = ASN1_get_object(&q, &length, &tag, &cls, end_ - p_);
        if ((flags & 0x80) || (flags & 0x01) || length < 0 || length > end_ - q) {
            ERR_clear_error();
            return false;
        }
        out = Tlv{tag, cls, (flags & V_ASN1_CONSTRUCTED) != 0, q, length, p_};
        p_ = q + length;
        return true;
    }

private:
    const unsigned char* p_;
    const unsigned char* end_;
};

// A small non-negative INTEGER's value, or -1.
long smallInteger(const Tlv& tlv) {
    if (!tlv.is(V_ASN1_UNIVERSAL, V_ASN1_INTEGER) || tlv.length < 1 || tlv.length > 2) return -1;
    if (tlv.content[0] & 0x80) return -1;
    long value = 0;
    for (long i = 0; i < tlv.length; ++i) value = (value << 8) | tlv.content[i];
    return value;
}

// An AlgorithmIdentifier of a digest: SEQUENCE { OID, NULL or nothing }. Returns the OID
// TLV's bytes, or "" when it does not have that shape.
std::string digestAlgorithmOid(const Tlv& algorithm) {
    if (!algorithm.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE) || !algorithm.constructed) return {};
    DerCursor fields(algorithm);
    Tlv oid;
    if (!fields.next(oid) || !oid.is(V_ASN1_UNIVERSAL, V_ASN1_OBJECT)) return {};
    Tlv parameters;
    if (fields.next(parameters)) {
        if (!parameters.is(V_ASN1_UNIVERSAL, V_ASN1_NULL) || parameters.length != 0 || !fields.atEnd()) return {};
    }
    return oid.encoded();
}

}  // namespace

std::string cmsProfileProblem(const std::string& der) {
    const auto* data = reinterpret_cast<const unsigned char*>(der.data());
    DerCursor top(data, static_cast<long>(der.size()));
    Tlv contentInfo, contentType, explicitContent, signedData;
    if (!top.next(contentInfo) || !contentInfo.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE) || !top.atEnd())
        return "not a ContentInfo";
    DerCursor contentInfoFields(contentInfo);
    if (!contentInfoFields.next(contentType) || !contentType.is(V_ASN1_UNIVERSAL, V_ASN1_OBJECT) ||
        !contentInfoFields.next(explicitContent) || !explicitContent.is(V_ASN1_CONTEXT_SPECIFIC, 0))
        return "not a ContentInfo";
    DerCursor wrapped(explicitContent);
    if (!wrapped.next(signedData) || !signedData.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
        return "not a SignedData";

    DerCursor fields(signedData);
    Tlv version, digestAlgorithms, encapsulated, next;
    if (!fields.next(version) || smallInteger(version) < 0) return "SignedData has no valid version";
    if (!fields.next(digestAlgorithms) || !digestAlgorithms.is(V_ASN1_UNIVERSAL, V_ASN1_SET))
        return "SignedData has no digestAlgorithms";
    std::vector<std::string> digestOids;
    DerCursor algorithms(digestAlgorithms);
    for (Tlv algorithm; algorithms.next(algorithm);) {
        std::string oid = digestAlgorithmOid(algorithm);
        if (oid.empty()) return "a digestAlgorithms entry has parameters other than NULL";
        digestOids.push_back(std::move(oid));
    }
    if (!algorithms.atEnd()) return "malformed digestAlgorithms";
    if (!fields.next(encapsulated) || !encapsulated.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
        return "SignedData has no encapContentInfo";
    if (!fields.next(next)) return "SignedData has no signerInfos";
    if (next.is(V_ASN1_CONTEXT_SPECIFIC, 0)) {
        DerCursor certificates(next);
        for (Tlv certificate; certificates.next(certificate);)
            if (!certificate.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
                return "the certificates field holds something other than X.509 certificates";
        if (!certificates.atEnd()) return "malformed certificates field";
        if (!fields.next(next)) return "SignedData has no signerInfos";
    }
    if (next.is(V_ASN1_CONTEXT_SPECIFIC, 1) && !fields.next(next)) return "SignedData has no signerInfos";
    if (!next.is(V_ASN1_UNIVERSAL, V_ASN1_SET) || !fields.atEnd()) return "malformed signerInfos";

    long expectedVersion = 1;
    DerCursor signerInfos(next);
    for (Tlv signerInfo; signerInfos.next(signerInfo);) {
        if (!signerInfo.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE)) return "malformed SignerInfo";
        DerCursor signerFields(signerInfo);
        Tlv signerVersion, sid, digestAlgorithm;
        if (!signerFields.next(signerVersion) || !signerFields.next(sid) || !signerFields.next(digestAlgorithm))
            return "malformed SignerInfo";
        long expectedSignerVersion;
        if (sid.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE)) expectedSignerVersion = 1;
        else if (sid.is(V_ASN1_CONTEXT_SPECIFIC, 0)) expectedSignerVersion = 3;
        else return "SignerInfo has an unknown signer identifier";
        if (smallInteger(signerVersion) != expectedSignerVersion)
            return "SignerInfo version " + std::to_string(smallInteger(signerVersion)) + " does not match its signer identifier";
        if (expectedSignerVersion == 3) expectedVersion = 3;
        const std::string oid = digestAlgorithmOid(digestAlgorithm);
        if (oid.empty()) return "the signer's digestAlgorithm has parameters other than NULL";
        bool listed = false;
        for (const std::string& candidate : digestOids) listed = listed || candidate == oid;
        if (!listed) return "the signer's digest algorithm is missing from SignedData.digestAlgorithms";
    }
    if (!signerInfos.atEnd()) return "malformed signerInfos";
    if (smallInteger(version) != expectedVersion)
        return "SignedData version " + std::to_string(smallInteger(version)) + " (RFC 5652 requires " +
               std::to_string(expectedVersion) + ")";
    return {};
}

}  // namespace qujat::crypto
