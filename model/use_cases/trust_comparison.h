// One process across the network: every trust's data held against a map (the
// trust's own straw man, or one map for all), a row per trust, side by side:
// `strawman compare` and the editor's Trusts tab.
#pragma once

#include "case_choice.h"

#include "model/analysis/log_filter.h"
#include "model/analysis/transitions.h"
#include "model/conformance/diff.h"
#include "model/store/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace strawman::model {

struct TrustComparisonRow {
    std::string trust; // ODS code
    std::optional<MapId> map;
    std::string mapName;
    std::int64_t cases = 0;
    double logFitness = 1, averageTraceFitness = 1, percentageFitting = 100;
    std::vector<ActivityDeviation> topDeviations; // the three touching most cases
    std::vector<IntervalStats> intervals;         // one per IntervalSpec
    std::string problem; // why there are no numbers: no map, a map that cannot be replayed
};

// With map empty, each trust is held against its own map of the process (the
// latest made, when it has several), or the network's map when it has none.
std::vector<TrustComparisonRow> compareTrusts(const Workspace& ws, ProcessId process,
                                              std::optional<MapId> map, const CaseChoice& choice,
                                              const std::vector<IntervalSpec>& intervals,
                                              const DiffOptions& options = {});

} // namespace strawman::model
