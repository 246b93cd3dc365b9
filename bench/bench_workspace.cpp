// How long the demo network takes to build, and what a workspace costs to open.
// Run: build/bench/bench_workspace --benchmark_repetitions=5
// --benchmark_report_aggregates_only=true
#include "cli/commands.h"
#include "cli/demo_network.h"
#include "model/store/workspace.h"
#include "scratch.h"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

using strawman::bench::removeWorkspace;

std::string scratchPath() {
    return strawman::bench::scratchPath("demo.strawman").string();
}

// The demo's options with the key in the scratch directory, so benchmarking
// leaves no key files in the user's config directory.
strawman::cli::DemoOptions demoOptions(std::int64_t casesPerTrust) {
    strawman::cli::DemoOptions options;
    options.casesPerTrust = casesPerTrust;
    options.keyFile = scratchPath() + ".key";
    return options;
}

// `strawman demo FILE`: create the file, five trusts, 15 members, import and lay
// out eight maps, and (with an argument above 0) generate and import that many
// examinations a trust, all in one transaction, on disk.
void BM_DemoNetworkOnDisk(benchmark::State& state) {
    const std::string path = scratchPath();
    const auto options = demoOptions(state.range(0));
    for (auto _ : state) {
        removeWorkspace(path);
        strawman::cli::createDemoWorkspace(path, options, true);
    }
    removeWorkspace(path);
    std::filesystem::remove(options.keyFile);
}
BENCHMARK(BM_DemoNetworkOnDisk)->Arg(0)->Arg(3000)->Unit(benchmark::kMillisecond);

// The same without the file system, to show what the disk adds.
void BM_DemoNetworkInMemory(benchmark::State& state) {
    for (auto _ : state) {
        auto ws = strawman::model::Workspace::createInMemory();
        benchmark::DoNotOptimize(strawman::cli::buildDemoNetwork(ws, demoOptions(0)));
    }
}
BENCHMARK(BM_DemoNetworkInMemory)->Unit(benchmark::kMillisecond);

// Opening the demo network and reading every map, as the editor does on start.
void BM_OpenAndReadDemo(benchmark::State& state) {
    const std::string path = scratchPath();
    removeWorkspace(path);
    strawman::cli::createDemoWorkspace(path, demoOptions(0), true);
    std::filesystem::remove(demoOptions(0).keyFile);
    for (auto _ : state) {
        auto ws = strawman::model::Workspace::open(path);
        for (const auto& m : ws.maps()) benchmark::DoNotOptimize(ws.content(m.id));
    }
    removeWorkspace(path);
}
BENCHMARK(BM_OpenAndReadDemo)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
