// A map held against a trust's cases month by month: the diff's log fitness
// (how closely the cases follow the map, 1 when every case does) and the share
// of cases that fit it whole, over the whole log and for each calendar month of
// a case's first event. An agreed map's trend, as a rule standard has one
// (forum/rule_check.h); the decision pack draws it.
#pragma once

#include "model/conformance/diff.h"
#include "model/events/readers/local_time.h"
#include "model/maps/process_map.h"
#include "model/store/workspace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace strawman::model {

struct FitValue {
    std::int64_t cases = 0;         // 0: no cases, nothing measured
    double logFitness = 1;          // DiffResult::logFitness
    double percentageFitting = 100; // DiffResult::percentageFitting
};

struct MonthFit {
    std::string month; // "2025-03"
    FitValue value;
};

struct MapFit {
    Trust trust;
    FitValue overall;
    std::vector<MonthFit> byMonth; // months with cases, in order
};

// Loads the trust's events once and holds `map` against all of them and each
// month's. Throws NotReplayable for a map no case could finish.
MapFit fitByMonth(const Workspace& ws, const MapContent& map, const Trust& trust,
                  const TimeZone& zone, const DiffOptions& options = {});

} // namespace strawman::model
