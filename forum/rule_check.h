// A rule standard checked on one trust's data: the value the rule measures,
// whether it keeps the limit, the share of cases within the limit, and the same
// month by month, so a trend shows.
//
// What a rule counts (rule.h):
// - an interval counts the chosen cases that hold both activities, the second
//   after the first (from a case's first event of the one to the first event of
//   the other at the same instant or later, as the diff's intervals are timed);
//   its value is the statistic of those durations (percentiles by
//   model::percentile, as everywhere in Strawman), in seconds; a case is within
//   when its own duration keeps the comparison;
// - an order counts the cases holding both activities; its value is the share
//   of them whose first event of the one comes before their first event of the
//   other, in the case's order (time, ties in file order);
// - a presence counts every chosen case; its value is the share holding the
//   activity.
// For share rules the share within is the value. A month is the calendar month,
// in the network's time zone, of a case's first event.
#pragma once

#include "rule.h"

#include "model/events/event_log.h"
#include "model/events/readers/local_time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace strawman::forum {

struct RuleValue {
    std::int64_t cases = 0; // the cases the rule counts; 0: nothing measured, not compliant
    double value = 0;       // interval: seconds; share rules: percent
    double shareWithin = 0; // percent of the counted cases within the limit
    bool compliant = false; // the value keeps the limit
};

struct MonthValue {
    std::string month; // "2025-03"
    RuleValue value;
};

struct RuleCheck {
    RuleValue overall;
    std::vector<MonthValue> byMonth; // months with cases the rule counts, in order
    // Interval rules: chosen cases holding the first activity but not the second
    // after it; not counted, and said so.
    std::int64_t withoutEnd = 0;
};

RuleCheck checkRule(const Rule& rule, const model::EventLog& log, const model::TimeZone& zone);

} // namespace strawman::forum
