#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qujat::test {

// One entry of a hand-made ZIP archive, stored (not compressed) unless told otherwise.
struct RawEntry {
    RawEntry() = default;
    RawEntry(std::string entryName, std::string entryData) : name(std::move(entryName)), data(std::move(entryData)) {}

    std::string name;
    std::string data;
    std::optional<std::uint32_t> declaredSize;  // what the headers claim; default data.size()
    std::optional<std::string> localName;       // the local header's name; default `name`
    std::uint16_t madeBy = 20;                   // high byte 3 = Unix (then externalAttributes >> 16 is the mode)
    std::uint32_t externalAttributes = 0;
};

// A ZIP archive written byte by byte, so tests can make the archives no ZIP library would:
// lying sizes, names with "..", symbolic links, mismatched headers. With more than 65535
// entries it ends with ZIP64 end records, as zip tools write them.
std::string rawZip(const std::vector<RawEntry>& entries);

// Replaces the uncompressed size of every header of entry `name` in `zip` with `size`.
std::string withDeclaredSize(std::string zip, const std::string& name, std::uint32_t size);

}  // namespace qujat::test
