#include "rule_check.h"

#include "model/analysis/duration_stats.h"
#include "model/analysis/log_filter.h"
#include "model/analysis/transitions.h"

#include <algorithm>
#include <map>
#include <optional>

namespace strawman::forum {

namespace {

using model::EventLog;
using model::LoggedEvent;
using model::TimeMs;

using model::activityIndex;
constexpr std::uint32_t kNone = model::kNoActivity;

// The position of a case's first event of `activity`, or nullopt.
std::optional<std::size_t> firstOf(std::span<const LoggedEvent> events, std::uint32_t activity) {
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].activity == activity) return i;
    return std::nullopt;
}

// What one counted case gives: an interval's duration, or whether a share
// rule's condition holds.
struct Measure {
    std::int64_t millis = 0;
    bool holds = false;
};

// The case's measure under the rule, or nullopt when the rule does not count it.
std::optional<Measure> measure(const Rule& rule, std::span<const LoggedEvent> events,
                               std::uint32_t first, std::uint32_t second, bool& withoutEnd) {
    withoutEnd = false;
    const auto a = first == kNone ? std::nullopt : firstOf(events, first);
    switch (rule.kind) {
    case RuleKind::Presence:
        return Measure{0, a.has_value()};
    case RuleKind::Order: {
        const auto b = second == kNone ? std::nullopt : firstOf(events, second);
        if (!a || !b) return std::nullopt;
        return Measure{0, *a < *b};
    }
    case RuleKind::Interval: {
        if (!a) return std::nullopt;
        for (std::size_t i = *a + 1; i < events.size(); ++i)
            if (events[i].activity == second) return Measure{events[i].time - events[*a].time, {}};
        withoutEnd = true;
        return std::nullopt;
    }
    }
    return std::nullopt;
}

// The rule's value over the measures of the cases it counts.
RuleValue valueOf(const Rule& rule, std::vector<Measure> measures) {
    RuleValue v;
    v.cases = static_cast<std::int64_t>(measures.size());
    if (measures.empty()) return v;
    const double n = static_cast<double>(measures.size());
    if (rule.kind == RuleKind::Interval) {
        std::vector<std::int64_t> millis;
        millis.reserve(measures.size());
        std::int64_t within = 0;
        for (const Measure& m : measures) {
            millis.push_back(m.millis);
            if (keeps(static_cast<double>(m.millis) / 1000, rule.comparison, rule.limit)) ++within;
        }
        double ms = 0;
        switch (rule.statistic) {
        case Statistic::P50:
            ms = model::percentile(millis, 50);
            break;
        case Statistic::P90:
            ms = model::percentile(millis, 90);
            break;
        case Statistic::P95:
            ms = model::percentile(millis, 95);
            break;
        case Statistic::Max:
            ms = static_cast<double>(*std::max_element(millis.begin(), millis.end()));
            break;
        }
        v.value = ms / 1000;
        v.shareWithin = 100 * static_cast<double>(within) / n;
    } else {
        const auto holding = std::count_if(measures.begin(), measures.end(),
                                           [](const Measure& m) { return m.holds; });
        v.value = 100 * static_cast<double>(holding) / n;
        v.shareWithin = v.value;
    }
    v.compliant = keeps(v.value, rule.comparison, rule.limit);
    return v;
}

} // namespace

RuleCheck checkRule(const Rule& rule, const EventLog& log, const model::TimeZone& zone) {
    model::LogFilter filter;
    filter.modalities = rule.where.modalities;
    filter.priorities = rule.where.priorities;
    filter.patientSources = rule.where.sources;
    filter.sites = rule.where.sites;
    const std::uint32_t first = activityIndex(log, rule.first);
    const std::uint32_t second = rule.second.empty() ? kNone : activityIndex(log, rule.second);

    RuleCheck check;
    std::vector<Measure> all;
    std::map<std::string, std::vector<Measure>> byMonth;
    model::LocalMonths months(zone);
    for (const std::uint32_t c : model::selectCases(log, filter)) {
        const auto events = log.caseEvents(c);
        bool withoutEnd = false;
        const auto m = measure(rule, events, first, second, withoutEnd);
        if (withoutEnd) ++check.withoutEnd;
        if (!m) continue;
        all.push_back(*m);
        byMonth[months.of(events.front().time)].push_back(*m);
    }
    check.overall = valueOf(rule, std::move(all));
    for (auto& [month, measures] : byMonth)
        check.byMonth.push_back({month, valueOf(rule, std::move(measures))});
    return check;
}

} // namespace strawman::forum
