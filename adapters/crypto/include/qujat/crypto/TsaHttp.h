#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "qujat/crypto/TimeStampAuthority.h"
#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

namespace qujat::crypto {

// Where and how to reach an external RFC 3161 TSA.
struct HttpTsaConfig {
    // "http://host[:port]/path" or "https://host[:port]/path".
    std::string url;
    // Limit for connecting, and for each send and receive on the connection.
    engine::Millis timeout = 10'000;
    // https only: PEM file of the CA certificates that may issue the TSA server's TLS
    // certificate; empty trusts the system's default CAs. The server's certificate chain and
    // host name are always checked.
    std::string caPemFile;
    // Larger responses are refused (a TimeStampResp is a few KiB).
    std::size_t maxResponseBytes = 1 << 20;
};

// An external TSA reached by RFC 3161 §3.4 "TSA over HTTP": POSTs a DER TimeStampReq
// (application/timestamp-query: SHA-256 imprint, random nonce, certReq) and checks the
// DER TimeStampResp (HTTP 200; status granted or grantedWithMods; version 1; the imprint
// and nonce are ours) before returning its token. TLS through Poco NetSSL (OpenSSL).
// Thread-safe: every stamp() opens its own connection.
class HttpTsa final : public TimeStampAuthority {
public:
    // Returns kInvalidArgument for a URL that is not http(s)://host/..., a non-positive
    // timeout, or (https) a CA file that cannot be loaded.
    [[nodiscard]] static engine::Result<std::unique_ptr<HttpTsa>> create(HttpTsaConfig config);

    ~HttpTsa() override;
    HttpTsa(const HttpTsa&) = delete;
    HttpTsa& operator=(const HttpTsa&) = delete;

    // See TimeStampAuthority::stamp. Returns kInvalidArgument for a wrong-sized imprint,
    // kFailedPrecondition when the TSA refuses (status rejection, with its failure info and
    // text), kUnavailable when it cannot be reached or times out, answers with an HTTP
    // status other than 200, asks to wait, or sends an answer that is malformed, too large
    // or not for this request (imprint, nonce). Retrying later or elsewhere may succeed.
    [[nodiscard]] engine::Result<std::string> stamp(const std::string& messageImprintSha256) override;

private:
    struct Connection;
    HttpTsa(HttpTsaConfig config, std::unique_ptr<Connection> connection);

    HttpTsaConfig config_;
    std::unique_ptr<Connection> connection_;
};

}  // namespace qujat::crypto
