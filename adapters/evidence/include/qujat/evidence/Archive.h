#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::evidence {

// One file of an archive: where it lies inside ('/'-separated, relative) and its bytes.
struct ArchiveFile {
    std::string name;
    std::string bytes;
};

// Bounds on what readArchive accepts. Every bound is checked from the archive's directory
// before a single byte is inflated, so a hostile archive costs little to refuse.
struct ArchiveLimits {
    std::size_t maxArchiveBytes = std::size_t{1} << 30;  // the ZIP itself
    std::size_t maxEntries = 10000;
    std::uint64_t maxTotalBytes = std::uint64_t{1} << 30;  // the sum of the uncompressed sizes
};

// Whether `name` may name a file of an evidence archive: 1 to 255 bytes of '/'-separated
// segments, each of ASCII letters, digits, '.', '-', '_' or '+', none empty and none
// starting with '.' (so no "..", no hidden files), no leading '/'. Such a name extracts
// to the same place with every unzip tool on every platform.
bool isSafeArchiveName(std::string_view name);

// Writes `files`, in the order given, as a ZIP archive (deflated, no directory entries,
// every entry dated `modifiedAt`). kInvalidArgument for a name that is not
// isSafeArchiveName or repeats (also when only letter case differs); kInternal when
// compression fails. Thread-safe.
[[nodiscard]] engine::Result<std::string> writeArchive(const std::vector<ArchiveFile>& files,
                                                       engine::Millis modifiedAt);

// Reads every file of the ZIP archive `zip` into memory, in the order of its central
// directory, and never writes to disk. Directory entries are skipped. Refuses, with
// kInvalidArgument naming the entry and the reason: what is not a ZIP archive (or is
// truncated, or has bytes after its end); more entries, a larger archive or more
// uncompressed bytes than `limits` allow (judged from the declared sizes before
// inflating); ZIP64, multi-disk, encrypted entries and methods other than stored and
// deflated; unsafe names (isSafeArchiveName), duplicate names (also by letter case),
// symbolic links; a local header that disagrees with the central directory, entries that
// overlap; an entry that inflates to more or less than its declared size or fails its
// CRC-32. Thread-safe.
[[nodiscard]] engine::Result<std::vector<ArchiveFile>> readArchive(std::string_view zip,
                                                                   const ArchiveLimits& limits = {});

}  // namespace qujat::evidence
