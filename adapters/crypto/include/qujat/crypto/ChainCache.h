#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/TrustStore.h"

namespace qujat::crypto {

// What identifies a chain validation that cannot change until the trust configuration
// does: the signer's certificate, the trust store's contents, and whether revocation was
// part of it.
struct ChainKey {
    std::string certificateSha256;
    std::uint64_t trustGeneration = 0;
    bool revocationChecked = true;
};

// The time-independent result of building and checking a chain: path building, every
// certificate signature, CA constraints and the CRL lookups. What depends on the clock
// (validity at the signing time, CRL freshness "now") is re-checked on every use.
struct CachedChain {
    std::vector<Certificate> chain;  // signer first, trust anchor last
    std::vector<CrlInfo> crls;       // the CRLs the revocation check relied on
};

// Chain validations that succeeded, reused while the trust store's generation is the same
// (a reload with new CRLs changes it, and the old entries are never found again and age
// out). Least recently used entries go first when full. Thread-safe.
class ChainCache {
public:
    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::uint64_t insertions = 0;
        std::uint64_t evictions = 0;
    };

    explicit ChainCache(std::size_t capacity = 4096);

    // The cached validation for `key`, or nullopt (counted as a hit or a miss).
    std::optional<CachedChain> find(const ChainKey& key);
    // Stores a successful validation; replaces an existing one for the same key.
    void insert(const ChainKey& key, CachedChain chain);
    // Forgets every entry (the statistics stay).
    void clear();
    std::size_t size() const;
    // Counters since construction: a miss is a chain the verifier had to build.
    Stats stats() const;

private:
    using Entry = std::pair<std::string, CachedChain>;
    static std::string keyText(const ChainKey& key);

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    Stats stats_;
};

}  // namespace qujat::crypto
