#pragma once

#include <cstdint>
#include <string>

#include "qujat/engine/Document.h"
#include "qujat/engine/Signature.h"

// Where each part of an evidence package lies inside the archive (docs/evidence.md).
// Every name these functions return is isSafeArchiveName.
namespace qujat::evidence::layout {

inline constexpr const char* kFormat = "qujat-evidence/1";
inline constexpr const char* kReadme = "README.md";
inline constexpr const char* kManifest = "manifest.json";
inline constexpr const char* kChecksums = "SHA256SUMS";
inline constexpr const char* kEvents = "audit/events.jsonl";
inline constexpr const char* kCaBundle = "ca-bundle.pem";
inline constexpr const char* kTrustDir = "trust/";

// `text` (UTF-8) reduced to a safe file name: ASCII letters, digits, '.', '-', '_' kept,
// Russian and Kazakh Cyrillic letters transliterated, any other run of characters replaced
// by one '_', no leading dot or '_', at most 80 bytes (the extension kept); `fallback` when
// nothing is left.
std::string safeFileName(const std::string& text, const std::string& fallback);

// "versions/v2-protocol.txt"
std::string versionFile(const engine::Version& version);
// "12-chairman.ppo-00001-v2": what names the files of one signature.
std::string signatureStem(const engine::SignatureRecord& signature);
// "signatures/<stem>.p7s", "signatures/<stem>.signature-value.bin", "timestamps/<stem>.tst"
std::string signatureFile(const engine::SignatureRecord& signature);
std::string signatureValueFile(const engine::SignatureRecord& signature);
std::string timestampFile(const engine::SignatureRecord& signature);
// "trust/<safe name>"
std::string trustFile(const std::string& name);

}  // namespace qujat::evidence::layout
