// The diff and the trust comparison as JSON, as `strawman diff --json` and
// `strawman compare --json` print them: the machine-readable form of the use
// cases' results, beside the import report's (model/events/import_report.h).
// Durations in seconds, shares in percent.
#pragma once

#include "trust_comparison.h"
#include "trust_diff.h"

#include "model/maps/network.h"

#include <string>
#include <vector>

namespace strawman::model {

// The diff of `map` (the map summary it was run on) with the intervals asked for.
std::string toJson(const TrustDiff& diff, const MapSummary& map,
                   const std::vector<IntervalSpec>& intervals, int indent = 2);

// One object per trust.
std::string toJson(const std::vector<TrustComparisonRow>& rows,
                   const std::vector<IntervalSpec>& intervals, int indent = 2);

} // namespace strawman::model
