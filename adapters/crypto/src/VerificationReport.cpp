#include "qujat/crypto/VerificationReport.h"

#include "qujat/engine/Encoding.h"

#include <cstdio>

namespace qujat::crypto {

using engine::jsonString;

namespace {

std::string jsonArray(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + jsonString(values[i]);
    return out + "]";
}

const char* commitmentName(const std::string& oid) {
    if (oid == "1.2.840.113549.1.9.16.6.1") return "proof-of-origin";
    if (oid == "1.2.840.113549.1.9.16.6.2") return "proof-of-receipt";
    if (oid == "1.2.840.113549.1.9.16.6.3") return "proof-of-delivery";
    if (oid == "1.2.840.113549.1.9.16.6.4") return "proof-of-sender";
    if (oid == "1.2.840.113549.1.9.16.6.5") return "proof-of-approval";
    if (oid == "1.2.840.113549.1.9.16.6.6") return "proof-of-creation";
    return nullptr;
}

}  // namespace

std::string VerificationReport::toJson() const {
    std::string out = "{";
    out += "\"indication\":" + jsonString(indicationName(indication));
    out += ",\"subIndication\":" +
           (subIndication == SubIndication::kNone ? std::string("null") : jsonString(subIndicationName(subIndication)));
    out += ",\"message\":" + jsonString(message);
    out += ",\"signerSubject\":" + jsonString(signerSubject);
    out += ",\"signerCommonName\":" + jsonString(signerCommonName);
    out += ",\"signerSerialNumber\":" + jsonString(signerSerialNumber);
    out += ",\"certificateSha256\":" + jsonString(certificateSha256);
    out += ",\"certificateSerial\":" + jsonString(certificateSerial);
    out += ",\"signingTime\":" + (signingTime ? jsonString(engine::formatIsoUtc(*signingTime)) : std::string("null"));
    out += ",\"chain\":" + jsonArray(chain);
    out += ",\"digestAlgorithm\":" + jsonString(digestAlgorithm);
    out += ",\"signatureAlgorithm\":" + jsonString(signatureAlgorithm);
    out += ",\"commitmentTypes\":" + jsonArray(commitmentTypes);
    out += ",\"revocation\":" + jsonString(revocation);
    if (timeStamp) {
        out += ",\"timeStamp\":{\"genTime\":" + jsonString(engine::formatIsoUtc(timeStamp->genTime));
        out += ",\"serial\":" + jsonString(timeStamp->serial);
        out += ",\"tsa\":" + jsonString(timeStamp->tsaSubject);
        out += ",\"policy\":" + jsonString(timeStamp->policyOid) + "}";
    }
    return out + "}";
}

std::string VerificationReport::toText() const {
    std::string out = std::string("indication: ") + indicationName(indication);
    if (subIndication != SubIndication::kNone) out += std::string("/") + subIndicationName(subIndication);
    out += "\nmessage: " + message + "\n";
    auto line = [&out](const char* name, const std::string& value) {
        if (!value.empty()) out += std::string(name) + ": " + value + "\n";
    };
    line("signer", signerSubject);
    line("signer serialNumber", signerSerialNumber);
    line("certificate sha256", certificateSha256);
    line("certificate serial", certificateSerial);
    if (signingTime) line("signing time", engine::formatIsoUtc(*signingTime));
    for (std::size_t i = 0; i < chain.size(); ++i) line(i == 0 ? "chain" : "     ", chain[i]);
    line("digest", digestAlgorithm);
    line("signature algorithm", signatureAlgorithm);
    for (const std::string& oid : commitmentTypes) {
        const char* name = commitmentName(oid);
        line("commitment", name ? std::string(name) + " (" + oid + ")" : oid);
    }
    line("revocation", revocation);
    if (timeStamp) {
        line("time-stamped", engine::formatIsoUtc(timeStamp->genTime));
        line("tsa", timeStamp->tsaSubject);
        line("tsa serial", timeStamp->serial);
        line("tsa policy", timeStamp->policyOid);
    }
    return out;
}

}  // namespace qujat::crypto
