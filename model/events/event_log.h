// A trust's events in memory, ready for analysis: cases in a row, each case's
// events ordered by time (ties in file order). Compact: about 24 bytes an event.
// The event store loads it (EventStore::load).
#pragma once

#include "model/core/ids.h"
#include "pseudonym.h"
#include "model/events/readers/source_event.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace strawman::model {

struct LoggedEvent {
    TimeMs time = 0;
    std::uint32_t activity = 0;   // index into EventLog::activities
    std::uint32_t attributes = 0; // index into EventLog::attributeSets (0 = none)
    std::uint32_t resource = 0;   // index into EventLog::resources (0 = none)
    std::int16_t offsetMinutes = 0;
};

struct EventLog {
    std::vector<std::string> activities;        // activity codes
    std::vector<EventAttributes> attributeSets; // [0] is the empty set
    std::vector<std::string> resources;         // [0] is ""
    std::vector<LoggedEvent> events;
    std::vector<std::uint32_t> caseStart;  // case i is events[caseStart[i] .. caseStart[i+1])
    std::vector<Pseudonym> casePseudonyms; // each case's keyed pseudonym, ascending
    std::vector<Pseudonym> patients;       // each case's patient pseudonym; all zero: not known
    std::int64_t repeatedEvents =
        0; // held by more than one import (overlapping extracts), counted once

    std::size_t caseCount() const { return casePseudonyms.size(); }
    std::span<const LoggedEvent> caseEvents(std::size_t i) const {
        return {events.data() + caseStart[i], events.data() + caseStart[i + 1]};
    }
};

} // namespace strawman::model
