#include "ContentPolicy.h"

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>


#include "UrlPath.h"
#include "qujat/engine/MediaType.h"

namespace qujat::http {

namespace {

bool isToken(const std::string& s) {
    if (s.empty() || s.size() > 127) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '_'))
            return false;
    return true;
}

// "type/subtype" and the charset, lower case; "" when `declared` is not a media type.
std::string normalise(const std::string& declared) {
    std::string type;
    Poco::Net::NameValueCollection params;
    try {
        Poco::Net::MessageHeader::splitParameters(declared, type, params);
    } catch (...) {
        return "";
    }
    type = Poco::toLower(Poco::trim(type));
    const auto slash = type.find('/');
    if (slash == std::string::npos || !isToken(type.substr(0, slash)) || !isToken(type.substr(slash + 1))) return "";
    std::string charset = Poco::toLower(Poco::trim(params.get("charset", "")));
    if (!charset.empty() && isToken(charset)) type += "; charset=" + charset;
    return type;
}

// A quoted-string fallback for clients without RFC 6266 support: ASCII only.
std::string asciiFallback(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (c >= 0x80) {
            if ((c & 0xC0) != 0x80) out += '_';  // one '_' per non-ASCII character
        } else if (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '/' || c == ';') {
            out += '_';
        } else {
            out += static_cast<char>(c);
        }
    }
    return out.empty() ? "document" : out;
}

}  // namespace

std::string storedMediaType(const std::string& declared, const std::string& fileName) {
    const std::string type = normalise(declared);
    if (type.empty() || type == "application/octet-stream") return engine::mediaTypeForFileName(fileName);
    return type;
}

ContentHeaders contentHeadersFor(const std::string& mediaType, const std::string& fileName) {
    ContentHeaders h;
    std::string type = normalise(mediaType);
    if (type.empty()) type = "application/octet-stream";
    const std::string base = type.substr(0, type.find(';'));
    if (base == "application/pdf" || base == "image/png" || base == "image/jpeg") {
        h.inlineShown = true;
    } else if (base == "text/plain") {
        h.inlineShown = true;
        if (type.find("charset=") == std::string::npos) type += "; charset=utf-8";
    }
    h.contentType = type;
    h.disposition = std::string(h.inlineShown ? "inline" : "attachment") + "; filename=\"" + asciiFallback(fileName) +
                    "\"; filename*=UTF-8''" + percentEncode(fileName);
    return h;
}

std::string framedContentPolicy(const std::string& contentType) {
    const bool pdf = contentType.rfind("application/pdf", 0) == 0;
    return std::string("default-src 'none'; frame-ancestors 'self'") + (pdf ? "" : "; sandbox");
}

}  // namespace qujat::http
