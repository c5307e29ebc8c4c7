#pragma once

#include <memory>
#include <string>

#include "StoreContract.h"
#include "qujat/sqlite/SqliteStore.h"
#include "support/StatusMatchers.h"
#include "support/TempDir.h"

namespace qujat::test {

// The two ways the SQLite store commits, as types for TEMPLATE_TEST_CASE.
struct PlainCommit {
    static constexpr bool kGroupCommit = false;
};
struct GroupCommit {
    static constexpr bool kGroupCommit = true;
};

inline std::unique_ptr<sqlite::SqliteStore> openSqliteStore(const std::string& path, bool groupCommit) {
    sqlite::SqliteOptions options;
    options.groupCommit = groupCommit;
    auto store = sqlite::SqliteStore::open(path, options);
    REQUIRE_OK(store);
    return std::move(store).value();
}

// A factory of stores in `dir`, each in a new database file. `dir` must outlive the stores.
template <typename Mode>
StoreFactory sqliteStoreFactory(const TempDir& dir) {
    return [&dir, n = 0]() mutable -> std::unique_ptr<engine::Store> {
        return openSqliteStore(dir.file("store-" + std::to_string(++n) + ".db"), Mode::kGroupCommit);
    };
}

}  // namespace qujat::test
