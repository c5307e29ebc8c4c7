#pragma once

#include <vector>

#include "qujat/engine/Workflow.h"

namespace qujat::engine {

// The semantic checks a schema cannot express. Returns every problem, each at the
// location of the construct at fault; empty means the definition is complete:
// unique step ids; every reference (next, on-reject, branch targets) names a step; the
// first step is a submit step; every step is reachable from it; every path reaches an end;
// quorum k between 1 and the number of seats (each-seats count as unknown n >= 1);
// every role named exists in `roles`; register steps have a pattern with exactly one
// {seq:N}; branch fields are declared; field constraints are consistent.
std::vector<Diagnostic> validateWorkflow(const WorkflowDefinition& workflow, const std::vector<RoleDef>& roles);

}  // namespace qujat::engine
