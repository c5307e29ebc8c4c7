#include "qujat/engine/Directory.h"

namespace qujat::engine {

const char* orgLevelName(OrgLevel level) {
    switch (level) {
        case OrgLevel::kCentral: return "central";
        case OrgLevel::kRegion: return "region";
        case OrgLevel::kDistrict: return "district";
        case OrgLevel::kPrimary: return "primary";
    }
    return "primary";
}

std::optional<OrgLevel> parseOrgLevel(const std::string& name) {
    for (OrgLevel l : {OrgLevel::kCentral, OrgLevel::kRegion, OrgLevel::kDistrict, OrgLevel::kPrimary})
        if (name == orgLevelName(l)) return l;
    return std::nullopt;
}

}  // namespace qujat::engine
