#include "alignment.h"

#include <algorithm>
#include <bit>
#include <future>
#include <map>

namespace strawman::model {

std::int32_t ReplayModel::labelOf(std::string_view activity) const {
    const auto it = std::find(labels.begin(), labels.end(), activity);
    return it == labels.end() ? -1 : static_cast<std::int32_t>(it - labels.begin());
}

namespace {

// Below this many arcs between a map's states, a second thread costs more
// than it saves.
constexpr std::size_t kArcsWorthAThread = 20'000;

} // namespace

ReplayModel buildReplayModel(const MapContent& map) {
    ReplayModel r;
    r.net = toWorkflowNet(map);
    r.states = exploreStates(r.net);
    for (const NetTransition& t : r.net.transitions) {
        if (t.silent()) {
            r.transitionLabel.push_back(-1);
            continue;
        }
        std::int32_t l = r.labelOf(t.activity);
        if (l < 0) {
            l = static_cast<std::int32_t>(r.labels.size());
            r.labels.push_back(t.activity);
        }
        r.transitionLabel.push_back(l);
    }

    // What each state can still do on the way to the end: a fixpoint over the
    // state graph, through states from which the end is reachable; backwards,
    // as arcs mostly lead to markings found later, so a round or two settles it.
    const NetStates& s = r.states;
    // How often each activity can and must still happen is the biggest of the
    // tables; on a large map it is worked out on a second thread meanwhile.
    const auto count = [&] { return countLabels(s, r.transitionLabel, r.labels.size()); };
    std::future<LabelCounts> counted;
    if (s.arcs.size() >= kArcsWorthAThread) counted = std::async(std::launch::async, count);

    const std::size_t words = (r.labels.size() + 63) / 64;
    r.reach.assign(s.markings.size(), std::vector<std::uint64_t>(words, 0));
    for (bool changed = true; changed;) {
        changed = false;
        for (auto m = static_cast<std::uint32_t>(s.markings.size()); m-- > 0;) {
            if (s.visibleToFinal[m] == NetStates::kNever) continue;
            for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a) {
                const NetStates::Arc arc = s.arcs[a];
                if (s.visibleToFinal[arc.to] == NetStates::kNever) continue;
                // In place: a copy per arrow and round was most of the time on
                // maps of thousands of states.
                std::vector<std::uint64_t>& bits = r.reach[m];
                const std::vector<std::uint64_t>& after = r.reach[arc.to];
                for (std::size_t w = 0; w < words; ++w) {
                    const std::uint64_t more = bits[w] | after[w];
                    changed = changed || more != bits[w];
                    bits[w] = more;
                }
                if (const std::int32_t l = r.transitionLabel[arc.transition]; l >= 0) {
                    const std::uint64_t bit = std::uint64_t{1} << (l % 64);
                    std::uint64_t& word = bits[static_cast<std::size_t>(l) / 64];
                    changed = changed || !(word & bit);
                    word |= bit;
                }
            }
        }
    }

    std::map<std::vector<std::uint64_t>, std::uint32_t> classes;
    for (const auto& bits : r.reach)
        r.reachClass.push_back(
            classes.try_emplace(bits, static_cast<std::uint32_t>(classes.size())).first->second);
    r.reachClasses = static_cast<std::uint32_t>(classes.size());
    r.silent = planSilentSteps(r.net, s, r.transitionLabel);
    r.counts = counted.valid() ? counted.get() : count();
    return r;
}

double Alignment::fitness() const {
    const double worst = static_cast<double>(traceLength) + static_cast<double>(shortestRun);
    return worst == 0 ? 1.0 : 1.0 - static_cast<double>(deviations) / worst;
}

