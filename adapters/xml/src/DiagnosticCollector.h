#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "qujat/engine/Workflow.h"

namespace qujat::xml {

// Appends problems to a caller's list with messages fit to show a person: libxml2's
// trailing newlines removed, multi-line messages joined, the workflow namespace dropped
// from element names, control characters and broken UTF-8 replaced. Stops adding after
// kMaxDiagnostics so hostile input cannot produce an unbounded list.
// Not thread-safe; one per parse.
class DiagnosticCollector {
public:
    static constexpr std::size_t kMaxDiagnostics = 50;

    explicit DiagnosticCollector(std::vector<engine::Diagnostic>& out) : out_(out) {}

    void add(engine::SourceLocation where, const std::string& message);

    bool empty() const { return out_.empty(); }
    std::size_t size() const { return out_.size(); }

    // The cleaned-up form of a libxml2 (or any) message.
    static std::string clean(const std::string& message);

private:
    std::vector<engine::Diagnostic>& out_;
};

}  // namespace qujat::xml
