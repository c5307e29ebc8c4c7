#pragma once

#include <string>
#include <vector>

#include "qujat/engine/Workflow.h"
#include "qujat/engine/ports/WorkflowParser.h"

namespace qujat::engine {

// Reads one workflow file and reports every problem: syntax and schema (from the parser),
// then semantics (WorkflowValidator). The definition is set only when there are none.
ParsedWorkflow checkWorkflowSource(const WorkflowParser& parser, const std::string& xml,
                                            const std::string& sourceName, const std::vector<RoleDef>& roles);

}  // namespace qujat::engine
