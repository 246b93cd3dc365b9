// Ties between activities, variants and transitions are broken by activity code,
// so an order shown to a user never depends on the order in which an import
// happened to meet the activities.
#pragma once

#include "model/events/event_log.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace strawman::model {

// Per activity index, its place among the log's activities sorted by code. A
// permutation: two activities never share a place, even with equal codes.
inline std::vector<std::uint32_t> activityCodeRanks(const EventLog& log) {
    std::vector<std::uint32_t> byCode(log.activities.size()), rank(log.activities.size());
    std::iota(byCode.begin(), byCode.end(), 0u);
    std::sort(byCode.begin(), byCode.end(), [&](std::uint32_t a, std::uint32_t b) {
        return log.activities[a] < log.activities[b];
    });
    for (std::uint32_t r = 0; r < byCode.size(); ++r) rank[byCode[r]] = r;
    return rank;
}

} // namespace strawman::model
