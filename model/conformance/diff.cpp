#include "diff.h"

#include "model/core/progress.h"
#include "model/analysis/transitions.h"
#include "variant_alignment.h"
#include "model/analysis/variants.h"

#include <algorithm>
#include <map>
#include <set>

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

constexpr const char* kStart = "\x01start";
constexpr const char* kEnd = "\x01end";

// The activities an arrow can come from (backwards) or lead to (forwards),
// through gateways; wildcard when the way crosses a parallel bar, where the
// branches' steps interleave and no single pair stands for the arrow.
struct Ends {
    std::set<std::string> activities;
    bool wildcard = false;
};

Ends reach(const MapContent& map, NodeId start, bool forwards) {
    Ends out;
    std::set<std::int64_t> seen;
    std::vector<NodeId> stack{start};
    while (!stack.empty()) {
        const NodeId id = stack.back();
        stack.pop_back();
        if (!seen.insert(id.value).second) continue;
        const Node* n = map.findNode(id);
        if (!n) continue;
        switch (n->kind) {
        case NodeKind::Activity:
            out.activities.insert(n->activity);
            continue;
        case NodeKind::Start:
            out.activities.insert(kStart);
            if (!forwards) continue;
            break;
        case NodeKind::End:
            out.activities.insert(kEnd);
            continue;
        case NodeKind::Note:
            continue;
        case NodeKind::Parallel:
            out.wildcard = true;
            break;
        case NodeKind::Decision:
            break;
        }
        for (const Edge& e : map.edges) {
            if (forwards && e.from == id) stack.push_back(e.to);
            if (!forwards && e.to == id) stack.push_back(e.from);
        }
    }
    return out;
}

// Where the diff's steps sit on its progress bar: aligning the variants is
// nearly all of the time.
constexpr double kVariantsFound = 0.05;
constexpr double kVariantsAligned = 0.9;
constexpr std::string_view kAligning = "aligning the variants with the map";

std::string nodeName(const MapContent& map, NodeId id) {
    const Node* n = map.findNode(id);
    if (!n) return {};
    if (!n->label.empty()) return n->label;
    if (!n->activity.empty()) return n->activity;
    return n->key;
}

} // namespace

