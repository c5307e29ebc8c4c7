#pragma once

#include <string>
#include <string_view>

#include "qujat/engine/Status.h"

namespace qujat::engine {

// Immutable document bytes addressed by their SHA-256. Thread-safe.
class ContentStore {
public:
    virtual ~ContentStore() = default;
    // Stores `bytes` durably (written atomically: a reader never sees a partial file) and
    // returns their lower-case hex SHA-256. Storing the same bytes again is a no-op.
    virtual Result<std::string> put(std::string_view bytes) = 0;
    // The bytes stored under `sha256`; kNotFound if absent, kDataLoss if they no longer
    // hash to `sha256`.
    virtual Result<std::string> get(const std::string& sha256) = 0;
};

}  // namespace qujat::engine
