#pragma once

#include <string>
#include <vector>

#include "Prng.h"

namespace qujat::directory {

// A name in the directory's three languages.
struct Trilingual {
    std::string kk, ru, en;
};

// What a city/district branch covers: a district of a city of republican significance
// (Astana, Almaty, Shymkent, Karaganda), a city, or a rural district.
enum class SettlementKind { kCityDistrict, kCity, kRural };

struct RegionInfo {
    const char* code;             // "KAR"
    const char* kk;               // "Қарағанды облысы"
    const char* ru;               // "Карагандинская область"
    const char* en;               // "Karaganda Region"
    int russianNamesPercent;      // share of Russian (vs. Kazakh) names among its people
};

struct DistrictInfo {
    const char* regionCode;
    const char* kk;               // "Сарыарқа ауданы"
    const char* ru;               // "Сарыаркинский район"
    const char* en;               // "Saryarka District"
    SettlementKind kind;
};

// The 20 regional branches: Astana, Almaty, Shymkent, then the 17 oblasts.
const std::vector<RegionInfo>& regionTable();
// The 215 city and district branches (real names), grouped by region in regionTable() order.
const std::vector<DistrictInfo>& districtTable();

// Per-district counters so that numbered institutions ("школа № 17") do not repeat within
// a district.
struct InstitutionNumbers {
    int school = 0, hospital = 0, polyclinic = 0;
    bool districtHospital = false;
};

// Name of a primary party organisation at an institution typical for the settlement kind,
// e.g. "ППО при средней школе № 17" / "№ 17 орта мектеп жанындағы БПҰ" /
// "PPO of Secondary School No. 17".
Trilingual ppoName(Prng& rng, SettlementKind kind, InstitutionNumbers& numbers);

}  // namespace qujat::directory
