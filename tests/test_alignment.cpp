#include "log_builder.h"
#include "map_fixtures.h"
#include "recording_progress.h"

#include "model/conformance/alignment.h"
#include "model/conformance/alignment_reference.h"
#include "model/conformance/diff.h"
#include "model/core/progress.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::model;
using test::MapBuilder;

namespace {

// A trace from activity codes; a code the map lacks becomes -1.
std::vector<std::int32_t> trace(const ReplayModel& m, const std::vector<std::string>& codes) {
    std::vector<std::int32_t> out;
    for (const auto& c : codes) out.push_back(m.labelOf(c));
    return out;
}

Alignment alignCodes(const ReplayModel& m, const std::vector<std::string>& codes) {
    const auto t = trace(m, codes);
    return align(m, t);
}

// start -> A -> B -> C -> end
MapContent sequence() {
    MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "A"), bb = b.activity("b", "B"), c = b.activity("c", "C");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a).edge(a, bb).edge(bb, c).edge(c, e);
    return b.map();
}

// start -> A -> (B or C) -> D -> end
MapContent choice() {
    MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "A");
    auto d = b.node(NodeKind::Decision, "which");
    auto bb = b.activity("b", "B"), c = b.activity("c", "C"), dd = b.activity("d", "D");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a).edge(a, d).edge(d, bb).edge(d, c).edge(bb, dd).edge(c, dd).edge(dd, e);
    return b.map();
}

// start -> A -> B -> again? (yes: back to A; no: C) -> end
MapContent loop() {
    MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "A"), bb = b.activity("b", "B");
    auto again = b.node(NodeKind::Decision, "again");
    auto c = b.activity("c", "C");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a).edge(a, bb).edge(bb, again).edge(again, a, "yes").edge(again, c, "no").edge(c, e);
    return b.map();
}

void checkFitness(const Alignment& al, std::uint32_t deviations, double fitness) {
    CHECK(al.deviations == deviations);
    CHECK(al.fitness() == doctest::Approx(fitness));
    CHECK(al.fitting() == (deviations == 0));
}

} // namespace

TEST_CASE("a sequence: fitting, skipped, inserted, unknown, swapped and empty traces") {
    const ReplayModel m = buildReplayModel(sequence());
    CHECK(m.states.shortestRun() == 3);
    checkFitness(alignCodes(m, {"A", "B", "C"}), 0, 1.0);
    checkFitness(alignCodes(m, {"A", "C"}), 1, 1.0 - 1.0 / 5);           // B skipped
    checkFitness(alignCodes(m, {"A", "B", "B", "C"}), 1, 1.0 - 1.0 / 7); // B again
    checkFitness(alignCodes(m, {"A", "B", "X", "C"}), 1, 1.0 - 1.0 / 7); // X is not on the map
    checkFitness(alignCodes(m, {"A", "C", "B"}), 2, 1.0 - 2.0 / 6);      // B and C swapped
    checkFitness(alignCodes(m, {}), 3, 0.0);                             // nothing recorded

    const Alignment skipped = alignCodes(m, {"A", "C"});
    std::vector<MoveKind> kinds;
    for (const Move& mv : skipped.moves) kinds.push_back(mv.kind);
    CHECK(kinds == std::vector<MoveKind>{MoveKind::Sync, MoveKind::Model, MoveKind::Sync});
    CHECK(m.net.transitions[static_cast<std::size_t>(skipped.moves[1].transition)].activity == "B");
}

TEST_CASE("a choice: either branch fits, both or neither cost one") {
    const ReplayModel m = buildReplayModel(choice());
    CHECK(m.states.shortestRun() == 3);
    checkFitness(alignCodes(m, {"A", "B", "D"}), 0, 1.0);
    checkFitness(alignCodes(m, {"A", "C", "D"}), 0, 1.0);
    checkFitness(alignCodes(m, {"A", "B", "C", "D"}), 1, 1.0 - 1.0 / 7);
    checkFitness(alignCodes(m, {"A", "D"}), 1, 1.0 - 1.0 / 5);
}

