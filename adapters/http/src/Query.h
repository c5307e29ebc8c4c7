#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "Outcome.h"
#include "Problem.h"

namespace qujat::http {

// The parameters of a query string, decoded (application/x-www-form-urlencoded rules).
class Query {
public:
    // 400 for a malformed escape, text that is not UTF-8, or a parameter given twice.
    static Outcome<Query> parse(const std::string& rawQuery);

    // 400 naming the first parameter not in `known`, so a typo is not silently ignored.
    Outcome<bool> onlyKnown(std::initializer_list<const char*> known) const;
    std::optional<std::string> get(const std::string& name) const;
    // The parameter as a whole number in [min, max], `fallback` when absent; 400 otherwise.
    Outcome<std::int64_t> integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                                  std::int64_t max) const;

private:
    std::map<std::string, std::string> values_;
};

}  // namespace qujat::http
