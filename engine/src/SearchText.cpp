#include "qujat/engine/SearchText.h"

#include "qujat/engine/Utf8.h"

namespace qujat::engine {

namespace {

constexpr std::size_t kMaxIndexedContent = 2 * 1024 * 1024;

std::string foldYo(std::string text) {
    for (const auto& [from, to] : {std::pair<const char*, const char*>{"ё", "е"}, {"Ё", "Е"}}) {
        const std::string f(from), t(to);
        for (std::size_t at = 0; (at = text.find(f, at)) != std::string::npos; at += t.size()) text.replace(at, f.size(), t);
    }
    return text;
}

}  // namespace

std::string searchableText(const std::string& title, const std::map<std::string, std::string>& fields,
                           const std::string& mediaType, const std::string& content) {
    std::string text = title;
    for (const auto& [name, value] : fields) text += "\n" + value;
    if (mediaType.rfind("text/", 0) == 0) {
        // Cut at a character boundary: a UTF-8 continuation byte never starts a character.
        std::size_t end = std::min(content.size(), kMaxIndexedContent);
        while (end < content.size() && end > 0 && (static_cast<unsigned char>(content[end]) & 0xC0) == 0x80) --end;
        const std::string head = content.substr(0, end);
        if (isValidUtf8(head)) text += "\n" + head;
    }
    return foldYo(std::move(text));
}

std::string searchQueryText(const std::string& words) { return foldYo(words); }

}  // namespace qujat::engine
