#pragma once

#include <map>
#include <string>

#include "qujat/engine/Status.h"
#include "qujat/engine/Workflow.h"

namespace qujat::engine {

// Checks a document's fields against its workflow: every required field present and
// non-empty, no field the workflow does not declare, each value valid for its type
// (integer within min/max, real calendar date YYYY-MM-DD, "true"/"false", an enum option,
// text within max-length code points and valid UTF-8). kInvalidArgument names the field.
Status validateFields(const WorkflowDefinition& workflow, const std::map<std::string, std::string>& fields);

}  // namespace qujat::engine
