#include <openssl/asn1.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "CmsTools.h"
#include "support/DevPki.h"
#include "support/StatusMatchers.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/CadesVerifier.h"

using namespace qujat;
using namespace qujat::test;

namespace {

const std::string kDocument = "Protocol No. 12\n";

std::string validSignature() {
    const crypto::SigningIdentity id = DevPki::shared().identity("secretary.ppo-00001");
    auto signature = crypto::CadesSigner().signDetached(kDocument, id.key, id.certificate, id.chain);
    REQUIRE_OK(signature);
    return *signature;
}

// Offsets of the first length octet of every TLV in `der` (recursing into constructed ones).
void lengthOffsets(const std::string& der, std::size_t from, std::size_t to, std::vector<std::size_t>& out) {
    std::size_t at = from;
    while (at < to) {
        const auto* start = reinterpret_cast<const unsigned char*>(der.data()) + at;
        const unsigned char* p = start;
        long length = 0;
        int tag = 0, cls = 0;
        const int flags = ASN1_get_object(&p, &length, &tag, &cls, static_cast<long>(to - at));
        if (flags & 0x80) return;
        out.push_back(at + 1);  // low tag numbers only: a CMS signature has no others
        const std::size_t content = at + static_cast<std::size_t>(p - start);
        if (flags & V_ASN1_CONSTRUCTED) lengthOffsets(der, content, content + static_cast<std::size_t>(length), out);
        at = content + static_cast<std::size_t>(length);
    }
}

}  // namespace

TEST_CASE("hostile DER never crashes the verifier and is a FORMAT_FAILURE", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    crypto::CadesVerifier verifier(pki.openTrust());
    const std::string good = validSignature();
    REQUIRE(verifyNow(verifier, good, kDocument).passed());

    SECTION("every truncation") {
        for (std::size_t n = 0; n < good.size(); ++n) {
            INFO("first " << n << " bytes");
            CHECK_VERDICT(verifyNow(verifier, good.substr(0, n), kDocument), kFailed, kFormatFailure);
        }
    }

    SECTION("random bytes, with and without a SEQUENCE header") {
        std::mt19937 random(7);
        for (int i = 0; i < 200; ++i) {
            std::string bytes(1 + random() % 600, '\0');
            for (char& c : bytes) c = static_cast<char>(random());
            if (i % 2) bytes = std::string("\x30\x82\x02\x00", 4) + bytes;
            CHECK_VERDICT(verifyNow(verifier, bytes, kDocument), kFailed, kFormatFailure);
        }
    }

    SECTION("nested garbage and huge length fields") {
        std::string indefinite;
        for (int i = 0; i < 5000; ++i) indefinite += "\x30\x80";
        std::string definite = "\x05";
        definite.insert(0, 1, '\x00');
        for (int i = 0; i < 2000; ++i) {
            const std::size_t length = definite.size();
            std::string header = "\x30";
            if (length < 128) header += static_cast<char>(length);
            else header += std::string("\x82", 1) + static_cast<char>(length >> 8) + static_cast<char>(length & 0xff);
            definite = header + definite;
        }
        const std::vector<std::string> cases = {
            indefinite,
            definite,
            std::string("\x30\x84\x7f\xff\xff\xff", 6) + good,
            std::string("\x30\x88\xff\xff\xff\xff\xff\xff\xff\xff", 10) + good.substr(4),
            std::string("\x30\x80", 2) + good + std::string("\x00\x00", 2),
            std::string("\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02", 11),
            std::string(5 * 1024 * 1024, '\x30'),
        };
        for (const std::string& bytes : cases) CHECK_VERDICT(verifyNow(verifier, bytes, kDocument), kFailed, kFormatFailure);
    }
}

TEST_CASE("2,000 mutations of a valid signature never crash and never pass", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    crypto::CadesVerifier verifier(pki.openTrust());
    // One signature from CadesSigner (with the issuing CA embedded), one from openssl cms -cades.
    const std::string signatures[2] = {validSignature(), opensslSignAs("secretary.ppo-00001", kDocument)};
    std::vector<std::size_t> lengths[2];
    for (int k = 0; k < 2; ++k) {
        REQUIRE(verifyNow(verifier, signatures[k], kDocument).passed());
        lengthOffsets(signatures[k], 0, signatures[k].size(), lengths[k]);
        REQUIRE(lengths[k].size() > 50);
    }

    std::mt19937 random(20261127);
    std::map<std::string, int> outcomes;
    int passed = 0;
    for (int i = 0; i < 2000; ++i) {
        const std::string& good = signatures[(i / 4) % 2];
        const std::vector<std::size_t>& offsets = lengths[(i / 4) % 2];
        std::string mutated = good;
        switch (i % 4) {
            case 0:
            case 1: {  // one to three bit flips
                const int flips = 1 + static_cast<int>(random() % 3);
                for (int f = 0; f < flips; ++f) mutated[random() % mutated.size()] ^= static_cast<char>(1u << (random() % 8));
                break;
            }
            case 2: {  // a length octet changed: off by one, long form, indefinite, huge
                const std::size_t at = offsets[random() % offsets.size()];
                static const unsigned char kEdits[] = {0x00, 0x7f, 0x80, 0x81, 0x84, 0xff};
                const unsigned choice = random() % 8;
                if (choice < 6) mutated[at] = static_cast<char>(kEdits[choice]);
                else mutated[at] = static_cast<char>(mutated[at] + (choice == 6 ? 1 : -1));
                break;
            }
            default: {  // truncated, or a slice removed
                const std::size_t at = random() % mutated.size();
                if (random() % 2) mutated.resize(at);
                else mutated.erase(at, 1 + random() % 16);
                break;
            }
        }
        if (mutated == good) continue;
        auto report = verifier.verify(mutated, kDocument, {}, nowMillis());
        REQUIRE(report.isOk());
        if (report->passed()) {
            ++passed;
            UNSCOPED_INFO("mutation " << i << " passed");
        }
        ++outcomes[std::string(crypto::indicationName(report->indication)) + "/" +
                   crypto::subIndicationName(report->subIndication)];
    }
    for (const auto& [outcome, count] : outcomes) UNSCOPED_INFO(outcome << ": " << count);
    CHECK(passed == 0);
    CHECK(outcomes.size() > 3);
}