namespace {

// Costs as one number: deviations weigh more than any number of silent moves.
constexpr std::uint64_t kDeviation = std::uint64_t{1} << 32;
constexpr std::uint32_t kNone = UINT32_MAX;

// Bound tables past this many entries are not kept: the bound is then counted
// afresh each time, as a very long case on a map of many states would
// otherwise hold gigabytes.
constexpr std::size_t kMaxBoundEntries = std::size_t{1} << 24;

// Below this many (marking, position) pairs a case's states are found by direct
// index rather than by hashing.
constexpr std::size_t kMaxDirectStates = std::size_t{1} << 21;

struct SearchState {
    std::uint64_t cost; // best known cost from the start
    std::uint32_t parent;
    std::uint32_t marking;
    std::uint32_t position; // events done
    std::uint32_t bound;    // deviations still to come at least; kNone until needed
    bool closed;
    Move move;
};

// The open states by estimate: deviations (so far and still to come at least),
// then silent moves (so far and still to come at least); among equal estimates
// the state with more events done first (so that a case's events are matched
// in their order where alignments tie: a test booked before vetting reads as
// vetting late, not as booking early), then the lower marking, as the first
// A* orders them (so the demo network's departures read as they always have),
// then the one found first. A heap per number of deviations:
// the bound is consistent (it never falls by more than a move costs), so
// estimates taken out never fall and a cursor over the heaps finds the least.
class OpenStates {
  public:
    void clear() {
        // A long case can leave big heaps the next cases would not use; they are
        // given back rather than kept for every case to come.
        for (std::size_t d = 0; d < m_used; ++d) {
            std::vector<Entry>& heap = m_heaps[d];
            if (heap.capacity() > kKeptHeap)
                std::vector<Entry>().swap(heap);
            else
                heap.clear();
        }
        m_used = 0;
        m_deviations = 0;
        m_size = 0;
    }
    bool empty() const { return m_size == 0; }

    void push(std::uint32_t deviations, std::uint32_t silent, std::uint32_t position,
              std::uint32_t marking, std::uint32_t state) {
        if (deviations >= m_heaps.size()) m_heaps.resize(deviations + 1);
        m_used = std::max<std::size_t>(m_used, deviations + 1);
        std::vector<Entry>& heap = m_heaps[deviations];
        heap.push_back(
            {std::uint64_t{silent} << 32 | ~position, std::uint64_t{marking} << 32 | state});
        std::push_heap(heap.begin(), heap.end(), Later{});
        ++m_size;
        // Only an inconsistent bound would push below the cursor; stay correct anyway.
        m_deviations = std::min(m_deviations, deviations);
    }

    std::uint32_t pop() {
        while (m_heaps[m_deviations].empty()) ++m_deviations; // the queue is not empty
        std::vector<Entry>& heap = m_heaps[m_deviations];
        std::pop_heap(heap.begin(), heap.end(), Later{});
        const auto state = static_cast<std::uint32_t>(heap.back().order);
        heap.pop_back();
        --m_size;
        return state;
    }

  private:
    // The order as two words compared without branches: a pop from a big heap
    // otherwise loses much of its time to mispredicted comparisons.
    struct Entry {
        std::uint64_t silentFirst; // silent moves above, ~position below
        std::uint64_t order;       // marking above, state below
    };
    struct Later {
        bool operator()(const Entry& a, const Entry& b) const {
            return (a.silentFirst > b.silentFirst) |
                   ((a.silentFirst == b.silentFirst) & (a.order > b.order));
        }
    };
    static constexpr std::size_t kKeptHeap = 1 << 16;
    std::vector<std::vector<Entry>> m_heaps; // by deviations
    std::size_t m_used = 0, m_size = 0;      // heaps pushed to since the last clear
    std::uint32_t m_deviations = 0;
};

// (marking, position) -> index of its SearchState: open addressing with linear
// probing; a generation number empties it for the next case without touching
// its memory.
class StateIndex {
  public:
    void clear() {
        m_used = 0;
        if (++m_generation == 0) {
            std::fill(m_slots.begin(), m_slots.end(), Slot{});
            m_generation = 1;
        }
    }

    // The slot for key, holding kNone when the key is new.
    std::uint32_t& at(std::uint64_t key) {
        if ((m_used + 1) * 2 > m_slots.size()) grow();
        for (std::size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            Slot& s = m_slots[i];
            if (s.generation != m_generation) {
                s = {key, kNone, m_generation};
                ++m_used;
                return s.state;
            }
            if (s.key == key) return s.state;
        }
    }

  private:
    struct Slot {
        std::uint64_t key = 0;
        std::uint32_t state = kNone;
        std::uint32_t generation = 0;
    };

