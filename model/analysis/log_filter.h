// Which cases of a trust's log a diff looks at: a date range and the values of
// modality, priority, patient source and site a manager picked.
//
// A case's attributes come from its events: for each attribute separately, the
// value of the case's first event (in time order, ties in file order) that
// states it. Later events that state another value do not change it, so a case
// is counted under what it was requested as and never in two groups at once. A
// case where no event states an attribute has "" for it.
#pragma once

#include "model/events/event_log.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace strawman::model {

struct CaseAttributes {
    std::string modality;
    std::string priority;
    std::string patientSource;
    std::string site;

    bool operator==(const CaseAttributes&) const = default;
};

CaseAttributes caseAttributes(const EventLog& log, std::size_t caseIndex);

struct LogFilter {
    // Cases whose first event is at or after `from` and before `to` (UTC). A case
    // without events has no date and is left out when either bound is set.
    std::optional<TimeMs> from, to;
    // Allowed values; an empty set allows any value, "" included. A case with no
    // value for a filtered attribute is left out unless the set holds "".
    std::set<std::string> modalities, priorities, patientSources, sites;
};

// The indexes of the cases the filter lets through, ascending.
std::vector<std::uint32_t> selectCases(const EventLog& log, const LogFilter& filter);

} // namespace strawman::model
