#include "qujat/directory/DirectoryGenerator.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "PersonNames.h"
#include "PlaceNames.h"
#include "Prng.h"

namespace qujat::directory {

using engine::GrantScope;
using engine::Millis;
using engine::OrgLevel;

namespace {

constexpr int kPpoCount = 5839;
constexpr int kMinPposPerDistrict = 8;
constexpr int kDelegationCount = 20;
constexpr int kCentralRussianNamesPercent = 20;
constexpr Millis kDay = 24LL * 3600 * 1000;
constexpr Millis kGrantsFrom = 20089 * kDay;  // 2025-01-01T00:00:00Z

// Independent PRNG streams of one seed.
enum Stream : std::uint64_t { kStructure = 1, kPpoNames = 2, kPeople = 3, kDelegations = 4 };

// One seat at an org: the login label ("bureau-member-3") and the role it holds.
struct Seat {
    std::string label;
    std::string role;
    GrantScope scope = GrantScope::kOrg;
};

// The seats of an org of each level (docs/directory.md, "Logins").
std::vector<Seat> seatsFor(OrgLevel level) {
    if (level == OrgLevel::kPrimary) return {{"chairman", "chairman"}, {"secretary", "secretary"}};
    std::vector<Seat> seats = {{"chairman", "chairman"}, {"first-deputy", "first-deputy"}, {"secretary", "secretary"},
                               {"registrar", "registrar"}};
    const bool district = level == OrgLevel::kDistrict;
    if (district) {
        seats.push_back({"inspector", "inspector"});
    } else {
        seats.push_back({"inspector-1", "inspector"});
        seats.push_back({"inspector-2", "inspector"});
    }
    const int bureau = district ? 5 : 7;
    for (int i = 1; i <= bureau; ++i) seats.push_back({"bureau-member-" + std::to_string(i), "bureau-member"});
    if (!district) seats.push_back({"auditor", "auditor", GrantScope::kSubtree});
    return seats;
}

std::string lowerAscii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string numbered(const char* format, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, format, n);
    return buf;
}

engine::Org makeOrg(std::string code, std::optional<std::string> parent, OrgLevel level, std::string kk,
                    std::string ru, std::string en) {
    engine::Org o;
    o.code = std::move(code);
    o.parentCode = std::move(parent);
    o.level = level;
    o.nameKk = std::move(kk);
    o.nameRu = std::move(ru);
    o.nameEn = std::move(en);
    return o;
}

// How many PPOs each district gets: at least kMinPposPerDistrict, the rest shared in
// proportion to a weight (a district of a big city 3 times a rural district, a city 2
// times, each times a random factor of 0.5-1.5) by largest remainders, in integers so
// every platform agrees.
std::vector<int> ppoCounts(Prng& rng, const std::vector<DistrictInfo>& districts) {
    std::vector<std::uint64_t> weights;
    std::uint64_t total = 0;
    for (const DistrictInfo& d : districts) {
        const int base = d.kind == SettlementKind::kCityDistrict ? 60 : d.kind == SettlementKind::kCity ? 40 : 20;
        weights.push_back(static_cast<std::uint64_t>(base * rng.between(50, 150)));
        total += weights.back();
    }
    const std::uint64_t extra = kPpoCount - kMinPposPerDistrict * static_cast<int>(districts.size());
    std::vector<int> counts(districts.size(), kMinPposPerDistrict);
    std::vector<std::uint64_t> remainders(districts.size());
    std::uint64_t given = 0;
    for (std::size_t i = 0; i < districts.size(); ++i) {
        counts[i] += static_cast<int>(extra * weights[i] / total);
        given += extra * weights[i] / total;
        remainders[i] = extra * weights[i] % total;
    }
    // The left-over PPOs go to the largest remainders (ties: the earlier district).
    for (std::uint64_t left = extra - given; left > 0; --left) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < remainders.size(); ++i)
            if (remainders[i] > remainders[best]) best = i;
        ++counts[best];
        remainders[best] = 0;
    }
    return counts;
}

