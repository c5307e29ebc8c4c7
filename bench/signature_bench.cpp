// Signature benchmark: full CAdES verifications per second (CMS, signature, digest,
// signing-certificate-v2, chain, CRL revocation, policy) for an ECDSA P-256 and an RSA-2048
// signer, with a warm and a cold chain cache, on one and two threads, compared in the same
// run with the machine's raw single-verify rate for the same key type (`openssl speed`).
//
//   signature_bench [--pki DIR] [--seconds S] [--repeat R]
//
// --pki DIR    the development PKI to make or reuse (certs/make-dev-pki.sh --test-users;
//              default $TMPDIR/qujat-signature-bench-pki; the script renews its CRLs)
// --seconds S  length of one measurement, ours and `openssl speed -seconds S` (default 1)
// --repeat R   repetitions; every figure is the median of R (default 5)
#include <openssl/opensslv.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "BenchSupport.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/CadesVerifier.h"
#include "qujat/crypto/ChainCache.h"
#include "qujat/crypto/SigningIdentity.h"
#include "qujat/crypto/TrustStore.h"

using namespace qujat;
using namespace qujat::bench;

namespace {

constexpr std::size_t kDocumentBytes = 100 * 1024;

struct Options {
    std::string pki = (std::filesystem::temp_directory_path() / "qujat-signature-bench-pki").string();
    double seconds = 1;
    int repeat = 5;
};

// One key type under test: the signer, what `openssl speed` calls its algorithm, the
// signature made over the document.
struct Subject {
    const char* label;           // "ECDSA P-256"
    const char* login;           // a user of the development PKI
    const char* speedAlgorithm;  // argument of `openssl speed`
    std::string signature;       // DER
};

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "signature_bench: %s\n", message.c_str());
    std::exit(1);
}

template <typename T>
T orDie(engine::Result<T> r, const std::string& what) {
    if (!r.isOk()) die(what + ": " + r.status().toString());
    return std::move(r).value();
}

engine::Millis nowMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) die("cannot read " + path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The 1-minute load average: other work on a shared machine moves every figure.
std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string oneMinute;
    in >> oneMinute;
    return oneMinute.empty() ? "unknown" : oneMinute;
}

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs a shell command and returns its standard output; dies when it fails.
std::string run(const std::string& command) {
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) die("cannot run " + command);
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    if (::pclose(pipe) != 0) die("failed: " + command + "\n" + out);
    return out;
}

// The last number on the last line of `output` that contains `marker`: the verify/s column
// of `openssl speed` for a public-key algorithm, the 'k' (1000 bytes/s) figure for a digest.
double lastNumberOnLine(const std::string& output, const std::string& marker) {
    std::size_t at = output.rfind(marker);
    if (at == std::string::npos) die("unexpected openssl speed output (no '" + marker + "'):\n" + output);
    const std::size_t begin = output.rfind('\n', at) + 1;
    const std::size_t end = output.find('\n', at);
    std::string line = output.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    while (!line.empty() && !std::isdigit(static_cast<unsigned char>(line.back()))) line.pop_back();
    const std::size_t start = line.find_last_not_of("0123456789.");
    return std::atof(line.c_str() + (start == std::string::npos ? 0 : start + 1));
}

// `openssl speed -elapsed` for the key type: raw verifications per second with `processes`
// processes (-multi), on this machine, now. -elapsed divides by wall-clock time, as measure()
// does (without it openssl divides by user CPU time, which hides the other load on a shared
// machine and flatters the raw rate).
double rawVerifyRate(const std::string& algorithm, double seconds, int processes) {
    const std::string multi = processes > 1 ? " -multi " + std::to_string(processes) : "";
    const std::string out = run("openssl speed -elapsed -seconds " + std::to_string(static_cast<int>(seconds + 0.5)) +
                                multi + " " + algorithm + " 2>/dev/null");
    if (algorithm == "rsa2048") return lastNumberOnLine(out, "rsa 2048 bits");
    return lastNumberOnLine(out, "(nist" + algorithm.substr(5) + ")");  // ecdsap256 -> (nistp256)
}

