#include "RawZip.h"

#include <Poco/Checksum.h>

namespace qujat::test {

namespace {

void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>((v >> 8) & 0xff);
}

void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xffff);
    put16(out, v >> 16);
}

void put64(std::string& out, std::uint64_t v) {
    put32(out, static_cast<std::uint32_t>(v));
    put32(out, static_cast<std::uint32_t>(v >> 32));
}

std::uint32_t crc32(const std::string& data) {
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(data.data(), static_cast<unsigned>(data.size()));
    return crc.checksum();
}

}  // namespace

std::string rawZip(const std::vector<RawEntry>& entries) {
    std::string out;
    std::string directory;
    for (const RawEntry& e : entries) {
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(e.data);
        const std::uint32_t size = e.declaredSize.value_or(static_cast<std::uint32_t>(e.data.size()));
        const std::string& localName = e.localName ? *e.localName : e.name;
        put32(out, 0x04034b50);
        put16(out, 20);  // version needed
        put16(out, 0);   // flags
        put16(out, 0);   // stored
        put32(out, 0);   // time, date
        put32(out, crc);
        put32(out, static_cast<std::uint32_t>(e.data.size()));
        put32(out, size);
        put16(out, static_cast<std::uint32_t>(localName.size()));
        put16(out, 0);
        out += localName;
        out += e.data;

        put32(directory, 0x02014b50);
        put16(directory, e.madeBy);
        put16(directory, 20);
        put16(directory, 0);
        put16(directory, 0);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, static_cast<std::uint32_t>(e.data.size()));
        put32(directory, size);
        put16(directory, static_cast<std::uint32_t>(e.name.size()));
        put16(directory, 0);  // extra
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, e.externalAttributes);
        put32(directory, offset);
        directory += e.name;
    }
    const std::uint64_t directoryOffset = out.size();
    out += directory;
    const bool zip64 = entries.size() > 0xffff;
    if (zip64) {
        const std::uint64_t recordOffset = out.size();
        put32(out, 0x06064b50);
        put64(out, 44);  // size of the rest of the record
        put16(out, 45);
        put16(out, 45);
        put32(out, 0);
        put32(out, 0);
        put64(out, entries.size());
        put64(out, entries.size());
        put64(out, directory.size());
        put64(out, directoryOffset);
        put32(out, 0x07064b50);
        put32(out, 0);
        put64(out, recordOffset);
        put32(out, 1);
    }
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, zip64 ? 0xffff : static_cast<std::uint32_t>(entries.size()));
    put16(out, zip64 ? 0xffff : static_cast<std::uint32_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, zip64 ? 0xffffffff : static_cast<std::uint32_t>(directoryOffset));
    put16(out, 0);
    return out;
}

std::string withDeclaredSize(std::string zip, const std::string& name, std::uint32_t size) {
    auto set32 = [&zip](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) zip[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
    };
    auto get16 = [&zip](std::size_t at) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(zip[at]) | static_cast<unsigned char>(zip[at + 1])
                                                                                    << 8);
    };
    const std::string local("PK\x03\x04", 4), central("PK\x01\x02", 4);
    for (std::size_t at = zip.find(local); at != std::string::npos; at = zip.find(local, at + 4))
        if (zip.compare(at + 30, name.size(), name) == 0 && get16(at + 26) == name.size()) set32(at + 22, size);
    for (std::size_t at = zip.find(central); at != std::string::npos; at = zip.find(central, at + 4))
        if (zip.compare(at + 46, name.size(), name) == 0 && get16(at + 28) == name.size()) set32(at + 24, size);
    return zip;
}

}  // namespace qujat::test
