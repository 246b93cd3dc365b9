#include "net_states.h"

#include <algorithm>
#include <deque>
#include <string_view>
#include <unordered_map>

namespace strawman::model {

namespace {

// More tokens than this in one place means work piles up without bound.
constexpr std::uint8_t kMaxTokens = 8;

struct Need {
    std::uint32_t place;
    std::uint8_t tokens;
};

std::vector<Need> weights(const std::vector<std::uint32_t>& places) {
    std::vector<Need> out;
    for (const std::uint32_t p : places) {
        auto it = std::find_if(out.begin(), out.end(), [&](const Need& n) { return n.place == p; });
        if (it == out.end())
            out.push_back({p, 1});
        else
            ++it->tokens;
    }
    return out;
}

std::string_view key(const Marking& m) {
    return {reinterpret_cast<const char*>(m.data()), m.size()};
}

std::string describe(const WorkflowNet& net, const Marking& m) {
    std::string out;
    for (std::size_t p = 0; p < m.size(); ++p) {
        if (!m[p]) continue;
        if (!out.empty()) out += ", ";
        out += net.places[p].where;
        if (m[p] > 1) out += " (" + std::to_string(m[p]) + " times)";
    }
    return out;
}

// The transitions a marking enables. Only those taking from a marked place can
// be, so each place lists the transitions that take from it first.
class EnabledSteps {
  public:
    EnabledSteps(std::size_t transitions, std::size_t places,
                 const std::vector<std::vector<Need>>& takes)
        : m_takers(places) {
        for (std::uint32_t t = 0; t < transitions; ++t) {
            if (takes[t].empty())
                m_alwaysEnabled.push_back(t); // a transition taking nothing
            else
                m_takers[takes[t].front().place].push_back(t);
        }
    }

    // Into enabled, in transition order, as runs list them.
    void operator()(const Marking& from, const std::vector<std::vector<Need>>& takes,
                    std::vector<std::uint32_t>& enabled) const {
        enabled = m_alwaysEnabled;
        for (std::uint32_t p = 0; p < m_takers.size(); ++p) {
            if (!from[p]) continue;
            for (const std::uint32_t t : m_takers[p])
                if (std::all_of(takes[t].begin(), takes[t].end(),
                                [&](const Need& n) { return from[n.place] >= n.tokens; }))
                    enabled.push_back(t);
        }
        std::sort(enabled.begin(), enabled.end());
    }