TEST_CASE("a loop: any number of rounds fits") {
    const ReplayModel m = buildReplayModel(loop());
    checkFitness(alignCodes(m, {"A", "B", "C"}), 0, 1.0);
    checkFitness(alignCodes(m, {"A", "B", "A", "B", "A", "B", "C"}), 0, 1.0);
    checkFitness(alignCodes(m, {"A", "B", "A", "C"}), 1, 1.0 - 1.0 / 7);
    checkFitness(alignCodes(m, {"C"}), 2, 1.0 - 2.0 / 4);
}

TEST_CASE("a parallel block: both orders fit, split and join are silent") {
    const ReplayModel m = buildReplayModel(test::parallelBlock());
    CHECK(m.states.shortestRun() == 4);
    const Alignment bc = alignCodes(m, {"A", "B", "C", "D"});
    checkFitness(bc, 0, 1.0);
    CHECK(bc.silentMoves == 2);
    checkFitness(alignCodes(m, {"A", "C", "B", "D"}), 0, 1.0);
    checkFitness(alignCodes(m, {"A", "B", "D"}), 1, 1.0 - 1.0 / 7);
    checkFitness(alignCodes(m, {"A", "D", "B", "C"}), 2, 1.0 - 2.0 / 8);
}

TEST_CASE("a choice meeting a merge gets a silent step, taken only when needed") {
    MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "A"), bb = b.activity("b", "B"), c = b.activity("c", "C");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a).edge(a, bb).edge(a, c).edge(bb, c).edge(c, e); // B can be skipped
    const ReplayModel m = buildReplayModel(b.map());
    const Alignment skip = alignCodes(m, {"A", "C"});
    CHECK(skip.deviations == 0);
    CHECK(skip.silentMoves == 1);
    const Alignment through = alignCodes(m, {"A", "B", "C"});
    CHECK(through.deviations == 0);
    CHECK(through.silentMoves == 0);
}

TEST_CASE("the CT pathway: either end finishes a case") {
    const ReplayModel m = buildReplayModel(test::ctPathway());
    CHECK(m.states.shortestRun() == 3); // received, vetted, rejected
    checkFitness(alignCodes(m, {"RCV", "VET", "BKD", "CMP", "VER"}), 0, 1.0);
    checkFitness(alignCodes(m, {"RCV", "VET", "REJ"}), 0, 1.0);
    checkFitness(alignCodes(m, {"RCV", "BKD", "CMP", "VER"}), 1, 1.0 - 1.0 / 7); // vetting skipped
}

TEST_CASE("maps the diff cannot replay are refused with the reason") {
    SUBCASE("parallel branches merged by a decision") {
        MapBuilder b;
        auto s = b.node(NodeKind::Start, "s");
        auto split = b.node(NodeKind::Parallel, "split", "Split");
        auto a = b.activity("a", "A"), bb = b.activity("b", "B");
        auto merge = b.node(NodeKind::Decision, "merge", "Either");
        auto e = b.node(NodeKind::End, "e");
        b.edge(s, split).edge(split, a).edge(split, bb).edge(a, merge).edge(bb, merge).edge(merge,
                                                                                            e);
        CHECK_THROWS_WITH_AS(buildReplayModel(b.map()), doctest::Contains("parallel branches meet"),
                             NotReplayable);
    }
    SUBCASE("a loop back before a parallel split") {
        MapBuilder b;
        auto s = b.node(NodeKind::Start, "s");
        auto x = b.activity("x", "X");
        auto split = b.node(NodeKind::Parallel, "split");
        auto a = b.activity("a", "A"), bb = b.activity("b", "B");
        auto e = b.node(NodeKind::End, "e");
        b.edge(s, x).edge(x, split).edge(split, a).edge(split, bb).edge(a, x).edge(bb, e);
        CHECK_THROWS_WITH_AS(buildReplayModel(b.map()), doctest::Contains("pile up"),
                             NotReplayable);
    }
    SUBCASE("no end") {
        MapBuilder b;
        auto s = b.node(NodeKind::Start, "s");
        b.edge(s, b.activity("a", "A"));
        CHECK_THROWS_WITH_AS(buildReplayModel(b.map()), doctest::Contains("no end"), NotReplayable);
    }
    SUBCASE("an end with a way out") {
        MapBuilder b;
        auto s = b.node(NodeKind::Start, "s");
        auto a = b.activity("a", "A");
        auto e = b.node(NodeKind::End, "e", "Done");
        b.edge(s, a).edge(a, e).edge(e, a);
        CHECK_THROWS_WITH_AS(buildReplayModel(b.map()),
                             doctest::Contains("\"Done\" has arrows leaving it"), NotReplayable);
    }
}

