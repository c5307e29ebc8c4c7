#include "SourceText.h"

#include <algorithm>

namespace qujat::xml {

namespace {

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

SourceText::SourceText(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {
    lineStarts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') {
            lineStarts_.push_back(i + 1);
        } else if (text_[i] == '\r') {
            if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
            lineStarts_.push_back(i + 1);
        }
    }
}

engine::SourceLocation SourceText::locate(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next - lineStarts_.begin());
    const std::size_t lineStart = *(next - 1);
    int column = 1;
    for (std::size_t i = lineStart; i < offset; ++i)
        if (!isContinuationByte(static_cast<unsigned char>(text_[i]))) ++column;
    return {name_, static_cast<int>(line), column};
}

std::vector<RawAttribute> SourceText::attributesOfTag(std::size_t tagOffset) const {
    std::vector<RawAttribute> out;
    std::size_t i = tagOffset;
    if (i >= text_.size() || text_[i] != '<') return out;
    ++i;
    if (i < text_.size() && text_[i] == '?') ++i;
    auto endsName = [&](char c) { return isXmlSpace(c) || c == '=' || c == '>' || c == '/' || c == '?'; };
    while (i < text_.size() && !endsName(text_[i])) ++i;
    while (true) {
        while (i < text_.size() && isXmlSpace(text_[i])) ++i;
        if (i >= text_.size() || text_[i] == '>' || text_[i] == '/' || text_[i] == '?') return out;
        const std::size_t nameStart = i;
        while (i < text_.size() && !endsName(text_[i])) ++i;
        const std::size_t nameEnd = i;
        while (i < text_.size() && isXmlSpace(text_[i])) ++i;
        if (nameEnd == nameStart || i >= text_.size() || text_[i] != '=') return out;
        ++i;
        while (i < text_.size() && isXmlSpace(text_[i])) ++i;
        if (i >= text_.size() || (text_[i] != '"' && text_[i] != '\'')) return out;
        const char quote = text_[i++];
        const std::size_t close = text_.find(quote, i);
        if (close == std::string_view::npos) return out;
        out.push_back({text_.substr(nameStart, nameEnd - nameStart), text_.substr(i, close - i), nameStart});
        i = close + 1;
    }
}

std::optional<std::size_t> SourceText::firstInvalidUtf8() const {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
    const std::size_t n = text_.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        char32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            cp = c & 0x07;
        } else {
            return i;  // a continuation byte without a lead, C0/C1 (overlong) or F5..FF
        }
        if (i + length > n) return i;
        for (std::size_t k = 1; k < length; ++k) {
            if (!isContinuationByte(bytes[i + k])) return i;
            cp = (cp << 6) | (bytes[i + k] & 0x3F);
        }
        const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
        i += length;
    }
    return std::nullopt;
}

}  // namespace qujat::xml