  private:
    std::vector<std::vector<std::uint32_t>> m_takers;
    std::vector<std::uint32_t> m_alwaysEnabled;
};

// No run of the map reaches its end: says why in the map's words, branches
// that meet without a join, or where runs stop.
[[noreturn]] void refuseUnreachableEnd(const WorkflowNet& net, const NetStates& s) {
    for (const Marking& m : s.markings)
        for (std::size_t p = 0; p < net.places.size(); ++p)
            if (m[p] > 1)
                throw NotReplayable(
                    "parallel branches meet " + net.places[p].where +
                    " without a parallel bar to join them, so no case can reach the end with "
                    "all its work finished");
    for (std::uint32_t m = 0; m < s.markings.size(); ++m)
        if (s.arcStart[m] == s.arcStart[m + 1] && m != s.final)
            throw NotReplayable("no case can reach the end: runs stop with work waiting " +
                                describe(net, s.markings[m]));
    throw NotReplayable("no run of the map reaches its end");
}

// Some runs cannot reach the end while others can: the diff replays on those
// that can, and says so.
void warnOfStuckRuns(const WorkflowNet& net, NetStates& s) {
    std::size_t stuck = 0;
    std::uint32_t example = 0;
    for (std::uint32_t m = 0; m < s.markings.size(); ++m)
        if (s.visibleToFinal[m] == NetStates::kNever && stuck++ == 0) example = m;
    if (stuck)
        s.warnings.push_back("some runs of the map cannot reach its end (e.g. with work waiting " +
                             describe(net, s.markings[example]) +
                             "); cases are replayed on the runs that can");
}

} // namespace

NetStates exploreStates(const WorkflowNet& net, std::size_t maxStates) {
    NetStates s;
    const std::size_t placeCount = net.places.size();
    std::vector<std::vector<Need>> takes, gives;
    for (const NetTransition& t : net.transitions) {
        takes.push_back(weights(t.in));
        gives.push_back(weights(t.out));
    }
    Marking initial(placeCount, 0), final(placeCount, 0);
    initial[net.source] = 1;
    final[net.sink] = 1;

    // Markings are found by their bytes; the index's keys view the stored
    // markings (a Marking's bytes stay put when the list grows), and the next
    // marking is built in one buffer, so finding a known one allocates nothing.
    std::unordered_map<std::string_view, std::uint32_t> index;
    auto add = [&](const Marking& m) -> std::uint32_t {
        if (const auto it = index.find(key(m)); it != index.end()) return it->second;
        if (s.markings.size() >= maxStates)
            throw NotReplayable("the map has more than " + std::to_string(maxStates) +
                                " states (many parallel branches); the diff cannot replay it");
        const auto number = static_cast<std::uint32_t>(s.markings.size());
        s.markings.push_back(m);
        index.emplace(key(s.markings.back()), number);
        return number;
    };
    add(initial);

    const EnabledSteps enabledAt(net.transitions.size(), placeCount, takes);

    // Breadth first, so markings are numbered in the order runs reach them.
    s.arcStart.push_back(0);
    Marking next(placeCount, 0);
    std::vector<std::uint32_t> enabled;
    for (std::uint32_t m = 0; m < s.markings.size(); ++m) {
        if (s.markings[m] == final) { // the end: a case is finished, nothing fires on
            s.final = m;
            s.arcStart.push_back(static_cast<std::uint32_t>(s.arcs.size()));
            continue;
        }
        enabledAt(s.markings[m], takes, enabled);
        for (const std::uint32_t t : enabled) {
            next = s.markings[m];
            for (const Need& n : takes[t])
                next[n.place] = static_cast<std::uint8_t>(next[n.place] - n.tokens);
            for (const Need& n : gives[t]) {
                if (next[n.place] + n.tokens > kMaxTokens)
                    throw NotReplayable(
                        "work can pile up without end " + net.places[n.place].where +
                        ": a loop goes back before a parallel split, or parallel branches are "
                        "never joined");
                next[n.place] = static_cast<std::uint8_t>(next[n.place] + n.tokens);
            }
            s.arcs.push_back({t, add(next)});
        }
        s.arcStart.push_back(static_cast<std::uint32_t>(s.arcs.size()));
    }

    // Fewest visible steps to the end, silent arcs free.
    const std::size_t count = s.markings.size();
    s.visibleToFinal.assign(count, NetStates::kNever);
    if (s.final != NetStates::kNever)
        s.visibleToFinal = ArcsInto(s).fewestTo(
            s.final, [&](std::uint32_t t) { return !net.transitions[t].silent(); });

    if (s.visibleToFinal[0] == NetStates::kNever) refuseUnreachableEnd(net, s);
    warnOfStuckRuns(net, s);
    return s;
}

ArcsInto::ArcsInto(const NetStates& s) : m_start(s.markings.size() + 1, 0), m_arcs(s.arcs.size()) {
    for (const NetStates::Arc& arc : s.arcs) ++m_start[arc.to + 1];
    for (std::size_t m = 0; m + 1 < m_start.size(); ++m) m_start[m + 1] += m_start[m];
    std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
    for (std::uint32_t m = 0; m + 1 < m_start.size(); ++m)
        for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a)
            m_arcs[fill[s.arcs[a].to]++] = {s.arcs[a].transition, m};
}

// Breadth first backwards with a deque: a free arc's marking goes to the front,
// a counted one's to the back, so markings leave in order of their count.
std::vector<std::uint32_t> ArcsInto::fewest(std::uint32_t target,
                                            const std::vector<std::uint8_t>& counts) const {
    std::vector<std::uint32_t> steps(m_start.size() - 1, NetStates::kNever);
    std::deque<std::uint32_t> queue{target};
    steps[target] = 0;
    while (!queue.empty()) {
        const std::uint32_t m = queue.front();
        queue.pop_front();
        for (std::uint32_t a = m_start[m]; a < m_start[m + 1]; ++a) {
            const std::uint32_t through = steps[m] + counts[a];
            std::uint32_t& from = steps[m_arcs[a].to];
            if (through >= from) continue;
            from = through;
            if (counts[a])
                queue.push_back(m_arcs[a].to);
            else
                queue.push_front(m_arcs[a].to);
        }
    }
    return steps;
}

} // namespace strawman::model
