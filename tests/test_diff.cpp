#include "log_builder.h"
#include "map_fixtures.h"
#include "recording_progress.h"

#include "model/analysis/discovery.h"
#include "model/conformance/diff.h"
#include "model/core/progress.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

using namespace strawman;
using namespace strawman::model;
using test::LogBuilder;
using test::MapBuilder;

namespace {

struct SequenceMap {
    MapContent map;
    NodeId start, a, b, c, x, end;
};

// start -> A -> B -> C -> end, and a decision after A offering a way round B
// through a "Y" step nobody takes.
SequenceMap sequenceWithUnusedBranch() {
    MapBuilder m;
    SequenceMap s;
    s.start = m.node(NodeKind::Start, "s");
    s.a = m.activity("a", "A");
    const auto d = m.node(NodeKind::Decision, "d", "Which way?");
    s.b = m.activity("b", "B");
    const auto y = m.node(NodeKind::Activity, "y", "Y step", "Y");
    s.c = m.activity("c", "C");
    s.end = m.node(NodeKind::End, "e");
    m.edge(s.start, s.a)
        .edge(s.a, d)
        .edge(d, s.b)
        .edge(d, y)
        .edge(s.b, s.c)
        .edge(y, s.c)
        .edge(s.c, s.end);
    s.map = m.map();
    return s;
}

LogBuilder fiveCases() {
    LogBuilder b;
    for (int i = 0; i < 3; ++i) b.addCase({{"A", 0}, {"B", 10}, {"C", 30}});
    b.addCase({{"A", 0}, {"C", 50}});
    b.addCase({{"A", 0}, {"B", 20}, {"X", 25}, {"C", 40}});
    return b;
}

std::vector<std::uint32_t> all(const EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    return cases;
}

const ObservedTransition& step(const DiffResult& r, const std::string& from,
                               const std::string& to) {
    for (const auto& t : r.transitions)
        if (t.from == from && t.to == to) return t;
    FAIL("no transition " << from << " -> " << to);
    throw;
}

} // namespace

TEST_CASE("the diff of five cases against a sequence, worked by hand") {
    const auto s = sequenceWithUnusedBranch();
    const LogBuilder b = fiveCases();
    const DiffResult r = diff(s.map, b.log, all(b.log));
    CHECK(r.cases == 5);
    CHECK(r.variants == 3);
    CHECK(r.shortestRun == 3);
    // Deviations 0, 0, 0, 1 (B skipped), 1 (X done); worst 6, 6, 6, 5, 7.
    CHECK(r.logFitness == doctest::Approx(1.0 - 2.0 / 30));
    CHECK(r.averageTraceFitness == doctest::Approx((3 + 0.8 + (1 - 1.0 / 7)) / 5));
    CHECK(r.percentageFitting == doctest::Approx(60));

    REQUIRE(r.deviations.size() == 2);
    for (const auto& d : r.deviations) {
        if (d.activity == "B") {
            CHECK(d.skipped == 1);
            CHECK(d.inserted == 0);
        } else {
            CHECK(d.activity == "X");
            CHECK(d.inserted == 1);
            CHECK(d.skipped == 0);
        }
    }
    REQUIRE(r.unmodelled.size() == 1);
    CHECK(r.unmodelled[0].activity == "X");
    CHECK(r.unmodelled[0].events == 1);
    CHECK(r.unmodelled[0].cases == 1);

    CHECK(step(r, "A", "B").count == 4);
    CHECK(step(r, "A", "B").drawn);
    CHECK(step(r, "A", "B").duration.median == doctest::Approx(600));
    CHECK(step(r, "B", "C").count == 3);
    CHECK(step(r, "B", "C").drawn);
    CHECK_FALSE(step(r, "A", "C").drawn); // the map has no way from A straight to C
    CHECK_FALSE(step(r, "B", "X").drawn);
    CHECK_FALSE(step(r, "X", "C").drawn);
    CHECK(r.transitions.size() == 5);

    // Nobody went the Y way.
    std::vector<std::pair<std::string, std::string>> unused;
    for (const auto& e : r.unusedEdges) unused.emplace_back(e.from, e.to);
    CHECK(unused == std::vector<std::pair<std::string, std::string>>{{"Which way?", "Y step"},
                                                                     {"Y step", "C"}});

    REQUIRE(r.topVariants.size() == 3);
    CHECK(r.topVariants[0].activities == std::vector<std::string>{"A", "B", "C"});
    CHECK(r.topVariants[0].count == 3);
    CHECK(r.topVariants[0].fitness == 1.0);
    bool skippedShown = false;
    for (const auto& v : r.topVariants)
        if (v.activities == std::vector<std::string>{"A", "C"}) {
            CHECK(v.departures == std::vector<std::string>{"B skipped"});
            skippedShown = true;
        }
    CHECK(skippedShown);
}

