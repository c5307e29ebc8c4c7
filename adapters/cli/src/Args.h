#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "qujat/engine/Status.h"

namespace qujat::cli {

// Options every command accepts: --data DIR, --json, --as LOGIN, --now ISO-TIME.
inline const std::set<std::string> kGlobalOptions = {"data", "json", "as", "now"};
inline const std::set<std::string> kFlags = {"json"};

// Command-line words split into positionals and `--name value` / `--name=value` options.
// Flags (options without a value) are named up front; every other option takes a value.
// Options may repeat (`--field a=1 --field b=2`).
class Args {
public:
    static engine::Result<Args> parse(const std::vector<std::string>& words, const std::set<std::string>& flags);

    const std::vector<std::string>& positionals() const { return positionals_; }
    // The same options with the first positional (the command's name) removed.
    Args withoutFirstPositional() const;
    bool flag(const std::string& name) const { return options_.count(name) > 0; }
    std::optional<std::string> option(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;

    // kInvalidArgument naming the first option neither in `known` nor global, so typos are
    // not silently ignored.
    engine::Status onlyKnown(const std::set<std::string>& known) const;
    // The option, or kInvalidArgument "--name is required".
    engine::Result<std::string> required(const std::string& name) const;
    // The option as an integer, or kInvalidArgument.
    engine::Result<long long> integer(const std::string& name, long long fallback) const;

private:
    std::vector<std::string> positionals_;
    std::multimap<std::string, std::string> options_;
};

}  // namespace qujat::cli
