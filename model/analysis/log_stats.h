// A first look at a trust's event log: how much there is, over what period,
// which activities, and how many distinct paths (variants) cases take.
#pragma once

#include "model/events/event_log.h"

#include <cstdint>
#include <map>
#include <string>

namespace strawman::model {

struct LogStats {
    std::int64_t cases = 0;
    std::int64_t events = 0;
    std::map<std::string, std::int64_t> activities; // code -> events
    TimeMs first = 0, last = 0;                     // meaningful when events > 0
    std::int64_t variants = 0;                      // distinct activity sequences
    std::int64_t repeatedEvents = 0;                // held by more than one import, counted once
};

LogStats logStats(const EventLog& log);

} // namespace strawman::model
