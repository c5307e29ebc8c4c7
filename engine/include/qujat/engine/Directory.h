#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "qujat/engine/Time.h"

namespace qujat::engine {

// The levels of the party hierarchy, top to bottom.
enum class OrgLevel { kCentral, kRegion, kDistrict, kPrimary };

// "central", "region", "district", "primary".
const char* orgLevelName(OrgLevel level);
std::optional<OrgLevel> parseOrgLevel(const std::string& name);

struct Org {
    std::int64_t id = 0;                       // assigned by the store
    std::string code;                          // unique, stable, e.g. "PPO-0001"; used in numbers
    std::optional<std::string> parentCode;     // none only for the central office
    OrgLevel level = OrgLevel::kPrimary;
    std::string nameKk, nameRu, nameEn;
    // Materialised path of ids from the root, e.g. "/1/5/77/": an org's subtree is every
    // org whose path starts with its path. Maintained by the store.
    std::string path;
};

struct User {
    std::string login;                         // unique, ASCII, e.g. "aigerim.n"
    std::string displayName;
    std::string homeOrgCode;
    std::string email;                         // may be empty
    std::string passwordHash;                  // empty: cannot sign in over HTTP
};

enum class GrantScope { kOrg, kSubtree };

// A user holds `role` at `orgCode` (and, with kSubtree, at every org below it) from
// validFrom until validTo (exclusive; none = open-ended).
struct RoleGrant {
    std::string login;
    std::string role;
    std::string orgCode;
    GrantScope scope = GrantScope::kOrg;
    Millis validFrom = 0;
    std::optional<Millis> validTo;
};

// `fromLogin` lets `toLogin` act in `role` on their behalf during [validFrom, validTo).
struct Delegation {
    std::int64_t id = 0;
    std::string fromLogin;
    std::string toLogin;
    std::string role;
    Millis validFrom = 0;
    Millis validTo = 0;
};

}  // namespace qujat::engine
