#pragma once

#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "qujat/engine/Status.h"

namespace qujat::http {

// One answered request, as logged.
struct AccessEntry {
    std::string method;
    std::string path;     // without the query string, which may carry search words
    std::string route;    // the matched template, or "" if none
    int status = 0;
    std::size_t bytes = 0;
    double durationMs = 0;
    std::string login;    // "" when not signed in
    std::string remote;   // the peer address
    std::string error;    // for 5xx: what failed, for the operator (never sent to the client)
};

// The structured access log: one JSON object per line, to stderr or appended to a file,
// with the time in UTC to the millisecond. Lines from concurrent requests never interleave.
// Thread-safe.
class AccessLog {
public:
    // "stderr" (or "-"), "off", or a file path; kUnavailable if the file cannot be opened.
    static engine::Result<std::unique_ptr<AccessLog>> open(const std::string& where);
    ~AccessLog();

    void request(const AccessEntry& entry);
    // A server event that is not a request: {"time", "event": name, ...fields}.
    void event(const std::string& name, const std::map<std::string, std::string>& fields);

private:
    AccessLog(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
    void writeLine(const std::string& line);

    std::FILE* file_;  // null: off
    bool owned_;
    std::mutex mutex_;
};

}  // namespace qujat::http
