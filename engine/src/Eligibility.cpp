#include "Eligibility.h"

#include <algorithm>

namespace qujat::engine {
namespace {

Result<bool> holds(StoreReader& reader, const std::string& login, const std::string& role, const std::string& orgCode,
                   Millis at) {
    QUJAT_ASSIGN_OR_RETURN(std::vector<std::string> holders, reader.holdersOf(role, orgCode, at));
    return std::binary_search(holders.begin(), holders.end(), login);
}

}  // namespace

Result<std::optional<Authority>> authorityFor(StoreReader& reader, const std::string& login, const std::string& role,
                                              const std::string& orgCode, Millis at) {
    QUJAT_ASSIGN_OR_RETURN(bool self, holds(reader, login, role, orgCode, at));
    if (self) return std::optional<Authority>(Authority{});
    QUJAT_ASSIGN_OR_RETURN(std::vector<Delegation> delegations, reader.delegationsTo(login, at));
    for (const Delegation& d : delegations) {
        if (d.role != role) continue;
        QUJAT_ASSIGN_OR_RETURN(bool delegatorHolds, holds(reader, d.fromLogin, role, orgCode, at));
        if (delegatorHolds) return std::optional<Authority>(Authority{d.fromLogin});
    }
    return std::optional<Authority>();
}

Result<std::optional<Authority>> authorityOn(StoreReader& reader, const Task& task, const std::string& login,
                                             Millis at) {
    if (!task.assigneeLogin) return authorityFor(reader, login, task.role, task.orgCode, at);
    if (*task.assigneeLogin == login) return std::optional<Authority>(Authority{});
    if (task.role.empty()) return std::optional<Authority>();  // a named user's own seat cannot be delegated
    QUJAT_ASSIGN_OR_RETURN(std::vector<Delegation> delegations, reader.delegationsTo(login, at));
    for (const Delegation& d : delegations)
        if (d.role == task.role && d.fromLogin == *task.assigneeLogin)
            return std::optional<Authority>(Authority{d.fromLogin});
    return std::optional<Authority>();
}

std::string describeAssignee(const Task& task) {
    if (task.assigneeLogin) return "user:" + *task.assigneeLogin;
    return "role:" + task.role + "@" + task.orgCode;
}

}  // namespace qujat::engine