// Raw SHA-256 over one document-sized buffer, in documents per second.
double rawSha256DocumentRate(double seconds) {
    const std::string out = run("openssl speed -elapsed -seconds " + std::to_string(static_cast<int>(seconds + 0.5)) +
                                " -bytes " + std::to_string(kDocumentBytes) + " sha256 2>/dev/null");
    return lastNumberOnLine(out, "sha256") * 1000.0 / kDocumentBytes;
}

struct Run {
    double rate = 0;          // verifications per second, all threads together
    double microseconds = 0;  // wall time of one verification on one thread
};

// Verifies `signature` over `document` for `seconds` on `threads` threads. With a warm cache
// every thread uses `verifier` (its chain cache already holds the signer's chain); cold, each
// verification gets a verifier with a new, empty ChainCache over the same TrustStore.
Run measure(const crypto::CadesVerifier& verifier, const std::string& signature, const std::string& document,
            bool warm, int threads, double seconds) {
    const crypto::VerificationPolicy policy;  // the approval policy: CRLs for the whole chain
    std::atomic<long> total{0};
    std::atomic<bool> failed{false};
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            long n = 0;
            while (Clock::now() < deadline) {
                const engine::Millis now = nowMillis();
                auto report = warm ? verifier.verify(signature, document, policy, now)
                                   : crypto::CadesVerifier(verifier.trustStore(), std::make_shared<crypto::ChainCache>())
                                         .verify(signature, document, policy, now);
                if (!report.isOk() || !report->passed()) failed = true;
                ++n;
            }
            total += n;
        });
    for (auto& th : pool) th.join();
    const double elapsed = secondsSince(start);
    if (failed) die("a verification did not pass during the measurement");
    Run r;
    r.rate = static_cast<double>(total) / elapsed;
    r.microseconds = 1e6 * threads / r.rate;
    return r;
}

struct Series {
    std::vector<double> rates, micros;
    void add(const Run& r) {
        rates.push_back(r.rate);
        micros.push_back(r.microseconds);
    }
    void addRate(double rate, int processes) { add(Run{rate, 1e6 * processes / rate}); }
    double rate() const { return median(rates); }
    double us() const { return median(micros); }
    double low() const { return quantile(rates, 0); }
    double high() const { return quantile(rates, 1); }
};

// The median over repetitions of s/raw, each pair measured back to back: steadier on a noisy
// machine than the ratio of the two medians.
double medianRatio(const Series& s, const Series& raw) {
    std::vector<double> ratios;
    for (std::size_t i = 0; i < s.rates.size() && i < raw.rates.size(); ++i) ratios.push_back(s.rates[i] / raw.rates[i]);
    return median(ratios);
}

void printRow(const char* label, const Series& s, const Series* raw) {
    std::printf("  %-44s %9.0f /s  %8.1f us  [%.0f..%.0f]", label, s.rate(), s.us(), s.low(), s.high());
    if (raw) std::printf("  %5.3fx raw", medianRatio(s, *raw));
    std::printf("\n");
}

// What the machine's primitives cost, measured with `openssl speed` in this run.
struct Primitives {
    double sha256DocumentUs = 0;  // SHA-256 of the whole document
    double p384VerifyUs = 0;      // one ECDSA P-384 verify (the CAs' key type)
};

