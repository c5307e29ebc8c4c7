#pragma once

#include <cstdint>

#include "qujat/directory/DirectoryData.h"

namespace qujat::directory {

// Generates a realistic party directory: the central office "KZ", 20 regional branches
// (17 oblasts and the cities of Astana, Almaty and Shymkent, e.g. "KAR"), 215 city and
// district branches ("KAR-05") and exactly 5,839 primary party organisations
// ("PPO-00001".."PPO-05839"), each org staffed with one user per seat whose login says
// what it is: "<role>.<org code in lower case>", e.g. "secretary.ppo-00001",
// "bureau-member-3.kar-05", "inspector-2.kar", "auditor.kz" (docs/directory.md).
//
// Deterministic: the same seed gives the same data, byte for byte once written as CSV, on
// every platform and standard library (the generator uses its own PRNG). The structure
// (orgs, codes, logins, grants) is the same for every seed; the seed varies the people's
// names, how the PPOs spread over the districts, the PPOs' names and the delegations.
// PPO-00001 and PPO-00002 are always in the same district. Never fails; takes a few
// milliseconds. Thread-safe (no shared state).
DirectoryData generateDirectory(std::uint64_t seed);

}  // namespace qujat::directory
