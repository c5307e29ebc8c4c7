#pragma once

#include <string>

#include "qujat/engine/Status.h"
#include "qujat/http/ServerOptions.h"

namespace qujat::http {

// Reads a `qujat serve` configuration file (Java-properties style, `key = value`, `#`
// comments; docs/http-api.md lists the keys) over `defaults`. Returns kNotFound if the file
// cannot be read and kInvalidArgument naming the key for an unknown key or a bad value, so
// that a typo stops the server at startup instead of being ignored.
engine::Result<ServerOptions> loadServerConfig(const std::string& path, ServerOptions defaults);

}  // namespace qujat::http
