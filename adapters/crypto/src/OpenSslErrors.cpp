#include "OpenSslErrors.h"

#include <openssl/err.h>

namespace qujat::crypto {

bool OpenSslErrors::has(int lib, int reason) const {
    for (unsigned long code : codes)
        if (ERR_GET_LIB(code) == lib && ERR_GET_REASON(code) == reason) return true;
    return false;
}

OpenSslErrors takeOpenSslErrors() {
    OpenSslErrors errors;
    const char* data = nullptr;
    int flags = 0;
    while (unsigned long code = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
        errors.codes.push_back(code);
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!errors.text.empty()) errors.text += "; ";
        errors.text += buffer;
        if ((flags & ERR_TXT_STRING) && data && *data) {
            errors.text += " (";
            errors.text += data;
            errors.text += ")";
        }
    }
    return errors;
}

std::string withOpenSslErrors(const std::string& message) {
    const std::string errors = drainOpenSslErrors();
    return errors.empty() ? message : message + ": " + errors;
}

}  // namespace qujat::crypto
