#include "JsonWriter.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace qujat::http {

namespace {

// Length of the well-formed UTF-8 sequence at `s[i]`, or 0 if it is not one.
std::size_t utf8Sequence(const std::string& s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t n = 0;
    unsigned long cp = 0;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

}  // namespace

void writeJsonString(const std::string& s, std::string& out) {
    static const char* const kHex = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8Sequence(s, i);
            if (n == 0) {
                out += "\xEF\xBF\xBD";  // U+FFFD
            } else {
                out.append(s, i, n);
                i += n - 1;
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 15];
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

void writeJson(const Poco::Dynamic::Var& value, std::string& out) {
    if (value.isEmpty()) {
        out += "null";
        return;
    }
    const std::type_info& type = value.type();
    if (type == typeid(Poco::JSON::Object::Ptr)) {
        const auto& object = value.extract<Poco::JSON::Object::Ptr>();
        if (object.isNull()) {
            out += "null";
            return;
        }
        out += '{';
        bool first = true;
        for (const std::string& name : object->getNames()) {
            if (!first) out += ',';
            first = false;
            writeJsonString(name, out);
            out += ':';
            writeJson(object->get(name), out);
        }
        out += '}';
        return;
    }
    if (type == typeid(Poco::JSON::Array::Ptr)) {
        const auto& array = value.extract<Poco::JSON::Array::Ptr>();
        if (array.isNull()) {
            out += "null";
            return;
        }
        out += '[';
        for (std::size_t i = 0; i < array->size(); ++i) {
            if (i) out += ',';
            writeJson(array->get(static_cast<unsigned>(i)), out);
        }
        out += ']';
        return;
    }
    if (value.isString()) {
        writeJsonString(value.extract<std::string>(), out);
        return;
    }
    if (value.isBoolean()) {
        out += value.convert<bool>() ? "true" : "false";
        return;
    }
    if (value.isInteger()) {
        out += value.isSigned() ? std::to_string(value.convert<Poco::Int64>()) : std::to_string(value.convert<Poco::UInt64>());
        return;
    }
    if (value.isNumeric()) {
        const double d = value.convert<double>();
        if (!std::isfinite(d)) {
            out += "null";
            return;
        }
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", d);
        out += buffer;
        return;
    }
    // Anything else (dates, structs) as Poco writes it.
    std::ostringstream other;
    Poco::JSON::Stringifier::condense(value, other);
    out += other.str();
}

}  // namespace qujat::http
