// Mutation corpus: ~1,000 corruptions of a valid token, and a few hundred of a stamped
// CMS, through the verifier and the CMS helpers. None may crash (run under ASan + UBSan
// too); any mutation the verifier accepts must say exactly what the original says.

#include <openssl/evp.h>

#include <random>

#include "TestPki.h"
#include "qujat/crypto/TimeStampCms.h"
#include "qujat/crypto/TimeStampVerifier.h"
#include "support/StatusMatchers.h"

using namespace qujat;
using namespace qujat::test;
using engine::StatusCode;

namespace {

// One random corruption: bit flip, byte overwrite, truncation, insertion, deletion, a
// length byte set to an extreme, or a chunk duplicated.
std::string mutate(const std::string& input, std::mt19937& random) {
    std::string out = input;
    auto position = [&](std::size_t size) {
        return std::uniform_int_distribution<std::size_t>(0, size == 0 ? 0 : size - 1)(random);
    };
    auto byte = [&] { return static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random)); };
    switch (std::uniform_int_distribution<int>(0, 6)(random)) {
        case 0: {
            const std::size_t at = position(out.size());
            out[at] = static_cast<char>(out[at] ^ (1 << std::uniform_int_distribution<int>(0, 7)(random)));
            break;
        }
        case 1: out[position(out.size())] = byte(); break;
        case 2: out.resize(position(out.size())); break;
        case 3: out.insert(out.begin() + static_cast<std::ptrdiff_t>(position(out.size())), byte()); break;
        case 4: out.erase(out.begin() + static_cast<std::ptrdiff_t>(position(out.size()))); break;
        case 5: {
            static const unsigned char kLengths[] = {0x00, 0x7f, 0x80, 0x81, 0x84, 0xff};
            out[position(out.size())] = static_cast<char>(kLengths[position(sizeof kLengths)]);
            break;
        }
        default: {
            const std::size_t from = position(out.size());
            const std::size_t length = std::min<std::size_t>(out.size() - from, 1 + position(64));
            out.insert(position(out.size()), out.substr(from, length));
            break;
        }
    }
    return out;
}

bool isRefusal(StatusCode code) { return code == StatusCode::kInvalidArgument || code == StatusCode::kFailedPrecondition; }

}  // namespace

TEST_CASE("a thousand mutations of a token never crash the verifier and are never wrongly accepted", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    auto imprint = crypto::signatureTimeStampImprint(pki.file("doc.p7s"));
    REQUIRE_OK(imprint);
    auto token = pki.localTsa("tsa")->stamp(*imprint);
    REQUIRE_OK(token);
    crypto::TimeStampTrust trust;
    trust.anchorPems = {pki.pem("ca")};
    crypto::TimeStampVerifier verifier;
    auto original = verifier.verify(*token, *imprint, trust, pki.now());
    REQUIRE_OK(original);

    std::mt19937 random(20261127);
    int accepted = 0;
    int unexpectedCodes = 0;
    int wronglyAccepted = 0;
    std::string report;
    for (int i = 0; i < 1000; ++i) {
        std::string mutated = mutate(*token, random);
        if (i % 10 == 0) mutated = mutate(mutated, random);  // some with two corruptions
        if (mutated == *token) continue;
        auto info = verifier.verify(mutated, *imprint, trust, pki.now());
        if (info.isOk()) {
            // Only bytes outside what is signed (e.g. the outer digestAlgorithms) may change.
            ++accepted;
            if (info->genTime != original->genTime || info->serial != original->serial ||
                info->policyOid != original->policyOid || info->tsaSubject != original->tsaSubject)
                ++wronglyAccepted;
        } else if (!isRefusal(info.status().code())) {
            ++unexpectedCodes;
            report += "mutation " + std::to_string(i) + ": " + info.status().toString() + "\n";
        }
    }
    INFO(accepted << " of 1000 mutations were accepted (unsigned bytes)");
    INFO(report);
    CHECK(wronglyAccepted == 0);
    CHECK(unexpectedCodes == 0);
    CHECK(accepted < 50);

    SECTION("random bytes of every small length are malformed") {
        for (int length = 0; length < 200; ++length) {
            std::string bytes;
            for (int j = 0; j < length; ++j) bytes += static_cast<char>(random() & 0xff);
            if (length > 0) bytes[0] = '\x30';  // look like a SEQUENCE
            auto info = verifier.verify(bytes, *imprint, trust, pki.now());
            CHECK_CODE(info, StatusCode::kInvalidArgument);
        }
    }
}

TEST_CASE("mutations of a stamped CMS never crash the signature-timestamp helpers", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    const std::string p7s = pki.file("doc.p7s");
    auto imprint = crypto::signatureTimeStampImprint(p7s);
    REQUIRE_OK(imprint);
    auto token = pki.localTsa("tsa")->stamp(*imprint);
    REQUIRE_OK(token);
    auto stamped = crypto::addSignatureTimeStamp(p7s, *token);
    REQUIRE_OK(stamped);

    std::mt19937 random(7);
    int internalErrors = 0;
    std::string report;
    for (int i = 0; i < 300; ++i) {
        const std::string mutatedStamped = mutate(*stamped, random);
        const std::string mutatedPlain = mutate(p7s, random);
        auto extracted = crypto::extractSignatureTimeStamp(mutatedStamped);
        auto mutatedImprint = crypto::signatureTimeStampImprint(mutatedPlain);
        auto added = crypto::addSignatureTimeStamp(mutatedPlain, *token);
        auto addedMutatedToken = crypto::addSignatureTimeStamp(p7s, mutate(*token, random));
        for (const engine::Status& status : {extracted.isOk() ? engine::Status::ok() : extracted.status(),
                                             mutatedImprint.isOk() ? engine::Status::ok() : mutatedImprint.status(),
                                             added.isOk() ? engine::Status::ok() : added.status(),
                                             addedMutatedToken.isOk() ? engine::Status::ok() : addedMutatedToken.status()}) {
            if (status.code() == StatusCode::kInternal) {
                ++internalErrors;
                report += "mutation " + std::to_string(i) + ": " + status.toString() + "\n";
            }
        }
        // Whatever was added to a corrupted-but-parsable CMS comes back out unchanged.
        if (added.isOk()) {
            auto back = crypto::extractSignatureTimeStamp(*added);
            REQUIRE_OK(back);
            CHECK(back->value_or("") == *token);
        }
    }
    INFO(report);
    CHECK(internalErrors == 0);
}

TEST_CASE("mutated requests to the local TSA get a response or a clear status, never a crash", "[timestamp]") {
    const TestPki& pki = TestPki::shared();
    REQUIRE(pki.run("openssl ts -query -data doc.txt -sha256 -cert -out fuzz.tsq").exitCode == 0);
    const std::string request = pki.file("fuzz.tsq");
    auto tsa = pki.localTsa("revokedtsa");  // an EC key: fast
    std::mt19937 random(3161);
    int failures = 0;
    std::string report;
    for (int i = 0; i < 300; ++i) {
        auto response = tsa->respond(mutate(request, random));
        if (!response.isOk()) {
            ++failures;
            report += "mutation " + std::to_string(i) + ": " + response.status().toString() + "\n";
        }
    }
    INFO(report);
    CHECK(failures == 0);
}
