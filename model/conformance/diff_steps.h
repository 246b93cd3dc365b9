// The diff's three steps (diff.h), each filling its part of a DiffResult:
// the variants aligned with the map (fitness, deviations, departures), the
// log's directly-follows steps marked drawn or not, and the traffic each arrow
// of the map carries. diff() runs them in that order; each later step reads
// what the earlier ones wrote.
#pragma once

#include "diff.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace strawman::model {

// Reports a fraction of the whole diff done and the stage it is at; may throw
// Cancelled.
using DiffReport = std::function<void(double fraction, std::string_view stage)>;

// Fills variants, fitness, deviations, unmodelled activities, top variants,
// casesLeftOut (and its warning). Reports from `from` to `to`.
void alignVariantsOfDiff(DiffResult& r, const ReplayModel& model, const EventLog& log,
                         std::span<const std::uint32_t> cases,
                         const std::vector<std::int32_t>& labelOf, const DiffOptions& options,
                         const DiffReport& report, double from, double to);

// Fills transitions, starts and ends.
void countStepsBetweenActivities(DiffResult& r, const ReplayModel& model, const EventLog& log,
                                 std::span<const std::uint32_t> cases,
                                 const std::vector<std::int32_t>& labelOf);

// Fills arrows and unusedEdges from the transitions, starts and ends.
void countArrowTraffic(DiffResult& r, const MapContent& map);

} // namespace strawman::model
