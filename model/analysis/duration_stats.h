// Summary of how long something took, the same way everywhere in the diff:
// the time of a directly-follows step, the time between two chosen activities.
//
// Percentiles use linear interpolation between closest ranks (Hyndman & Fan
// type 7): for n values sorted ascending x[0..n-1], the p-th percentile is
// x[k] + f·(x[k+1] − x[k]) where h = (n − 1)·p/100, k = ⌊h⌋, f = h − k. This is
// the default of numpy, pandas (and so PM4Py) and Excel's PERCENTILE.INC, so a
// number can be checked against any of them. The median is the 50th percentile:
// for an even count, the mean of the two middle values.
#pragma once

#include <cstdint>
#include <span>

namespace strawman::model {

struct DurationStats {
    std::int64_t count = 0; // durations summarised; 0: none, and the rest is 0
    double median = 0;      // seconds
    double p90 = 0;         // seconds
    double max = 0;         // seconds
};

// The percent-th percentile (0..100) of the values, by the definition above,
// in the values' unit. May reorder `values`. Values must not be empty and must
// lie within ±2^55 (in milliseconds, a million years), so that the exact
// arithmetic cannot overflow.
double percentile(std::span<std::int64_t> values, int percent);

// Count, median, P90 and max of durations given in milliseconds, in seconds.
// May reorder `millis`.
DurationStats durationStats(std::span<std::int64_t> millis);

} // namespace strawman::model
