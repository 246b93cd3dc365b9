#include "duration_stats.h"

#include <algorithm>
#include <cassert>

namespace strawman::model {

namespace {

// The percentile times 100, exact in integers: (n − 1)·percent splits into the rank
// k and the fraction r/100, so the result has a single rounding when turned into a
// double, and a hand-worked 12.345 s compares equal to the literal.
std::int64_t percentileTimes100(std::span<std::int64_t> values, int percent) {
    assert(!values.empty() && percent >= 0 && percent <= 100);
    const std::int64_t h = static_cast<std::int64_t>(values.size() - 1) * percent;
    const std::int64_t k = h / 100, r = h % 100;
    const auto nth = values.begin() + k;
    std::nth_element(values.begin(), nth, values.end());
    const std::int64_t low = *nth;
    if (r == 0) return low * 100;
    // After nth_element everything past k is ≥ x[k]: the next sorted value is their minimum.
    const std::int64_t high = *std::min_element(nth + 1, values.end());
    return low * 100 + r * (high - low);
}

} // namespace

double percentile(std::span<std::int64_t> values, int percent) {
    return static_cast<double>(percentileTimes100(values, percent)) / 100.0;
}

DurationStats durationStats(std::span<std::int64_t> millis) {
    DurationStats s;
    if (millis.empty()) return s;
    s.count = static_cast<std::int64_t>(millis.size());
    s.max = static_cast<double>(*std::max_element(millis.begin(), millis.end())) / 1000.0;
    s.p90 = static_cast<double>(percentileTimes100(millis, 90)) / 100'000.0;
    s.median = static_cast<double>(percentileTimes100(millis, 50)) / 100'000.0;
    return s;
}

} // namespace strawman::model
