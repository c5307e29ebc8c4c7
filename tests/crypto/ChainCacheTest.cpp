#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "CmsTools.h"
#include "support/DevPki.h"
#include "support/StatusMatchers.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/CadesVerifier.h"

using namespace qujat;
using namespace qujat::test;

namespace {

constexpr engine::Millis kDay = 24LL * 60 * 60 * 1000;

std::string signAs(const std::string& login, const std::string& content) {
    const crypto::SigningIdentity id = DevPki::shared().identity(login);
    auto signature = crypto::CadesSigner().signDetached(content, id.key, id.certificate, id.chain);
    REQUIRE_OK(signature);
    return *signature;
}

}  // namespace

TEST_CASE("validated chains are reused until the trust store changes", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    const std::string document = "Report for Q3\n";

    SECTION("a second verification of the same signer does not build the chain again") {
        crypto::CadesVerifier verifier(pki.openTrust());
        const std::string first = signAs("registrar.ast-01", document);
        const std::string second = signAs("registrar.ast-01", document + "v2");
        CHECK_VERDICT(verifyNow(verifier, first, document), kPassed, kNone);
        CHECK(verifier.chainCache()->stats().misses == 1);
        CHECK(verifier.chainCache()->stats().insertions == 1);
        CHECK_VERDICT(verifyNow(verifier, second, document + "v2"), kPassed, kNone);
        CHECK(verifier.chainCache()->stats().hits == 1);
        CHECK(verifier.chainCache()->stats().misses == 1);
        CHECK_VERDICT(verifyNow(verifier, signAs("chairman.ast-01", document), document), kPassed, kNone);
        CHECK(verifier.chainCache()->stats().misses == 2);
        CHECK(verifier.chainCache()->size() == 2);
    }

    SECTION("a cached chain is still judged at each signing time and each now") {
        crypto::CadesVerifier verifier(pki.openTrust());
        const std::string signature = signAs("registrar.ast-01", document);
        CHECK_VERDICT(verifyNow(verifier, signature, document), kPassed, kNone);
        CHECK_VERDICT(verifyNow(verifier, signature, document, {}, nowMillis() + 31 * kDay), kIndeterminate, kTryLater);
        CHECK(verifier.chainCache()->stats().hits == 1);
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("expired.user", document), document), kFailed, kExpired);
        CHECK_VERDICT(verifyNow(verifier, opensslSignAs("expired.user", document), document), kFailed, kExpired);
        CHECK(verifier.chainCache()->stats().hits == 2);
    }

    SECTION("failed validations are not cached") {
        crypto::CadesVerifier verifier(pki.openTrust());
        const std::string signature = opensslSignAs("revoked.user", document);
        CHECK_VERDICT(verifyNow(verifier, signature, document), kFailed, kRevoked);
        CHECK_VERDICT(verifyNow(verifier, signature, document), kFailed, kRevoked);
        CHECK(verifier.chainCache()->stats().insertions == 0);
    }

    SECTION("a new CRL (a new trust generation) makes a now-revoked certificate fail") {
        TempDir tmp;
        const std::string copy = tmp.file("pki");
        pki.copyTo(copy);
        auto trust = crypto::TrustStore::open(copy + "/trust");
        REQUIRE_OK(trust);
        crypto::CadesVerifier verifier(*trust);
        const std::string signature = signAs("secretary.ppo-00001", document);
        CHECK_VERDICT(verifyNow(verifier, signature, document), kPassed, kNone);
        CHECK_VERDICT(verifyNow(verifier, signature, document), kPassed, kNone);
        const std::uint64_t before = (*trust)->generation();

        REQUIRE_OK((*trust)->reload());
        CHECK((*trust)->generation() == before);

        const CommandResult revoked = runCommand(shellQuote(QUJAT_SOURCE_DIR "/certs/make-dev-pki.sh") +
                                                 " --test-users --revoke secretary.ppo-00001 " + shellQuote(copy));
        INFO(revoked.output);
        REQUIRE(revoked.exitCode == 0);
        // Still cached: the store has not been told.
        CHECK_VERDICT(verifyNow(verifier, signature, document), kPassed, kNone);
        REQUIRE_OK((*trust)->reload());
        CHECK((*trust)->generation() != before);
        CHECK_VERDICT(verifyNow(verifier, signature, document), kFailed, kRevoked);
        CHECK(verifier.chainCache()->stats().hits == 2);
        CHECK(verifier.chainCache()->stats().misses == 2);
    }

    SECTION("the cache evicts the least recently used chain when full") {
        crypto::ChainCache cache(2);
        const crypto::CachedChain chain{{pki.certificate("registrar.ast-01")}, {}};
        cache.insert({"a", 1, true}, chain);
        cache.insert({"b", 1, true}, chain);
        CHECK(cache.find({"a", 1, true}));
        cache.insert({"c", 1, true}, chain);
        CHECK(cache.find({"a", 1, true}));
        CHECK_FALSE(cache.find({"b", 1, true}));
        CHECK_FALSE(cache.find({"a", 2, true}));
        CHECK_FALSE(cache.find({"a", 1, false}));
        CHECK(cache.stats().evictions == 1);
    }
}

TEST_CASE("one verifier serves many threads at once", "[crypto]") {
    const DevPki& pki = DevPki::shared();
    crypto::CadesVerifier verifier(pki.openTrust());
    const std::vector<std::string> logins = {"chairman.ppo-00001", "secretary.ppo-00001", "registrar.ast-01",
                                             "bureau-member-1.ast-01"};
    std::vector<std::string> signatures;
    for (const std::string& login : logins) signatures.push_back(signAs(login, "doc " + login));

    std::atomic<int> passed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                const std::size_t k = static_cast<std::size_t>(t + i) % logins.size();
                auto report = verifier.verify(signatures[k], "doc " + logins[k], {}, nowMillis());
                if (report.isOk() && report->passed()) ++passed;
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(passed == 8 * 25);
    CHECK(verifier.chainCache()->size() == logins.size());
}
