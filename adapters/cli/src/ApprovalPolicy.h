#pragma once

#include <memory>
#include <string>

#include "qujat/engine/ports/ApprovalCheck.h"
#include "qujat/engine/ports/Clock.h"
#include "qujat/engine/ports/Store.h"

namespace qujat::cli {

// Where a data directory keeps what signature checking needs (filled by `qujat init --pki`):
//   DATA/trust/   trust anchors, intermediate CAs and CRLs (PEM)
//   DATA/tsa/     key.pem, cert.pem, chain.pem of the engine's own time-stamping authority
std::string trustDirectory(const std::string& dataDir);
std::string tsaDirectory(const std::string& dataDir);

// The approval check a data directory asks for: CAdES signatures verified against
// DATA/trust and time-stamped with DATA/tsa, whose tokens are verified against DATA/trust
// too (the report records what they say). Without them every signed approval is refused
// with a message saying how to configure them. `requireSignatures` false accepts approvals
// without signatures (routing tests that are not about signatures). The TSA's serial
// numbers come from a counter in `store`, so they never repeat.
engine::Result<std::unique_ptr<engine::ApprovalCheck>> approvalCheckFor(const std::string& dataDir,
                                                                       bool requireSignatures, engine::Store& store,
                                                                       engine::Clock& clock);

}  // namespace qujat::cli
