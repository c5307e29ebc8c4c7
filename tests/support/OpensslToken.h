#pragma once

// What the openssl command line reads from an RFC 3161 timestamp token, to compare with what
// Qujat recorded about it: `openssl ts -reply -token_in -token_out -text` for the TSTInfo,
// `openssl cms -verify -noverify -signer` for the certificate that signed it.

#include <catch2/catch.hpp>
#include <algorithm>
#include <cctype>
#include <ctime>
#include <string>

#include "qujat/engine/Time.h"
#include "support/DevPki.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"

namespace qujat::test {

struct TokenAsOpensslReadsIt {
    engine::Millis genTime = 0;  // "Time stamp:", whole seconds
    std::string serial;          // "Serial number:", lower-case hex without 0x and leading zeros
    std::string policyOid;       // "Policy OID:"
    std::string tsaSubject;      // the signer certificate's subject, -nameopt RFC2253
    std::string text;            // the whole `openssl ts -text` output
};

// The value after "`label`: " on its own line of `text` (the test fails when there is none).
inline std::string opensslField(const std::string& text, const std::string& label) {
    const std::string key = "\n" + label + ": ";
    const std::size_t at = ("\n" + text).find(key);
    INFO(text);
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + key.size() - 1;
    return text.substr(start, text.find('\n', start) - start);
}

inline TokenAsOpensslReadsIt readTokenWithOpenssl(const std::string& tokenDer) {
    TempDir dir;
    writeFile(dir.file("token.tst"), tokenDer);
    TokenAsOpensslReadsIt out;
    out.text = openssl("ts -reply -token_in -in " + shellQuote(dir.file("token.tst")) + " -token_out -text");

    // "Nov 27 13:11:02 2026 GMT": LocalTsa stamps whole seconds, so there is no fraction.
    const std::string time = opensslField(out.text, "Time stamp");
    std::tm tm{};
    INFO("Time stamp: " << time);
    const char* end = strptime(time.c_str(), "%b %d %H:%M:%S %Y GMT", &tm);
    REQUIRE(end != nullptr);
    REQUIRE(*end == '\0');
    out.genTime = static_cast<engine::Millis>(timegm(&tm)) * 1000;

    std::string serial = opensslField(out.text, "Serial number");
    if (serial.rfind("0x", 0) == 0) serial = serial.substr(2);
    for (char& c : serial) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    serial.erase(0, std::min(serial.find_first_not_of('0'), serial.size() - 1));
    out.serial = serial;
    out.policyOid = opensslField(out.text, "Policy OID");

    openssl("cms -verify -inform DER -in " + shellQuote(dir.file("token.tst")) + " -noverify -signer " +
            shellQuote(dir.file("signer.pem")) + " -out /dev/null");
    const std::string subject =
        openssl("x509 -in " + shellQuote(dir.file("signer.pem")) + " -noout -subject -nameopt RFC2253");
    REQUIRE(subject.rfind("subject=", 0) == 0);
    out.tsaSubject = subject.substr(8, subject.find('\n') - 8);
    return out;
}

}  // namespace qujat::test