DiffResult diff(const MapContent& map, const EventLog& log, std::span<const std::uint32_t> cases,
                const DiffOptions& options, Progress* progress) {
    auto report = [progress](double fraction, std::string_view stage) {
        if (!progress) return;
        stopIfCancelled(progress, "the diff was cancelled");
        progress->report(fraction, stage);
    };
    report(0, "reading the map");
    DiffResult r;
    const ReplayModel model = buildReplayModel(map);
    r.warnings = model.net.warnings;
    r.warnings.insert(r.warnings.end(), model.states.warnings.begin(), model.states.warnings.end());
    r.shortestRun = model.states.shortestRun();
    r.cases = static_cast<std::int64_t>(cases.size());

    std::vector<std::int32_t> labelOf(log.activities.size());
    for (std::size_t a = 0; a < log.activities.size(); ++a)
        labelOf[a] = model.labelOf(log.activities[a]);

    report(0, "grouping the cases into variants");
    const std::vector<Variant> variants = rankedVariants(log, cases);
    r.variants = static_cast<std::int64_t>(variants.size());
    report(kVariantsFound, kAligning);
    const double perVariant = (kVariantsAligned - kVariantsFound) /
                              static_cast<double>(std::max<std::size_t>(variants.size(), 1));

    std::map<std::string, ActivityDeviation> perActivity;
    std::map<std::string, UnmodelledActivity> unmodelled;
    double deviationSum = 0, worstSum = 0, fitnessSum = 0;
    std::int64_t aligned = 0, fitting = 0;
    std::vector<std::vector<std::int32_t>> traces(variants.size());
    std::vector<std::vector<std::uint32_t>> eventActivities(
        variants.size()); // trace position -> log activity
    for (std::size_t vi = 0; vi < variants.size(); ++vi) {
        const Variant& v = variants[vi];
        const auto n = static_cast<std::int64_t>(v.cases.size());
        std::set<std::uint32_t> notOnMap;
        for (const std::uint32_t a : v.activities) {
            if (labelOf[a] < 0) {
                unmodelled[log.activities[a]].events += n;
                notOnMap.insert(a);
                if (options.ignoreUnmodelled) continue;
            }
            traces[vi].push_back(labelOf[a]);
            eventActivities[vi].push_back(a);
        }
        for (const std::uint32_t a : notOnMap) unmodelled[log.activities[a]].cases += n;
    }

    const std::vector<VariantAlignment> alignments = alignVariants(
        model, traces, options.maxStatesPerVariant, options.threads, [&](std::size_t done) {
            report(kVariantsFound + perVariant * static_cast<double>(done), kAligning);
        });
    for (std::size_t vi = 0; vi < variants.size(); ++vi) {
        const Variant& v = variants[vi];
        const auto n = static_cast<std::int64_t>(v.cases.size());
        const std::vector<std::int32_t>& trace = traces[vi];
        const std::vector<std::uint32_t>& eventActivity = eventActivities[vi];
        if (const std::exception_ptr& error = alignments[vi].error) {
            try {
                std::rethrow_exception(error);
            } catch (const AlignmentTooLarge& e) {
                if (r.casesLeftOut == 0) r.warnings.push_back(e.what());
                r.casesLeftOut += n;
                continue;
            }
        }
        const Alignment& al = alignments[vi].alignment;
        aligned += n;
        deviationSum += static_cast<double>(al.deviations) * static_cast<double>(n);
        worstSum += static_cast<double>(trace.size() + al.shortestRun) * static_cast<double>(n);
        fitnessSum += al.fitness() * static_cast<double>(n);
        if (al.fitting()) fitting += n;

        std::map<std::string, std::pair<std::int64_t, std::int64_t>>
            moves; // activity -> (skipped, inserted)
        std::vector<std::string> departures;
        for (const Move& mv : al.moves) {
            if (mv.kind == MoveKind::Model) {
                const std::string& code =
                    model.net.transitions[static_cast<std::size_t>(mv.transition)].activity;
                ++moves[code].first;
                const std::string text = code + " skipped";
                if (std::find(departures.begin(), departures.end(), text) == departures.end())
                    departures.push_back(text);
            } else if (mv.kind == MoveKind::Log) {
                const std::string& code =
                    log.activities[eventActivity[static_cast<std::size_t>(mv.event)]];
                ++moves[code].second;
                const std::string text = code + " done where not drawn";
                if (std::find(departures.begin(), departures.end(), text) == departures.end())
                    departures.push_back(text);
            }
        }
        for (const auto& [code, counts] : moves) {
            ActivityDeviation& d = perActivity[code];
            d.activity = code;
            if (counts.first) d.skipped += n;
            if (counts.second) d.inserted += n;
            d.skippedMoves += counts.first * n;
            d.insertedMoves += counts.second * n;
        }
        if (r.topVariants.size() < options.topVariants) {
            DiffVariant dv;
            for (const std::uint32_t a : v.activities) dv.activities.push_back(log.activities[a]);
            dv.count = n;
            dv.fitness = al.fitness();
            dv.deviations = al.deviations;
            dv.departures = std::move(departures);
            r.topVariants.push_back(std::move(dv));
        }
    }
    r.logFitness = worstSum > 0 ? 1.0 - deviationSum / worstSum : 1.0;
    r.averageTraceFitness = aligned > 0 ? fitnessSum / static_cast<double>(aligned) : 1.0;
    r.percentageFitting =
        aligned > 0 ? 100.0 * static_cast<double>(fitting) / static_cast<double>(aligned) : 100.0;

    for (auto& [code, d] : perActivity) r.deviations.push_back(std::move(d));
    std::stable_sort(r.deviations.begin(), r.deviations.end(), [](const auto& a, const auto& b) {
        return a.skipped + a.inserted > b.skipped + b.inserted;
    });
    for (auto& [code, u] : unmodelled) {
        u.activity = code;
        r.unmodelled.push_back(std::move(u));
    }

    // The log's directly-follows graph, each step marked drawn or not.
    report(kVariantsAligned, "counting the steps between activities");
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

    // What each arrow carries; an arrow that carries nothing is one no case
    // follows. Only steps the map allows count, so a step that jumps a whole
    // parallel block is not put on the arrow into it.
    for (const Edge& e : map.edges) {
        ArrowTraffic traffic;
        traffic.edge = e.id;
        const Node* from = map.findNode(e.from);
        const Node* to = map.findNode(e.to);
        if (!from || !to || from->kind == NodeKind::Note || to->kind == NodeKind::Note) {
            r.arrows.push_back(std::move(traffic));
            continue;
        }
        const Ends before = reach(map, e.from, false), after = reach(map, e.to, true);
        auto comesFrom = [&](const std::string& a) {
            return before.wildcard || before.activities.count(a) > 0;
        };
        auto leadsTo = [&](const std::string& b) {
            return after.wildcard || after.activities.count(b) > 0;
        };
        for (std::size_t i = 0; i < r.transitions.size(); ++i) {
            const ObservedTransition& t = r.transitions[i];
            if (!t.drawn || !comesFrom(t.from) || !leadsTo(t.to)) continue;
            traffic.transitions.push_back(i);
            traffic.occurrences += t.count;
        }
        for (std::size_t i = 0; i < r.starts.size(); ++i) {
            if (!r.starts[i].drawn || !comesFrom(kStart) || !leadsTo(r.starts[i].activity))
                continue;
            traffic.starts.push_back(i);
            traffic.occurrences += r.starts[i].cases;
        }
        for (std::size_t i = 0; i < r.ends.size(); ++i) {
            if (!r.ends[i].drawn || !comesFrom(r.ends[i].activity) || !leadsTo(kEnd)) continue;
            traffic.ends.push_back(i);
            traffic.occurrences += r.ends[i].cases;
        }
        if (traffic.occurrences == 0 && r.cases > 0)
            r.unusedEdges.push_back({e.id, nodeName(map, e.from), nodeName(map, e.to)});
        r.arrows.push_back(std::move(traffic));
    }
    if (progress) progress->report(1, "diff done");
    return r;
}

} // namespace strawman::model
