#include "Multipart.h"

#include <Poco/Exception.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <sstream>

#include "UrlPath.h"
#include "qujat/engine/Utf8.h"

namespace qujat::http {

namespace {

constexpr int kMaxParts = 16;

// RFC 5987 ext-value: charset'language'percent-encoded; only UTF-8 is accepted.
std::optional<std::string> extValue(const std::string& value) {
    const auto first = value.find('\'');
    if (first == std::string::npos) return std::nullopt;
    const auto second = value.find('\'', first + 1);
    if (second == std::string::npos) return std::nullopt;
    if (Poco::icompare(value.substr(0, first), "utf-8") != 0) return std::nullopt;
    return percentDecode(value.substr(second + 1), false);
}

// The parameters of a Content-Disposition header as browsers write them (RFC 7578, HTML):
// quoted values end at the next quote and keep backslashes, so "..\\x" stays a path the
// engine refuses instead of turning into "..x"; only \" is taken as a quote (curl).
bool dispositionParameters(const std::string& header, std::string& disposition, std::map<std::string, std::string>& out) {
    std::size_t i = header.find(';');
    disposition = Poco::trim(header.substr(0, i));
    while (i != std::string::npos && i < header.size()) {
        ++i;  // ';'
        while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
        if (i >= header.size()) break;  // a trailing ';'
        const std::size_t eq = header.find('=', i);
        if (eq == std::string::npos) return false;
        const std::string name = Poco::toLower(Poco::trim(header.substr(i, eq - i)));
        std::string value;
        i = eq + 1;
        while (i < header.size() && header[i] == ' ') ++i;
        if (i < header.size() && header[i] == '"') {
            ++i;
            for (;;) {
                if (i >= header.size()) return false;
                if (header[i] == '\\' && i + 1 < header.size() && header[i + 1] == '"') {
                    value += '"';
                    i += 2;
                    continue;
                }
                if (header[i] == '"') break;
                value += header[i++];
            }
            ++i;  // closing quote
            while (i < header.size() && header[i] != ';') ++i;
        } else {
            const std::size_t end = header.find(';', i);
            value = Poco::trim(header.substr(i, end == std::string::npos ? std::string::npos : end - i));
            i = end;
        }
        if (out.count(name)) return false;
        out[name] = value;
        if (i == std::string::npos || i >= header.size()) break;
    }
    return true;
}

}  // namespace

Outcome<std::map<std::string, FormPart>> parseMultipart(const std::string& contentType, const std::string& body) {
    std::string type;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(contentType, type, params);
    if (Poco::icompare(Poco::trim(type), "multipart/form-data") != 0)
        return problem(415, "unsupported-media-type",
                       "send the document as multipart/form-data (a 'file' part and the other fields as parts)");
    const std::string boundary = params.get("boundary", "");
    if (boundary.empty() || boundary.size() > 70)
        return problem(400, "malformed-multipart", "the multipart/form-data Content-Type has no usable boundary");

    std::map<std::string, FormPart> parts;
    try {
        std::istringstream in(body);
        Poco::Net::MultipartReader reader(in, boundary);
        while (reader.hasNextPart()) {
            if (static_cast<int>(parts.size()) == kMaxParts)
                return problem(400, "malformed-multipart", "the form has more than " + std::to_string(kMaxParts) + " parts");
            Poco::Net::MessageHeader header;
            reader.nextPart(header);
            FormPart part;
            std::string disposition;
            std::map<std::string, std::string> fieldParams;
            if (!dispositionParameters(header.get("Content-Disposition", ""), disposition, fieldParams) ||
                Poco::icompare(disposition, "form-data") != 0 || !fieldParams.count("name"))
                return problem(400, "malformed-multipart",
                               "every part needs 'Content-Disposition: form-data; name=\"...\"'");
            part.name = fieldParams["name"];
            if (fieldParams.count("filename*")) {
                auto decoded = extValue(fieldParams["filename*"]);
                if (!decoded)
                    return problem(400, "malformed-multipart", "the part's filename* is not UTF-8''percent-encoded");
                part.fileName = *decoded;
            } else if (fieldParams.count("filename")) {
                part.fileName = fieldParams["filename"];
            }
            if (part.fileName && !engine::isValidUtf8(*part.fileName))
                return problem(400, "malformed-multipart", "the file name is not UTF-8");
            part.contentType = header.get("Content-Type", "");
            Poco::StreamCopier::copyToString(reader.stream(), part.body);
            if (parts.count(part.name))
                return problem(400, "malformed-multipart", "the form has the part '" + part.name + "' twice");
            parts.emplace(part.name, std::move(part));
        }
    } catch (const Poco::Exception& e) {
        return problem(400, "malformed-multipart", "the multipart/form-data body is malformed: " + e.message());
    }
    return parts;
}

}  // namespace qujat::http
