#pragma once

#include <cstddef>
#include <string>

namespace qujat::http {

// HTTPS is served when both files are named; plain HTTP otherwise.
struct TlsOptions {
    std::string certificateFile;  // PEM, the server certificate (and chain)
    std::string keyFile;          // PEM, its private key
    bool enabled() const { return !certificateFile.empty() || !keyFile.empty(); }
};

// What one client may ask of the server. Each breach is answered with its own status,
// never a crash or a silently dropped connection: 413 (body), 431 (headers), 408 (slow
// client), 503 (too many connections waiting).
struct Limits {
    std::size_t uploadBytes = 32u << 20;      // a multipart/form-data document upload
    std::size_t jsonBytes = 64u << 10;        // a JSON request body
    std::size_t signatureBytes = 1u << 20;    // a detached CMS signature
    std::size_t headerBytes = 16u << 10;      // request line and headers together
    int headerCount = 64;                     // header fields (Poco's own ceiling is 100)
    int readTimeoutSeconds = 15;              // waiting for any one read from the client
    int bodyTimeoutSeconds = 120;             // receiving a whole request body
    int keepAliveSeconds = 10;                // an idle connection is closed after this
    int maxKeepAliveRequests = 1000;          // requests on one connection
    int threads = 128;                        // connections served at once
    int queue = 64;                           // connections waiting beyond which new ones get 503
};

struct ServerOptions {
    std::string bind = "127.0.0.1";  // loopback unless configured otherwise
    int port = 8080;                 // 0: any free port (tests)
    TlsOptions tls;
    Limits limits;
    int tickSeconds = 60;            // how often deadlines are processed; 0: never
    // "stderr", "off", or a file the access log (one JSON object per line) is appended to.
    std::string accessLog = "stderr";
    // The origin browsers reach this server at, e.g. "https://qujat.example.kz", when it
    // sits behind a proxy; empty: the scheme and Host of each request.
    std::string publicOrigin;
    // The trust anchors and CRLs that evidence packages include (the data directory's trust/).
    std::string trustDirectory;
    // The bundled web UI served at / (adapters/web's build output); empty: the API only.
    std::string webRoot;
};

}  // namespace qujat::http
