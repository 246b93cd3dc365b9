// The as-recorded map: the process a trust's cases show, drawn from the steps
// they take (discovery.h) and stored as a draft map of the trust beside its
// straw man. One name and one threshold for `strawman discover` and the
// editor's "Draw the as-recorded map".
//
// In two steps, because Graphviz (the layout) may run on one thread only: the
// discovery reads a trust-year of events and may run on a worker, the storing
// lays the map out and writes it on the thread that owns Graphviz.
#pragma once

#include "case_choice.h"

#include "model/core/progress.h"
#include "model/maps/process_map.h"
#include "model/store/workspace.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace strawman::model {

// Steps and activities in fewer than this share of the cases are left out: the
// common way, not every one-off.
inline constexpr double kAsRecordedMinFrequency = 0.05;

struct AsRecordedMap {
    Trust trust;
    std::int64_t cases = 0; // the cases it was drawn from
    MapContent map;         // not laid out
};

// Throws Error for an unknown trust or time zone, or when no case is chosen;
// BadDay; Cancelled when progress asks it to stop.
AsRecordedMap discoverAsRecorded(const Workspace& ws, std::string_view trust,
                                 const CaseChoice& choice,
                                 double minFrequency = kAsRecordedMinFrequency,
                                 Progress* progress = nullptr);

// "CT outpatient pathway (RPA, as recorded)", beside "CT outpatient pathway (RPA)".
std::string asRecordedName(std::string_view process, std::string_view trust);

// Lays the map out and stores it as a draft of the trust in `process`, named
// by asRecordedName unless a name is given; returns its id.
MapId storeAsRecordedMap(Workspace& ws, ProcessId process, AsRecordedMap recorded,
                         std::string name = {});

} // namespace strawman::model
