#include "FileIo.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace qujat::cli {

namespace fs = std::filesystem;

engine::Result<std::string> readFile(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return engine::invalidArgument(path + " is a directory, not a file");
    const auto size = fs::file_size(path, ec);
    if (ec) return engine::notFound("cannot read " + path + ": " + ec.message());
    if (size > kMaxInputFile)
        return engine::invalidArgument(path + " is " + std::to_string(size >> 20) + " MiB; the limit is " +
                                       std::to_string(kMaxInputFile >> 20) + " MiB");
    std::ifstream in(path, std::ios::binary);
    if (!in) return engine::notFound("cannot open " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

engine::Status writeFile(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return engine::unavailable("cannot write " + tmp);
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) return engine::unavailable("cannot rename " + tmp + " to " + path + ": " + ec.message());
    return engine::Status::ok();
}

engine::Status makeDirectories(const std::string& path) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return engine::unavailable("cannot create directory " + path + ": " + ec.message());
    return engine::Status::ok();
}

bool fileExists(const std::string& path) {
    std::error_code ec;
    return fs::exists(path, ec);
}

std::string baseName(const std::string& path) { return fs::path(path).filename().string(); }

}  // namespace qujat::cli
