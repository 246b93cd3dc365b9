#include "transitions.h"

#include "activity_order.h"

#include <algorithm>
#include <unordered_map>

namespace strawman::model {

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

// Numbers the (from, to) pairs met, in the order met. A dense table when the
// activities are few (always, for mapped RIS codes), a hash map otherwise.
class PairNumbers {
  public:
    explicit PairNumbers(std::size_t activities) : m_activities(activities) {
        if (activities <= kDenseActivities) m_dense.assign(activities * activities, kNone);
    }

    std::uint32_t number(std::uint32_t from, std::uint32_t to) {
        const std::size_t key = std::size_t{from} * m_activities + to;
        std::uint32_t& n =
            m_dense.empty() ? m_sparse.try_emplace(key, kNone).first->second : m_dense[key];
        if (n == kNone) {
            n = static_cast<std::uint32_t>(pairs.size());
            pairs.push_back({from, to});
        }
        return n;
    }

    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;

  private:
    static constexpr std::size_t kDenseActivities = 1024; // a 4 MiB table at most

    std::size_t m_activities;
    std::vector<std::uint32_t> m_dense;
    std::unordered_map<std::size_t, std::uint32_t> m_sparse;
};

std::vector<ActivityCount> ranked(const std::vector<std::int64_t>& perActivity,
                                  const std::vector<std::uint32_t>& codeRank) {
    std::vector<ActivityCount> out;
    for (std::uint32_t a = 0; a < perActivity.size(); ++a)
        if (perActivity[a]) out.push_back({a, perActivity[a]});
    std::sort(out.begin(), out.end(), [&](const ActivityCount& x, const ActivityCount& y) {
        if (x.cases != y.cases) return x.cases > y.cases;
        return codeRank[x.activity] < codeRank[y.activity];
    });
    return out;
}

} // namespace

DirectlyFollowsGraph directlyFollows(const EventLog& log, std::span<const std::uint32_t> cases) {
    DirectlyFollowsGraph g;
    const std::size_t activities = log.activities.size();
    std::vector<std::int64_t> starts(activities), ends(activities);
    PairNumbers numbers(activities);
    std::vector<std::int64_t> occurrences, caseCounts;
    std::vector<std::size_t> lastSeen; // per pair: the position in `cases` that last counted it

    // First pass: count, so the second can lay every pair's durations out in one array.
    for (std::size_t p = 0; p < cases.size(); ++p) {
        const auto events = log.caseEvents(cases[p]);
        if (events.empty()) continue;
        ++starts[events.front().activity];
        ++ends[events.back().activity];
        for (std::size_t i = 1; i < events.size(); ++i) {
            const std::uint32_t n = numbers.number(events[i - 1].activity, events[i].activity);
            if (n == occurrences.size()) {
                occurrences.push_back(0);
                caseCounts.push_back(0);
                lastSeen.push_back(SIZE_MAX);
            }
            ++occurrences[n];
            if (lastSeen[n] != p) {
                lastSeen[n] = p;
                ++caseCounts[n];
            }
        }
    }

    std::vector<std::size_t> next(occurrences.size() + 1, 0); // where each pair's durations go
    for (std::size_t n = 0; n < occurrences.size(); ++n)
        next[n + 1] = next[n] + static_cast<std::size_t>(occurrences[n]);
    std::vector<std::int64_t> millis(next.back());
    const std::vector<std::size_t> begin(next.begin(), next.end());
    for (const auto c : cases) {
        const auto events = log.caseEvents(c);
        for (std::size_t i = 1; i < events.size(); ++i) {
            const std::uint32_t n = numbers.number(events[i - 1].activity, events[i].activity);
            millis[next[n]++] = events[i].time - events[i - 1].time;
        }
    }

    g.transitions.reserve(occurrences.size());
    for (std::size_t n = 0; n < occurrences.size(); ++n) {
        const std::span<std::int64_t> steps(millis.data() + begin[n], millis.data() + begin[n + 1]);
        g.transitions.push_back({numbers.pairs[n].first, numbers.pairs[n].second, occurrences[n],
                                 caseCounts[n], durationStats(steps)});
    }
    const auto codeRank = activityCodeRanks(log);
    std::sort(g.transitions.begin(), g.transitions.end(),
              [&](const Transition& x, const Transition& y) {
                  if (x.occurrences != y.occurrences) return x.occurrences > y.occurrences;
                  if (x.from != y.from) return codeRank[x.from] < codeRank[y.from];
                  return codeRank[x.to] < codeRank[y.to];
              });
    g.starts = ranked(starts, codeRank);
    g.ends = ranked(ends, codeRank);
    return g;
}

std::uint32_t activityIndex(const EventLog& log, std::string_view code) {
    const auto it = std::find(log.activities.begin(), log.activities.end(), code);
    if (it == log.activities.end()) return kNone;
    return static_cast<std::uint32_t>(it - log.activities.begin());
}

IntervalStats intervalStats(const EventLog& log, std::span<const std::uint32_t> cases,
                            std::string_view from, std::string_view to) {
    IntervalStats s;
    const std::uint32_t a = activityIndex(log, from), b = activityIndex(log, to);
    if (a == kNone) return s;
    std::vector<std::int64_t> millis;
    for (const auto c : cases) {
        const auto events = log.caseEvents(c);
        const auto start = std::find_if(events.begin(), events.end(),
                                        [&](const LoggedEvent& e) { return e.activity == a; });
        if (start == events.end()) continue;
        const auto end = std::find_if(start + 1, events.end(),
                                      [&](const LoggedEvent& e) { return e.activity == b; });
        if (end == events.end())
            ++s.withoutEnd;
        else
            millis.push_back(end->time - start->time);
    }
    s.duration = durationStats(millis);
    return s;
}

} // namespace strawman::model
