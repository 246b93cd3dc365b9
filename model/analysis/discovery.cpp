#include "discovery.h"

#include "transitions.h"

#include <algorithm>
#include <map>
#include <set>

namespace strawman::model {

namespace {

// Per activity: the cases it occurs in.
std::vector<std::int64_t> casesWithEach(const EventLog& log, std::span<const std::uint32_t> cases) {
    std::vector<std::int64_t> casesWith(log.activities.size(), 0);
    std::vector<std::uint32_t> seenIn(log.activities.size(), UINT32_MAX);
    for (const std::uint32_t c : cases)
        for (const LoggedEvent& e : log.caseEvents(c))
            if (seenIn[e.activity] != c) {
                seenIn[e.activity] = c;
                ++casesWith[e.activity];
            }
    return casesWith;
}

NodeId addNode(MapContent& map, NodeKind kind, std::string key, std::string label,
               std::string activity) {
    Node n;
    n.id = NodeId{static_cast<std::int64_t>(map.nodes.size() + 1)};
    n.kind = kind;
    n.key = std::move(key);
    n.label = std::move(label);
    n.activity = std::move(activity);
    defaultSize(kind, n.width, n.height);
    map.nodes.push_back(std::move(n));
    return map.nodes.back().id;
}

// A possible arrow: a step (or a start or an end) of the log, and its cases.
struct Candidate {
    NodeId from, to;
    std::int64_t cases;
};

// The steps between the activities kept, most cases first.
std::vector<Candidate> candidateArrows(const DirectlyFollowsGraph& dfg,
                                       std::map<std::uint32_t, NodeId>& nodeOf, NodeId start,
                                       NodeId end) {
    std::vector<Candidate> candidates;
    for (const ActivityCount& s : dfg.starts)
        if (nodeOf.count(s.activity)) candidates.push_back({start, nodeOf[s.activity], s.cases});
    for (const Transition& t : dfg.transitions)
        if (nodeOf.count(t.from) && nodeOf.count(t.to))
            candidates.push_back({nodeOf[t.from], nodeOf[t.to], t.cases});
    for (const ActivityCount& e : dfg.ends)
        if (nodeOf.count(e.activity)) candidates.push_back({nodeOf[e.activity], end, e.cases});
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.cases > b.cases; });
    return candidates;
}

// The arrows kept: those often enough; then the most common way in and out of
// any activity left without one.
template <class Often>
std::vector<bool> keptArrows(const std::vector<Candidate>& candidates,
                             const std::map<std::uint32_t, NodeId>& nodeOf, Often often) {
    std::vector<bool> kept(candidates.size(), false);
    std::set<std::int64_t> hasIn, hasOut;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (often(candidates[i].cases)) {
            kept[i] = true;
            hasOut.insert(candidates[i].from.value);
            hasIn.insert(candidates[i].to.value);
        }
    for (const auto& [activity, node] : nodeOf) {
        for (std::size_t i = 0; i < candidates.size() && !hasIn.count(node.value); ++i)
            if (candidates[i].to == node && !kept[i]) {
                kept[i] = true;
                hasIn.insert(node.value);
            }
        for (std::size_t i = 0; i < candidates.size() && !hasOut.count(node.value); ++i)
            if (candidates[i].from == node && !kept[i]) {
                kept[i] = true;
                hasOut.insert(node.value);
            }
    }
    return kept;
}

} // namespace

MapContent discoverMap(const EventLog& log, std::span<const std::uint32_t> cases,
                       const DiscoveryOptions& options) {
    const DirectlyFollowsGraph dfg = directlyFollows(log, cases);
    const double total = static_cast<double>(cases.size());
    const auto often = [&](std::int64_t n) {
        return n > 0 && static_cast<double>(n) >= options.minFrequency * total;
    };
    const std::vector<std::int64_t> casesWith = casesWithEach(log, cases);

    MapContent map;
    const NodeId start = addNode(map, NodeKind::Start, "start", "Start", "");
    std::map<std::uint32_t, NodeId> nodeOf;
    for (std::uint32_t a = 0; a < log.activities.size(); ++a) {
        if (!often(casesWith[a])) continue;
        const std::string& code = log.activities[a];
        const auto name = options.names.find(code);
        nodeOf[a] = addNode(map, NodeKind::Activity, code,
                            name != options.names.end() ? name->second : code, code);
    }
    const NodeId end = addNode(map, NodeKind::End, "end", "End", "");

    const std::vector<Candidate> candidates = candidateArrows(dfg, nodeOf, start, end);
    const std::vector<bool> kept = keptArrows(candidates, nodeOf, often);
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (kept[i])
            map.edges.push_back({EdgeId{static_cast<std::int64_t>(map.edges.size() + 1)},
                                 candidates[i].from, candidates[i].to,
                                 std::to_string(candidates[i].cases) + " cases"});
    return map;
}

} // namespace strawman::model