void addDelegations(Prng& rng, const std::vector<std::string>& districtCodes, DirectoryData& data) {
    // Distinct districts, chosen by a partial Fisher-Yates shuffle.
    std::vector<std::size_t> order(districtCodes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const Millis kLengths[] = {10 * kDay, 14 * kDay, 21 * kDay, 24 * kDay, 28 * kDay};
    for (int n = 0; n < kDelegationCount && n < static_cast<int>(order.size()); ++n) {
        const std::size_t j = n + rng.below(order.size() - n);
        std::swap(order[n], order[j]);
        const std::string org = lowerAscii(districtCodes[order[n]]);
        // Mostly the chairman's vacation covered by the first deputy; sometimes the
        // secretary's (a bureau member) or the registrar's (the secretary).
        const int kind = rng.between(1, 10);
        engine::Delegation d;
        if (kind <= 6) {
            d.fromLogin = "chairman." + org, d.toLogin = "first-deputy." + org, d.role = "chairman";
        } else if (kind <= 8) {
            d.fromLogin = "secretary." + org, d.toLogin = "bureau-member-1." + org, d.role = "secretary";
        } else {
            d.fromLogin = "registrar." + org, d.toLogin = "secretary." + org, d.role = "registrar";
        }
        d.validFrom = kGrantsFrom + rng.between(0, 699) * kDay;
        d.validTo = d.validFrom + rng.pick(kLengths);
        data.delegations.push_back(std::move(d));
    }
    // In calendar order, as an administrator would list them (logins break ties: they are
    // unique, so the order is total and the same everywhere).
    std::sort(data.delegations.begin(), data.delegations.end(), [](const auto& a, const auto& b) {
        return a.validFrom != b.validFrom ? a.validFrom < b.validFrom : a.fromLogin < b.fromLogin;
    });
}

}  // namespace

DirectoryData generateDirectory(std::uint64_t seed) {
    Prng structure(seed, kStructure), ppoNames(seed, kPpoNames), people(seed, kPeople), delegations(seed, kDelegations);
    DirectoryData data;
    // Share of Russian names among the people of each org, parallel to data.orgs.
    std::vector<int> russianPercent;

    data.orgs.push_back(makeOrg("KZ", std::nullopt, OrgLevel::kCentral, "Орталық аппарат", "Центральный аппарат",
                                "Central office"));
    russianPercent.push_back(kCentralRussianNamesPercent);
    for (const RegionInfo& r : regionTable()) {
        data.orgs.push_back(makeOrg(r.code, std::string("KZ"), OrgLevel::kRegion, r.kk, r.ru, r.en));
        russianPercent.push_back(r.russianNamesPercent);
    }

    const std::vector<DistrictInfo>& districts = districtTable();
    std::vector<std::string> districtCodes;
    std::vector<int> districtRussianPercent;
    int n = 0;  // the district's number within its region
    for (std::size_t i = 0; i < districts.size(); ++i) {
        const DistrictInfo& d = districts[i];
        const bool firstOfRegion = i == 0 || std::string(districts[i - 1].regionCode) != d.regionCode;
        n = firstOfRegion ? 1 : n + 1;
        districtCodes.push_back(std::string(d.regionCode) + numbered("-%02d", n));
        int percent = kCentralRussianNamesPercent;
        for (const RegionInfo& r : regionTable())
            if (std::string(r.code) == d.regionCode) percent = r.russianNamesPercent;
        districtRussianPercent.push_back(percent);
        data.orgs.push_back(
            makeOrg(districtCodes.back(), std::string(d.regionCode), OrgLevel::kDistrict, d.kk, d.ru, d.en));
        russianPercent.push_back(percent);
    }

    // PPOs numbered through the districts in order, so PPO-00001 and PPO-00002 share the
    // first district (it has at least kMinPposPerDistrict of them).
    const std::vector<int> counts = ppoCounts(structure, districts);
    int ppo = 0;
    for (std::size_t i = 0; i < districts.size(); ++i) {
        InstitutionNumbers numbers;
        for (int k = 0; k < counts[i]; ++k) {
            Trilingual name = ppoName(ppoNames, districts[i].kind, numbers);
            data.orgs.push_back(makeOrg(numbered("PPO-%05d", ++ppo), districtCodes[i], OrgLevel::kPrimary,
                                        std::move(name.kk), std::move(name.ru), std::move(name.en)));
            russianPercent.push_back(districtRussianPercent[i]);
        }
    }

    // One user per seat, each with one open-ended grant from 2025-01-01.
    for (std::size_t i = 0; i < data.orgs.size(); ++i) {
        const engine::Org& org = data.orgs[i];
        const std::string suffix = "." + lowerAscii(org.code);
        for (const Seat& seat : seatsFor(org.level)) {
            engine::User u;
            u.login = seat.label + suffix;
            u.displayName = personName(people, russianPercent[i]);
            u.homeOrgCode = org.code;
            u.email = u.login + "@example.kz";
            engine::RoleGrant g;
            g.login = u.login;
            g.role = seat.role;
            g.orgCode = org.code;
            g.scope = seat.scope;
            g.validFrom = kGrantsFrom;
            data.users.push_back(std::move(u));
            data.grants.push_back(std::move(g));
        }
    }

    addDelegations(delegations, districtCodes, data);
    return data;
}

}  // namespace qujat::directory
