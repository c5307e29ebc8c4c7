#include "qujat/files/FileContentStore.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace qujat::files {

using engine::Result;
using engine::Status;

namespace {

std::string describeErrno(const std::string& what, int error) { return what + ": " + std::strerror(error); }

bool isSha256Hex(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// Closes a file descriptor on scope exit.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    // Closes now, reporting the error close() may give (deferred write errors on NFS).
    int release() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

private:
    int fd_;
};

Status fsyncPath(const std::string& path) {
    Fd dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) return engine::unavailable(describeErrno("cannot open directory " + path, errno));
    if (::fsync(dir.get()) != 0) return engine::unavailable(describeErrno("cannot fsync directory " + path, errno));
    return Status::ok();
}

// Creates `path` if absent; a new directory's entry is made durable in `parent`.
Status ensureDirectory(const std::string& path, const std::string& parent) {
    if (::mkdir(path.c_str(), 0755) == 0) return fsyncPath(parent);
    if (errno != EEXIST) return engine::unavailable(describeErrno("cannot create directory " + path, errno));
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return engine::unavailable(path + " exists but is not a directory");
    return Status::ok();
}

Status writeAll(int fd, std::string_view bytes, const std::string& path) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return engine::unavailable(describeErrno("cannot write " + path, errno));
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return Status::ok();
}

Status writeAtomically(const std::string& dir, const std::string& finalPath, std::string_view bytes) {
    std::string temp = dir + "/.tmp-XXXXXX";
    std::vector<char> pattern(temp.begin(), temp.end());
    pattern.push_back('\0');
    Fd fd(::mkostemp(pattern.data(), O_CLOEXEC));
    if (fd.get() < 0) return engine::unavailable(describeErrno("cannot create a temporary file in " + dir, errno));
    temp = pattern.data();
    Status s = writeAll(fd.get(), bytes, temp);
    if (s.isOk() && ::fsync(fd.get()) != 0) s = engine::unavailable(describeErrno("cannot fsync " + temp, errno));
    if (s.isOk() && fd.release() != 0) s = engine::unavailable(describeErrno("cannot close " + temp, errno));
    if (s.isOk() && ::rename(temp.c_str(), finalPath.c_str()) != 0)
        s = engine::unavailable(describeErrno("cannot rename " + temp + " to " + finalPath, errno));
    if (!s.isOk()) {
        ::unlink(temp.c_str());
        return s;
    }
    return fsyncPath(dir);
}

}  // namespace

Result<std::unique_ptr<FileContentStore>> FileContentStore::open(const std::string& directory,
                                                                const engine::Hasher& hasher) {
    if (directory.empty()) return engine::invalidArgument("the content directory is not set");
    // Create each missing component, as `mkdir -p` does.
    for (std::size_t slash = directory.find('/', 1); ; slash = directory.find('/', slash + 1)) {
        const std::string prefix = directory.substr(0, slash);
        const std::size_t parentEnd = prefix.find_last_of('/');
        const std::string parent = parentEnd == std::string::npos ? "." : parentEnd == 0 ? "/" : prefix.substr(0, parentEnd);
        QUJAT_RETURN_IF_ERROR(ensureDirectory(prefix, parent));
        if (slash == std::string::npos) break;
    }
    return std::unique_ptr<FileContentStore>(new FileContentStore(directory, hasher));
}

Result<std::string> FileContentStore::put(std::string_view bytes) {
    const std::string sha = hasher_.sha256Hex(bytes);
    const std::string dir = directory_ + "/" + sha.substr(0, 2);
    const std::string path = dir + "/" + sha.substr(2);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) == bytes.size())
        return sha;
    QUJAT_RETURN_IF_ERROR(ensureDirectory(dir, directory_));
    QUJAT_RETURN_IF_ERROR(writeAtomically(dir, path, bytes));
    return sha;
}

Result<std::string> FileContentStore::get(const std::string& sha256) {
    if (!isSha256Hex(sha256))
        return engine::invalidArgument("'" + sha256.substr(0, 80) + "' is not a SHA-256 (64 lower-case hex digits)");
    const std::string path = directory_ + "/" + sha256.substr(0, 2) + "/" + sha256.substr(2);
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT) return engine::notFound("no content with SHA-256 " + sha256);
        return engine::unavailable(describeErrno("cannot open " + path, errno));
    }
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return engine::unavailable(describeErrno("cannot read " + path, errno));
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    const std::string actual = hasher_.sha256Hex(bytes);
    if (actual != sha256)
        return engine::dataLoss("content " + sha256 + " is damaged: the bytes in " + path + " now hash to " + actual);
    return bytes;
}

}  // namespace qujat::files
