// The diff as the editor shows it: which trust and which cases a manager chose,
// the result, and the overlay it puts on the map. The work (loading a
// trust-year of events, aligning its variants) can take seconds, so it runs
// on its own workspace connection and can be done off the UI thread. No ImGui.
#pragma once

#include "editor/geometry/diff_overlay.h"

#include "model/conformance/diff.h"
#include "model/core/ids.h"
#include "model/core/progress.h"
#include "model/maps/process_map.h"
#include "model/use_cases/case_choice.h"

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace strawman::editor {

// What the Diff panel asks for: a trust, which of its cases (the same choice
// `strawman diff` reads from its options), and how to count activities the
// map does not have.
struct DiffChoice : model::CaseChoice {
    std::string trust; // ODS code
    bool ignoreUnmodelled = false;
    bool operator==(const DiffChoice&) const = default;
};

struct DiffView {
    DiffChoice choice;
    model::MapId map;
    std::int64_t casesInLog = 0; // before the filters
    model::CaseValues values;    // what the trust's cases hold, for the filter pickers
    model::DiffResult result;
};

// The trust's diff (model::diffTrust) on its own workspace connection, so it
// may run on another thread, holding `map` (the content shown) against the
// chosen cases. Throws model::Error for an unknown trust, a bad date or time
// zone. With `progress`, it reports as it goes (loading the events, then
// aligning the variants) and stops with model::Cancelled when asked.
DiffView computeDiff(const std::filesystem::path& workspace, model::MapId mapId,
                     const model::MapContent& map, const DiffChoice& choice,
                     model::Progress* progress = nullptr);

} // namespace strawman::editor
