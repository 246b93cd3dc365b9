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

#include "bench_random.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace strawman;

using bench::Random;

// Radiology orders shaped like the sample trusts' paths: walk-in X-ray without
// booking, vetting sometimes skipped, DNA and rebooking loops, addenda. Each step
// takes minutes to weeks.
model::EventLog trustYear(std::int64_t cases) {
    model::EventLog log;
    log.activities = {"REQ", "RCV", "VET", "REJ", "PRO", "BKD", "DNA",
                      "ARR", "STA", "CMP", "REP", "VER", "ADD", "CAN"};
    enum : std::uint32_t { REQ, RCV, VET, REJ, PRO, BKD, DNA, ARR, STA, CMP, REP, VER, ADD, CAN };
    log.attributeSets.emplace_back();
    for (const char* modality : {"XR", "CT", "MR", "US"})
        for (const char* priority : {"routine", "urgent", "2WW"}) {
            model::EventAttributes a;
            a.modality = modality;
            a.priority = priority;
            a.patientSource = "GP";
            a.site = "Maidstone";
            log.attributeSets.push_back(a);
        }
    log.resources.emplace_back();

    Random rnd;
    constexpr model::TimeMs kMinute = 60'000, kYear = 365LL * 24 * 60 * kMinute;
    const model::TimeMs yearStart = 1'704'067'200'000; // 2024-01-01T00:00Z
    log.caseStart.push_back(0);
    std::vector<std::uint32_t> path;
    for (std::int64_t c = 0; c < cases; ++c) {
        path.clear();
        // Attribute sets 1-3 are X-ray, 4-9 CT and MR, 10-12 ultrasound.
        const auto attributes =
            static_cast<std::uint32_t>(rnd.chance(40) ? 1 + rnd.below(3) : 4 + rnd.below(9));
        const bool xray = attributes <= 3, crossSectional = attributes >= 4 && attributes <= 9;
        const bool walkIn = xray && rnd.chance(80);
        path.push_back(REQ);
        if (!walkIn) {
            path.push_back(RCV);
            if (!rnd.chance(10)) path.push_back(VET);
            if (crossSectional && rnd.chance(40)) path.push_back(PRO);
            if (rnd.chance(2))
                path.push_back(rnd.chance(50) ? REJ : CAN);
            else {
                path.push_back(BKD);
                while (rnd.chance(6)) {
                    path.push_back(rnd.chance(70) ? DNA : CAN);
                    path.push_back(BKD);
                }
            }
        }
        if (path.back() != REJ && path.back() != CAN) {
            // Arrival and start recorded out of order now and then, or start not at all.
            if (rnd.chance(4))
                path.insert(path.end(), {STA, ARR});
            else if (rnd.chance(3))
                path.push_back(ARR);
            else
                path.insert(path.end(), {ARR, STA});
            path.push_back(CMP);
            path.push_back(REP);
            while (rnd.chance(2)) path.push_back(REP); // report reworked before verification
            path.push_back(VER);
            while (rnd.chance(3)) path.push_back(ADD);
        }
        model::TimeMs t = yearStart + rnd.below(kYear);
        for (const auto activity : path) {
            log.events.push_back({t, activity, attributes, 0, 0});
            t += kMinute * (rnd.chance(80) ? rnd.below(240) : rnd.below(60 * 24 * 21));
        }
        log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
        model::Pseudonym p{};
        for (int i = 0; i < 8; ++i)
            p[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(c >> (56 - 8 * i));
        log.casePseudonyms.push_back(p);
        log.patients.push_back({});
    }
    return log;
}

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
