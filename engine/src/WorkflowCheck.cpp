#include "qujat/engine/WorkflowCheck.h"

#include "qujat/engine/WorkflowValidator.h"

namespace qujat::engine {

ParsedWorkflow checkWorkflowSource(const WorkflowParser& parser, const std::string& xml,
                                            const std::string& sourceName, const std::vector<RoleDef>& roles) {
    ParsedWorkflow parsed = parser.parse(xml, sourceName);
    if (!parsed.definition) return parsed;
    parsed.diagnostics = validateWorkflow(*parsed.definition, roles);
    if (!parsed.diagnostics.empty()) parsed.definition.reset();
    return parsed;
}

}  // namespace qujat::engine
