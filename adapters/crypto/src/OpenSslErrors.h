#pragma once

#include <string>
#include <vector>

namespace qujat::crypto {

// This thread's OpenSSL error queue, oldest first. OpenSSL reports failures only through
// this queue, so every failing call is followed by a drain into the message a caller sees.
struct OpenSslErrors {
    std::vector<unsigned long> codes;
    std::string text;  // "error:...:reason (data); error:..." or "" when the queue was empty

    // True when some queued error came from library `lib` with reason `reason`.
    bool has(int lib, int reason) const;
};

// Empties the queue and returns its entries.
OpenSslErrors takeOpenSslErrors();

// Empties the queue and returns its entries' text, joined by "; " (empty when it was empty).
inline std::string drainOpenSslErrors() { return takeOpenSslErrors().text; }

// `message`, followed by ": " and the drained OpenSSL errors when there are any.
std::string withOpenSslErrors(const std::string& message);

}  // namespace qujat::crypto
