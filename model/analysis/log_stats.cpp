#include "log_stats.h"

#include "variants.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace strawman::model {

LogStats logStats(const EventLog& log) {
    LogStats s;
    s.cases = static_cast<std::int64_t>(log.caseCount());
    s.events = static_cast<std::int64_t>(log.events.size());
    s.repeatedEvents = log.repeatedEvents;
    std::vector<std::int64_t> perActivity(log.activities.size());
    s.first = std::numeric_limits<TimeMs>::max();
    s.last = std::numeric_limits<TimeMs>::min();
    for (const auto& e : log.events) {
        ++perActivity[e.activity];
        s.first = std::min(s.first, e.time);
        s.last = std::max(s.last, e.time);
    }
    if (log.events.empty()) s.first = s.last = 0;
    for (std::size_t i = 0; i < perActivity.size(); ++i)
        if (perActivity[i]) s.activities[log.activities[i]] = perActivity[i];

    // Counted as the diff counts them, so the two always agree.
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    s.variants = static_cast<std::int64_t>(rankedVariants(log, cases).size());
    return s;
}

} // namespace strawman::model
