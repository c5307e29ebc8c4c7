#include "qujat/evidence/Archive.h"

#include <Poco/Checksum.h>
#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/InflatingStream.h>
#include <Poco/MemoryStream.h>
#include <Poco/Path.h>
#include <Poco/Timestamp.h>
#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <sstream>

namespace qujat::evidence {

namespace {

// ZIP record signatures and sizes (APPNOTE.TXT 4.3).
constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kZip64EndSignature = 0x06064b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kZip64LocatorSize = 20;
constexpr std::size_t kZip64EndSize = 56;
constexpr std::size_t kMaxCommentBytes = 0xffff;
constexpr std::size_t kMaxNameBytes = 255;

constexpr std::uint16_t kFlagEncrypted = 0x0001;
constexpr std::uint16_t kFlagDataDescriptor = 0x0008;
constexpr std::uint16_t kFlagStrongEncryption = 0x0040;
constexpr std::uint16_t kMethodStored = 0;
constexpr std::uint16_t kMethodDeflated = 8;
constexpr std::uint8_t kMadeByUnix = 3;
constexpr std::uint32_t kUnixFileTypeMask = 0170000;
constexpr std::uint32_t kUnixSymlink = 0120000;

std::uint16_t u16(std::string_view b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      static_cast<unsigned char>(b[at + 1]) << 8);
}

std::uint32_t u32(std::string_view b, std::size_t at) {
    return static_cast<std::uint32_t>(u16(b, at)) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}

std::uint64_t u64(std::string_view b, std::size_t at) {
    return static_cast<std::uint64_t>(u32(b, at)) | static_cast<std::uint64_t>(u32(b, at + 4)) << 32;
}

engine::Status refuse(const std::string& why) { return engine::invalidArgument("not a safe ZIP archive: " + why); }

std::string quoted(std::string_view name) {
    std::string out = "'";
    for (unsigned char c : name) {
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            static const char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        }
    }
    return out + "'";
}

