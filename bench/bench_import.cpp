// The whole import path, file to workspace, and loading a trust-year back.
// Data comes from the sample generator (RWF's CSV layout: NHS numbers, names and
// free text included, so pseudonymisation and column skipping are measured too).
//
// Run: build/bench/bench_import --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "model/events/event_import.h"
#include "model/events/event_log.h"
#include "model/events/readers/csv_reader.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"
#include "sample/generator.h"
#include "scratch.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace {

using namespace strawman;

using bench::removeWorkspace;
using bench::scratchPath;

// One generated RWF extract per size, made once per process and removed at exit.
struct Extracts {
    std::map<std::int64_t, std::filesystem::path> files;
    ~Extracts() {
        std::error_code ec;
        for (const auto& [cases, path] : files) std::filesystem::remove(path, ec);
    }
};

const std::filesystem::path& extract(std::int64_t cases) {
    static Extracts extracts;
    auto& path = extracts.files[cases];
    if (path.empty()) {
        path = scratchPath("rwf-" + std::to_string(cases) + ".csv");
        sample::GeneratorOptions gen;
        gen.trust = "RWF";
        gen.cases = cases;
        std::ofstream out(path, std::ios::binary);
        sample::generate(gen, out);
    }
    return path;
}

model::Workspace freshWorkspace(const std::filesystem::path& path) {
    removeWorkspace(path);
    auto ws = model::Workspace::create(path);
    const auto trust = ws.addTrust("RWF", "Maidstone and Tunbridge Wells NHS Trust");
    for (const auto& [local, activity] : sample::localCodes("RWF"))
        ws.events().changeCodeMapping(trust, local, model::CodeMappingChange::mapTo(activity));
    return ws;
}

model::ImportReport importExtract(model::Workspace& ws, const std::filesystem::path& file) {
    static const auto key = model::PseudonymKey::fromBytes("benchmark key, not for real data.");
    model::ImportSettings settings;
    settings.trust = ws.findTrust("RWF")->id;
    settings.fileName = file.filename().string();
    settings.sha256 = file.filename().string();
    settings.format = "csv";
    settings.importedBy = "bench";
    settings.force = true;
    model::EventImport import(ws.events(), key, settings);
    model::CsvOptions csv;
    csv.columns = model::parseColumnSpec(sample::csvColumnSpec("RWF"));
    model::readCsv(file, csv, import);
    return import.finish();
}

// CSV file -> pseudonymised, mapped, stored events, on disk, one transaction.
void BM_ImportCsvToWorkspace(benchmark::State& state) {
    const auto& file = extract(state.range(0));
    const auto wsPath = scratchPath("import.strawman");
    std::int64_t events = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto ws = freshWorkspace(wsPath);
        state.ResumeTiming();
        events += importExtract(ws, file).eventsAccepted;
    }
    state.counters["events/s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["file MB"] = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
    removeWorkspace(wsPath);
}
BENCHMARK(BM_ImportCsvToWorkspace)
    ->Arg(20'000)
    ->Arg(200'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Loading a trust-year into memory for analysis: 300k cases, ~2.5 M events.
void BM_LoadTrustYear(benchmark::State& state) {
    const auto wsPath = scratchPath("year.strawman");
    {
        auto ws = freshWorkspace(wsPath);
        importExtract(ws, extract(state.range(0)));
    }
    auto ws = model::Workspace::open(wsPath);
    const auto trust = ws.findTrust("RWF")->id;
    std::size_t events = 0;
    for (auto _ : state) {
        const auto log = ws.events().load(trust);
        events = log.events.size();
        benchmark::DoNotOptimize(log.events.data());
    }
    state.counters["events"] = static_cast<double>(events);
    state.counters["file MB"] = static_cast<double>(std::filesystem::file_size(wsPath)) / 1e6;
    removeWorkspace(wsPath);
}
BENCHMARK(BM_LoadTrustYear)->Arg(300'000)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
