#pragma once

#include <optional>
#include <string>

#include "qujat/engine/Status.h"

namespace qujat::crypto {

// id-aa-signatureTimeStampToken (RFC 3161 Appendix A, CAdES-T): the unsigned attribute of
// a SignerInfo holding a timestamp token over that SignerInfo's signature value.
inline constexpr const char* kSignatureTimeStampOid = "1.2.840.113549.1.9.16.2.14";

// The imprint a signature timestamp must stamp: the raw SHA-256 (32 bytes) of the
// signature value (the SignerInfo's `signature` OCTET STRING contents) of a DER CMS
// SignedData with exactly one signer (detached or not). Returns kInvalidArgument when the
// input is not such a CMS. Thread-safe.
[[nodiscard]] engine::Result<std::string> signatureTimeStampImprint(const std::string& cmsDer);

// Returns `cmsDer` with `tokenDer` (a DER TimeStampToken) added to its one SignerInfo as
// the unsigned attribute id-aa-signatureTimeStampToken, re-encoded as DER. The signed part
// is kept: the signed attributes, the signature value, the content type and the (absent or
// present) content compare equal before and after, and when the CMS carries the signer's
// certificate the signature over the signed attributes is verified again on the result.
// The token's imprint must be signatureTimeStampImprint(cmsDer): its trust is NOT judged
// (use TimeStampVerifier). Returns kInvalidArgument for a malformed CMS or token,
// kFailedPrecondition when the token stamps another value, kAlreadyExists when the
// signer already has a signature timestamp, kInternal if re-encoding changed the signed
// part. Thread-safe.
[[nodiscard]] engine::Result<std::string> addSignatureTimeStamp(const std::string& cmsDer, const std::string& tokenDer);

// The DER TimeStampToken in the one SignerInfo's id-aa-signatureTimeStampToken attribute,
// or nullopt when there is none (the first one when several). Returns kInvalidArgument for
// a malformed CMS or an attribute whose value is not a SEQUENCE. The token is returned as
// stored, unverified. Thread-safe.
[[nodiscard]] engine::Result<std::optional<std::string>> extractSignatureTimeStamp(const std::string& cmsDer);

}  // namespace qujat::crypto
