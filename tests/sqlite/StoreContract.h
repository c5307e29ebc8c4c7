#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Store.h"

// The behaviour every engine::Store must show, written against the port alone so that
// each storage adapter (SQLite now, PostgreSQL later) runs the same checks.
namespace qujat::test {

// Returns a new, empty store. Called once per run of a test case (once per SECTION path).
using StoreFactory = std::function<std::unique_ptr<engine::Store>()>;

void checkDirectoryContract(const StoreFactory& makeStore);
void checkWorkflowContract(const StoreFactory& makeStore);
void checkDocumentContract(const StoreFactory& makeStore);
void checkTaskContract(const StoreFactory& makeStore);
void checkCounterContract(const StoreFactory& makeStore);
void checkAuditContract(const StoreFactory& makeStore);
void checkTransactionContract(const StoreFactory& makeStore);
void checkSignatureContract(const StoreFactory& makeStore);

// The result of `f(reader)` inside one read transaction (or the read's own failure).
template <typename F>
auto query(engine::Store& store, F f) -> decltype(f(std::declval<engine::StoreReader&>())) {
    using R = decltype(f(std::declval<engine::StoreReader&>()));
    std::optional<R> out;
    engine::Status s = store.read([&](engine::StoreReader& r) {
        out.emplace(f(r));
        return engine::Status::ok();
    });
    if (!s.isOk()) return R(s);
    return std::move(*out);
}

// The result of `f(writer)` inside one write transaction, committed only if it is OK.
template <typename F>
auto change(engine::Store& store, F f) -> decltype(f(std::declval<engine::StoreWriter&>())) {
    using R = decltype(f(std::declval<engine::StoreWriter&>()));
    std::optional<R> out;
    engine::Status s = store.write([&](engine::StoreWriter& w) {
        out.emplace(f(w));
        if constexpr (std::is_same_v<R, engine::Status>) return *out;
        else return out->isOk() ? engine::Status::ok() : out->status();
    });
    if (!s.isOk()) return R(s);
    return std::move(*out);
}

}  // namespace qujat::test