    std::size_t slotOf(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> m_shift) & m_mask;
    }

    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        const std::size_t size = std::max<std::size_t>(1024, old.size() * 2);
        m_slots.assign(size, Slot{});
        m_mask = size - 1;
        m_shift = 64 - static_cast<unsigned>(std::countr_zero(size));
        const std::uint32_t generation = m_generation;
        m_generation = 1;
        m_used = 0;
        for (const Slot& s : old)
            if (s.generation == generation) at(s.key) = s.state;
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0, m_used = 0;
    unsigned m_shift = 64;
    std::uint32_t m_generation = 1;
};

std::uint64_t keyOf(std::uint32_t marking, std::uint32_t position) {
    return std::uint64_t{marking} << 32 | position;
}

} // namespace

struct Aligner::Tables {
    std::vector<SearchState> states;
    StateIndex index;
    OpenStates open;
    struct DirectSlot {
        std::uint32_t caseNumber = 0; // the slot is empty unless it is the current case's
        std::uint32_t state = kNone;
    };
    std::vector<DirectSlot> direct; // per position * markings + marking
    // Per reach class, for the current case: where its counts of events no
    // step can match from position i on start in `forced`.
    std::vector<std::uint32_t> classCase, classStart;
    std::vector<std::uint32_t> forced;
    std::uint32_t caseNumber = 0;
    // The case's events from position i on, per label it has: remaining[i * kinds + kind].
    std::vector<std::uint32_t> kindOf; // label -> kind in this case, kNone when it has none
    std::vector<std::int32_t> kindLabel;
    std::vector<std::uint32_t> remaining;

    // Empties the tables for a case of n events; true when its states are
    // found by direct slots rather than by the hash index.
    bool startCase(std::size_t markings, std::uint32_t n) {
        states.clear();
        index.clear();
        open.clear();
        forced.clear();
        if (++caseNumber == 0) {
            std::fill(classCase.begin(), classCase.end(), 0);
            std::fill(direct.begin(), direct.end(), DirectSlot{});
            caseNumber = 1;
        }
        const bool useDirect = markings * (n + 1) <= kMaxDirectStates;
        if (useDirect && direct.size() < markings * (n + 1)) direct.resize(markings * (n + 1));
        return useDirect;
    }

    // Per-label counts of the rest of the case, for the label-count bound;
    // false when the bound is not used (the map's counts unknown, or too large
    // a table).
    bool countLabelsLeft(std::span<const std::int32_t> trace, bool countsKnown) {
        const auto n = static_cast<std::uint32_t>(trace.size());
        for (const std::int32_t l : kindLabel) kindOf[static_cast<std::size_t>(l)] = kNone;
        kindLabel.clear();
        for (const std::int32_t l : trace)
            if (l >= 0 && kindOf[static_cast<std::size_t>(l)] == kNone) {
                kindOf[static_cast<std::size_t>(l)] = static_cast<std::uint32_t>(kindLabel.size());
                kindLabel.push_back(l);
            }
        const auto kinds = static_cast<std::uint32_t>(kindLabel.size());
        if (!countsKnown || std::size_t{kinds + 1} * (n + 1) > kMaxBoundEntries) return false;
        remaining.assign(std::size_t{kinds} * (n + 1), 0);
        for (std::uint32_t j = n; j-- > 0;) {
            std::copy_n(remaining.data() + std::size_t{j + 1} * kinds, kinds,
                        remaining.data() + std::size_t{j} * kinds);
            if (trace[j] >= 0)
                ++remaining[std::size_t{j} * kinds + kindOf[static_cast<std::size_t>(trace[j])]];
        }
        return true;
    }

    // The moves from the first state to goal, and the deviations they make.
    void pathTo(std::uint32_t goal, Alignment& result) const {
        for (std::uint32_t at = goal; at != 0; at = states[at].parent)
            result.moves.push_back(states[at].move);
        std::reverse(result.moves.begin(), result.moves.end());
        result.deviations = static_cast<std::uint32_t>(states[goal].cost / kDeviation);
        result.silentMoves = static_cast<std::uint32_t>(states[goal].cost % kDeviation);
    }
};

