// The directly-follows graph of a log: which activity came straight after which,
// how often, in how many cases and how long the step took; where cases start and
// end. And the time between two chosen activities (RCV → VET, CMP → VER), which
// managers compare across trusts.
#pragma once

#include "duration_stats.h"
#include "model/events/event_log.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

struct Transition {
    // Activity indexes: an event of `to` came straight after an event of `from`.
    std::uint32_t from = 0, to = 0;
    std::int64_t occurrences = 0; // times it happened
    std::int64_t cases = 0;       // cases in which it happened at least once
    DurationStats duration;       // from the `from` event's time to the `to` event's
};

struct ActivityCount {
    std::uint32_t activity = 0;
    std::int64_t cases = 0;
};

struct DirectlyFollowsGraph {
    // Most occurrences first, ties by `from` code, then by `to` code.
    std::vector<Transition> transitions;
    std::vector<ActivityCount> starts; // each case's first activity; most cases first, ties by code
    std::vector<ActivityCount> ends;   // each case's last activity; likewise
};

// Consecutive events of each given case, in the log's order (time, ties in file
// order), so events at the same instant follow each other with a 0 s step. A case
// with one event starts and ends there and has no transition; a case without
// events counts nowhere.
DirectlyFollowsGraph directlyFollows(const EventLog& log, std::span<const std::uint32_t> cases);

// The index of an activity code in log.activities; kNoActivity when the log
// does not hold it (so it matches no event).
inline constexpr std::uint32_t kNoActivity = UINT32_MAX;
std::uint32_t activityIndex(const EventLog& log, std::string_view code);

// An interval a manager asks about, e.g. RCV:VET, request received to vetted.
struct IntervalSpec {
    std::string from, to; // activity codes: from the first `from` to the first `to` after it
};

struct IntervalStats {
    DurationStats duration;      // over the cases that have both ends
    std::int64_t withoutEnd = 0; // cases with the first activity but no second one after it
};

// In each given case: from the case's first event of activity `from` to the first
// event of `to` after it in the log's order (at the same instant or later). A
// case without `from` does not count; with `from` but no `to` after it, it counts
// in withoutEnd. When from == to, the interval runs to the activity's second
// event. An activity code the log does not hold matches no event.
IntervalStats intervalStats(const EventLog& log, std::span<const std::uint32_t> cases,
                            std::string_view from, std::string_view to);

} // namespace strawman::model
