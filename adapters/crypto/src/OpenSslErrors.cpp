#include "OpenSslErrors.h"

#include <openssl/err.h>

namespace qujat::crypto {

std::string drainOpenSslErrors() {
    std::string out;
    const char* data = nullptr;
    int flags = 0;
    while (unsigned long code = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!out.empty()) out += "; ";
        out += buffer;
        if ((flags & ERR_TXT_STRING) && data && *data) {
            out += " (";
            out += data;
            out += ")";
        }
    }
    return out;
}

std::string withOpenSslErrors(const std::string& message) {
    const std::string errors = drainOpenSslErrors();
    return errors.empty() ? message : message + ": " + errors;
}

}  // namespace qujat::crypto
