#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace qujat::test {

struct CommandResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr, interleaved
};

// Runs a shell command line and collects what it prints and how it exits.
inline CommandResult runCommand(const std::string& commandLine) {
    CommandResult result;
    FILE* pipe = popen((commandLine + " 2>&1").c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer;
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

// Single-quotes a word for the shell.
inline std::string shellQuote(const std::string& word) {
    std::string out = "'";
    for (char c : word) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

}  // namespace qujat::test