TEST_CASE("activities the map does not have can be projected away") {
    const auto s = sequenceWithUnusedBranch();
    const LogBuilder b = fiveCases();
    DiffOptions options;
    options.ignoreUnmodelled = true;
    const DiffResult r = diff(s.map, b.log, all(b.log), options);
    CHECK(r.logFitness == doctest::Approx(1.0 - 1.0 / 29)); // ABXC is now ABC
    CHECK(r.percentageFitting == doctest::Approx(80));
    CHECK(r.unmodelled.size() == 1); // still reported
}

TEST_CASE("a diff of no cases is empty, not an error") {
    const auto s = sequenceWithUnusedBranch();
    const LogBuilder b = fiveCases();
    const DiffResult r = diff(s.map, b.log, {});
    CHECK(r.cases == 0);
    CHECK(r.variants == 0);
    CHECK(r.logFitness == 1.0);
    CHECK(r.transitions.empty());
    CHECK(r.unusedEdges.empty());
}

TEST_CASE("steps of a parallel block in either order are drawn, and their arrows used") {
    LogBuilder b;
    b.addCase({{"A", 0}, {"C", 1}, {"B", 2}, {"D", 3}});
    const DiffResult r = diff(test::parallelBlock(), b.log, all(b.log));
    CHECK(r.percentageFitting == 100);
    CHECK(step(r, "C", "B").drawn);
    CHECK(step(r, "A", "C").drawn);
    CHECK(step(r, "B", "D").drawn);
    CHECK(r.unusedEdges.empty());
}

TEST_CASE("an as-recorded map drawn from the data fits the cases it came from") {
    const LogBuilder b = fiveCases();
    const MapContent everything = discoverMap(b.log, all(b.log));
    // start, A, B, C, X, end; arrows start-A, A-B, B-C, A-C, B-X, X-C, C-end.
    CHECK(everything.nodes.size() == 6);
    CHECK(everything.edges.size() == 7);
    const DiffResult r = diff(everything, b.log, all(b.log));
    CHECK(r.percentageFitting == 100);
    CHECK(r.unusedEdges.empty());

    DiscoveryOptions common;
    common.minFrequency = 0.5; // steps of at least 3 of the 5 cases
    common.names["A"] = "Requested";
    const MapContent main = discoverMap(b.log, all(b.log), common);
    std::vector<std::string> codes;
    for (const auto& n : main.nodes)
        if (n.kind == NodeKind::Activity) codes.push_back(n.activity);
    CHECK(codes == std::vector<std::string>{"A", "B", "C"}); // X is in one case of five
    CHECK(main.nodes[1].label == "Requested");
    CHECK(main.edges.size() == 4); // start-A, A-B, B-C, C-end; A-C is one case
    const auto ab = std::find_if(main.edges.begin(), main.edges.end(), [&](const Edge& e) {
        return main.findNode(e.from)->activity == "A" && main.findNode(e.to)->activity == "B";
    });
    REQUIRE(ab != main.edges.end());
    CHECK(ab->label == "4 cases");
}

