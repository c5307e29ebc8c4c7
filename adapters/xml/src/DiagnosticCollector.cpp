#include "DiagnosticCollector.h"

#include <algorithm>

#include "qujat/engine/Utf8.h"

namespace qujat::xml {

namespace {

constexpr const char* kNamespacePrefix = "{urn:qujat:workflow:1}";

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// Keeps a message printable and valid UTF-8 whatever bytes libxml2 quoted from the input.
std::string printable(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += (c < 0x20 || c == 0x7F) ? ' ' : static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        const std::string_view sequence(text.data() + i, std::min(length, text.size() - i));
        if (length > 1 && sequence.size() == length && engine::isValidUtf8(sequence)) {
            out.append(sequence);
            i += length;
        } else {
            out += '?';
            ++i;
        }
    }
    return out;
}

}  // namespace

std::string DiagnosticCollector::clean(const std::string& message) {
    std::string text = message;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    replaceAll(text, "\n", "; ");
    replaceAll(text, kNamespacePrefix, "");
    return printable(text);
}

void DiagnosticCollector::add(engine::SourceLocation where, const std::string& message) {
    if (out_.size() > kMaxDiagnostics) return;
    if (out_.size() == kMaxDiagnostics) {
        out_.push_back({std::move(where), "too many problems; the rest are not reported"});
        return;
    }
    out_.push_back({std::move(where), clean(message)});
}

}  // namespace qujat::xml
