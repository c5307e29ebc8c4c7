#include "qujat/engine/AuditChain.h"

#include "qujat/engine/Encoding.h"

namespace qujat::engine {

const char* const kAuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

namespace {

// Each field as "<byte length>:<bytes>\n", so no choice of field contents can make two
// different events encode alike.
void appendField(std::string& out, const std::string& value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

}  // namespace

std::string canonicalJson(const std::map<std::string, std::string>& object) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, value] : object) {
        if (!first) out += ',';
        first = false;
        out += jsonString(key);
        out += ':';
        out += jsonString(value);
    }
    out += '}';
    return out;
}

std::string auditEventHash(const AuditEvent& e, const Hasher& hasher) {
    std::string encoded = "qujat.audit.v1\n";
    appendField(encoded, e.prevHash);
    appendField(encoded, std::to_string(e.seq));
    appendField(encoded, std::to_string(e.time));
    appendField(encoded, e.actor);
    appendField(encoded, e.action);
    appendField(encoded, e.subject);
    appendField(encoded, e.details);
    return hasher.sha256Hex(encoded);
}

Result<AuditEvent> appendAudit(StoreWriter& writer, const Hasher& hasher, const AuditDraft& draft, Millis now) {
    QUJAT_ASSIGN_OR_RETURN(std::optional<AuditEvent> last, writer.lastAuditEvent());
    QUJAT_ASSIGN_OR_RETURN(auto head, writer.auditHead());
    AuditEvent e;
    // Chain from the recorded head, not from the last row: if rows were deleted from the
    // end, the new event still links to what was there, so the gap stays visible.
    if (head) {
        e.seq = head->first + 1;
        e.prevHash = head->second;
    } else {
        e.seq = last ? last->seq + 1 : 1;
        e.prevHash = last ? last->hash : kAuditGenesisHash;
    }
    // Time never runs backwards along the chain, even if the wall clock does.
    e.time = last && last->time > now ? last->time : now;
    e.actor = draft.actor;
    e.action = draft.action;
    e.subject = draft.subject;
    e.details = canonicalJson(draft.details);
    e.hash = auditEventHash(e, hasher);
    QUJAT_RETURN_IF_ERROR(writer.appendAuditEvent(e));
    return e;
}

Result<AuditVerification> verifyAuditChain(StoreReader& reader, const Hasher& hasher) {
    AuditVerification v;
    std::string prevHash = kAuditGenesisHash;
    std::int64_t expectedSeq = 1;
    Millis prevTime = 0;
    auto fail = [&v](std::int64_t seq, std::string problem) {
        v.firstBadSeq = seq;
        v.problem = std::move(problem);
        return aborted("stop");  // ends the scan; not an error of the verification itself
    };
    Status scan = reader.forEachAuditEvent([&](const AuditEvent& e) -> Status {
        if (e.seq != expectedSeq)
            return fail(expectedSeq, e.seq > expectedSeq
                                         ? "event " + std::to_string(expectedSeq) + " is missing (next present is " +
                                               std::to_string(e.seq) + ")"
                                         : "event " + std::to_string(e.seq) + " appears out of order");
        if (e.prevHash != prevHash)
            return fail(e.seq, "event " + std::to_string(e.seq) +
                                   " does not link to the event before it (previous-hash mismatch)");
        if (auditEventHash(e, hasher) != e.hash)
            return fail(e.seq, "event " + std::to_string(e.seq) + " was altered after it was written (hash mismatch)");
        if (e.time < prevTime)
            return fail(e.seq, "event " + std::to_string(e.seq) + " is dated before the event preceding it");
        prevHash = e.hash;
        prevTime = e.time;
        ++expectedSeq;
        ++v.events;
        v.headSeq = e.seq;
        v.headHash = e.hash;
        return Status::ok();
    });
    if (!scan.isOk() && v.problem.empty()) return scan;
    if (!v.intact()) return v;

    QUJAT_ASSIGN_OR_RETURN(auto head, reader.auditHead());
    const std::int64_t recordedSeq = head ? head->first : 0;
    if (recordedSeq != v.headSeq || (head && head->second != v.headHash)) {
        v.firstBadSeq = v.headSeq + 1;
        v.problem = recordedSeq > v.headSeq
                        ? "the chain ends at event " + std::to_string(v.headSeq) + " but its recorded head is event " +
                              std::to_string(recordedSeq) + ": events were removed from the end"
                        : "the recorded head does not match the last event " + std::to_string(v.headSeq);
    }
    return v;
}

}  // namespace qujat::engine
