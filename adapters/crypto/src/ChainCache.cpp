#include "qujat/crypto/ChainCache.h"

namespace qujat::crypto {

ChainCache::ChainCache(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

std::string ChainCache::keyText(const ChainKey& key) {
    return key.certificateSha256 + '/' + std::to_string(key.trustGeneration) + '/' +
           (key.revocationChecked ? "crl" : "nocrl");
}

std::optional<CachedChain> ChainCache::find(const ChainKey& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = index_.find(keyText(key));
    if (it == index_.end()) {
        ++stats_.misses;
        return std::nullopt;
    }
    ++stats_.hits;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->second;
}

void ChainCache::insert(const ChainKey& key, CachedChain chain) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string text = keyText(key);
    if (auto it = index_.find(text); it != index_.end()) {
        it->second->second = std::move(chain);
        entries_.splice(entries_.begin(), entries_, it->second);
        return;
    }
    entries_.emplace_front(text, std::move(chain));
    index_.emplace(std::move(text), entries_.begin());
    ++stats_.insertions;
    while (entries_.size() > capacity_) {
        index_.erase(entries_.back().first);
        entries_.pop_back();
        ++stats_.evictions;
    }
}

void ChainCache::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
    index_.clear();
}

std::size_t ChainCache::size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
}

ChainCache::Stats ChainCache::stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_;
}

}  // namespace qujat::crypto
