#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "qujat/engine/Document.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/ports/Hasher.h"
#include "qujat/engine/ports/Store.h"

namespace qujat::engine {

// What happened, before it is placed in the chain.
struct AuditDraft {
    std::string actor;
    std::string action;
    std::string subject;
    std::map<std::string, std::string> details;
};

// The hash of the event before the first one.
extern const char* const kAuditGenesisHash;

// A JSON object with keys in byte order and RFC 8259 escaping: one byte sequence for a
// given map, so it can be hashed as stored.
std::string canonicalJson(const std::map<std::string, std::string>& object);

// SHA-256 over the previous hash and a length-prefixed encoding of every other field of
// `event` except `hash` itself. Changing any byte of any field changes it.
std::string auditEventHash(const AuditEvent& event, const Hasher& hasher);

// Appends `draft` to the chain inside the caller's transaction: next seq, prevHash of the
// current last event, own hash. Returns the stored event.
Result<AuditEvent> appendAudit(StoreWriter& writer, const Hasher& hasher, const AuditDraft& draft, Millis now);

struct AuditVerification {
    std::int64_t events = 0;                   // events checked
    std::optional<std::int64_t> firstBadSeq;   // the first event that does not match
    std::string problem;                       // what is wrong with it; empty when intact
    std::int64_t headSeq = 0;
    std::string headHash;
    bool intact() const { return problem.empty(); }
};

// Recomputes the whole chain: seq numbers 1..n without gaps, every prevHash equal to the
// hash before it, every hash equal to its recomputation, and the recorded head equal to
// the last event. Edited, deleted, inserted or reordered rows are all reported by the first
// seq where the chain breaks. Returns a status only for storage failures.
Result<AuditVerification> verifyAuditChain(StoreReader& reader, const Hasher& hasher);

}  // namespace qujat::engine
