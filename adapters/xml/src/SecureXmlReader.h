#pragma once

#include <cstddef>
#include <optional>

#include "DiagnosticCollector.h"
#include "SourceText.h"
#include "XmlDocument.h"

namespace qujat::xml {

// Reads untrusted XML text into a libxml2 tree, refusing everything a workflow file has no
// use for and an attacker has: DTDs (so no entity can be declared, let alone expanded or
// fetched), XInclude, encodings other than UTF-8, malformed UTF-8, inputs over kMaxBytes
// and nesting over kMaxDepth. Never opens a file or a network connection.
class SecureXmlReader {
public:
    static constexpr std::size_t kMaxBytes = 1024 * 1024;
    static constexpr int kMaxDepth = 64;

    // The document, or nullopt after adding at least one diagnostic to `diagnostics`.
    // Thread-safe: all state is per call. `source` must outlive the returned document.
    static std::optional<XmlDocument> read(const SourceText& source, DiagnosticCollector& diagnostics);

    // Initialises libxml2 once per process; safe to call from any thread, any number of times.
    static void initialiseLibXml();
};

}  // namespace qujat::xml
