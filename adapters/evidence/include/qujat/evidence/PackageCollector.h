#pragma once

#include <string>

#include "qujat/engine/Service.h"
#include "qujat/engine/Status.h"
#include "qujat/evidence/PackageWriter.h"

namespace qujat::evidence {

// Gathers the evidence package of document `id` as `viewer` may see it: the document view,
// every version's and signature's bytes, its audit events, the whole chain verified now,
// and the certificate and CRL files (*.pem, *.crt, *.cer, *.der, *.crl) of
// `trustDirectory` (a data directory's trust/). Returns the Service's kNotFound for a
// document the viewer may not see; kFailedPrecondition when the document has signatures
// but `trustDirectory` holds no trust files (the package could not be verified);
// kUnavailable when a trust file cannot be read. Thread-safe as the Service is.
[[nodiscard]] engine::Result<PackageInput> collectPackage(engine::Service& service, const engine::Viewer& viewer,
                                                          engine::DocumentId id, const std::string& trustDirectory,
                                                          engine::Millis exportedAt, const std::string& exportedBy);

}  // namespace qujat::evidence
