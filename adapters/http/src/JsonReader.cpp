#include "JsonReader.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cerrno>
#include <cstdlib>
#include <optional>
#include <string>

#include "qujat/engine/Utf8.h"

namespace qujat::http {

namespace {

constexpr int kMaxDepth = 32;

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    Outcome<Poco::Dynamic::Var> run() {
        skipSpace();
        Poco::Dynamic::Var value;
        if (!parseValue(value, 0)) return failure();
        skipSpace();
        if (pos_ != text_.size()) {
            error_ = "unexpected text after the JSON value";
            return failure();
        }
        return value;
    }

private:
    Problem failure() const {
        int line = 1, column = 1;
        for (std::size_t i = 0; i < pos_ && i < text_.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(text_[i]);
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column;  // count characters, not UTF-8 continuation bytes
            }
        }
        return problem(400, "malformed-json",
                       "the request body is not valid JSON: " + error_ + " at line " + std::to_string(line) +
                           ", column " + std::to_string(column) + " (byte " + std::to_string(pos_) + ")");
    }

    bool fail(std::string message) {
        error_ = std::move(message);
        return false;
    }

    bool atEnd() const { return pos_ >= text_.size(); }
    char peek() const { return atEnd() ? '\0' : text_[pos_]; }

    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
    }

    static std::string describe(char c) {
        if (c == '\0') return "the end of the text";
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) return "a non-ASCII byte";
        return std::string("'") + c + "'";
    }

    bool parseValue(Poco::Dynamic::Var& out, int depth) {
        if (depth > kMaxDepth) return fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
        switch (peek()) {
            case '{': return parseObject(out, depth);
            case '[': return parseArray(out, depth);
            case '"': {
                std::string s;
                if (!parseString(s)) return false;
                out = s;
                return true;
            }
            case 't': return literal("true", true, out);
            case 'f': return literal("false", false, out);
            case 'n':
                if (text_.substr(pos_, 4) != "null") return fail("expected a value, found " + describe(peek()));
                pos_ += 4;
                out.empty();
                return true;
            default:
                if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parseNumber(out);
                return fail("expected a value, found " + describe(peek()));
        }
    }

    bool literal(std::string_view word, bool value, Poco::Dynamic::Var& out) {
        if (text_.substr(pos_, word.size()) != word) return fail("expected a value, found " + describe(peek()));
        pos_ += word.size();
        out = value;
        return true;
    }

    bool parseObject(Poco::Dynamic::Var& out, int depth) {
        Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        ++pos_;  // '{'
        skipSpace();
        if (peek() == '}') {
            ++pos_;
            out = object;
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"') return fail("expected a member name in double quotes, found " + describe(peek()));
            const std::size_t keyStart = pos_;
            std::string key;
            if (!parseString(key)) return false;
            if (object->has(key)) {
                pos_ = keyStart;
                return fail("the member \"" + key + "\" appears twice");
            }
            skipSpace();
            if (peek() != ':') return fail("expected ':' after a member name, found " + describe(peek()));
            ++pos_;
            skipSpace();
            Poco::Dynamic::Var value;
            if (!parseValue(value, depth + 1)) return false;
            object->set(key, value);
            skipSpace();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == '}') {
                ++pos_;
                out = object;
                return true;
            }
            return fail("expected ',' or '}' in an object, found " + describe(peek()));
        }
    }

    bool parseArray(Poco::Dynamic::Var& out, int depth) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array();
        ++pos_;  // '['
        skipSpace();
        if (peek() == ']') {
            ++pos_;
            out = array;
            return true;
        }
        for (;;) {
            skipSpace();
            Poco::Dynamic::Var value;
            if (!parseValue(value, depth + 1)) return false;
            array->add(value);
            skipSpace();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == ']') {
                ++pos_;
                out = array;
                return true;
            }
            return fail("expected ',' or ']' in an array, found " + describe(peek()));
        }
    }


    std::optional<unsigned long> hex4() {
        if (pos_ + 4 > text_.size()) return std::nullopt;
        unsigned long v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[pos_ + i];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= c - '0';
            else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
            else return std::nullopt;
        }
        pos_ += 4;
        return v;
    }

    bool parseString(std::string& out) {
        ++pos_;  // '"'
        const std::size_t start = pos_;
        for (;;) {
            if (atEnd()) return fail("unterminated string");
            const unsigned char c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') break;
            if (c < 0x20) return fail("a control character inside a string (escape it)");
            if (c != '\\') {
                out += static_cast<char>(c);
                ++pos_;
                continue;
            }
            ++pos_;
            const char e = peek();
            ++pos_;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    auto cp = hex4();
                    if (!cp) return fail("\\u must be followed by four hexadecimal digits");
                    if (*cp >= 0xD800 && *cp <= 0xDBFF) {
                        if (text_.substr(pos_, 2) != "\\u") return fail("a lone UTF-16 surrogate in \\u escapes");
                        pos_ += 2;
                        auto low = hex4();
                        if (!low || *low < 0xDC00 || *low > 0xDFFF) return fail("a lone UTF-16 surrogate in \\u escapes");
                        *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
                    } else if (*cp >= 0xDC00 && *cp <= 0xDFFF) {
                        return fail("a lone UTF-16 surrogate in \\u escapes");
                    }
                    if (*cp == 0) return fail("\\u0000 (a NUL character) is not accepted");
                    engine::appendUtf8(out, *cp);
                    break;
                }
                default:
                    --pos_;
                    return fail("an unknown escape \\" + std::string(1, e));
            }
        }
        if (!engine::utf8Length(out)) {
            pos_ = start;
            return fail("a string that is not valid UTF-8");
        }
        ++pos_;  // closing '"'
        return true;
    }

    bool parseNumber(Poco::Dynamic::Var& out) {
        const std::size_t start = pos_;
        bool integer = true;
        if (peek() == '-') ++pos_;
        if (peek() == '0') {
            ++pos_;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') ++pos_;
        } else {
            return fail("expected a digit, found " + describe(peek()));
        }
        if (peek() == '.') {
            integer = false;
            ++pos_;
            if (!(peek() >= '0' && peek() <= '9')) return fail("expected a digit after '.', found " + describe(peek()));
            while (peek() >= '0' && peek() <= '9') ++pos_;
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!(peek() >= '0' && peek() <= '9')) return fail("expected a digit in the exponent, found " + describe(peek()));
            while (peek() >= '0' && peek() <= '9') ++pos_;
        }
        const std::string number(text_.substr(start, pos_ - start));
        errno = 0;
        if (integer) {
            const long long v = std::strtoll(number.c_str(), nullptr, 10);
            if (errno != ERANGE) {
                out = static_cast<Poco::Int64>(v);
                return true;
            }
            errno = 0;
        }
        const double d = std::strtod(number.c_str(), nullptr);
        if (errno == ERANGE) {
            pos_ = start;
            return fail("a number out of range");
        }
        out = d;
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::string error_;
};

}  // namespace

Outcome<Poco::Dynamic::Var> parseJson(std::string_view text) { return Parser(text).run(); }

}  // namespace qujat::http
