#include "log_stats.h"

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_set>

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

    // A variant is the sequence of activity indexes; hashed as raw bytes.
    std::unordered_set<std::string> variants;
    std::string key;
    for (std::size_t c = 0; c < log.caseCount(); ++c) {
        key.clear();
        for (const auto& e : log.caseEvents(c))
            key.append(reinterpret_cast<const char*>(&e.activity), sizeof e.activity);
        variants.insert(key);
    }
    s.variants = static_cast<std::int64_t>(variants.size());
    return s;
}

} // namespace strawman::model
