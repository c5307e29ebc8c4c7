#pragma once

#include <cstddef>
#include <cstdint>

namespace qujat::directory {

// xoshiro256** seeded through splitmix64 (Blackman & Vigna): a small PRNG whose output
// is fully specified, so generated data is identical on every platform. The standard
// distributions (std::uniform_int_distribution …) are not specified that precisely and
// differ between standard libraries, so nothing here uses them.
class Prng {
public:
    // `stream` separates independent sequences from one seed (names vs. structure), so a
    // change in how many numbers one part draws does not reshuffle the others.
    explicit Prng(std::uint64_t seed, std::uint64_t stream = 0) {
        std::uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ULL);
        for (std::uint64_t& s : state_) s = splitmix64(x);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, bound); 0 when bound is 0. Unbiased (rejection sampling).
    std::uint64_t below(std::uint64_t bound) {
        if (bound == 0) return 0;
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        std::uint64_t r = next();
        while (r >= limit) r = next();
        return r % bound;
    }

    // Uniform in [lo, hi] (inclusive); lo when hi < lo.
    int between(int lo, int hi) {
        if (hi <= lo) return lo;
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    // True with probability percent/100.
    bool chance(int percent) { return static_cast<int>(below(100)) < percent; }

    // A uniformly chosen element of a non-empty array.
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix64(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t state_[4];
};

}  // namespace qujat::directory
