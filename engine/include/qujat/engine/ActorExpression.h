#pragma once

#include <string>

#include "qujat/engine/Status.h"
#include "qujat/engine/Workflow.h"

namespace qujat::engine {

// Parses an actor expression as written in workflow XML:
//   role:NAME@ORGREF   ORGREF = origin[.parent]*[.district|.region] | central
//   user:LOGIN
// Returns kInvalidArgument with a message naming the offending part. The caller sets
// `each` and `where`; `text` is set to `text`.
Result<ActorExpr> parseActorExpr(const std::string& text);

}  // namespace qujat::engine
