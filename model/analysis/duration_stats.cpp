#include "duration_stats.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <vector>

namespace strawman::model {

namespace {

// Where a percentile falls: between sorted ranks k and k + 1, r hundredths of the
// way. Exact in integers, so the result is rounded once, when it becomes a double,
// and a hand-worked 12.345 s compares equal to the literal.
struct Rank {
    std::size_t k;
    std::int64_t r;
};

Rank rankOf(std::size_t n, int percent) {
    assert(n > 0 && percent >= 0 && percent <= 100);
    const auto h = static_cast<std::int64_t>(n - 1) * percent;
    return {static_cast<std::size_t>(h / 100), h % 100};
}

// At most the ranks k and k + 1 of two percentiles.
constexpr std::size_t kMaxRanks = 4;

// The values at the given sorted ranks (ascending, each < values.size()), all of
// them in [lo, hi]. nth_element on millions of durations mispredicts a branch on
// nearly every element; counting them into 4096 buckets by value is branch-free,
// after which only the few buckets holding a wanted rank are looked at again,
// recursively, until they are small enough to sort.
void valuesAtRanks(std::span<std::int64_t> values, std::int64_t lo, std::int64_t hi,
                   std::span<const std::size_t> ranks, std::span<std::int64_t> out) {
    if (lo == hi) {
        std::fill(out.begin(), out.end(), lo);
        return;
    }
    if (values.size() <= 2048) {
        std::sort(values.begin(), values.end());
        for (std::size_t i = 0; i < ranks.size(); ++i) out[i] = values[ranks[i]];
        return;
    }
    constexpr int kBits = 12;
    const auto base = static_cast<std::uint64_t>(lo);
    const std::uint64_t range = static_cast<std::uint64_t>(hi) - base;
    const int shift = std::max(0, static_cast<int>(std::bit_width(range)) - kBits);
    std::array<std::size_t, (1u << kBits) + 1> start{}; // start[b]: rank of bucket b's first value
    for (const auto v : values) ++start[((static_cast<std::uint64_t>(v) - base) >> shift) + 1];
    for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];

    // The bucket of each wanted rank; ranks ascend, so equal buckets are adjacent.
    std::array<std::size_t, kMaxRanks> bucketOf{};
    for (std::size_t i = 0; i < ranks.size(); ++i)
        bucketOf[i] = static_cast<std::size_t>(
            std::upper_bound(start.begin(), start.end(), ranks[i]) - start.begin() - 1);
    std::array<std::vector<std::int64_t>, kMaxRanks> held;
    std::array<std::int8_t, (1u << kBits)> slot;
    slot.fill(-1);
    for (std::size_t i = 0; i < ranks.size(); ++i)
        if (slot[bucketOf[i]] < 0) {
            slot[bucketOf[i]] = static_cast<std::int8_t>(i);
            held[i].reserve(start[bucketOf[i] + 1] - start[bucketOf[i]]);
        }
    for (const auto v : values) {
        const std::int8_t s = slot[(static_cast<std::uint64_t>(v) - base) >> shift];
        if (s >= 0) held[static_cast<std::size_t>(s)].push_back(v);
    }

    for (std::size_t i = 0; i < ranks.size();) {
        std::size_t j = i;
        std::array<std::size_t, kMaxRanks> local{};
        for (; j < ranks.size() && bucketOf[j] == bucketOf[i]; ++j)
            local[j - i] = ranks[j] - start[bucketOf[i]];
        auto& bucket = held[static_cast<std::size_t>(slot[bucketOf[i]])];
        const auto [mn, mx] = std::minmax_element(bucket.begin(), bucket.end());
        valuesAtRanks(bucket, *mn, *mx, std::span(local).first(j - i), out.subspan(i, j - i));
        i = j;
    }
}

// The percentile times 100, from the values at ranks k and k + 1.
std::int64_t interpolated(Rank at, std::int64_t low, std::int64_t high) {
    return low * 100 + at.r * (high - low);
}

} // namespace

double percentile(std::span<std::int64_t> values, int percent) {
    const Rank at = rankOf(values.size(), percent);
    const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
    const std::array<std::size_t, 2> ranks{at.k, std::min(at.k + 1, values.size() - 1)};
    std::array<std::int64_t, 2> v{};
    valuesAtRanks(values, *mn, *mx, ranks, v);
    return static_cast<double>(interpolated(at, v[0], v[1])) / 100.0;
}

DurationStats durationStats(std::span<std::int64_t> millis) {
    DurationStats s;
    if (millis.empty()) return s;
    s.count = static_cast<std::int64_t>(millis.size());
    const std::size_t last = millis.size() - 1;
    const Rank median = rankOf(millis.size(), 50), p90 = rankOf(millis.size(), 90);
    const auto [mn, mx] = std::minmax_element(millis.begin(), millis.end());
    const std::int64_t lo = *mn, hi = *mx;
    const std::array<std::size_t, kMaxRanks> ranks{median.k, std::min(median.k + 1, last), p90.k,
                                                   std::min(p90.k + 1, last)};
    std::array<std::int64_t, kMaxRanks> v{};
    valuesAtRanks(millis, lo, hi, ranks, v);
    s.median = static_cast<double>(interpolated(median, v[0], v[1])) / 100'000.0;
    s.p90 = static_cast<double>(interpolated(p90, v[2], v[3])) / 100'000.0;
    s.max = static_cast<double>(hi) / 1000.0;
    return s;
}

} // namespace strawman::model
