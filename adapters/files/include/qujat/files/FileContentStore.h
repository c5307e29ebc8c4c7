#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "qujat/engine/Status.h"
#include "qujat/engine/ports/ContentStore.h"
#include "qujat/engine/ports/Hasher.h"

namespace qujat::files {

// Document bytes in a directory, one file per SHA-256: DIR/ab/cdef… (the first two hex
// digits name a subdirectory, the other 62 the file). Files are written to a temporary
// name, fsynced, renamed into place and the directory fsynced, so a reader never sees a
// partial file and an acknowledged put survives power loss. Thread-safe (and safe for
// several processes sharing the directory); never throws.
class FileContentStore final : public engine::ContentStore {
public:
    // Uses `directory`, creating it (and its parents) if absent. `hasher` must outlive
    // the store. kUnavailable if the directory cannot be created or is not a directory.
    static engine::Result<std::unique_ptr<FileContentStore>> open(const std::string& directory,
                                                                  const engine::Hasher& hasher);

    // See engine::ContentStore. A file already stored under the hash is kept unless its
    // size shows it damaged, in which case it is replaced. kUnavailable on I/O failure.
    engine::Result<std::string> put(std::string_view bytes) override;
    // See engine::ContentStore. kInvalidArgument unless `sha256` is 64 lower-case hex
    // digits (so no name can reach outside the directory); kUnavailable on I/O failure.
    engine::Result<std::string> get(const std::string& sha256) override;

    const std::string& directory() const { return directory_; }

private:
    FileContentStore(std::string directory, const engine::Hasher& hasher)
        : directory_(std::move(directory)), hasher_(hasher) {}

    std::string directory_;
    const engine::Hasher& hasher_;
};

}  // namespace qujat::files
