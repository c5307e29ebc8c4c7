#include "FieldsJson.h"

#include <cstdint>

#include "qujat/engine/AuditChain.h"
#include "qujat/engine/Utf8.h"

namespace qujat::sqlite {

namespace {

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    std::optional<std::map<std::string, std::string>> object() {
        std::map<std::string, std::string> out;
        skipSpace();
        if (!consume('{')) return std::nullopt;
        skipSpace();
        if (consume('}')) return finish(std::move(out));
        for (;;) {
            std::string key, value;
            skipSpace();
            if (!string(key)) return std::nullopt;
            skipSpace();
            if (!consume(':')) return std::nullopt;
            skipSpace();
            if (!string(value)) return std::nullopt;
            if (!out.emplace(std::move(key), std::move(value)).second) return std::nullopt;
            skipSpace();
            if (consume('}')) return finish(std::move(out));
            if (!consume(',')) return std::nullopt;
        }
    }

private:
    std::optional<std::map<std::string, std::string>> finish(std::map<std::string, std::string> out) {
        skipSpace();
        if (at_ != text_.size()) return std::nullopt;
        return out;
    }

    void skipSpace() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
            ++at_;
    }

    bool consume(char c) {
        if (at_ < text_.size() && text_[at_] == c) {
            ++at_;
            return true;
        }
        return false;
    }

    bool hex4(std::uint32_t& out) {
        if (text_.size() - at_ < 4) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[at_++];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }


    bool unicodeEscape(std::string& out) {
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (!consume('\\') || !consume('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
        }
        engine::appendUtf8(out, cp);
        return true;
    }

    bool string(std::string& out) {
        if (!consume('"')) return false;
        while (at_ < text_.size()) {
            const char c = text_[at_++];
            if (c == '"') return true;
            if (c != '\\') {
                // Bytes are kept as they are: the encoder passes UTF-8 (or anything else) through.
                out += c;
                continue;
            }
            if (at_ >= text_.size()) return false;
            switch (text_[at_++]) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u':
                    if (!unicodeEscape(out)) return false;
                    break;
                default: return false;
            }
        }
        return false;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

}  // namespace

std::string encodeFields(const std::map<std::string, std::string>& fields) { return engine::canonicalJson(fields); }

std::optional<std::map<std::string, std::string>> decodeFields(std::string_view json) { return Parser(json).object(); }

}  // namespace qujat::sqlite
