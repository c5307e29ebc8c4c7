#include "CadesAttributes.h"

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include "Asn1Time.h"
#include "OpenSslHandles.h"

namespace qujat::crypto {

namespace {

// The single value of the single signed attribute `nid`; nullptr when absent or when
// `problem` says why it cannot be used.
ASN1_TYPE* singleValue(CMS_SignerInfo* si, int nid, const std::string& name, std::string& problem) {
    const int loc = CMS_signed_get_attr_by_NID(si, nid, -1);
    if (loc < 0) return nullptr;
    if (CMS_signed_get_attr_by_NID(si, nid, loc) >= 0) {
        problem = "more than one " + name + " attribute";
        return nullptr;
    }
    X509_ATTRIBUTE* attr = CMS_signed_get_attr(si, loc);
    if (!attr || X509_ATTRIBUTE_count(attr) != 1) {
        problem = "the " + name + " attribute must have exactly one value";
        return nullptr;
    }
    return X509_ATTRIBUTE_get0_type(attr, 0);
}

int countAttributes(CMS_SignerInfo* si, int nid) {
    int count = 0;
    for (int loc = CMS_signed_get_attr_by_NID(si, nid, -1); loc >= 0; loc = CMS_signed_get_attr_by_NID(si, nid, loc))
        ++count;
    return count;
}

// The commitmentTypeId of one CommitmentTypeIndication value, or "" when malformed.
std::string commitmentTypeId(const ASN1_TYPE* value) {
    if (ASN1_TYPE_get(value) != V_ASN1_SEQUENCE) return {};
    const ASN1_STRING* sequence = value->value.sequence;
    const unsigned char* p = ASN1_STRING_get0_data(sequence);
    const unsigned char* end = p + ASN1_STRING_length(sequence);
    Asn1TypeStackPtr fields(d2i_ASN1_SEQUENCE_ANY(nullptr, &p, ASN1_STRING_length(sequence)));
    if (!fields || p != end) return {};
    const int count = sk_ASN1_TYPE_num(fields.get());
    if (count < 1 || count > 2) return {};
    const ASN1_TYPE* id = sk_ASN1_TYPE_value(fields.get(), 0);
    if (ASN1_TYPE_get(id) != V_ASN1_OBJECT) return {};
    if (count == 2 && ASN1_TYPE_get(sk_ASN1_TYPE_value(fields.get(), 1)) != V_ASN1_SEQUENCE) return {};
    char text[128];
    const int length = OBJ_obj2txt(text, sizeof text, id->value.object, 1);
    if (length <= 0 || length >= static_cast<int>(sizeof text)) return {};
    return text;
}

}  // namespace

std::string encodeCommitmentTypeIndication(const std::string& oid) {
    Asn1ObjectPtr object(OBJ_txt2obj(oid.c_str(), 1));
    Asn1TypeStackPtr fields(sk_ASN1_TYPE_new_null());
    Asn1TypePtr field(ASN1_TYPE_new());
    if (!object || !fields || !field) return {};
    ASN1_TYPE_set(field.get(), V_ASN1_OBJECT, object.release());
    if (!sk_ASN1_TYPE_push(fields.get(), field.get())) return {};
    field.release();
    unsigned char* der = nullptr;
    const int length = i2d_ASN1_SEQUENCE_ANY(fields.get(), &der);
    if (length <= 0) return {};
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

SignedAttributeValues readSignedAttributes(CMS_SignerInfo* si, const ASN1_OBJECT* eContentType) {
    SignedAttributeValues out;

    if (const ASN1_TYPE* type = singleValue(si, NID_pkcs9_contentType, "content-type", out.contentTypeProblem)) {
        out.hasContentType = true;
        if (ASN1_TYPE_get(type) != V_ASN1_OBJECT || OBJ_cmp(type->value.object, eContentType) != 0)
            out.contentTypeProblem = "the content-type attribute does not name the encapsulated content type";
    }

    if (const ASN1_TYPE* digest = singleValue(si, NID_pkcs9_messageDigest, "message-digest", out.messageDigestProblem)) {
        if (ASN1_TYPE_get(digest) == V_ASN1_OCTET_STRING)
            out.messageDigest = digest->value.octet_string;
        else
            out.messageDigestProblem = "the message-digest attribute is not an OCTET STRING";
    }

    if (const ASN1_TYPE* time = singleValue(si, NID_pkcs9_signingTime, "signing-time", out.signingTimeProblem)) {
        const int type = ASN1_TYPE_get(time);
        if (type == V_ASN1_UTCTIME || type == V_ASN1_GENERALIZEDTIME) {
            out.signingTime = asn1TimeToMillis(time->value.asn1_string);
            if (!out.signingTime) out.signingTimeProblem = "the signing-time attribute is not a valid time";
        } else {
            out.signingTimeProblem = "the signing-time attribute is neither UTCTime nor GeneralizedTime";
        }
    }

    out.signingCertificateV1Count = countAttributes(si, NID_id_smime_aa_signingCertificate);
    out.signingCertificateV2Count = countAttributes(si, NID_id_smime_aa_signingCertificateV2);

    for (int loc = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_ets_commitmentType, -1); loc >= 0;
         loc = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_ets_commitmentType, loc)) {
        X509_ATTRIBUTE* attr = CMS_signed_get_attr(si, loc);
        for (int i = 0; attr && i < X509_ATTRIBUTE_count(attr); ++i) {
            std::string id = commitmentTypeId(X509_ATTRIBUTE_get0_type(attr, i));
            if (id.empty())
                out.commitmentTypeProblem = "a commitment-type-indication attribute is malformed";
            else
                out.commitmentTypes.push_back(std::move(id));
        }
    }
    ERR_clear_error();
    return out;
}

}  // namespace qujat::crypto
