#include "Args.h"

#include <cerrno>
#include <cstdlib>

namespace qujat::cli {

using engine::invalidArgument;

engine::Result<Args> Args::parse(const std::vector<std::string>& words, const std::set<std::string>& flags) {
    Args args;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "--") {
            args.positionals_.insert(args.positionals_.end(), words.begin() + i + 1, words.end());
            break;
        }
        if (w.rfind("--", 0) != 0 || w.size() == 2) {
            args.positionals_.push_back(w);
            continue;
        }
        std::string name = w.substr(2);
        const auto eq = name.find('=');
        if (eq != std::string::npos) {
            args.options_.emplace(name.substr(0, eq), name.substr(eq + 1));
        } else if (flags.count(name)) {
            args.options_.emplace(name, "");
        } else {
            if (i + 1 >= words.size()) return invalidArgument("--" + name + " needs a value");
            args.options_.emplace(name, words[++i]);
        }
    }
    return args;
}

Args Args::withoutFirstPositional() const {
    Args rest = *this;
    if (!rest.positionals_.empty()) rest.positionals_.erase(rest.positionals_.begin());
    return rest;
}

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    auto range = options_.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
    return out;
}

engine::Status Args::onlyKnown(const std::set<std::string>& known) const {
    for (const auto& [name, value] : options_)
        if (!known.count(name) && !kGlobalOptions.count(name)) return invalidArgument("unknown option --" + name);
    return engine::Status::ok();
}

engine::Result<std::string> Args::required(const std::string& name) const {
    auto v = option(name);
    if (!v || v->empty()) return invalidArgument("--" + name + " is required");
    return *v;
}

engine::Result<long long> Args::integer(const std::string& name, long long fallback) const {
    auto v = option(name);
    if (!v) return fallback;
    errno = 0;
    char* end = nullptr;
    const long long n = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || errno == ERANGE) return invalidArgument("--" + name + " must be a whole number");
    return n;
}

}  // namespace qujat::cli
