// The diff's alignments on the three shapes of log and map that conformance
// checking is judged on (PM4Py's fitness_alignments takes 8.6 s, 440 s and more
// than 10 minutes on the real ones; the goal is 100 times faster):
//   sepsis / IMf     1,050 cases (829 variants, 15.6 events a case) of 16
//                    activities against a 56-node map with nested parallel
//                    blocks, loops and skips (8 parallel bars, 211 states)
//   variants / IM    the same log, one case per variant, against a map with far
//                    more concurrency (most activities optional and repeatable,
//                    all in parallel: 12,296 states)
//   hospital         1,143 long cases (139 events on average, up to 1,800) of 624
//                    activities against the 113-node, 243-arrow map discover
//                    draws from them
// The counters say how many search states a variant took, on average and at
// most: a measure of the search that does not drift with the machine's load.
// Times are wall clock with the process's CPU time beside them (the variants
// are aligned on every core).
// Logs and maps are generated, seeded: runs of the map with noise (events
// skipped, inserted, swapped) as real logs have. Each run is the whole alignment
// work of `strawman diff`: buildReplayModel and diff().
//
// Run: build/bench/bench_alignment --benchmark_repetitions=5
// --benchmark_report_aggregates_only=true
#include "model/analysis/discovery.h"
#include "model/analysis/variants.h"
#include "model/conformance/diff.h"
#include "model/events/event_log.h"

#include "bench_random.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace strawman;
using bench::Random;
using model::NodeId;
using model::NodeKind;

// A block-structured process, as the inductive miner finds them: what a map
// draws and what runs of it look like.
struct Block {
    enum Kind { Step, Sequence, Choice, Skippable, Loop, Parallel } kind = Step;
    std::uint32_t activity = 0;
    std::vector<Block> parts;
    int again = 0; // a loop: the chance in percent of another round
};

Block step(std::uint32_t a) {
    return {Block::Step, a, {}};
}
Block seq(std::vector<Block> parts) {
    return {Block::Sequence, 0, std::move(parts)};
}
Block choice(std::vector<Block> parts) {
    return {Block::Choice, 0, std::move(parts)};
}
Block skippable(Block b) {
    return {Block::Skippable, 0, {std::move(b)}};
}
Block loop(Block b, int again = 45) {
    return {Block::Loop, 0, {std::move(b)}, again};
}
Block parallel(std::vector<Block> parts) {
    return {Block::Parallel, 0, std::move(parts)};
}

// Draws a block as flowchart nodes: decisions for choices, skips and loops,
// parallel bars for concurrency.
class MapDrawer {
  public:
    explicit MapDrawer(const std::vector<std::string>& codes) : m_codes(codes) {}

    model::MapContent draw(const Block& process) {
        const NodeId start = node(NodeKind::Start, "");
        const auto [first, last] = block(process);
        const NodeId end = node(NodeKind::End, "");
        edge(start, first);
        edge(last, end);
        return m_map;
    }

  private:
    NodeId node(NodeKind kind, const std::string& activity) {
        model::Node n;
        n.id = NodeId{static_cast<std::int64_t>(m_map.nodes.size() + 1)};
        n.kind = kind;
        n.key = "n" + std::to_string(n.id.value);
        n.label = activity.empty() ? n.key : activity;
        n.activity = activity;
        m_map.nodes.push_back(n);
        return n.id;
    }
    void edge(NodeId a, NodeId b) {
        m_map.edges.push_back(
            {model::EdgeId{static_cast<std::int64_t>(m_map.edges.size() + 1)}, a, b, {}});
    }

