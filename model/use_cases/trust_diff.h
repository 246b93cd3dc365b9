// A map held against a trust's cases: the diff as `strawman diff` prints it and
// the editor's Diff tab draws it on the map.
#pragma once

#include "case_choice.h"

#include "model/analysis/transitions.h"
#include "model/conformance/diff.h"
#include "model/core/progress.h"
#include "model/maps/process_map.h"
#include "model/store/workspace.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace strawman::model {

struct TrustDiff {
    Trust trust;
    std::int64_t casesInLog = 0;          // before the choice's filters
    CaseValues values;                    // what the trust's cases hold, for the pickers
    DiffResult result;                    // over the chosen cases
    std::vector<IntervalStats> intervals; // one per interval asked for, over the chosen cases
};

// Loads the trust's events and holds `map` (the content shown, which may be a
// draft) against the cases the choice lets through. Throws Error for an unknown
// trust or time zone, BadDay, NotReplayable for a map no case could finish.
// With `progress` it reports loading, then aligning, and stops with Cancelled
// when asked.
TrustDiff diffTrust(const Workspace& ws, const MapContent& map, std::string_view trust,
                    const CaseChoice& choice, const DiffOptions& options,
                    const std::vector<IntervalSpec>& intervals = {}, Progress* progress = nullptr);

} // namespace strawman::model
