#include "AccessLog.h"

#include <chrono>
#include <cstring>
#include <ctime>

#include "JsonWriter.h"

namespace qujat::http {

namespace {

std::string nowIso() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
    const std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&secs, &utc);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(ms % 1000));
    return buf;
}

// A JSON string literal; a client can put any bytes in a request target, and bytes that are
// not UTF-8 become U+FFFD, so the line stays valid JSON.
std::string quoted(const std::string& s) {
    std::string out;
    writeJsonString(s, out);
    return out;
}

}  // namespace

engine::Result<std::unique_ptr<AccessLog>> AccessLog::open(const std::string& where) {
    if (where == "off" || where.empty()) return std::unique_ptr<AccessLog>(new AccessLog(nullptr, false));
    if (where == "stderr" || where == "-") return std::unique_ptr<AccessLog>(new AccessLog(stderr, false));
    std::FILE* f = std::fopen(where.c_str(), "a");
    if (!f) return engine::unavailable("cannot open the access log '" + where + "': " + std::strerror(errno));
    return std::unique_ptr<AccessLog>(new AccessLog(f, true));
}

AccessLog::~AccessLog() {
    if (owned_ && file_) std::fclose(file_);
}

void AccessLog::writeLine(const std::string& line) {
    if (!file_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fflush(file_);
}

void AccessLog::request(const AccessEntry& e) {
    if (!file_) return;
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3f", e.durationMs);
    std::string line = "{\"time\":" + quoted(nowIso()) + ",\"method\":" + quoted(e.method) + ",\"path\":" +
                       quoted(e.path) + ",\"route\":" + quoted(e.route) + ",\"status\":" + std::to_string(e.status) +
                       ",\"bytes\":" + std::to_string(e.bytes) + ",\"durationMs\":" + duration +
                       ",\"login\":" + (e.login.empty() ? std::string("null") : quoted(e.login)) +
                       ",\"remote\":" + quoted(e.remote);
    if (!e.error.empty()) line += ",\"error\":" + quoted(e.error);
    line += "}\n";
    writeLine(line);
}

void AccessLog::event(const std::string& name, const std::map<std::string, std::string>& fields) {
    if (!file_) return;
    std::string line = "{\"time\":" + quoted(nowIso()) + ",\"event\":" + quoted(name);
    for (const auto& [k, v] : fields) line += "," + quoted(k) + ":" + quoted(v);
    line += "}\n";
    writeLine(line);
}

}  // namespace qujat::http
