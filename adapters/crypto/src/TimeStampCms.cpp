#include "qujat/crypto/TimeStampCms.h"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "TimeStampOpenSsl.h"

namespace qujat::crypto {

using engine::Result;
using namespace tsdetail;

namespace {

struct SignedCms {
    CmsPtr cms;
    CMS_SignerInfo* signerInfo = nullptr;  // owned by cms
};

Result<SignedCms> parseSignedCms(const std::string& cmsDer) {
    ERR_clear_error();
    SignedCms parsed;
    parsed.cms = d2iExactly<CMS_ContentInfo, d2i_CMS_ContentInfo, CMS_ContentInfo_free>(cmsDer);
    if (!parsed.cms)
        return engine::invalidArgument(withOpenSslErrors("signature: not a DER CMS ContentInfo (or trailing bytes after it)"));
    if (OBJ_obj2nid(CMS_get0_type(parsed.cms.get())) != NID_pkcs7_signed)
        return engine::invalidArgument("signature: the CMS is not SignedData (content type " +
                                       oidText(CMS_get0_type(parsed.cms.get())) + ")");
    STACK_OF(CMS_SignerInfo)* signerInfos = CMS_get0_SignerInfos(parsed.cms.get());
    if (sk_CMS_SignerInfo_num(signerInfos) != 1)
        return engine::invalidArgument("signature: the CMS must have exactly one signer, it has " +
                                       std::to_string(std::max(0, sk_CMS_SignerInfo_num(signerInfos))));
    parsed.signerInfo = sk_CMS_SignerInfo_value(signerInfos, 0);
    if (parsed.signerInfo == nullptr || CMS_SignerInfo_get0_signature(parsed.signerInfo) == nullptr)
        return engine::invalidArgument("signature: the SignerInfo has no signature value");
    return parsed;
}

// Appends `part` with its length, so that concatenations cannot collide.
void appendPart(std::string& out, const std::string& part) {
    out += std::to_string(part.size());
    out += ':';
    out += part;
}

template <typename T, typename I2d>
std::string derOrEmpty(T* value, I2d i2d) {
    if (value == nullptr) return {};
    Result<std::string> der = i2dToString(value, i2d, "a CMS field");
    if (!der.isOk()) return "!";  // never equal to a real encoding
    return std::move(der).value();
}

// Everything a signature covers or depends on, as comparable bytes: the signed attributes
// (each one's DER, in order), the signature value and algorithms, the signer identifier,
// the encapsulated content type and content (or its absence).
std::string signedPart(const SignedCms& parsed) {
    CMS_SignerInfo* si = parsed.signerInfo;
    std::string out;
    const int count = CMS_signed_get_attr_count(si);
    appendPart(out, std::to_string(count));
    for (int i = 0; i < count; ++i) appendPart(out, derOrEmpty(CMS_signed_get_attr(si, i), i2d_X509_ATTRIBUTE));
    appendPart(out, bytesOf(CMS_SignerInfo_get0_signature(si)));
    X509_ALGOR* digestAlgorithm = nullptr;
    X509_ALGOR* signatureAlgorithm = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digestAlgorithm, &signatureAlgorithm);
    appendPart(out, derOrEmpty(digestAlgorithm, i2d_X509_ALGOR));
    appendPart(out, derOrEmpty(signatureAlgorithm, i2d_X509_ALGOR));
    ASN1_OCTET_STRING* keyId = nullptr;
    X509_NAME* issuer = nullptr;
    ASN1_INTEGER* serial = nullptr;
    if (CMS_SignerInfo_get0_signer_id(si, &keyId, &issuer, &serial) == 1) {
        appendPart(out, bytesOf(keyId));
        appendPart(out, derOrEmpty(issuer, i2d_X509_NAME));
        appendPart(out, derOrEmpty(serial, i2d_ASN1_INTEGER));
    } else {
        appendPart(out, "!");
    }
    appendPart(out, oidText(CMS_get0_eContentType(parsed.cms.get())));
    ASN1_OCTET_STRING** content = CMS_get0_content(parsed.cms.get());
    appendPart(out, content == nullptr || *content == nullptr ? "detached" : "attached:" + bytesOf(*content));
    ERR_clear_error();
    return out;
}

// Verifies the signature over the signed attributes with the signer certificate the CMS
// carries. nullopt when that cannot be judged here (no signed attributes, or no signer
// certificate in the CMS); the content digest needs the content and is not checked.
std::optional<bool> signatureOverAttributesHolds(const SignedCms& parsed) {
    if (CMS_signed_get_attr_count(parsed.signerInfo) <= 0) return std::nullopt;
    CMS_set1_signers_certs(parsed.cms.get(), nullptr, 0);
    X509* signer = nullptr;
    CMS_SignerInfo_get0_algs(parsed.signerInfo, nullptr, &signer, nullptr, nullptr);
    ERR_clear_error();
    if (signer == nullptr) return std::nullopt;
    const bool holds = CMS_SignerInfo_verify(parsed.signerInfo) == 1;
    ERR_clear_error();
    return holds;
}

// A minimal reader of DER tag-length-value headers: single-byte tags, definite lengths.
struct Tlv {
    unsigned char tag = 0;
    std::size_t start = 0;    // offset of the tag
    std::size_t content = 0;  // offset of the contents
    std::size_t end = 0;      // offset just past the contents
};

bool readTlv(const std::string& der, std::size_t pos, std::size_t limit, Tlv& out) {
    if (pos + 2 > limit) return false;
    out.tag = static_cast<unsigned char>(der[pos]);
    if ((out.tag & 0x1f) == 0x1f) return false;  // high tag numbers do not occur on our path
    std::size_t length = static_cast<unsigned char>(der[pos + 1]);
    std::size_t at = pos + 2;
    if (length == 0x80) return false;  // indefinite (BER)
    if (length > 0x80) {
        const std::size_t octets = length & 0x7f;
        if (octets > 4 || at + octets > limit) return false;
        length = 0;
        for (std::size_t i = 0; i < octets; ++i) length = (length << 8) | static_cast<unsigned char>(der[at++]);
    }
    if (length > limit - at) return false;
    out.start = pos;
    out.content = at;
    out.end = at + length;
    return true;
}

bool childrenOf(const std::string& der, const Tlv& parent, std::vector<Tlv>& out) {
    out.clear();
    for (std::size_t pos = parent.content; pos < parent.end;) {
        Tlv child;
        if (!readTlv(der, pos, parent.end, child)) return false;
        out.push_back(child);
        pos = child.end;
    }
    return true;
}

// The bytes of a one-signer SignedData that its signature depends on, exactly as encoded:
// the encapsulated content info, and the SignerInfo from its version through its signature
// value (everything but the unsigned attributes). nullopt when the encoding cannot be
// walked (indefinite lengths, unexpected shape).
std::optional<std::pair<std::string, std::string>> signedBytes(const std::string& der) {
    Tlv top;
    std::vector<Tlv> kids;
    if (!readTlv(der, 0, der.size(), top) || top.tag != 0x30 || top.end != der.size()) return std::nullopt;
    if (!childrenOf(der, top, kids) || kids.size() < 2 || kids[1].tag != 0xa0) return std::nullopt;
    const Tlv explicitContent = kids[1];
    if (!childrenOf(der, explicitContent, kids) || kids.size() != 1 || kids[0].tag != 0x30) return std::nullopt;
    const Tlv signedData = kids[0];
    if (!childrenOf(der, signedData, kids) || kids.size() < 4 || kids[2].tag != 0x30 || kids.back().tag != 0x31)
        return std::nullopt;
    const Tlv encap = kids[2];
    const Tlv signerInfos = kids.back();
    if (!childrenOf(der, signerInfos, kids) || kids.size() != 1 || kids[0].tag != 0x30) return std::nullopt;
    const Tlv signerInfo = kids[0];
    if (!childrenOf(der, signerInfo, kids) || kids.empty()) return std::nullopt;
    std::size_t signedEnd = signerInfo.end;
    for (const Tlv& field : kids) {
        if (field.tag == 0xa1) {
            signedEnd = field.start;
            break;
        }
    }
    return std::make_pair(der.substr(encap.start, encap.end - encap.start),
                          der.substr(signerInfo.content, signedEnd - signerInfo.content));
}

Result<std::string> imprintOf(const SignedCms& parsed) {
    const ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(parsed.signerInfo);
    if (ASN1_STRING_length(signature) <= 0) return engine::invalidArgument("signature: the signature value is empty");
    return sha256(ASN1_STRING_get0_data(signature), static_cast<std::size_t>(ASN1_STRING_length(signature)));
}

}  // namespace