TEST_CASE("each arrow carries the steps it stands for, the cases' starts and ends included") {
    const auto s = sequenceWithUnusedBranch();
    const LogBuilder b = fiveCases();
    const DiffResult r = diff(s.map, b.log, all(b.log));
    REQUIRE(r.starts.size() == 1);
    CHECK(r.starts[0].activity == "A");
    CHECK(r.starts[0].cases == 5);
    CHECK(r.starts[0].drawn);
    REQUIRE(r.ends.size() == 1);
    CHECK(r.ends[0].activity == "C");
    CHECK(r.ends[0].drawn);

    // start-A, A-decision, decision-B, decision-Y, B-C, Y-C, C-end. A-C (B
    // skipped) is not drawn, so no arrow carries it.
    std::vector<std::int64_t> carried;
    for (const auto& a : r.arrows) carried.push_back(a.occurrences);
    CHECK(carried == std::vector<std::int64_t>{5, 4, 4, 0, 3, 0, 5});
    REQUIRE(r.arrows.size() == s.map.edges.size());
    CHECK(r.arrows[1].edge == s.map.edges[1].id);
    REQUIRE(r.arrows[1].transitions.size() == 1);
    CHECK(r.transitions[r.arrows[1].transitions[0]].from == "A");
    CHECK(r.transitions[r.arrows[1].transitions[0]].to == "B");
    CHECK(r.arrows[0].starts == std::vector<std::size_t>{0});
    CHECK(r.arrows[6].ends == std::vector<std::size_t>{0});
}

TEST_CASE("a step that jumps a whole parallel block is not carried by the arrows around it") {
    LogBuilder b;
    b.addCase({{"A", 0}, {"D", 1}});
    b.addCase({{"D", 0}});
    const DiffResult r = diff(test::parallelBlock(), b.log, all(b.log));
    CHECK_FALSE(step(r, "A", "D").drawn);
    for (const auto& s : r.starts)
        CHECK(s.drawn == (s.activity == "A")); // the map cannot start with D
    // Only start-A and D-end were followed; the block's six arrows were not,
    // though A and D sit on either side of it.
    CHECK(r.unusedEdges.size() == 6);
    CHECK(r.arrows.front().occurrences == 1);
    CHECK(r.arrows.back().occurrences == 2);
}

// [SECTION] Progress and cancelling

namespace {

// Forty variants: A, then B done 0 to 39 times, then C; a case each, and one
// more of the plain sequence.
LogBuilder fortyVariants() {
    LogBuilder b;
    for (int repeats = 0; repeats < 40; ++repeats) {
        std::vector<test::LoggedStep> steps{{"A", 0}};
        for (int i = 0; i < repeats; ++i) steps.push_back({"B", 1 + i});
        steps.push_back({"C", 100});
        b.addCase(steps);
    }
    b.addCase({{"A", 0}, {"B", 10}, {"C", 30}});
    return b;
}

} // namespace

TEST_CASE("a diff reports each variant it aligns, rising to 1, and gives the same result") {
    const auto s = sequenceWithUnusedBranch();
    const LogBuilder b = fortyVariants();
    test::RecordingProgress progress;
    const DiffResult r = diff(s.map, b.log, all(b.log), {}, &progress);
    CHECK(r.variants == 40);
    CHECK(r.logFitness == doctest::Approx(diff(s.map, b.log, all(b.log)).logFitness));
    CHECK(progress.rising());
    REQUIRE_FALSE(progress.fractions.empty());
    CHECK(progress.fractions.back() == 1);
    CHECK(progress.stages.back() == "diff done");
    const auto aligning = std::count(progress.stages.begin(), progress.stages.end(),
                                     "aligning the variants with the map");
    CHECK(aligning >= 40);
    for (const auto& stage : progress.stages) CHECK_FALSE(stage.empty());
}

TEST_CASE("a cancelled diff stops at its next variant with Cancelled") {
    const auto s = sequenceWithUnusedBranch();
    const LogBuilder b = fortyVariants();
    test::RecordingProgress progress(10);
    CHECK_THROWS_WITH_AS(diff(s.map, b.log, all(b.log), {}, &progress),
                         "stopped: the diff was cancelled", Cancelled);
    CHECK(progress.fractions.size() == 10);
    CHECK(progress.fractions.back() < 0.5);
}