// [SECTION] The search against brute force

namespace {

// A random structured map: sequences, choices, loops and parallel blocks.
class RandomMap {
  public:
    explicit RandomMap(unsigned seed) : m_rng(seed) {}

    MapContent make(int depth) {
        auto s = m_b.node(NodeKind::Start, "s");
        auto e = m_b.node(NodeKind::End, "e");
        const auto [first, last] = block(depth);
        m_b.edge(s, first).edge(last, e);
        return m_b.map();
    }

  private:
    std::pair<NodeId, NodeId> block(int depth) {
        const int kind = depth == 0 ? 0 : static_cast<int>(m_rng() % 5);
        if (kind <= 1) { // one step; five codes, so repeats happen
            const auto id = m_b.activity("n" + std::to_string(m_next++),
                                         std::string(1, static_cast<char>('A' + m_rng() % 5)));
            return {id, id};
        }
        if (kind == 2) { // sequence of two
            const auto [a1, a2] = block(depth - 1);
            const auto [b1, b2] = block(depth - 1);
            m_b.edge(a2, b1);
            return {a1, b2};
        }
        const bool par = kind == 4;
        const auto open =
            m_b.node(par ? NodeKind::Parallel : NodeKind::Decision, "g" + std::to_string(m_next++));
        const auto close =
            m_b.node(par ? NodeKind::Parallel : NodeKind::Decision, "g" + std::to_string(m_next++));
        const auto [a1, a2] = block(depth - 1);
        const auto [b1, b2] = block(depth - 1);
        m_b.edge(open, a1).edge(a2, close).edge(open, b1).edge(b2, close);
        if (!par && m_rng() % 2) m_b.edge(close, open); // a loop
        return {open, close};
    }

