#pragma once

#include <vector>

#include "qujat/engine/Directory.h"

namespace qujat::test {

// A small party directory whose people tests can name, granted from 2020-01-01:
//
//   KZ (central)            auditor.kz (auditor, subtree)
//   └ REG (region)          inspector.reg, chairman.reg
//     └ DIS (district)      secretary.dis, chairman.dis, first-deputy.dis, inspector.dis,
//       │                   registrar.dis, registrar2.dis, bm1.dis … bm5.dis (bureau-member)
//       ├ P1 (primary)      secretary.p1, chairman.p1
//       └ P2 (primary)      secretary.p2, chairman.p2
struct TestDirectory {
    std::vector<engine::Org> orgs;       // parents first
    std::vector<engine::User> users;
    std::vector<engine::RoleGrant> grants;
};

TestDirectory smallDirectory();

}  // namespace qujat::test
