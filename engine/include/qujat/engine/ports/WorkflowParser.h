#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qujat/engine/Workflow.h"

namespace qujat::engine {

// The outcome of reading one workflow file: a definition, or every problem found.
struct ParsedWorkflow {
    std::optional<WorkflowDefinition> definition;   // set only when diagnostics is empty
    std::vector<Diagnostic> diagnostics;
};

// Turns workflow XML into a definition (syntax and schema only; semantics are checked by
// WorkflowValidator). Never touches the network or any file; refuses DTDs and entities.
// Thread-safe.
class WorkflowParser {
public:
    virtual ~WorkflowParser() = default;
    // `sourceName` is used in diagnostics (usually the file name).
    virtual ParsedWorkflow parse(std::string_view xml, const std::string& sourceName) const = 0;
    // Reads the role catalogue (workflows/roles.xml) the same way.
    virtual std::vector<RoleDef> parseRoles(std::string_view xml, const std::string& sourceName,
                                            std::vector<Diagnostic>& diagnostics) const = 0;
};

}  // namespace qujat::engine
