#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "qujat/engine/Status.h"
#include "qujat/engine/Time.h"

// OpenSSL's X509, declared here so the header does not pull in OpenSSL.
struct x509_st;

namespace qujat::crypto {

// An X.509 certificate: immutable, cheap to copy (copies share one OpenSSL object), safe
// to read from several threads at once.
class Certificate {
public:
    // Parses one PEM certificate (the first in `pem`). kInvalidArgument when there is none
    // or it is malformed, with OpenSSL's reason.
    static engine::Result<Certificate> fromPem(std::string_view pem);
    // Parses every PEM certificate in `pem`, in order. kInvalidArgument when there is none.
    static engine::Result<std::vector<Certificate>> allFromPem(std::string_view pem);
    // Parses exactly one DER certificate (no trailing bytes). kInvalidArgument otherwise.
    static engine::Result<Certificate> fromDer(std::string_view der);
    // Takes ownership of an OpenSSL X509 (must not be null). For the adapter's internals.
    static Certificate adopt(x509_st* owned);
    // Shares an OpenSSL X509 (takes a reference; must not be null). For the adapter's internals.
    static Certificate share(x509_st* borrowed);

    // Subject and issuer as "CN=…,serialNumber=…" (RFC 2253 escaping, natural order, UTF-8).
    std::string subject() const;
    std::string issuer() const;
    // The subject's commonName, or "" when it has none.
    std::string commonName() const;
    // The subject's serialNumber attribute (2.5.4.5; the IIN for a person), or "".
    std::string subjectSerialNumber() const;
    // The certificate's serial number, lower-case hex without leading zeros.
    std::string serialHex() const;
    // Lower-case hex SHA-256 of the DER encoding: the certificate's fingerprint.
    std::string sha256Hex() const;
    // The encodings of the certificate.
    std::string der() const;
    std::string pem() const;
    // The validity period (RFC 5280 notBefore/notAfter, both inclusive).
    engine::Millis notBefore() const;
    engine::Millis notAfter() const;
    // Whether the certificate is self-issued and verifies with its own key.
    bool selfSigned() const;

    // The OpenSSL object, still owned by this Certificate. For the adapter's internals.
    x509_st* native() const { return cert_.get(); }

    // The same certificate: identical DER.
    bool operator==(const Certificate& other) const;
    bool operator!=(const Certificate& other) const { return !(*this == other); }

private:
    explicit Certificate(std::shared_ptr<x509_st> cert) : cert_(std::move(cert)) {}
    std::shared_ptr<x509_st> cert_;
};

}  // namespace qujat::crypto
