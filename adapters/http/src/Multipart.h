#pragma once

#include <map>
#include <optional>
#include <string>

#include "Outcome.h"
#include "Problem.h"

namespace qujat::http {

// One part of a multipart/form-data body.
struct FormPart {
    std::string name;
    std::optional<std::string> fileName;  // as the client sent it (filename, or filename* decoded)
    std::string contentType;              // the part's Content-Type header, "" if none
    std::string body;
};

// Splits a multipart/form-data body (already read and size-limited) into its parts by
// name. 415 if `contentType` is not multipart/form-data; 400 for a missing boundary,
// broken framing, a part without a name, the same name twice, or more than 16 parts.
Outcome<std::map<std::string, FormPart>> parseMultipart(const std::string& contentType, const std::string& body);

}  // namespace qujat::http
