// The log side of the diff on a trust-year: variants, the directly-follows graph
// with step durations, one interval (RCV -> VET), and the three together, as a
// diff computes them. The log is built in memory by a small deterministic
// generator (300k cases, about 2.4 M events), so no import is measured.
//
// Run: build/bench/bench_analysis --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "model/analysis/log_filter.h"
#include "model/analysis/transitions.h"
#include "model/analysis/variants.h"
#include "model/conformance/diff.h"
#include "model/events/event_log.h"

#include "trust_year.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace strawman;

using bench::trustYear;

const model::EventLog& yearLog() {
    static const model::EventLog log = trustYear(300'000);
    return log;
}

std::vector<std::uint32_t> everyCase(const model::EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    return cases;
}

void counters(benchmark::State& state, const model::EventLog& log) {
    state.counters["cases"] = static_cast<double>(log.caseCount());
    state.counters["events"] = static_cast<double>(log.events.size());
}

void BM_SelectCases(benchmark::State& state) {
    const auto& log = yearLog();
    model::LogFilter filter;
    filter.modalities = {"CT", "MR"};
    filter.from = 1'704'067'200'000 + 90LL * 24 * 3600 * 1000;
    for (auto _ : state) benchmark::DoNotOptimize(model::selectCases(log, filter).data());
    counters(state, log);
}
BENCHMARK(BM_SelectCases)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Variants(benchmark::State& state) {
    const auto& log = yearLog();
    const auto cases = everyCase(log);
    std::size_t variants = 0;
    for (auto _ : state) variants = model::rankedVariants(log, cases).size();
    counters(state, log);
    state.counters["variants"] = static_cast<double>(variants);
}
BENCHMARK(BM_Variants)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DirectlyFollows(benchmark::State& state) {
    const auto& log = yearLog();
    const auto cases = everyCase(log);
    std::size_t transitions = 0;
    for (auto _ : state) transitions = model::directlyFollows(log, cases).transitions.size();
    counters(state, log);
    state.counters["transitions"] = static_cast<double>(transitions);
}
BENCHMARK(BM_DirectlyFollows)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Interval(benchmark::State& state) {
    const auto& log = yearLog();
    const auto cases = everyCase(log);
    for (auto _ : state) benchmark::DoNotOptimize(model::intervalStats(log, cases, "RCV", "VET"));
    counters(state, log);
}
BENCHMARK(BM_Interval)->Unit(benchmark::kMillisecond)->UseRealTime();

// What one diff asks of the log: variants, the graph, one interval.
void BM_LogSideOfDiff(benchmark::State& state) {
    const auto& log = yearLog();
    const auto cases = everyCase(log);
    for (auto _ : state) {
        benchmark::DoNotOptimize(model::rankedVariants(log, cases).data());
        benchmark::DoNotOptimize(model::directlyFollows(log, cases).transitions.data());
        benchmark::DoNotOptimize(model::intervalStats(log, cases, "RCV", "VET"));
    }
    counters(state, log);
}
BENCHMARK(BM_LogSideOfDiff)->Unit(benchmark::kMillisecond)->UseRealTime();

// A network CT pathway of 20 nodes: vetting with rejection, protocol and booking
// in parallel, an optional preliminary report.
model::MapContent ctMap() {
    using model::NodeKind;
    model::MapContent map;
    auto node = [&](NodeKind kind, const char* key, const char* activity = "") {
        model::Node n;
        n.id = model::NodeId{static_cast<std::int64_t>(map.nodes.size() + 1)};
        n.kind = kind;
        n.key = key;
        n.label = key;
        n.activity = activity;
        map.nodes.push_back(n);
        return n.id;
    };
    auto edge = [&](model::NodeId a, model::NodeId b) {
        map.edges.push_back(
            {model::EdgeId{static_cast<std::int64_t>(map.edges.size() + 1)}, a, b, {}});
    };
    const auto start = node(NodeKind::Start, "start"), req = node(NodeKind::Activity, "req", "REQ");
    const auto rcv = node(NodeKind::Activity, "rcv", "RCV"),
               vet = node(NodeKind::Activity, "vet", "VET");
    const auto ok = node(NodeKind::Decision, "justified"),
               rej = node(NodeKind::Activity, "rej", "REJ");
    const auto split = node(NodeKind::Parallel, "split"),
               pro = node(NodeKind::Activity, "pro", "PRO");
    const auto bkd = node(NodeKind::Activity, "bkd", "BKD"),
               join = node(NodeKind::Parallel, "join");
    const auto arr = node(NodeKind::Activity, "arr", "ARR"),
               sta = node(NodeKind::Activity, "sta", "STA");
    const auto cmp = node(NodeKind::Activity, "cmp", "CMP"),
               prelim = node(NodeKind::Decision, "prelim");
    const auto rep = node(NodeKind::Activity, "rep", "REP"),
               ver = node(NodeKind::Activity, "ver", "VER");
    const auto end = node(NodeKind::End, "end"), rejected = node(NodeKind::End, "rejected");
    const auto add = node(NodeKind::Activity, "add", "ADD"),
               addendum = node(NodeKind::Decision, "addendum");
    edge(start, req), edge(req, rcv), edge(rcv, vet), edge(vet, ok), edge(ok, rej),
        edge(rej, rejected);
    edge(ok, split), edge(split, pro), edge(split, bkd), edge(pro, join), edge(bkd, join),
        edge(join, arr);
    edge(arr, sta), edge(sta, cmp), edge(cmp, prelim), edge(prelim, rep), edge(prelim, ver),
        edge(rep, ver);
    edge(ver, addendum), edge(addendum, add), edge(add, addendum), edge(addendum, end);
    return map;
}

// The whole diff of a million cases against that map: the log side, and each
// variant aligned once (docs/design.md budget: 2 s on one core).
void BM_DiffMillionCases(benchmark::State& state) {
    static const model::EventLog log = trustYear(1'000'000);
    const auto cases = everyCase(log);
    const auto map = ctMap();
    model::DiffResult result;
    for (auto _ : state) result = model::diff(map, log, cases);
    counters(state, log);
    state.counters["variants"] = static_cast<double>(result.variants);
    state.counters["log fitness"] = result.logFitness;
}
BENCHMARK(BM_DiffMillionCases)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
