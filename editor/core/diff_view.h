// The diff as the editor shows it: which trust and which cases a manager chose,
// the result, and the overlay it puts on the map. The work (loading a
// trust-year of events, aligning its variants) can take seconds, so it runs
// on its own workspace connection and can be done off the UI thread. No ImGui.
#pragma once

#include "editor/geometry/diff_overlay.h"

#include "model/conformance/diff.h"
#include "model/core/ids.h"
#include "model/analysis/log_filter.h"
#include "model/maps/process_map.h"
#include "model/core/progress.h"

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace strawman::editor {

// What the Diff panel asks for.
struct DiffChoice {
    std::string trust;    // ODS code
    std::string from, to; // local days, YYYY-MM-DD; empty: no bound
    std::string timeZone = "Europe/London";
    std::set<std::string> modalities, priorities, sources, sites; // empty: any
    bool ignoreUnmodelled = false;
    bool operator==(const DiffChoice&) const = default;
};

// The values a trust's cases have, for the filter pickers.
struct FilterValues {
    std::set<std::string> modalities, priorities, sources, sites;
};

struct DiffView {
    DiffChoice choice;
    model::MapId map;
    std::int64_t casesInLog = 0; // before the filters
    FilterValues values;
    model::DiffResult result;
};

// The cases a choice lets through, as the model filters them. Throws
// model::Error for a date that is not YYYY-MM-DD or an unknown time zone.
model::LogFilter filterOf(const DiffChoice& choice);

// Loads the trust's events from the workspace file (its own connection, so it
// may run on another thread) and holds them against `map`. Throws model::Error
// for an unknown trust, a bad date or time zone.
// With `progress`, it reports as it goes (loading the events, then aligning
// the variants) and stops with model::Cancelled when asked.
DiffView computeDiff(const std::filesystem::path& workspace, model::MapId mapId,
                     const model::MapContent& map, const DiffChoice& choice,
                     model::Progress* progress = nullptr);

} // namespace strawman::editor
