#pragma once

#include <string>
#include <string_view>

namespace qujat::engine {

// The media type a document file's name suggests by its extension (any case), for files
// whose type was not declared; application/octet-stream when the extension is unknown.
std::string mediaTypeForFileName(std::string_view fileName);

}  // namespace qujat::engine
