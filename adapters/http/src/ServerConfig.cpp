#include "qujat/http/ServerConfig.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>

namespace qujat::http {

using engine::Result;
using engine::Status;

namespace {

Result<long long> wholeNumber(const std::string& key, const std::string& text, long long min, long long max) {
    errno = 0;
    char* end = nullptr;
    const long long n = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE || n < min || n > max)
        return engine::invalidArgument("configuration key '" + key + "' must be a whole number from " +
                                       std::to_string(min) + " to " + std::to_string(max) + ", not '" + text + "'");
    return n;
}

// Every key below `root`, depth first, as full dotted names.
void collectKeys(const Poco::Util::AbstractConfiguration& config, const std::string& root,
                 std::vector<std::string>& out) {
    Poco::Util::AbstractConfiguration::Keys keys;
    config.keys(root, keys);
    for (const auto& k : keys) {
        const std::string full = root.empty() ? k : root + "." + k;
        if (config.hasProperty(full)) out.push_back(full);
        collectKeys(config, full, out);
    }
}

}  // namespace

Result<ServerOptions> loadServerConfig(const std::string& path, ServerOptions options) {
    if (!std::ifstream(path)) return engine::notFound("cannot read the configuration file '" + path + "'");
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config;
    try {
        config = new Poco::Util::PropertyFileConfiguration(path);
    } catch (const Poco::Exception& e) {
        return engine::invalidArgument("the configuration file '" + path + "' cannot be parsed: " + e.displayText());
    }
    using Setter = std::function<Status(const std::string& key, const std::string& value)>;
    auto text = [](std::string& target) -> Setter {
        return [&target](const std::string&, const std::string& v) {
            target = v;
            return Status::ok();
        };
    };
    auto integer = [](int& target, long long min, long long max) -> Setter {
        return [&target, min, max](const std::string& k, const std::string& v) {
            QUJAT_ASSIGN_OR_RETURN(long long n, wholeNumber(k, v, min, max));
            target = static_cast<int>(n);
            return Status::ok();
        };
    };
    auto bytes = [](std::size_t& target) -> Setter {
        return [&target](const std::string& k, const std::string& v) {
            QUJAT_ASSIGN_OR_RETURN(long long n, wholeNumber(k, v, 1, 1LL << 34));
            target = static_cast<std::size_t>(n);
            return Status::ok();
        };
    };
    Limits& l = options.limits;
    const std::map<std::string, Setter> setters = {
        {"bind", text(options.bind)},
        {"port", integer(options.port, 0, 65535)},
        {"origin", text(options.publicOrigin)},
        {"tls.certificate", text(options.tls.certificateFile)},
        {"tls.key", text(options.tls.keyFile)},
        {"deadlines.interval-seconds", integer(options.tickSeconds, 0, 86400)},
        {"log.access", text(options.accessLog)},
        {"web.root", text(options.webRoot)},
        {"limits.upload-bytes", bytes(l.uploadBytes)},
        {"limits.json-bytes", bytes(l.jsonBytes)},
        {"limits.signature-bytes", bytes(l.signatureBytes)},
        {"limits.header-bytes", bytes(l.headerBytes)},
        {"limits.header-count", integer(l.headerCount, 1, 100)},
        {"limits.read-timeout-seconds", integer(l.readTimeoutSeconds, 1, 3600)},
        {"limits.body-timeout-seconds", integer(l.bodyTimeoutSeconds, 1, 86400)},
        {"limits.keep-alive-seconds", integer(l.keepAliveSeconds, 1, 3600)},
        {"limits.keep-alive-requests", integer(l.maxKeepAliveRequests, 1, 1000000)},
        {"limits.threads", integer(l.threads, 1, 4096)},
        {"limits.queue", integer(l.queue, 0, 100000)},
    };
    std::vector<std::string> keys;
    collectKeys(*config, "", keys);
    for (const auto& key : keys) {
        auto setter = setters.find(key);
        if (setter == setters.end()) {
            std::string known;
            for (const auto& [k, s] : setters) known += (known.empty() ? "" : ", ") + k;
            return engine::invalidArgument("unknown configuration key '" + key + "' in " + path + "; the keys are: " +
                                           known);
        }
        QUJAT_RETURN_IF_ERROR(setter->second(key, config->getRawString(key)));
    }
    return options;
}

}  // namespace qujat::http
