// The A* search as first written, kept as the reference the faster search in
// alignment.cpp is tested against: a node-based map, a binary heap and the
// reach bound alone, rescanned per state.
#include "alignment_reference.h"

#include <algorithm>
#include <queue>
#include <unordered_map>

namespace strawman::model {

namespace {

// Costs as one number: deviations weigh more than any number of silent moves.
constexpr std::uint64_t kDeviation = std::uint64_t{1} << 32;

struct Visit {
    std::uint64_t cost = UINT64_MAX; // best known cost from the start
    std::uint64_t parent = UINT64_MAX;
    Move move{MoveKind::Silent, -1, -1};
    bool closed = false;
};

struct Open {
    std::uint64_t estimate; // cost so far + lower bound of the rest
    std::uint32_t position; // events done
    std::uint64_t state;
    bool operator>(const Open& o) const {
        if (estimate != o.estimate) return estimate > o.estimate;
        if (position != o.position) return position < o.position; // deeper first
        return state > o.state;
    }
};

// Lower bound on the deviations still to come from (marking, position): the
// events no step reachable from m can match, and the visible steps the map
// still needs beyond those the rest of the case can match.
std::uint64_t reachBound(const ReplayModel& model, std::span<const std::int32_t> trace,
                         std::uint32_t m, std::uint32_t i) {
    const auto n = static_cast<std::uint32_t>(trace.size());
    std::uint32_t forced = 0;
    const auto& reach = model.reach[m];
    for (std::uint32_t j = i; j < n; ++j) {
        const std::int32_t l = trace[j];
        if (l < 0 || !(reach[static_cast<std::size_t>(l) / 64] >> (l % 64) & 1)) ++forced;
    }
    const std::uint32_t matchable = n - i - forced;
    const std::uint32_t needed = model.states.visibleToFinal[m];
    return (forced + (needed > matchable ? needed - matchable : 0)) * kDeviation;
}

// The moves from start to goal, and the deviations they make.
void pathTo(const std::unordered_map<std::uint64_t, Visit>& visits, std::uint64_t start,
            std::uint64_t goal, Alignment& result) {
    for (std::uint64_t at = goal; at != start;) {
        const Visit& v = visits.at(at);
        result.moves.push_back(v.move);
        at = v.parent;
    }
    std::reverse(result.moves.begin(), result.moves.end());
    const std::uint64_t cost = visits.at(goal).cost;
    result.deviations = static_cast<std::uint32_t>(cost / kDeviation);
    result.silentMoves = static_cast<std::uint32_t>(cost % kDeviation);
}

} // namespace

Alignment alignReference(const ReplayModel& model, std::span<const std::int32_t> trace,
                         std::uint64_t maxStates) {
    const NetStates& s = model.states;
    const auto n = static_cast<std::uint32_t>(trace.size());
    const std::uint64_t width = n + 1;
    const auto stateOf = [&](std::uint32_t marking, std::uint32_t position) {
        return marking * width + position;
    };

    const auto bound = [&](std::uint32_t m, std::uint32_t i) {
        return reachBound(model, trace, m, i);
    };

    std::unordered_map<std::uint64_t, Visit> visits;
    visits.reserve(256);
    std::priority_queue<Open, std::vector<Open>, std::greater<>> open;
    const std::uint64_t start = stateOf(0, 0);
    visits[start].cost = 0;
    open.push({bound(0, 0), 0, start});

    Alignment result;
    result.traceLength = n;
    result.shortestRun = s.shortestRun();
    const std::uint64_t goal = stateOf(s.final, n);

    auto relax = [&](std::uint64_t from, std::uint64_t cost, std::uint32_t m, std::uint32_t i,
                     Move move) {
        if (s.visibleToFinal[m] == NetStates::kNever) return; // no way to the end from there
        const std::uint64_t to = stateOf(m, i);
        Visit& v = visits[to];
        if (v.closed || cost >= v.cost) return;
        v.cost = cost;
        v.parent = from;
        v.move = move;
        open.push({cost + bound(m, i), i, to});
    };

    while (!open.empty()) {
        const Open top = open.top();
        open.pop();
        Visit& here = visits[top.state];
        if (here.closed) continue;
        here.closed = true;
        if (++result.statesVisited > maxStates)
            throw AlignmentTooLarge("a case of " + std::to_string(n) + " events needed more than " +
                                    std::to_string(maxStates) +
                                    " search states; it is left out of the diff");
        if (top.state == goal) break;
        const auto m = static_cast<std::uint32_t>(top.state / width);
        const auto i = static_cast<std::uint32_t>(top.state % width);
        const std::uint64_t cost = here.cost;
        if (i < n)
            relax(top.state, cost + kDeviation, m, i + 1,
                  {MoveKind::Log, static_cast<std::int32_t>(i), -1});
        for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a) {
            const NetStates::Arc arc = s.arcs[a];
            const std::int32_t label = model.transitionLabel[arc.transition];
            const auto t = static_cast<std::int32_t>(arc.transition);
            if (label < 0) {
                relax(top.state, cost + 1, arc.to, i, {MoveKind::Silent, -1, t});
                continue;
            }
            if (i < n && trace[i] == label)
                relax(top.state, cost, arc.to, i + 1,
                      {MoveKind::Sync, static_cast<std::int32_t>(i), t});
            relax(top.state, cost + kDeviation, arc.to, i, {MoveKind::Model, -1, t});
        }
    }

    const auto found = visits.find(goal);
    if (found == visits.end() || !found->second.closed)
        // exploreStates refuses such maps
        throw Error("no alignment found: the map's end is not reachable");
    pathTo(visits, start, goal, result);
    return result;
}

} // namespace strawman::model
