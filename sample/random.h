// A small, portable random source for the sample data. The standard library's
// engines are portable but its distributions are not (normal and lognormal
// results differ between libstdc++ and libc++), so the distributions are ours.
// So are exp, log and cos: libm implementations may differ in the last bit, and
// one bit can move a timestamp across a second. Everything here is IEEE-754
// +, -, *, /, sqrt and exact scaling, compiled with -ffp-contract=off
// (sample/CMakeLists.txt), so the same seed gives the same bytes on every machine.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace strawman::sample {

inline std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A stable hash of a few numbers, e.g. (seed, trust, case index) -> stream key.
inline std::uint64_t mixKeys(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0) {
    std::uint64_t s = a;
    std::uint64_t h = splitMix64(s);
    s = h ^ b;
    h = splitMix64(s);
    s = h ^ c;
    return splitMix64(s);
}

// xoshiro256** (Blackman & Vigna), seeded through SplitMix64.
namespace portable {

inline constexpr double kLn2 = 0.6931471805599453;
inline constexpr double kHalfPi = 1.5707963267948966;

// e^x for the modest x used here (|x| < 700): x = k ln2 + r, |r| <= ln2/2, Taylor.
inline double exp(double x) {
    const double k = std::nearbyint(x / kLn2);
    const double r = x - k * kLn2;
    double term = 1.0, sum = 1.0;
    for (int n = 1; n <= 14; ++n) {
        term = term * r / n;
        sum += term;
    }
    return std::ldexp(sum, static_cast<int>(k));
}

// ln x for x > 0: x = m 2^e with m in [1/sqrt2, sqrt2), ln m = 2 atanh((m-1)/(m+1)).
inline double log(double x) {
    int e = 0;
    double m = std::frexp(x, &e);
    if (m < 0.7071067811865476) {
        m *= 2;
        --e;
    }
    const double s = (m - 1) / (m + 1), s2 = s * s;
    double term = s, sum = s;
    for (int n = 3; n <= 33; n += 2) {
        term *= s2;
        sum += term / n;
    }
    return 2 * sum + e * kLn2;
}

// cos(2 pi u) for u in [0, 1): the quadrant from 4u (exact), then Taylor on [0, pi/2).
inline double cosTwoPi(double u) {
    const double q4 = u * 4;
    const int quadrant = static_cast<int>(q4);
    const double t = (q4 - quadrant) * kHalfPi, t2 = t * t;
    double c = 1.0, s = t, termC = 1.0, termS = t;
    for (int n = 1; n <= 12; ++n) {
        termC = -termC * t2 / ((2 * n - 1) * (2 * n));
        termS = -termS * t2 / ((2 * n) * (2 * n + 1));
        c += termC;
        s += termS;
    }
    switch (quadrant) {
    case 0:
        return c;
    case 1:
        return -s;
    case 2:
        return -c;
    default:
        return s;
    }
}

} // namespace portable

class Random {
  public:
    explicit Random(std::uint64_t seed) {
        for (auto& word : m_s) word = splitMix64(seed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }
    // [0, n)
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    std::int64_t between(std::int64_t lo, std::int64_t hiInclusive) {
        return lo +
               static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hiInclusive - lo + 1)));
    }

    // Standard normal by Box-Muller (one value per call; the pair's second is dropped
    // to keep the stream simple to reason about).
    double normal() {
        double u1 = uniform();
        while (u1 <= 0.0) u1 = uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * portable::log(u1)) * portable::cosTwoPi(u2);
    }

    // Log-normal given its median and the sigma of the underlying normal.
    double logNormal(double median, double sigma) {
        return median * portable::exp(sigma * normal());
    }

    // Index drawn with the given weights (need not sum to 1).
    std::size_t pick(std::span<const double> weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

} // namespace strawman::sample