Result<std::string> signatureTimeStampImprint(const std::string& cmsDer) {
    QUJAT_ASSIGN_OR_RETURN(SignedCms parsed, parseSignedCms(cmsDer));
    return imprintOf(parsed);
}

Result<std::optional<std::string>> extractSignatureTimeStamp(const std::string& cmsDer) {
    QUJAT_ASSIGN_OR_RETURN(SignedCms parsed, parseSignedCms(cmsDer));
    const int index = CMS_unsigned_get_attr_by_NID(parsed.signerInfo, NID_id_smime_aa_timeStampToken, -1);
    ERR_clear_error();
    if (index < 0) return std::optional<std::string>();
    X509_ATTRIBUTE* attribute = CMS_unsigned_get_attr(parsed.signerInfo, index);
    ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(attribute, 0);
    if (value == nullptr || ASN1_TYPE_get(value) != V_ASN1_SEQUENCE || value->value.sequence == nullptr)
        return engine::invalidArgument("signature: its signature-time-stamp attribute does not hold a SEQUENCE");
    // For SEQUENCE values OpenSSL keeps the whole encoding, tag and length included.
    return std::optional<std::string>(bytesOf(value->value.sequence));
}

Result<std::string> addSignatureTimeStamp(const std::string& cmsDer, const std::string& tokenDer) {
    QUJAT_ASSIGN_OR_RETURN(SignedCms original, parseSignedCms(cmsDer));

    // The token must be a timestamp token over this signature value.
    auto token = d2iExactly<PKCS7, d2i_PKCS7, PKCS7_free>(tokenDer);
    if (!token)
        return engine::invalidArgument(
            withOpenSslErrors("timestamp token: not a DER CMS ContentInfo (or trailing bytes after it)"));
    TsTstInfoPtr tst(PKCS7_to_TS_TST_INFO(token.get()));
    if (!tst) return engine::invalidArgument(withOpenSslErrors("timestamp token: its content is not a TSTInfo"));
    QUJAT_ASSIGN_OR_RETURN(std::string imprint, imprintOf(original));
    TS_MSG_IMPRINT* stamped = TS_TST_INFO_get_msg_imprint(tst.get());
    const ASN1_OBJECT* algorithm = nullptr;
    X509_ALGOR_get0(&algorithm, nullptr, nullptr, TS_MSG_IMPRINT_get_algo(stamped));
    if (OBJ_obj2nid(algorithm) != NID_sha256 || bytesOf(TS_MSG_IMPRINT_get_msg(stamped)) != imprint)
        return engine::failedPrecondition("timestamp token: it does not stamp this signature (imprint " +
                                          toHex(bytesOf(TS_MSG_IMPRINT_get_msg(stamped))) + " over " +
                                          oidText(algorithm) + ", the signature value's SHA-256 is " +
                                          toHex(imprint) + ")");

    if (CMS_unsigned_get_attr_by_NID(original.signerInfo, NID_id_smime_aa_timeStampToken, -1) >= 0)
        return engine::alreadyExists("signature: it already has a signature timestamp");
    ERR_clear_error();

    // The signed bytes as the signer's software encoded them (when they can be walked).
    const auto bytesBefore = signedBytes(cmsDer);
    const std::string signedBefore = signedPart(original);
    const std::optional<bool> heldBefore = signatureOverAttributesHolds(original);

    if (tokenDer.size() > static_cast<std::size_t>(INT_MAX))
        return engine::invalidArgument("timestamp token: too large");
    if (CMS_unsigned_add1_attr_by_NID(original.signerInfo, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                      tokenDer.data(), static_cast<int>(tokenDer.size())) != 1)
        return engine::internalError(withOpenSslErrors("cannot add the signature-time-stamp attribute"));
    QUJAT_ASSIGN_OR_RETURN(std::string stampedDer, i2dToString(original.cms.get(), i2d_CMS_ContentInfo, "the CMS"));

    // Check the result as a reader will see it. A difference in the signed part is our bug
    // when the input was DER; otherwise re-encoding normalised BER the signer produced.
    Result<SignedCms> reread = parseSignedCms(stampedDer);
    if (!reread.isOk()) return engine::internalError("the timestamped CMS does not parse: " + reread.status().message());
    if (bytesBefore && signedBytes(stampedDer) != bytesBefore)
        return engine::invalidArgument(
            "signature: the CMS is not in DER, and re-encoding it would change its signed bytes; "
            "re-encode it as DER before stamping");
    if (signedPart(*reread) != signedBefore) {
        if (bytesBefore)
            return engine::internalError("adding the timestamp changed the signed part of the CMS; refusing the result");
        return engine::invalidArgument(
            "signature: the CMS uses BER that does not survive re-encoding as DER; re-encode it as DER first");
    }
    Result<std::optional<std::string>> embedded = extractSignatureTimeStamp(stampedDer);
    if (!embedded.isOk() || !embedded->has_value() || **embedded != tokenDer)
        return engine::internalError("the timestamp read back from the CMS differs from the one added");
    const std::optional<bool> heldAfter = signatureOverAttributesHolds(*reread);
    if (heldBefore != heldAfter)
        return engine::internalError("adding the timestamp changed whether the signature verifies; refusing the result");
    if (!bytesBefore && heldAfter != std::optional<bool>(true)) {
        // Indefinite lengths (BER): the bytes cannot be compared, so accept only when the
        // signature is shown to still verify.
        return engine::invalidArgument(
            "signature: the CMS uses BER indefinite lengths and carries no signer certificate to re-check its "
            "signature after re-encoding; re-encode it as DER first");
    }
    ERR_clear_error();
    return stampedDer;
}

}  // namespace qujat::crypto
