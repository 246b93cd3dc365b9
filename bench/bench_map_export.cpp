// Time to draw a map as a picture for a board paper: a generated 500-node
// flowchart (steps in six lanes by role, decisions whose branches rejoin,
// parallel bars, loops back, notes), laid out once, then drawn as SVG and as
// PDF by exporters::drawMap: the scene from the editor's geometry and
// Graphviz's renderers (its SVG writer; cairo and pango for PDF). Not as PNG:
// at 96 DPI a map this size is wider than the 32,767 pixels cairo draws.
//
//   build/bench/bench_map_export --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "flowchart_generator.h"

#include "exporters/picture.h"
#include "model/maps/layout.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <set>
#include <string>

namespace {

using strawman::bench::FlowchartGenerator;
using namespace strawman::model;
using strawman::exporters::drawMap;
using strawman::exporters::PictureFormat;
using strawman::exporters::PictureOptions;

const MapContent& laidOutMap() {
    static const MapContent map = [] {
        MapContent m = FlowchartGenerator(500, FlowchartGenerator::Lanes::ByRole).generate();
        layout(m);
        return m;
    }();
    return map;
}

void draw(benchmark::State& state, PictureFormat format) {
    const MapContent& map = laidOutMap();
    PictureOptions options;
    options.format = format;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string picture = drawMap(map, options);
        bytes = picture.size();
        benchmark::DoNotOptimize(picture.data());
    }
    const auto count = [&](NodeKind kind) {
        return static_cast<double>(std::count_if(map.nodes.begin(), map.nodes.end(),
                                                 [&](const Node& n) { return n.kind == kind; }));
    };
    std::set<std::string> lanes;
    for (const Node& n : map.nodes)
        if (!n.lane.empty()) lanes.insert(n.lane);
    state.counters["nodes"] = static_cast<double>(map.nodes.size());
    state.counters["decisions"] = count(NodeKind::Decision);
    state.counters["bars"] = count(NodeKind::Parallel);
    state.counters["lanes"] = static_cast<double>(lanes.size());
    state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_Svg500Nodes(benchmark::State& state) {
    draw(state, PictureFormat::Svg);
}
void BM_Pdf500Nodes(benchmark::State& state) {
    draw(state, PictureFormat::Pdf);
}

} // namespace

BENCHMARK(BM_Svg500Nodes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pdf500Nodes)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
