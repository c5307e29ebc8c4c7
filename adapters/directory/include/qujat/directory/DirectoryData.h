#pragma once

#include <vector>

#include "qujat/engine/Directory.h"

namespace qujat::directory {

// A whole party directory as the store imports it (Service::importDirectory).
// Orgs are ordered parents before children; Org::id and Org::path are left for the store
// to assign, as are Delegation::id and User::passwordHash.
struct DirectoryData {
    std::vector<engine::Org> orgs;
    std::vector<engine::User> users;
    std::vector<engine::RoleGrant> grants;
    std::vector<engine::Delegation> delegations;
};

}  // namespace qujat::directory