    std::mt19937 m_rng;
    MapBuilder m_b;
    int m_next = 0;
};

std::size_t lcs(const std::vector<std::int32_t>& x, const std::vector<std::int32_t>& y) {
    std::vector<std::vector<std::size_t>> t(x.size() + 1,
                                            std::vector<std::size_t>(y.size() + 1, 0));
    for (std::size_t i = 1; i <= x.size(); ++i)
        for (std::size_t j = 1; j <= y.size(); ++j)
            t[i][j] =
                x[i - 1] == y[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    return t[x.size()][y.size()];
}

// The fewest deviations over every complete run of up to `cap` visible steps:
// a run and a trace align with |trace| + |run| - 2 LCS deviations at best.
std::uint32_t bruteForce(const ReplayModel& m, const std::vector<std::int32_t>& t,
                         std::size_t cap) {
    std::set<std::pair<std::uint32_t, std::vector<std::int32_t>>> seen;
    std::vector<std::pair<std::uint32_t, std::vector<std::int32_t>>> stack{{0, {}}};
    std::size_t best = SIZE_MAX;
    while (!stack.empty()) {
        auto [marking, run] = stack.back();
        stack.pop_back();
        if (!seen.insert({marking, run}).second) continue;
        if (marking == m.states.final)
            best = std::min(best, t.size() + run.size() - 2 * lcs(t, run));
        for (std::uint32_t a = m.states.arcStart[marking]; a < m.states.arcStart[marking + 1];
             ++a) {
            const auto arc = m.states.arcs[a];
            auto next = run;
            if (const std::int32_t l = m.transitionLabel[arc.transition]; l >= 0) next.push_back(l);
            if (next.size() <= cap) stack.push_back({arc.to, std::move(next)});
        }
    }
    return static_cast<std::uint32_t>(best);
}

// The fewest deviations by uniform-cost search over (state, events done),
// with no bound to guide it: what A* must match whatever its bound.
std::uint32_t exhaustive(const ReplayModel& m, const std::vector<std::int32_t>& t) {
    const std::size_t width = t.size() + 1;
    std::vector<std::uint32_t> best(m.states.markings.size() * width, UINT32_MAX);
    std::set<std::pair<std::uint32_t, std::size_t>> queue{{0, 0}}; // (cost, state)
    best[0] = 0;
    while (!queue.empty()) {
        const auto [cost, state] = *queue.begin();
        queue.erase(queue.begin());
        const auto marking = static_cast<std::uint32_t>(state / width);
        const std::size_t i = state % width;
        if (marking == m.states.final && i == t.size()) return cost;
        auto go = [&](std::uint32_t to, std::size_t j, std::uint32_t c) {
            const std::size_t next = to * width + j;
            if (c >= best[next]) return;
            queue.erase({best[next], next});
            best[next] = c;
            queue.insert({c, next});
        };
        if (i < t.size()) go(marking, i + 1, cost + 1);
        for (std::uint32_t a = m.states.arcStart[marking]; a < m.states.arcStart[marking + 1];
             ++a) {
            const auto arc = m.states.arcs[a];
            const std::int32_t l = m.transitionLabel[arc.transition];
            if (l < 0)
                go(arc.to, i, cost);
            else {
                go(arc.to, i, cost + 1);
                if (i < t.size() && t[i] == l) go(arc.to, i + 1, cost);
            }
        }
    }
    return UINT32_MAX;
}

void checkMoves(const Alignment& al, std::size_t traceLength) {
    std::uint32_t dev = 0;
    std::int32_t events = 0;
    bool inOrder = true;
    for (const Move& mv : al.moves) {
        if (mv.kind == MoveKind::Log || mv.kind == MoveKind::Model) ++dev;
        if (mv.kind == MoveKind::Log || mv.kind == MoveKind::Sync)
            inOrder = inOrder && mv.event == events++;
    }
    CHECK(inOrder);
    CHECK(dev == al.deviations);
    CHECK(events == static_cast<std::int32_t>(traceLength));
}

std::vector<std::int32_t> randomTrace(const ReplayModel& m, std::mt19937& rng,
                                      std::size_t longest) {
    std::vector<std::string> codes(rng() % (longest + 1));
    for (auto& c : codes)
        c = std::string(1, static_cast<char>('A' + rng() % 6)); // F is never on a map
    return trace(m, codes);
}

} // namespace

TEST_CASE("on small random maps and traces the search finds the minimum over every run") {
    std::mt19937 rng(20261130);
    int compared = 0;
    for (unsigned seed = 1; seed <= 40; ++seed) {
        const ReplayModel m = buildReplayModel(RandomMap(seed).make(2));
        for (int k = 0; k < 8; ++k) {
            const auto t = randomTrace(m, rng, 4);
            const Alignment al = align(m, t);
            // An optimal run is never longer than 2|trace| + the shortest run.
            CHECK_MESSAGE(al.deviations == bruteForce(m, t, 2 * t.size() + m.states.shortestRun()),
                          "map seed " << seed << ", trace of " << t.size());
            checkMoves(al, t.size());
            ++compared;
        }
    }
    CHECK(compared == 320);
}

TEST_CASE("on larger random maps and traces the search matches an unguided search") {
    std::mt19937 rng(1130);
    int compared = 0;
    for (unsigned seed = 100; seed < 200; ++seed) {
        const ReplayModel m = buildReplayModel(RandomMap(seed).make(4));
        for (int k = 0; k < 10; ++k) {
            const auto t = randomTrace(m, rng, 12);
            const Alignment al = align(m, t);
            CHECK_MESSAGE(al.deviations == exhaustive(m, t),
                          "map seed " << seed << ", trace of " << t.size());
            checkMoves(al, t.size());
            ++compared;
        }
    }
    CHECK(compared == 1000);
}

// [SECTION] The search against the first A*

namespace {

// The moves are a run of the map from its start to its end, interleaved with
// the case's events in order, and they add up to the costs reported.
bool replays(const ReplayModel& m, const std::vector<std::int32_t>& t, const Alignment& al) {
    std::uint32_t marking = 0, deviations = 0, silent = 0;
    std::int32_t position = 0;
    auto fire = [&](std::int32_t transition) {
        for (std::uint32_t a = m.states.arcStart[marking]; a < m.states.arcStart[marking + 1]; ++a)
            if (static_cast<std::int32_t>(m.states.arcs[a].transition) == transition) {
                marking = m.states.arcs[a].to;
                return true;
            }
        return false;
    };
    for (const Move& mv : al.moves) {
        const std::int32_t label =
            mv.transition >= 0 ? m.transitionLabel[static_cast<std::size_t>(mv.transition)] : -1;
        switch (mv.kind) {
        case MoveKind::Sync:
            if (mv.event != position || label < 0 ||
                t[static_cast<std::size_t>(position)] != label || !fire(mv.transition))
                return false;
            ++position;
            break;
        case MoveKind::Log:
            if (mv.event != position++) return false;
            ++deviations;
            break;
        case MoveKind::Model:
            if (label < 0 || !fire(mv.transition)) return false;
            ++deviations;
            break;
        case MoveKind::Silent:
            if (label >= 0 || !fire(mv.transition)) return false;
            ++silent;
            break;
        }
    }
    return marking == m.states.final && position == static_cast<std::int32_t>(t.size()) &&
           deviations == al.deviations && silent == al.silentMoves;
}

} // namespace

TEST_CASE("on random maps and traces the search finds the reference A*'s costs, deviations and "
          "silent moves") {
    std::mt19937 rng(4122026);
    int compared = 0;
    std::uint32_t deviating = 0;
    std::uint64_t searched = 0, searchedByReference = 0;
    for (unsigned seed = 300; seed < 420; ++seed) {
        const ReplayModel m =
            buildReplayModel(RandomMap(seed).make(2 + static_cast<int>(seed % 4)));
        Aligner aligner(m); // one per map, reused across its traces as the diff does
        for (int k = 0; k < 12; ++k) {
            const auto t = randomTrace(m, rng, 4 + 4 * static_cast<std::size_t>(k % 4));
            const Alignment expected = alignReference(m, t);
            const Alignment al = aligner.align(t);
            CHECK_MESSAGE(al.deviations == expected.deviations,
                          "map seed " << seed << ", trace of " << t.size());
            CHECK_MESSAGE(al.silentMoves == expected.silentMoves,
                          "map seed " << seed << ", trace of " << t.size());
            CHECK(al.fitness() == expected.fitness());
            CHECK(replays(m, t, al));
            CHECK(replays(m, t, expected));
            deviating += al.deviations > 0 ? 1 : 0;
            searched += al.statesVisited;
            searchedByReference += expected.statesVisited;
            ++compared;
        }
    }
    CHECK(compared == 1440);
    CHECK(deviating >
          700); // most random traces do not fit, so ties between alignments are exercised
    CHECK(searched < searchedByReference); // the per-activity bound prunes
}

TEST_CASE("the search stops past its state limit, and its tables serve the next case") {
    const ReplayModel m = buildReplayModel(loop());
    Aligner aligner(m);
    const auto t = trace(m, {"C", "B", "A", "C", "B", "B", "A", "C"});
    const Alignment first = aligner.align(t);
    REQUIRE(first.statesVisited > 10);
    CHECK(aligner.align(t, first.statesVisited).statesVisited == first.statesVisited);
    CHECK_THROWS_WITH_AS(aligner.align(t, first.statesVisited - 1),
                         doctest::Contains("search states"), AlignmentTooLarge);
    const Alignment again = aligner.align(t);
    CHECK(again.deviations == first.deviations);
    CHECK(again.silentMoves == first.silentMoves);
    CHECK(again.statesVisited == first.statesVisited);
}

TEST_CASE("how often the map can and must still do an activity: extra repeats and missing steps") {
    // A, then B once or twice, then C: from the start B can happen twice at
    // most and must happen once, C must happen once.
    MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "A"), b1 = b.activity("b1", "B"), b2 = b.activity("b2", "B"),
         c = b.activity("c", "C");
    auto twice = b.node(NodeKind::Decision, "twice");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a).edge(a, b1).edge(b1, twice).edge(twice, b2).edge(twice, c).edge(b2, c).edge(c, e);
    const ReplayModel m = buildReplayModel(b.map());
    REQUIRE(m.counts.known());
    const auto B = static_cast<std::size_t>(m.labelOf("B")),
               C = static_cast<std::size_t>(m.labelOf("C"));
    CHECK(m.counts.most[0 * m.counts.labels + B] == 2);
    CHECK(m.counts.least[0 * m.counts.labels + B] == 1);
    CHECK(m.counts.least[0 * m.counts.labels + C] == 1);
    for (const auto& codes : std::vector<std::vector<std::string>>{{"A", "B", "B", "B", "C"},
                                                                   {"A", "B", "B"},
                                                                   {"A", "B", "B", "B", "B"},
                                                                   {"B", "A", "C"},
                                                                   {}}) {
        const auto t = trace(m, codes);
        const Alignment al = align(m, t);
        CHECK(al.deviations == alignReference(m, t).deviations);
        CHECK(al.deviations == exhaustive(m, t));
        CHECK(replays(m, t, al));
    }
}

