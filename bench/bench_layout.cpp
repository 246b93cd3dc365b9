// Layout time for generated flowcharts of realistic shape. Budget (docs/design.md):
// a 200-node map in <= 100 ms.
//
//   ./build/bench/bench_layout --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "flowchart_generator.h"

#include "model/maps/layout.h"

#include <benchmark/benchmark.h>

namespace {

using namespace strawman::model;
using strawman::bench::FlowchartGenerator;

void layoutFlowchart(benchmark::State& state, LayoutDirection direction) {
    const MapContent map = FlowchartGenerator(static_cast<int>(state.range(0))).generate();
    if (map.nodes.size() != static_cast<std::size_t>(state.range(0))) {
        state.SkipWithError("the generator missed the size");
        return;
    }
    for (auto _ : state) {
        MapContent copy = map;
        layout(copy, direction);
        benchmark::DoNotOptimize(copy.nodes.data());
    }
    state.counters["nodes"] = static_cast<double>(map.nodes.size());
    state.counters["edges"] = static_cast<double>(map.edges.size());
}

void BM_LayoutLeftRight(benchmark::State& state) {
    layoutFlowchart(state, LayoutDirection::LeftRight);
}
void BM_LayoutTopBottom(benchmark::State& state) {
    layoutFlowchart(state, LayoutDirection::TopBottom);
}

} // namespace

BENCHMARK(BM_LayoutLeftRight)
    ->Arg(20)
    ->Arg(50)
    ->Arg(100)
    ->Arg(200)
    ->Arg(500)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LayoutTopBottom)->Arg(200)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
