#pragma once

#include <string>

namespace qujat::crypto {

// Empties this thread's OpenSSL error queue and returns its entries, oldest first, joined
// by "; " (empty when the queue was empty). OpenSSL reports failures only through this
// queue, so every failing call is followed by a drain into the message a caller sees.
std::string drainOpenSslErrors();

// `message`, followed by ": " and the drained OpenSSL errors when there are any.
std::string withOpenSslErrors(const std::string& message);

}  // namespace qujat::crypto
