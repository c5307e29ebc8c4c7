#include "PackageLayout.h"

#include <cctype>

namespace qujat::evidence::layout {

namespace {

constexpr std::size_t kMaxFileName = 80;

bool keep(unsigned char c) { return c < 0x80 && (std::isalnum(c) || c == '.' || c == '-' || c == '_'); }

// The next code point of UTF-8 `text` at `at` (advanced past it); U+FFFD for a bad sequence.
char32_t nextCodePoint(const std::string& text, std::size_t& at) {
    const unsigned char lead = static_cast<unsigned char>(text[at++]);
    const int extra = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    if (lead >= 0x80 && extra == 0) return 0xfffd;
    char32_t cp = extra == 0 ? lead : lead & (0x3f >> extra);
    for (int i = 0; i < extra; ++i) {
        if (at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xc0) != 0x80) return 0xfffd;
        cp = cp << 6 | (static_cast<unsigned char>(text[at++]) & 0x3f);
    }
    return cp;
}

// Latin letters for the Cyrillic ones of Russian and Kazakh, so that "Хаттама.pdf" keeps a
// recognisable name ("Khattama.pdf") in an archive of ASCII names.
std::string latinFor(char32_t cp) {
    static const char* const kRussian[] = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k",
                                           "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
                                           "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
    struct Pair {
        char32_t upper;
        const char* latin;
    };
    // Kazakh letters, and Ё and І: upper case; lower case is the next code point except for
    // Ё (U+0451) and І (U+0456).
    static const Pair kOthers[] = {{0x04d8, "a"}, {0x0492, "g"}, {0x049a, "q"}, {0x04a2, "n"}, {0x04e8, "o"},
                                   {0x04b0, "u"}, {0x04ae, "u"}, {0x04ba, "h"}};
    bool upper = false;
    const char* latin = nullptr;
    if (cp >= 0x0410 && cp <= 0x042f) {
        upper = true;
        latin = kRussian[cp - 0x0410];
    } else if (cp >= 0x0430 && cp <= 0x044f) {
        latin = kRussian[cp - 0x0430];
    } else if (cp == 0x0401 || cp == 0x0451) {
        upper = cp == 0x0401;
        latin = "e";
    } else if (cp == 0x0406 || cp == 0x0456) {
        upper = cp == 0x0406;
        latin = "i";
    } else {
        for (const Pair& p : kOthers) {
            if (cp == p.upper || cp == p.upper + 1) {
                upper = cp == p.upper;
                latin = p.latin;
            }
        }
    }
    if (!latin) return {};
    std::string out = latin;
    if (upper && !out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace

std::string safeFileName(const std::string& text, const std::string& fallback) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        const char32_t cp = nextCodePoint(text, at);
        if (cp < 0x80 && keep(static_cast<unsigned char>(cp))) {
            out += static_cast<char>(cp);
            continue;
        }
        const std::string latin = latinFor(cp);
        if (!latin.empty()) out += latin;
        else if (out.empty() || out.back() != '_') out += '_';
    }
    const std::size_t start = out.find_first_not_of("._");
    out = start == std::string::npos ? std::string() : out.substr(start);
    if (out.size() > kMaxFileName) {
        const std::size_t dot = out.rfind('.');
        const std::string extension =
            dot != std::string::npos && out.size() - dot <= 10 ? out.substr(dot) : std::string();
        out = out.substr(0, kMaxFileName - extension.size()) + extension;
    }
    return out.empty() ? fallback : out;
}

std::string versionFile(const engine::Version& version) {
    return "versions/v" + std::to_string(version.number) + "-" + safeFileName(version.fileName, "content");
}

std::string signatureStem(const engine::SignatureRecord& signature) {
    return std::to_string(signature.id) + "-" + safeFileName(signature.signerLogin, "signer") + "-v" +
           std::to_string(signature.versionNumber);
}

std::string signatureFile(const engine::SignatureRecord& signature) {
    return "signatures/" + signatureStem(signature) + ".p7s";
}

std::string signatureValueFile(const engine::SignatureRecord& signature) {
    return "signatures/" + signatureStem(signature) + ".signature-value.bin";
}

std::string timestampFile(const engine::SignatureRecord& signature) {
    return "timestamps/" + signatureStem(signature) + ".tst";
}

std::string trustFile(const std::string& name) { return kTrustDir + safeFileName(name, "trust.pem"); }

}  // namespace qujat::evidence::layout