// [SECTION] The diff's variants on several threads

namespace {

// Cases of random codes on a random map, a few of them repeated so variants
// carry several cases.
test::LogBuilder randomLog(std::mt19937& rng, int cases) {
    test::LogBuilder b;
    std::vector<std::vector<test::LoggedStep>> seen;
    for (int c = 0; c < cases; ++c) {
        if (!seen.empty() && rng() % 4 == 0) {
            b.addCase(seen[rng() % seen.size()]);
            continue;
        }
        std::vector<test::LoggedStep> steps(rng() % 14);
        for (std::size_t i = 0; i < steps.size(); ++i)
            steps[i] = {std::string(1, static_cast<char>('A' + rng() % 6)),
                        static_cast<model::TimeMs>(i)};
        b.addCase(steps);
        seen.push_back(steps);
    }
    return b;
}

void checkSameDiff(const DiffResult& a, const DiffResult& b) {
    CHECK(a.variants == b.variants);
    CHECK(a.logFitness == b.logFitness);
    CHECK(a.averageTraceFitness == b.averageTraceFitness);
    CHECK(a.percentageFitting == b.percentageFitting);
    CHECK(a.casesLeftOut == b.casesLeftOut);
    CHECK(a.warnings == b.warnings);
    REQUIRE(a.deviations.size() == b.deviations.size());
    for (std::size_t i = 0; i < a.deviations.size(); ++i) {
        CHECK(a.deviations[i].activity == b.deviations[i].activity);
        CHECK(a.deviations[i].skipped == b.deviations[i].skipped);
        CHECK(a.deviations[i].inserted == b.deviations[i].inserted);
        CHECK(a.deviations[i].skippedMoves == b.deviations[i].skippedMoves);
        CHECK(a.deviations[i].insertedMoves == b.deviations[i].insertedMoves);
    }
    REQUIRE(a.topVariants.size() == b.topVariants.size());
    for (std::size_t i = 0; i < a.topVariants.size(); ++i) {
        CHECK(a.topVariants[i].activities == b.topVariants[i].activities);
        CHECK(a.topVariants[i].count == b.topVariants[i].count);
        CHECK(a.topVariants[i].fitness == b.topVariants[i].fitness);
        CHECK(a.topVariants[i].departures == b.topVariants[i].departures);
    }
}

std::vector<std::uint32_t> allCases(const EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    return cases;
}

} // namespace