std::string folded(std::string_view name) {
    std::string out(name);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::uint32_t crc32Of(std::string_view bytes) {
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return crc.checksum();
}

// One central directory entry, as declared.
struct Entry {
    std::string name;
    std::uint16_t flags = 0;
    std::uint16_t method = 0;
    std::uint32_t crc = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t size = 0;
    std::uint64_t localOffset = 0;
    std::uint64_t dataOffset = 0;  // after the local header
    std::uint64_t end = 0;         // after the data (and its descriptor)
    bool directory = false;
};

// The end of central directory record: the last one, ending exactly at the end of the
// archive (its comment included), so nothing hides after it.
engine::Result<std::size_t> findEnd(std::string_view zip) {
    if (zip.size() < kEndSize) return refuse("it is too short to be a ZIP archive");
    const std::size_t lowest = zip.size() - kEndSize > kMaxCommentBytes ? zip.size() - kEndSize - kMaxCommentBytes : 0;
    for (std::size_t at = zip.size() - kEndSize + 1; at-- > lowest;) {
        if (u32(zip, at) == kEndSignature && at + kEndSize + u16(zip, at + 20) == zip.size()) return at;
    }
    return refuse(
        "it has no end of central directory record (not a ZIP archive, truncated, or followed by other bytes)");
}

// For an archive that needs ZIP64: its entry count when the ZIP64 records say it, so that
// an archive with too many entries is refused for that reason.
std::optional<std::uint64_t> zip64EntryCount(std::string_view zip, std::size_t endAt) {
    if (endAt < kZip64LocatorSize || u32(zip, endAt - kZip64LocatorSize) != kZip64LocatorSignature) return std::nullopt;
    const std::uint64_t recordAt = u64(zip, endAt - kZip64LocatorSize + 8);
    if (recordAt > endAt || endAt - recordAt < kZip64EndSize || u32(zip, recordAt) != kZip64EndSignature)
        return std::nullopt;
    return u64(zip, recordAt + 32);
}

engine::Status checkName(const Entry& e, std::set<std::string>& seen) {
    std::string_view name = e.name;
    if (e.directory) name.remove_suffix(1);
    if (!isSafeArchiveName(name))
        return refuse("entry " + quoted(e.name) +
                      " has an unsafe name (only relative paths of letters, digits, '.', '-', '_', '+' are "
                      "accepted; no '..', no absolute paths, no hidden files)");
    if (!seen.insert(folded(name)).second)
        return refuse("entry " + quoted(e.name) +
                      " appears twice (names may not repeat, also not in other letter case)");
    return engine::Status::ok();
}

engine::Result<std::string> inflate(std::string_view zip, const Entry& e) {
    const std::string_view data = zip.substr(e.dataOffset, e.compressedSize);
    if (e.method == kMethodStored) {
        if (e.compressedSize != e.size)
            return refuse("entry " + quoted(e.name) + " is stored with two different sizes");
        return std::string(data);
    }
    std::string out;
    try {
        Poco::MemoryInputStream raw(data.data(), data.size());
        // Negative window bits: a raw deflate stream, as ZIP stores it.
        Poco::InflatingInputStream inflater(raw, -15);
        char buffer[16384];
        // One byte more than declared is enough to know the declaration was a lie.
        while (out.size() <= e.size) {
            const std::size_t want =
                static_cast<std::size_t>(std::min<std::uint64_t>(sizeof buffer, e.size + 1 - out.size()));
            inflater.read(buffer, static_cast<std::streamsize>(want));
            const std::streamsize got = inflater.gcount();
            if (got <= 0) break;
            out.append(buffer, static_cast<std::size_t>(got));
        }
    } catch (const Poco::Exception& ex) {
        return refuse("entry " + quoted(e.name) + " does not inflate: " + ex.displayText());
    } catch (const std::exception& ex) {
        return refuse("entry " + quoted(e.name) + " does not inflate: " + ex.what());
    }
    if (out.size() > e.size)
        return refuse("entry " + quoted(e.name) + " inflates to more than its declared " + std::to_string(e.size) +
                      " bytes (a zip bomb?)");
    if (out.size() < e.size)
        return refuse("entry " + quoted(e.name) + " inflates to " + std::to_string(out.size()) +
                      " bytes, fewer than its declared " + std::to_string(e.size));
    return out;
}

}  // namespace

bool isSafeArchiveName(std::string_view name) {
    if (name.empty() || name.size() > kMaxNameBytes) return false;
    std::size_t segmentStart = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/') {
            if (i == segmentStart || name[segmentStart] == '.') return false;
            segmentStart = i + 1;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (!std::isalnum(c) && c != '.' && c != '-' && c != '_' && c != '+') return false;
    }
    return true;
}

