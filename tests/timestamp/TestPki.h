#pragma once

// A throwaway PKI made with the openssl CLI in a TempDir, for the timestamp tests:
//   ca          root "Qujat Test Root"; issues everything below except other*
//   tsa         TSA certificate: extendedKeyUsage critical timeStamping (RSA 2048)
//   revokedtsa  like tsa, revoked in crl.pem (emptycrl.pem revokes nothing)
//   noeku       no extendedKeyUsage;  softeku: timeStamping but not critical
//   signer      a document signer (emailProtection); server: TLS server for 127.0.0.1
//   elsewhere   a TLS server certificate for tsa.example only
//   otherca, othertsa   an unrelated root and a TSA under it
//   doc.txt, doc.p7s    a document and its detached CAdES signature (DER)
//   ts.cnf      an `openssl ts -reply` configuration using tsa (sha1 and sha256 allowed)

#include <openssl/evp.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "qujat/crypto/TsaLocal.h"
#include "qujat/engine/Encoding.h"
#include "qujat/engine/Time.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"

namespace qujat::test {

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

using engine::toHex;

// Raw SHA-256 (32 bytes) of `bytes`: the imprint a timestamp request carries.
inline std::string sha256(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    return std::string(reinterpret_cast<char*>(digest), length);
}

inline std::string fromHex(const std::string& hex) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return bytes;
}

inline engine::Millis wallClockMillis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

class TestPki {
public:
    TestPki() {
        const CommandResult result = runCommand("cd " + shellQuote(dir_.path()) + " && bash -eu -c " + shellQuote(kScript));
        if (result.exitCode != 0) throw std::runtime_error("making the test PKI failed:\n" + result.output);
        // Certificates start "now" (whole seconds): stamp a little later so they are valid.
        now_ = wallClockMillis() + 1000;
    }

    // The PKI of this test process, made on first use.
    static const TestPki& shared() {
        static const TestPki pki;
        return pki;
    }

    std::string path(const std::string& name) const { return dir_.file(name); }
    std::string pem(const std::string& name) const { return readFile(path(name + ".pem")); }
    std::string key(const std::string& name) const { return readFile(path(name + ".key")); }
    std::string file(const std::string& name) const { return readFile(path(name)); }
    // Runs shell commands in the PKI directory, collecting the output of all of them.
    CommandResult run(const std::string& commands) const {
        return runCommand("(cd " + shellQuote(dir_.path()) + " && " + commands + ")");
    }
    // An instant within every certificate's validity, shortly after they were made.
    engine::Millis now() const { return now_; }

    // A LocalTsa signing with the named certificate; serials 1, 2, ... from `counter`.
    std::unique_ptr<crypto::LocalTsa> localTsa(const std::string& name, std::shared_ptr<std::int64_t> counter = nullptr,
                                               engine::Millis at = 0) const {
        if (!counter) counter = std::make_shared<std::int64_t>(0);
        crypto::LocalTsaConfig config;
        config.keyPem = key(name);
        config.certificatePem = pem(name);
        config.nextSerial = [counter] { return ++*counter; };
        const engine::Millis t = at != 0 ? at : now_;
        config.clock = [t] { return t; };
        auto tsa = crypto::LocalTsa::create(std::move(config));
        if (!tsa.isOk()) throw std::runtime_error("LocalTsa::create: " + tsa.status().toString());
        return std::move(tsa).value();
    }

private:
    static constexpr const char* kScript = R"SH(
ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
ca() {
  ec $1.key
  openssl req -new -x509 -key $1.key -subj "$2" -days 30 -sha256 -out $1.pem \
    -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign"
}
leaf() {
  if [ "${5:-ec}" = rsa ]; then openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out $1.key 2>/dev/null; else ec $1.key; fi
  openssl req -new -key $1.key -subj "$2" -out $1.csr
  printf '%b\n' "$4" > $1.ext
  openssl x509 -req -in $1.csr -CA $3.pem -CAkey $3.key -CAcreateserial -days 30 -sha256 -extfile $1.ext -out $1.pem 2>/dev/null
}
ca ca "/CN=Qujat Test Root"
ca otherca "/CN=Someone Else Root"
TSA='basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping'
leaf tsa "/O=Qujat Test/CN=Qujat Test TSA" ca "$TSA" rsa
leaf revokedtsa "/CN=Revoked TSA" ca "$TSA"
leaf othertsa "/CN=Other TSA" otherca "$TSA"
leaf noeku "/CN=No EKU" ca 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature'
leaf softeku "/CN=Non-critical EKU" ca 'basicConstraints=critical,CA:false\nextendedKeyUsage=timeStamping'
leaf signer "/CN=Signer One" ca 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection'
leaf server "/CN=127.0.0.1" ca 'basicConstraints=critical,CA:false\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost'
leaf elsewhere "/CN=tsa.example" ca 'basicConstraints=critical,CA:false\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:tsa.example'
cat > ca.cnf <<'CNF'
[ ca ]
default_ca = testca
[ testca ]
database = index.txt
certificate = ca.pem
private_key = ca.key
default_md = sha256
default_crl_days = 30
crlnumber = crlnumber
CNF
: > index.txt; echo 01 > crlnumber
openssl ca -config ca.cnf -gencrl -out emptycrl.pem 2>/dev/null
openssl ca -config ca.cnf -revoke revokedtsa.pem -crl_reason keyCompromise 2>/dev/null
openssl ca -config ca.cnf -gencrl -out crl.pem 2>/dev/null
cat > ts.cnf <<'CNF'
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = tsaserial
signer_cert = tsa.pem
signer_key = tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.5
digests = sha1, sha256
accuracy = secs:1
ess_cert_id_alg = sha256
CNF
printf 'Protocol of the bureau meeting No. 7\n' > doc.txt
openssl cms -sign -binary -cades -md sha256 -in doc.txt -signer signer.pem -inkey signer.key -outform DER -out doc.p7s
)SH";

    TempDir dir_;
    engine::Millis now_ = 0;
};

}  // namespace qujat::test