Aligner::Aligner(const ReplayModel& model) : m_model(model), m_tables(std::make_unique<Tables>()) {
    m_tables->classCase.assign(model.reachClasses, 0);
    m_tables->classStart.assign(model.reachClasses, 0);
    m_tables->kindOf.assign(model.labels.size(), kNone);
}

Aligner::~Aligner() = default;

// The A* search reads better whole: its slots, bounds and relax step share the
// case's tables and are inlined into the loop, where a call per state taken
// costs measurably (see relax).
Alignment Aligner::align(std::span<const std::int32_t> trace, std::uint64_t maxStates) {
    const ReplayModel& model = m_model;
    const NetStates& s = model.states;
    Tables& t = *m_tables;
    const auto n = static_cast<std::uint32_t>(trace.size());

    const std::size_t markings = s.markings.size();
    const bool direct = t.startCase(markings, n);
    const auto slotOf = [&](std::uint32_t m, std::uint32_t i) -> std::uint32_t& {
        if (!direct) return t.index.at(keyOf(m, i));
        const std::size_t d = std::size_t{i} * markings + m;
        Tables::DirectSlot& slot = t.direct[d];
        if (slot.caseNumber != t.caseNumber) slot = {t.caseNumber, kNone};
        return slot.state;
    };

    const auto cannotMatch = [&](std::uint32_t m, std::uint32_t j) {
        const std::int32_t l = trace[j];
        return l < 0 || !(model.reach[m][static_cast<std::size_t>(l) / 64] >> (l % 64) & 1);
    };
    // Events from position i on that no step reachable from m can match.
    const auto forcedFrom = [&](std::uint32_t m, std::uint32_t i) -> std::uint32_t {
        const std::uint32_t c = model.reachClass[m];
        if (t.classCase[c] != t.caseNumber) {
            if (t.forced.size() + n + 1 > kMaxBoundEntries) {
                std::uint32_t forced = 0;
                for (std::uint32_t j = i; j < n; ++j) forced += cannotMatch(m, j) ? 1 : 0;
                return forced;
            }
            t.classCase[c] = t.caseNumber;
            t.classStart[c] = static_cast<std::uint32_t>(t.forced.size());
            t.forced.resize(t.forced.size() + n + 1);
            std::uint32_t* counts = t.forced.data() + t.classStart[c];
            counts[n] = 0;
            for (std::uint32_t j = n; j-- > 0;)
                counts[j] = counts[j + 1] + (cannotMatch(m, j) ? 1 : 0);
        }
        return t.forced[t.classStart[c] + i];
    };
    const bool byLabel = t.countLabelsLeft(trace, model.counts.known());
    const auto kinds = static_cast<std::uint32_t>(t.kindLabel.size());
    const LabelCounts& counts = model.counts;
    // Events of labels the map cannot do from m are counted as in the reach
    // bound; beyond that, only the labels m limits or requires can add.
    const auto byLabelBound = [&](std::uint32_t m, std::uint32_t i,
                                  std::uint32_t forced) -> std::uint32_t {
        std::uint32_t sum = forced;
        const std::uint32_t* left = t.remaining.data() + std::size_t{i} * kinds;
        const std::uint8_t* most = counts.most.data() + std::size_t{m} * counts.labels;
        for (std::uint32_t x = counts.limitedStart[m]; x < counts.limitedStart[m + 1]; ++x) {
            const std::uint32_t l = counts.limited[x];
            const std::uint32_t k = t.kindOf[l];
            if (k != kNone && left[k] > most[l]) sum += left[k] - most[l];
        }
        const std::uint8_t* least = counts.least.data() + std::size_t{m} * counts.labels;
        for (std::uint32_t x = counts.mustStart[m]; x < counts.mustStart[m + 1]; ++x) {
            const std::uint32_t l = counts.must[x];
            const std::uint32_t k = t.kindOf[l];
            const std::uint32_t has = k == kNone ? 0 : left[k];
            if (least[l] > has) sum += least[l] - has;
        }
        return sum;
    };
    // Lower bound on the deviations still to come from (marking, position).
    const auto bound = [&](std::uint32_t m, std::uint32_t i) -> std::uint32_t {
        const std::uint32_t forced = forcedFrom(m, i);
        const std::uint32_t matchable = n - i - forced;
        const std::uint32_t needed = s.visibleToFinal[m];
        const std::uint32_t byReach = forced + (needed > matchable ? needed - matchable : 0);
        return byLabel ? std::max(byReach, byLabelBound(m, i, forced)) : byReach;
    };
    const auto push = [&](std::uint32_t state) {
        SearchState& v = t.states[state];
        if (v.bound == kNone) v.bound = bound(v.marking, v.position);
        t.open.push(static_cast<std::uint32_t>(v.cost / kDeviation) + v.bound,
                    static_cast<std::uint32_t>(v.cost % kDeviation) +
                        model.silent.toFinal[v.marking],
                    v.position, v.marking, state);
    };

    t.states.push_back({0, kNone, 0, 0, kNone, false, {MoveKind::Silent, -1, -1}});
    slotOf(0, 0) = 0;
    push(0);

    Alignment result;
    result.traceLength = n;
    result.shortestRun = s.shortestRun();

    // Inlined by force: GCC calls it otherwise, from four places on every state
    // taken, and the call with its move on the stack cost the hospital shape
    // about a sixth of its time.
    const auto relax = [&](std::uint32_t from, std::uint64_t cost, std::uint32_t m, std::uint32_t i,
                           Move move) __attribute__((always_inline)) {
        if (s.visibleToFinal[m] == NetStates::kNever) return; // no way to the end from there
        std::uint32_t& slot = slotOf(m, i);
        if (slot == kNone) {
            slot = static_cast<std::uint32_t>(t.states.size());
            t.states.push_back({UINT64_MAX, kNone, m, i, kNone, false, move});
        }
        const std::uint32_t to = slot;
        SearchState& v = t.states[to];
        if (v.closed || cost >= v.cost) return;
        v.cost = cost;
        v.parent = from;
        v.move = move;
        push(to);
    };

    std::uint32_t goal = kNone;
    while (!t.open.empty()) {
        const std::uint32_t at = t.open.pop();
        if (t.states[at].closed) continue;
        t.states[at].closed = true;
        if (++result.statesVisited > maxStates)
            throw AlignmentTooLarge("a case of " + std::to_string(n) + " events needed more than " +
                                    std::to_string(maxStates) +
                                    " search states; it is left out of the diff");
        const std::uint32_t m = t.states[at].marking, i = t.states[at].position;
        if (m == s.final && i == n) {
            goal = at;
            break;
        }
        const std::uint64_t cost = t.states[at].cost;
        if (const std::uint32_t a = model.silent.takeAlone[m]; a != NetStates::kNever) {
            relax(at, cost + 1, s.arcs[a].to, i,
                  {MoveKind::Silent, -1, static_cast<std::int32_t>(s.arcs[a].transition)});
            continue;
        }
        if (i < n)
            relax(at, cost + kDeviation, m, i + 1,
                  {MoveKind::Log, static_cast<std::int32_t>(i), -1});
        for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a) {
            const NetStates::Arc arc = s.arcs[a];
            const std::int32_t label = model.transitionLabel[arc.transition];
            const auto tr = static_cast<std::int32_t>(arc.transition);
            if (label < 0) {
                if (model.silent.worthTaking[a])
                    relax(at, cost + 1, arc.to, i, {MoveKind::Silent, -1, tr});
                continue;
            }
            if (i < n && trace[i] == label)
                relax(at, cost, arc.to, i + 1, {MoveKind::Sync, static_cast<std::int32_t>(i), tr});
            relax(at, cost + kDeviation, arc.to, i, {MoveKind::Model, -1, tr});
        }
    }

    if (goal == kNone) // exploreStates refuses such maps
        throw Error("no alignment found: the map's end is not reachable");
    t.pathTo(goal, result);
    return result;
}

Alignment align(const ReplayModel& model, std::span<const std::int32_t> trace,
                std::uint64_t maxStates) {
    return Aligner(model).align(trace, maxStates);
}

} // namespace strawman::model