    std::pair<NodeId, NodeId> block(const Block& b) {
        switch (b.kind) {
        case Block::Step: {
            const NodeId id = node(NodeKind::Activity, m_codes[b.activity]);
            return {id, id};
        }
        case Block::Sequence: {
            auto [first, last] = block(b.parts[0]);
            for (std::size_t i = 1; i < b.parts.size(); ++i) {
                const auto [f, l] = block(b.parts[i]);
                edge(last, f);
                last = l;
            }
            return {first, last};
        }
        case Block::Choice:
        case Block::Skippable:
        case Block::Loop:
        case Block::Parallel: {
            const NodeKind kind =
                b.kind == Block::Parallel ? NodeKind::Parallel : NodeKind::Decision;
            const NodeId open = node(kind, ""), close = node(kind, "");
            for (const Block& part : b.parts) {
                const auto [f, l] = block(part);
                edge(open, f);
                edge(l, close);
            }
            if (b.kind == Block::Skippable) edge(open, close);
            if (b.kind == Block::Loop) edge(close, open);
            return {open, close};
        }
        }
        return {};
    }

    const std::vector<std::string>& m_codes;
    model::MapContent m_map;
};

// One run of a block; parallel parts interleave at random.
void run(const Block& b, Random& rnd, std::vector<std::uint32_t>& out) {
    switch (b.kind) {
    case Block::Step:
        out.push_back(b.activity);
        return;
    case Block::Sequence:
        for (const Block& p : b.parts) run(p, rnd, out);
        return;
    case Block::Choice:
        run(b.parts[static_cast<std::size_t>(rnd.below(static_cast<std::int64_t>(b.parts.size())))],
            rnd, out);
        return;
    case Block::Skippable:
        if (rnd.chance(55)) run(b.parts[0], rnd, out);
        return;
    case Block::Loop:
        do run(b.parts[0], rnd, out);
        while (rnd.chance(b.again));
        return;
    case Block::Parallel: {
        std::vector<std::vector<std::uint32_t>> branches(b.parts.size());
        for (std::size_t i = 0; i < b.parts.size(); ++i) run(b.parts[i], rnd, branches[i]);
        std::vector<std::size_t> at(branches.size(), 0);
        for (;;) {
            std::vector<std::size_t> open;
            for (std::size_t i = 0; i < branches.size(); ++i)
                if (at[i] < branches[i].size()) open.push_back(i);
            if (open.empty()) return;
            const std::size_t i =
                open[static_cast<std::size_t>(rnd.below(static_cast<std::int64_t>(open.size())))];
            out.push_back(branches[i][at[i]++]);
        }
    }
    }
}

// Real logs mostly fit: some cases have an event missing, one extra, or two
// recorded in the wrong order.
void addNoise(std::vector<std::uint32_t>& path, Random& rnd, std::uint32_t activities,
              int percent) {
    if (!rnd.chance(percent)) return;
    for (std::int64_t k = 1 + rnd.below(4); k > 0; --k) {
        const auto n = static_cast<std::int64_t>(path.size());
        switch (rnd.below(3)) {
        case 0:
            if (n > 1) path.erase(path.begin() + rnd.below(n));
            break;
        case 1:
            path.insert(path.begin() + rnd.below(n + 1),
                        static_cast<std::uint32_t>(rnd.below(activities)));
            break;
        default:
            if (n > 1) {
                const auto i = static_cast<std::size_t>(rnd.below(n - 1));
                std::swap(path[i], path[i + 1]);
            }
        }
    }
}

model::EventLog emptyLog(std::uint32_t activities, const char* prefix) {
    model::EventLog log;
    for (std::uint32_t a = 0; a < activities; ++a) {
        std::string code = std::to_string(a);
        log.activities.push_back(
            prefix + std::string(3 - std::min<std::size_t>(3, code.size()), '0') + code);
    }
    log.attributeSets.emplace_back();
    log.resources.emplace_back();
    log.caseStart.push_back(0);
    return log;
}

