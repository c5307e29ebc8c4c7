#pragma once

#include <optional>
#include <string>

#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Store.h"

namespace qujat::engine {

// On whose authority a user may act: their own, or a delegator's.
struct Authority {
    std::string onBehalfOf;  // empty: in their own right
};

// Whether `login` holds `role` at `orgCode` at `at`, or acts for someone who does by a
// delegation of that role. Mirrors StoreReader::openTasksFor, which answers the same
// question in bulk for inboxes.
Result<std::optional<Authority>> authorityFor(StoreReader& reader, const std::string& login, const std::string& role,
                                              const std::string& orgCode, Millis at);

// Whether `login` may act on `task` now: its named assignee (or their delegate for the
// task's role), or a holder of its role at its organisation (or their delegate).
Result<std::optional<Authority>> authorityOn(StoreReader& reader, const Task& task, const std::string& login,
                                             Millis at);

// "role:chairman@PPO-00001" or "user:aigerim.n", for messages.
std::string describeAssignee(const Task& task);

}  // namespace qujat::engine
