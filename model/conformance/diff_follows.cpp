// The diff's second step (diff_steps.h): the log's directly-follows steps,
// each marked drawn when some run of the map does the two activities one
// straight after the other.
#include "diff_steps.h"

#include "model/analysis/transitions.h"

namespace strawman::model {

namespace {

// The map's directly-follows footprint, from its states: which activity can
// follow which straight away in some run (a visible step, then any silent ones,
// then the next visible step), and which can begin or finish a run.
struct Footprint {
    std::vector<std::vector<bool>> follows; // [a][b], by label
    std::vector<bool> first, last;
};

// From a marking, through silent steps only: the label of each visible step
// that can come next, and whether the run can finish there. Each search marks
// the states it reaches with its own number, so that none has to clear a
// table the size of the map's states.
class NextSteps {
  public:
    explicit NextSteps(const ReplayModel& m) : m_model(m), m_seen(m.states.markings.size(), 0) {}

    template <class OnStep> bool operator()(std::uint32_t marking, OnStep onStep) {
        const NetStates& s = m_model.states;
        ++m_search;
        m_stack.assign(1, marking);
        m_seen[marking] = m_search;
        bool canFinish = false;
        while (!m_stack.empty()) {
            const std::uint32_t at = m_stack.back();
            m_stack.pop_back();
            canFinish = canFinish || at == s.final;
            for (std::uint32_t b = s.arcStart[at]; b < s.arcStart[at + 1]; ++b) {
                const NetStates::Arc arc = s.arcs[b];
                if (s.visibleToFinal[arc.to] == NetStates::kNever) continue; // a dead end
                const std::int32_t next = m_model.transitionLabel[arc.transition];
                if (next >= 0)
                    onStep(static_cast<std::size_t>(next));
                else if (m_seen[arc.to] != m_search) {
                    m_seen[arc.to] = m_search;
                    m_stack.push_back(arc.to);
                }
            }
        }
        return canFinish;
    }

  private:
    const ReplayModel& m_model;
    std::vector<std::uint32_t> m_seen; // per marking: the last search that reached it
    std::vector<std::uint32_t> m_stack;
    std::uint32_t m_search = 0;
};

Footprint footprint(const ReplayModel& m) {
    const std::size_t labels = m.labels.size();
    Footprint f{std::vector<std::vector<bool>>(labels, std::vector<bool>(labels, false)),
                std::vector<bool>(labels, false), std::vector<bool>(labels, false)};
    const NetStates& s = m.states;
    auto useful = [&](std::uint32_t marking) {
        return s.visibleToFinal[marking] != NetStates::kNever;
    };
    if (s.markings.empty() || !useful(0)) return f;
    NextSteps nextSteps(m);
    nextSteps(0, [&](std::size_t label) { f.first[label] = true; });
    // Many arrows of the state graph lead to the same state: what can follow
    // a state is found once, not once per arrow into it.
    enum class Finish : std::uint8_t { Unknown, Cannot, Can };
    std::vector<Finish> finish(s.markings.size(), Finish::Unknown);
    std::vector<std::vector<std::uint32_t>> next(s.markings.size());
    std::vector<std::uint32_t> listed(labels, 0); // per label: the last state whose list has it
    std::uint32_t search = 0;
    for (std::uint32_t from = 0; from < s.markings.size(); ++from) {
        if (!useful(from)) continue;
        for (std::uint32_t a = s.arcStart[from]; a < s.arcStart[from + 1]; ++a) {
            const std::int32_t label = m.transitionLabel[s.arcs[a].transition];
            const std::uint32_t to = s.arcs[a].to;
            if (label < 0 || !useful(to)) continue;
            if (finish[to] == Finish::Unknown) {
                ++search;
                finish[to] = nextSteps(to,
                                       [&](std::size_t l) {
                                           if (listed[l] == search)
                                               return; // reached along several silent ways
                                           listed[l] = search;
                                           next[to].push_back(static_cast<std::uint32_t>(l));
                                       })
                                 ? Finish::Can
                                 : Finish::Cannot;
            }
            const auto first = static_cast<std::size_t>(label);
            for (const std::uint32_t l : next[to]) f.follows[first][l] = true;
            if (finish[to] == Finish::Can) f.last[first] = true;
        }
    }
    return f;
}

} // namespace

void countStepsBetweenActivities(DiffResult& r, const ReplayModel& model, const EventLog& log,
                                 std::span<const std::uint32_t> cases,
                                 const std::vector<std::int32_t>& labelOf) {
    const Footprint drawn = footprint(model);
    const DirectlyFollowsGraph dfg = directlyFollows(log, cases);
    for (const Transition& t : dfg.transitions) {
        ObservedTransition o;
        o.from = log.activities[t.from];
        o.to = log.activities[t.to];
        o.count = t.occurrences;
        o.cases = t.cases;
        o.duration = t.duration;
        const std::int32_t a = labelOf[t.from], b = labelOf[t.to];
        o.drawn = a >= 0 && b >= 0 &&
                  drawn.follows[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
        r.transitions.push_back(std::move(o));
    }
    auto boundaries = [&](const std::vector<ActivityCount>& counts,
                          const std::vector<bool>& allowed) {
        std::vector<CaseBoundary> out;
        for (const ActivityCount& c : counts) {
            const std::int32_t label = labelOf[c.activity];
            out.push_back({log.activities[c.activity], c.cases,
                           label >= 0 && allowed[static_cast<std::size_t>(label)]});
        }
        return out;
    };
    r.starts = boundaries(dfg.starts, drawn.first);
    r.ends = boundaries(dfg.ends, drawn.last);
}

} // namespace strawman::model