void addCase(model::EventLog& log, const std::vector<std::uint32_t>& path, Random& rnd) {
    constexpr model::TimeMs kMinute = 60'000;
    model::TimeMs t = 1'704'067'200'000 + rnd.below(365LL * 24 * 60) * kMinute;
    for (const std::uint32_t a : path) {
        log.events.push_back({t, a, 0, 0, 0});
        t += kMinute * (1 + rnd.below(600));
    }
    log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
    const auto c = static_cast<std::uint64_t>(log.casePseudonyms.size());
    model::Pseudonym p{};
    for (int i = 0; i < 8; ++i)
        p[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(c >> (56 - 8 * i));
    log.casePseudonyms.push_back(p);
    log.patients.push_back({});
}

std::vector<std::uint32_t> everyCase(const model::EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    return cases;
}

// [SECTION] sepsis-like: 16 activities, a handful of parallel blocks

// Shaped like the inductive miner (infrequent) model of the sepsis log:
// registration and triage, the lab tests and treatments in parallel, admission
// with transfers, release and return. 8 parallel bars, nested.
Block sepsisProcess() {
    return seq({step(0), parallel({seq({step(1), skippable(step(2))}), skippable(step(3))}),
                parallel({loop(step(4), 70), loop(step(5), 65), skippable(step(6)),
                          skippable(step(7)), loop(choice({step(8), step(9)}), 50),
                          parallel({skippable(step(10)), skippable(step(11))})}),
                skippable(seq({step(12), skippable(loop(step(13)))})),
                parallel({skippable(step(14)), skippable(step(15))})});
}

// The inductive miner's exact model of the same log: nearly everything
// optional, repeatable and in parallel.
Block sepsisExactProcess() {
    return seq(
        {step(0),
         parallel({seq({skippable(step(1)), skippable(step(2))}), skippable(step(3)), loop(step(4)),
                   skippable(loop(step(5))), skippable(step(6)), skippable(step(7)),
                   skippable(loop(choice({step(8), step(9)}))), skippable(step(10)),
                   skippable(step(11)), skippable(step(12)), skippable(step(13))}),
         parallel({skippable(step(14)), skippable(step(15))})});
}

const model::EventLog& sepsisLog() {
    static const model::EventLog log = [] {
        model::EventLog generated = emptyLog(16, "S");
        Random rnd;
        const Block process = sepsisProcess();
        std::vector<std::uint32_t> path;
        for (int c = 0; c < 1050; ++c) {
            path.clear();
            if (c > 0 && rnd.chance(20)) { // a common path again
                const auto earlier =
                    generated.caseEvents(static_cast<std::size_t>(rnd.below(c) / 4));
                for (const auto& e : earlier) path.push_back(e.activity);
            } else {
                run(process, rnd, path);
                addNoise(path, rnd, 16, 75);
            }
            addCase(generated, path, rnd);
        }
        return generated;
    }();
    return log;
}

// [SECTION] hospital-like: 624 activities, long cases, a discovered map

// Care pathways as a walk: each activity is usually followed by one of a few
// usual next ones, now and then by any (popular ones likelier). Case lengths
// spread like a hospital's: most around a hundred, a few very long.
const model::EventLog& hospitalLog() {
    static const model::EventLog log = [] {
        constexpr std::uint32_t kActivities = 624;
        model::EventLog generated = emptyLog(kActivities, "H");
        Random rnd;
        auto popular = [&] { // Zipf-like: low numbers far more often
            const double u = static_cast<double>(rnd.below(1'000'000) + 1) / 1e6;
            return static_cast<std::uint32_t>(
                std::min<double>(kActivities - 1, std::floor(std::pow(kActivities, u) - 1)));
        };
        std::vector<std::vector<std::uint32_t>> usualNext(kActivities);
        for (auto& next : usualNext)
            for (std::int64_t k = 2 + rnd.below(2); k > 0; --k) next.push_back(popular());
        std::vector<std::uint32_t> path;
        for (int c = 0; c < 1143; ++c) {
            path.clear();
            // Log-normal lengths, median about 80, mean about 130, capped at 1,800.
            double z = 0;
            for (int k = 0; k < 12; ++k) z += static_cast<double>(rnd.below(1'000'000)) / 1e6;
            const auto length =
                static_cast<std::size_t>(std::clamp(std::exp(4.4 + 1.0 * (z - 6)), 3.0, 1800.0));
            std::uint32_t at = popular() % 8;
            while (path.size() < length) {
                path.push_back(at);
                at = rnd.chance(85) ? usualNext[at][static_cast<std::size_t>(rnd.below(
                                          static_cast<std::int64_t>(usualNext[at].size())))]
                                    : popular();
            }
            addCase(generated, path, rnd);
        }
        return generated;
    }();
    return log;
}

// What `strawman discover` draws, keeping the ~111 activities most cases have.
const model::MapContent& hospitalMap() {
    static const model::MapContent map = [] {
        const model::EventLog& log = hospitalLog();
        const auto cases = everyCase(log);
        std::vector<std::int64_t> casesWith(log.activities.size(), 0);
        for (std::uint32_t c = 0; c < log.caseCount(); ++c) {
            std::vector<bool> seen(log.activities.size(), false);
            for (const auto& e : log.caseEvents(c))
                if (!seen[e.activity]) {
                    seen[e.activity] = true;
                    ++casesWith[e.activity];
                }
        }
        std::sort(casesWith.rbegin(), casesWith.rend());
        model::DiscoveryOptions options;
        options.minFrequency =
            static_cast<double>(casesWith[110]) / static_cast<double>(cases.size());
        return model::discoverMap(log, cases, options);
    }();
    return map;
}

// [SECTION] the benchmarks

void runDiff(benchmark::State& state, const model::MapContent& map, const model::EventLog& log,
             const std::vector<std::uint32_t>& cases) {
    model::DiffResult result;
    for (auto _ : state) result = model::diff(map, log, cases);
    double events = 0;
    for (const std::uint32_t c : cases) events += static_cast<double>(log.caseEvents(c).size());
    state.counters["events a case"] = events / static_cast<double>(cases.size());
    const model::ReplayModel replay = model::buildReplayModel(map);
    state.counters["map states"] = static_cast<double>(replay.states.markings.size());
    // How much searching the variants take, a measure that does not drift with the machine's load.
    double searched = 0, most = 0;
    model::Aligner aligner(replay);
    const auto variants = model::rankedVariants(log, cases);
    for (const model::Variant& v : variants) {
        std::vector<std::int32_t> trace;
        for (const std::uint32_t a : v.activities)
            trace.push_back(replay.labelOf(log.activities[a]));
        const auto visited = static_cast<double>(aligner.align(trace).statesVisited);
        searched += visited;
        most = std::max(most, visited);
    }
    state.counters["searched at most"] = most;
    state.counters["searched a variant"] = searched / static_cast<double>(variants.size());
    state.counters["cases"] = static_cast<double>(cases.size());
    state.counters["variants"] = static_cast<double>(result.variants);
    state.counters["nodes"] = static_cast<double>(map.nodes.size());
    state.counters["arrows"] = static_cast<double>(map.edges.size());
    state.counters["log fitness"] = result.logFitness;
    state.counters["fitting %"] = result.percentageFitting;
}

void BM_SepsisImf(benchmark::State& state) {
    static const model::MapContent map = MapDrawer(sepsisLog().activities).draw(sepsisProcess());
    runDiff(state, map, sepsisLog(), everyCase(sepsisLog()));
}
BENCHMARK(BM_SepsisImf)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_VariantsIm(benchmark::State& state) {
    static const model::MapContent map =
        MapDrawer(sepsisLog().activities).draw(sepsisExactProcess());
    std::vector<std::uint32_t> cases;
    for (const model::Variant& v : model::rankedVariants(sepsisLog(), everyCase(sepsisLog())))
        cases.push_back(v.cases.front());
    std::sort(cases.begin(), cases.end());
    runDiff(state, map, sepsisLog(), cases);
}
BENCHMARK(BM_VariantsIm)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_HospitalDiscovered(benchmark::State& state) {
    const model::EventLog& log = hospitalLog();
    runDiff(state, hospitalMap(), log, everyCase(log));
    state.counters["events"] = static_cast<double>(log.events.size());
}
BENCHMARK(BM_HospitalDiscovered)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