TEST_CASE(
    "a diff on several threads gives the single-threaded result, variants left out included") {
    std::mt19937 rng(12042026);
    std::int64_t leftOut = 0;
    for (unsigned seed = 500; seed < 508; ++seed) {
        const MapContent map = RandomMap(seed).make(4);
        const test::LogBuilder b = randomLog(rng, 300);
        const auto cases = allCases(b.log);
        DiffOptions one;
        one.threads = 1;
        one.topVariants = 1000;
        one.maxStatesPerVariant = seed % 2 ? 5'000'000 : 8; // some variants too large to align
        const DiffResult single = diff(map, b.log, cases, one);
        CHECK(single.variants > 100);
        leftOut += single.casesLeftOut;
        for (const unsigned threads : {2u, 3u, 8u, 0u}) {
            DiffOptions many = one;
            many.threads = threads;
            test::RecordingProgress progress;
            const DiffResult r = diff(map, b.log, cases, many, &progress);
            checkSameDiff(r, single);
            CHECK(progress.rising());
            CHECK(progress.fractions.back() == 1);
        }
    }
    CHECK(leftOut > 0);
}

TEST_CASE("a diff on several threads stops when cancelled, with its threads joined") {
    std::mt19937 rng(5);
    const MapContent map = RandomMap(501).make(4);
    const test::LogBuilder b = randomLog(rng, 300);
    DiffOptions options;
    options.threads = 2;
    test::RecordingProgress progress(20);
    CHECK_THROWS_WITH_AS(diff(map, b.log, allCases(b.log), options, &progress),
                         "stopped: the diff was cancelled", Cancelled);
    CHECK(progress.fractions.size() == 20);
    CHECK(progress.rising());
}