engine::Result<std::string> writeArchive(const std::vector<ArchiveFile>& files, engine::Millis modifiedAt) {
    std::set<std::string> seen;
    for (const ArchiveFile& f : files) {
        if (!isSafeArchiveName(f.name))
            return engine::invalidArgument("cannot archive a file named " + quoted(f.name) + ": not a safe name");
        if (!seen.insert(folded(f.name)).second)
            return engine::invalidArgument("cannot archive two files named " + quoted(f.name));
    }
    // ZIP dates start in 1980.
    constexpr engine::Millis k1980 = 315532800000;
    const Poco::DateTime when(Poco::Timestamp(std::max(modifiedAt, k1980) * 1000));
    try {
        std::ostringstream out;
        Poco::Zip::Compress zip(out, true);
        for (const ArchiveFile& f : files) {
            std::istringstream in(f.bytes);
            zip.addFile(in, when, Poco::Path(f.name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                        Poco::Zip::ZipCommon::CL_MAXIMUM);
        }
        zip.close();
        if (!out) return engine::internalError("cannot write the ZIP archive to memory");
        return out.str();
    } catch (const Poco::Exception& ex) {
        return engine::internalError("cannot write the ZIP archive: " + ex.displayText());
    } catch (const std::exception& ex) {
        return engine::internalError(std::string("cannot write the ZIP archive: ") + ex.what());
    }
}

engine::Result<std::vector<ArchiveFile>> readArchive(std::string_view zip, const ArchiveLimits& limits) {
    if (zip.size() > limits.maxArchiveBytes)
        return refuse("it is " + std::to_string(zip.size()) + " bytes; at most " +
                      std::to_string(limits.maxArchiveBytes) + " are accepted");
    QUJAT_ASSIGN_OR_RETURN(const std::size_t endAt, findEnd(zip));
    const std::uint16_t disk = u16(zip, endAt + 4);
    const std::uint16_t directoryDisk = u16(zip, endAt + 6);
    const std::uint16_t entriesHere = u16(zip, endAt + 8);
    const std::uint16_t entries = u16(zip, endAt + 10);
    const std::uint32_t directorySize = u32(zip, endAt + 12);
    const std::uint32_t directoryOffset = u32(zip, endAt + 16);
    if (entries == 0xffff || directorySize == 0xffffffff || directoryOffset == 0xffffffff) {
        const std::optional<std::uint64_t> count = zip64EntryCount(zip, endAt);
        if (count && *count > limits.maxEntries)
            return refuse("it has " + std::to_string(*count) + " entries; at most " +
                          std::to_string(limits.maxEntries) + " are accepted");
        return refuse("it is a ZIP64 archive, which evidence packages never are");
    }
    if (disk != 0 || directoryDisk != 0 || entriesHere != entries) return refuse("it spans several disks");
    if (entries > limits.maxEntries)
        return refuse("it has " + std::to_string(entries) + " entries; at most " + std::to_string(limits.maxEntries) +
                      " are accepted");
    // The central directory fills the space up to the end record exactly.
    if (std::uint64_t{directoryOffset} + directorySize != endAt)
        return refuse("its central directory does not end where the end record begins");
    if (std::uint64_t{entries} * kCentralHeaderSize > directorySize)
        return refuse("its central directory is too small for " + std::to_string(entries) + " entries");

    std::vector<Entry> list;
    list.reserve(entries);
    std::set<std::string> seen;
    std::uint64_t total = 0;
    std::size_t at = directoryOffset;
    for (std::uint16_t i = 0; i < entries; ++i) {
        if (endAt - at < kCentralHeaderSize || u32(zip, at) != kCentralHeaderSignature)
            return refuse("central directory entry " + std::to_string(i + 1) + " is malformed");
        Entry e;
        const std::uint16_t madeBy = u16(zip, at + 4);
        e.flags = u16(zip, at + 8);
        e.method = u16(zip, at + 10);
        e.crc = u32(zip, at + 16);
        e.compressedSize = u32(zip, at + 20);
        e.size = u32(zip, at + 24);
        const std::size_t nameLength = u16(zip, at + 28);
        const std::size_t extraLength = u16(zip, at + 30);
        const std::size_t commentLength = u16(zip, at + 32);
        const std::uint16_t startDisk = u16(zip, at + 34);
        const std::uint32_t externalAttributes = u32(zip, at + 38);
        e.localOffset = u32(zip, at + 42);
        if (endAt - at - kCentralHeaderSize < nameLength + extraLength + commentLength)
            return refuse("central directory entry " + std::to_string(i + 1) + " runs past the directory");
        e.name = std::string(zip.substr(at + kCentralHeaderSize, nameLength));
        at += kCentralHeaderSize + nameLength + extraLength + commentLength;

        e.directory = !e.name.empty() && e.name.back() == '/';
        QUJAT_RETURN_IF_ERROR(checkName(e, seen));
        if (e.flags & (kFlagEncrypted | kFlagStrongEncryption))
            return refuse("entry " + quoted(e.name) + " is encrypted");
        if (e.method != kMethodStored && e.method != kMethodDeflated)
            return refuse("entry " + quoted(e.name) + " uses compression method " + std::to_string(e.method) +
                          " (only stored and deflated are accepted)");
        if (startDisk != 0) return refuse("entry " + quoted(e.name) + " lies on another disk");
        if (e.compressedSize == 0xffffffff || e.size == 0xffffffff || e.localOffset == 0xffffffff)
            return refuse("entry " + quoted(e.name) + " needs ZIP64, which evidence packages never do");
        if ((madeBy >> 8) == kMadeByUnix && ((externalAttributes >> 16) & kUnixFileTypeMask) == kUnixSymlink)
            return refuse("entry " + quoted(e.name) + " is a symbolic link");
        if (e.directory && e.size != 0) return refuse("directory entry " + quoted(e.name) + " has contents");
        total += e.size;
        if (total > limits.maxTotalBytes)
            return refuse("its entries declare more than " + std::to_string(limits.maxTotalBytes) +
                          " bytes uncompressed (a zip bomb?)");
        list.push_back(std::move(e));
    }
    if (at != endAt) return refuse("its central directory holds more than its " + std::to_string(entries) + " entries");

    // Each local header must say what the central directory says, so every unzip tool
    // sees the same files, and entries must not share bytes (overlapping entries are how
    // small archives expand enormously).
    for (Entry& e : list) {
        if (e.localOffset > directoryOffset || directoryOffset - e.localOffset < kLocalHeaderSize ||
            u32(zip, e.localOffset) != kLocalHeaderSignature)
            return refuse("entry " + quoted(e.name) + " has no local header where the directory points");
        const std::size_t lh = e.localOffset;
        const std::uint16_t flags = u16(zip, lh + 6);
        const std::uint16_t method = u16(zip, lh + 8);
        const std::size_t nameLength = u16(zip, lh + 26);
        const std::size_t extraLength = u16(zip, lh + 28);
        e.dataOffset = lh + kLocalHeaderSize + nameLength + extraLength;
        if (e.dataOffset > directoryOffset || directoryOffset - e.dataOffset < e.compressedSize)
            return refuse("entry " + quoted(e.name) + " runs past the start of the central directory");
        if (zip.substr(lh + kLocalHeaderSize, nameLength) != e.name)
            return refuse("entry " + quoted(e.name) + " has another name in its local header");
        if (flags != e.flags || method != e.method)
            return refuse("entry " + quoted(e.name) + " has other flags or another method in its local header");
        e.end = e.dataOffset + e.compressedSize;
        if (flags & kFlagDataDescriptor) {
            // The sizes follow the data: optional signature, CRC, two 32-bit sizes.
            const std::uint64_t room = directoryOffset - e.end;
            const bool signature = room >= 4 && u32(zip, e.end) == 0x08074b50;
            const std::uint64_t length = signature ? 16 : 12;
            if (room < length) return refuse("entry " + quoted(e.name) + " lacks its data descriptor");
            const std::size_t d = e.end + (signature ? 4 : 0);
            if (u32(zip, d) != e.crc || u32(zip, d + 4) != e.compressedSize || u32(zip, d + 8) != e.size)
                return refuse("entry " + quoted(e.name) + " has a data descriptor that disagrees with the directory");
            e.end += length;
        } else if (u32(zip, lh + 14) != e.crc || u32(zip, lh + 18) != e.compressedSize || u32(zip, lh + 22) != e.size) {
            return refuse("entry " + quoted(e.name) + " has other sizes or another CRC in its local header");
        }
    }
    std::vector<const Entry*> byOffset;
    for (const Entry& e : list) byOffset.push_back(&e);
    std::sort(byOffset.begin(), byOffset.end(),
              [](const Entry* a, const Entry* b) { return a->localOffset < b->localOffset; });
    for (std::size_t i = 1; i < byOffset.size(); ++i)
        if (byOffset[i]->localOffset < byOffset[i - 1]->end)
            return refuse("entries " + quoted(byOffset[i - 1]->name) + " and " + quoted(byOffset[i]->name) +
                          " overlap");

    std::vector<ArchiveFile> files;
    for (const Entry& e : list) {
        if (e.directory) continue;
        QUJAT_ASSIGN_OR_RETURN(std::string bytes, inflate(zip, e));
        if (crc32Of(bytes) != e.crc) return refuse("entry " + quoted(e.name) + " fails its CRC-32 check");
        files.push_back(ArchiveFile{e.name, std::move(bytes)});
    }
    return files;
}

}  // namespace qujat::evidence
