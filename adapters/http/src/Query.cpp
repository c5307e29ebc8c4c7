#include "Query.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "UrlPath.h"
#include "qujat/engine/Utf8.h"

namespace qujat::http {

Outcome<Query> Query::parse(const std::string& rawQuery) {
    Query query;
    std::size_t start = 0;
    while (start < rawQuery.size()) {
        auto amp = rawQuery.find('&', start);
        if (amp == std::string::npos) amp = rawQuery.size();
        const std::string pair = rawQuery.substr(start, amp - start);
        start = amp + 1;
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto name = percentDecode(pair.substr(0, eq), true);
        auto value = percentDecode(eq == std::string::npos ? "" : pair.substr(eq + 1), true);
        if (!name || !value || !engine::isValidUtf8(*name) || !engine::isValidUtf8(*value))
            return problem(400, "malformed-request", "the query string has a malformed %-escape or is not UTF-8");
        if (query.values_.count(*name))
            return problem(400, "malformed-request", "the query parameter '" + *name + "' is given more than once");
        query.values_.emplace(std::move(*name), std::move(*value));
    }
    return query;
}

Outcome<bool> Query::onlyKnown(std::initializer_list<const char*> known) const {
    for (const auto& [name, value] : values_) {
        if (std::any_of(known.begin(), known.end(), [&](const char* k) { return name == k; })) continue;
        std::string allowed;
        for (const char* k : known) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
        return problem(400, "unknown-parameter",
                       "unknown query parameter '" + name + "'" +
                           (allowed.empty() ? "; this resource takes none" : "; this resource takes: " + allowed));
    }
    return true;
}

std::optional<std::string> Query::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

Outcome<std::int64_t> Query::integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                                     std::int64_t max) const {
    auto v = get(name);
    if (!v) return fallback;
    errno = 0;
    char* end = nullptr;
    const long long n = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || errno == ERANGE || n < min || n > max)
        return problem(400, "malformed-request",
                       "the query parameter '" + name + "' must be a whole number from " + std::to_string(min) + " to " +
                           std::to_string(max));
    return static_cast<std::int64_t>(n);
}

}  // namespace qujat::http
