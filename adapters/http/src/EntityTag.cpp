#include "EntityTag.h"

namespace qujat::http {

bool ifNoneMatchHits(const std::string& ifNoneMatch, const std::string& etag) {
    std::size_t start = 0;
    while (start <= ifNoneMatch.size()) {
        auto comma = ifNoneMatch.find(',', start);
        if (comma == std::string::npos) comma = ifNoneMatch.size();
        std::string tag = ifNoneMatch.substr(start, comma - start);
        tag.erase(0, tag.find_first_not_of(" \t"));
        tag.erase(tag.find_last_not_of(" \t") + 1);
        if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
        if (tag == "*" || tag == etag) return true;
        start = comma + 1;
    }
    return false;
}

}  // namespace qujat::http