// [SECTION] Silent steps tried in one order (silent_steps.h)

namespace {

// start -> A -> split -> (each of B1..Bk, or skip it; a merge) -> join -> Z -> end
MapContent optionalBranches(int k) {
    MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "A");
    auto split = b.node(NodeKind::Parallel, "split");
    auto join = b.node(NodeKind::Parallel, "join");
    auto z = b.activity("z", "Z");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a).edge(a, split).edge(join, z).edge(z, e);
    for (int x = 1; x <= k; ++x) {
        auto choose = b.node(NodeKind::Decision, "do B" + std::to_string(x) + "?");
        auto step = b.activity("b" + std::to_string(x), "B" + std::to_string(x));
        auto done = b.node(NodeKind::Decision, "B" + std::to_string(x) + " done");
        b.edge(split, choose)
            .edge(choose, step, "yes")
            .edge(choose, done, "no")
            .edge(step, done)
            .edge(done, join);
    }
    return b.map();
}

} // namespace

TEST_CASE("many optional branches in parallel: the search keeps the first A*'s costs, taking split "
          "and join alone") {
    const ReplayModel m = buildReplayModel(optionalBranches(7));
    const auto alone = static_cast<std::size_t>(
        std::count_if(m.silent.takeAlone.begin(), m.silent.takeAlone.end(),
                      [](std::uint32_t a) { return a != NetStates::kNever; }));
    CHECK(alone > 0);                // the split and the join
    CHECK(m.silent.toFinal[0] >= 2); // split and join at least, whatever is skipped

    for (const std::vector<std::string>& codes :
         std::vector<std::vector<std::string>>{{"A", "B3", "Z"},
                                               {"A", "B5", "B1", "Z"},
                                               {"A", "Z"},
                                               {"A", "B2", "B2", "Z"},
                                               {"A", "B4", "Z", "B6"},
                                               {"B7", "A", "Z"}}) {
        const auto t = trace(m, codes);
        const Alignment expected = alignReference(m, t);
        const Alignment al = align(m, t);
        CHECK(al.deviations == expected.deviations);
        CHECK(al.silentMoves == expected.silentMoves);
        CHECK(replays(m, t, al));
        CHECK(al.statesVisited <= expected.statesVisited);
    }
}
