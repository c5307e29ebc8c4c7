#pragma once

#include <string>

#include "qujat/engine/Status.h"

namespace qujat::cli {

// Largest file the CLI reads as a document version or definition.
constexpr std::size_t kMaxInputFile = 64u << 20;

// The whole file; kNotFound if it cannot be opened, kInvalidArgument if it is a
// directory or larger than kMaxInputFile.
engine::Result<std::string> readFile(const std::string& path);
// Writes atomically (temporary file + rename) so a reader never sees half a file.
engine::Status writeFile(const std::string& path, const std::string& bytes);
// Creates the directory and its parents; OK if it exists.
engine::Status makeDirectories(const std::string& path);
bool fileExists(const std::string& path);
// "report.pdf" from "/a/b/report.pdf".
std::string baseName(const std::string& path);

}  // namespace qujat::cli
