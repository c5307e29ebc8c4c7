#pragma once

#include <string>

#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"
#include "qujat/evidence/Archive.h"
#include "qujat/evidence/PackageVerification.h"

namespace qujat::evidence {

// Verifies an evidence package offline, from its own contents alone:
//  * every file against SHA256SUMS and manifest.json (none missing, none added, none changed);
//  * every version's bytes against the SHA-256 the engine recorded;
//  * the trust files (they load; ca-bundle.pem is exactly them);
//  * each signature's timestamp (TimeStampVerifier; the .tst and signature value files are
//    the ones inside the .p7s) and the signature itself (CadesVerifier, over the version it
//    names, against the package's trust files), both judged at the time the package's
//    revocation data speaks for: the timestamp's genTime, or the newest CRL's thisUpdate
//    when that is later. So a certificate that has expired or a CRL that has gone stale
//    since does not spoil a signature proven to exist while they were valid. A signing
//    time (the signer's claim, at which certificates are judged) more than a day before
//    the timestamp, or after it, fails;
//  * each audit event's hash (auditEventHash), the links between consecutive events, and
//    that the events record every version and every signature;
//  * that the whole audit chain was intact when the package was exported.
// `now` bounds how far in the future a timestamp may lie. Returns the verification (check
// passed() / firstFailure()) for any package, however tampered; an error only for bytes
// that are not a Qujat evidence package at all: kInvalidArgument for what readArchive
// refuses under `limits` (hostile or malformed ZIP) and for an archive with neither
// manifest.json nor SHA256SUMS; kInternal when a temporary directory cannot be made.
// Thread-safe.
[[nodiscard]] engine::Result<PackageVerification> verifyPackage(const std::string& zip, engine::Millis now,
                                                                const ArchiveLimits& limits = {});

}  // namespace qujat::evidence
