#pragma once

#include "Args.h"
#include "Context.h"

namespace qujat::cli {

// qujat doc export ID --out FILE.zip: writes the evidence package of one document, as
// --as may see it (docs/evidence.md). `args` as runDoc passes them: positionals
// "export", ID. Exit 0, or the code of the failure (4 for a document not visible).
int runDocExport(Context& ctx, const Args& args);

// qujat verify-package FILE.zip: checks an evidence package offline, without a data
// directory. Exit 0 when every check passed, 11 (data loss) when any failed, 3 when the
// file is not an evidence package (not a ZIP, a hostile one, no manifest).
int runVerifyPackage(Context& ctx, const Args& args);

}  // namespace qujat::cli