void benchmark(const Subject& s, const crypto::CadesVerifier& warmVerifier, const std::string& document,
               const Primitives& p, const Options& o) {
    Series raw1, raw2, warm1, warm2, cold1, cold2;
    for (int r = 0; r < o.repeat; ++r) {
        // Interleaved, so drift in the machine's speed affects every series alike.
        raw1.addRate(rawVerifyRate(s.speedAlgorithm, o.seconds, 1), 1);
        raw2.addRate(rawVerifyRate(s.speedAlgorithm, o.seconds, 2), 2);
        warm1.add(measure(warmVerifier, s.signature, document, true, 1, o.seconds));
        warm2.add(measure(warmVerifier, s.signature, document, true, 2, o.seconds));
        cold1.add(measure(warmVerifier, s.signature, document, false, 1, o.seconds));
        cold2.add(measure(warmVerifier, s.signature, document, false, 2, o.seconds));
    }
    std::printf("\n%s signer (%s), signature %zu bytes; median of %d x %.0f s, wall clock [min..max rate]\n",
                s.label, s.login, s.signature.size(), o.repeat, o.seconds);
    printRow(("raw verify, openssl speed " + std::string(s.speedAlgorithm)).c_str(), raw1, nullptr);
    printRow(("raw verify, openssl speed -multi 2 " + std::string(s.speedAlgorithm)).c_str(), raw2, nullptr);
    // The 2-thread rows compare with 2 openssl processes: the machine's 2-core limit.
    printRow("full verification, warm cache, 1 thread", warm1, &raw1);
    printRow("full verification, warm cache, 2 threads", warm2, &raw2);
    printRow("full verification, cold cache, 1 thread", cold1, &raw1);
    printRow("full verification, cold cache, 2 threads", cold2, &raw2);
    const double verifyUs = raw1.us();
    const double cryptoUs = verifyUs + 2 * p.sha256DocumentUs;
    std::printf("  warm/cold (what the chain cache buys)          %.1fx (1 thread), %.1fx (2 threads)\n",
                medianRatio(warm1, cold1), medianRatio(warm2, cold2));
    std::printf("  warm, 1 thread, %.1f us = 1 raw verify %.1f + 2 SHA-256 of the document %.1f + the rest %.1f "
                "(CMS and certificate parsing, checks)\n",
                warm1.us(), verifyUs, 2 * p.sha256DocumentUs, warm1.us() - cryptoUs);
    std::printf("  cold - warm, 1 thread, %.1f us; 5 raw P-384 verifies are %.1f us of it\n", cold1.us() - warm1.us(),
                5 * p.p384VerifyUs);
    const double floorUs = verifyUs + p.sha256DocumentUs;
    std::printf("  floor of any verification, 1 raw verify + 1 SHA-256 of the document: %.1f us = %.0f /s = %.3fx raw\n",
                floorUs, 1e6 / floorUs, verifyUs / floorUs);
    const double ratio = medianRatio(warm1, raw1);
    std::printf("  issue's target, warm >= raw/3 (0.333x): %s (warm, 1 thread, is %.3fx raw)\n",
                ratio >= 1.0 / 3 ? "met" : "NOT met", ratio);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; i += 2) {
        if (i + 1 < argc && !std::strcmp(argv[i], "--pki")) o.pki = argv[i + 1];
        else if (i + 1 < argc && !std::strcmp(argv[i], "--seconds")) o.seconds = std::atof(argv[i + 1]);
        else if (i + 1 < argc && !std::strcmp(argv[i], "--repeat")) o.repeat = std::atoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: signature_bench [--pki DIR] [--seconds S] [--repeat R]\n");
            return 2;
        }
    }
    // `openssl speed -seconds` takes whole seconds.
    if (o.seconds < 1) o.seconds = 1;
    if (o.repeat < 1) o.repeat = 1;

    std::printf("signature benchmark: detached CAdES-B (qujat_crypto) over a %zu-byte document, %s, %u CPUs, "
                "load average %s\n",
                kDocumentBytes, OPENSSL_VERSION_TEXT, std::thread::hardware_concurrency(), loadAverage().c_str());
    const std::string made = run(shellQuote(QUJAT_SOURCE_DIR "/certs/make-dev-pki.sh") + " --test-users " +
                                 shellQuote(o.pki) + " 2>&1");
    std::printf("%s", made.c_str());

    std::string document(kDocumentBytes, '\0');
    std::mt19937 random(20261124);
    for (char& c : document) c = static_cast<char>(random());

    std::vector<Subject> subjects = {{"ECDSA P-256", "secretary.ppo-00001", "ecdsap256", {}},
                                     {"RSA-2048", "rsa.user", "rsa2048", {}}};
    for (Subject& s : subjects) {
        const std::string dir = o.pki + "/users/" + s.login;
        const crypto::SigningIdentity id = orDie(
            crypto::SigningIdentity::fromPem(readFile(dir + "/key.pem"), readFile(dir + "/cert.pem"),
                                             readFile(dir + "/chain.pem")),
            std::string("identity of ") + s.login);
        s.signature = orDie(crypto::CadesSigner().signDetached(document, id.key, id.certificate, id.chain),
                            std::string("signing as ") + s.login);
    }

    const auto trust = orDie(crypto::TrustStore::open(o.pki + "/trust"), "trust directory");
    const crypto::CadesVerifier verifier(trust);
    for (const Subject& s : subjects) {
        const auto report = orDie(verifier.verify(s.signature, document, {}, nowMillis()), "verify");
        if (!report.passed()) die(std::string(s.label) + ": " + report.message);
        std::printf("%s: %s (revocation: %s, %zu certificates in the chain)\n", s.label, report.message.c_str(),
                    report.revocation.c_str(), report.chain.size());
    }

    // The public-key operations were counted with gdb breakpoints on ECDSA_do_verify,
    // X509_verify and X509_CRL_verify around CadesVerifier::verify (OpenSSL 3.0).
    std::printf(
        "\nwhat one full verification is: CadesVerifier::verify(signature, document, VerificationPolicy{}, now)\n"
        "  structure     CMS parse (d2i_CMS_bio) incl. the 2 certificates the signature carries (signer, issuing\n"
        "                CA), each with its public key decoded; DER re-encode comparison; SignedData profile walk\n"
        "  signature     1 public-key verify with the signer's key (CMS_SignerInfo_verify)\n"
        "  digest        SHA-256 of the %zu-byte document, compared with message-digest; then OpenSSL's\n"
        "                CMS_verify as a second opinion digests it again (2 SHA-256 of the document in all)\n"
        "  attributes    signing-certificate-v2 (SHA-256 of the signer's certificate), signing time, commitment\n"
        "  chain, warm   ChainCache hit: 0 public-key operations; validity at the signing time, key usage and CRL\n"
        "                freshness at 'now' re-checked against the cached chain and CRL descriptions\n"
        "  chain, cold   + X509_verify_cert with CRL_CHECK_ALL: 2 certificate signatures (signer <- issuing CA,\n"
        "                issuing CA <- root) + 3 CRL signatures (issuing CA's CRL; the root's CRL for the issuing CA\n"
        "                and again for the root itself) = 5 ECDSA P-384 verifies; trust store and X509_STORE are\n"
        "                not rebuilt (one snapshot per trust generation)\n"
        "  so            warm = 1 verify + 2 SHA-256 of the document; cold = warm + 5 P-384 verifies\n"
        "  not measured  binding the certificate to the approver: a single indexed lookup (IIN or fingerprint)\n"
        "                in the engine's store; this bench has no store\n",
        kDocumentBytes);

    std::vector<double> shaRates, p384Rates;
    for (int r = 0; r < o.repeat; ++r) {
        shaRates.push_back(rawSha256DocumentRate(o.seconds));
        p384Rates.push_back(rawVerifyRate("ecdsap384", o.seconds, 1));
    }
    Primitives primitives;
    primitives.sha256DocumentUs = 1e6 / median(shaRates);
    primitives.p384VerifyUs = 1e6 / median(p384Rates);
    std::printf("\nraw primitives (openssl speed -elapsed, median of %d x %.0f s)\n", o.repeat, o.seconds);
    std::printf("  SHA-256 of the document (-bytes %zu sha256)  %9.1f us  (%.0f MB/s)\n", kDocumentBytes,
                primitives.sha256DocumentUs, kDocumentBytes / primitives.sha256DocumentUs);
    std::printf("  ECDSA P-384 verify (ecdsap384)                  %9.1f us  (%.0f /s)\n", primitives.p384VerifyUs,
                1e6 / primitives.p384VerifyUs);

    for (const Subject& s : subjects) benchmark(s, verifier, document, primitives, o);
    const crypto::ChainCache::Stats stats = verifier.chainCache()->stats();
    std::printf("\nwarm verifier's chain cache: %llu hits, %llu misses\n",
                static_cast<unsigned long long>(stats.hits), static_cast<unsigned long long>(stats.misses));
    return 0;
}
