#include "qujat/engine/MediaType.h"

#include <cctype>
#include <map>

namespace qujat::engine {

std::string mediaTypeForFileName(std::string_view fileName) {
    static const std::map<std::string, std::string> kTypes = {
        {".pdf", "application/pdf"},
        {".txt", "text/plain; charset=utf-8"},
        {".md", "text/markdown; charset=utf-8"},
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {".doc", "application/msword"},
        {".odt", "application/vnd.oasis.opendocument.text"},
        {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
    };
    const auto dot = fileName.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    std::string extension(fileName.substr(dot));
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = kTypes.find(extension);
    return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace qujat::engine
