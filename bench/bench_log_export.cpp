// How fast a trust's log is written out by `strawman log export`: a million
// cases (about 8.2 M events) as XES and as CSV, into a file in the temp
// directory (written beside and renamed, as the command does; removed after
// each run), and the writers alone into a stream that only counts bytes, which
// tells the writer's speed from the disk's. MB/s are of the text written.
//
// The log is built in memory (trust_year.h), every event with a resource, an
// examination and its UTC offset (summer time from April to October), so
// loading from the store is not measured (a trust-year loads in about 0.25 s a
// 300k cases, README "Benchmarks").
//
// Run: build/bench/bench_log_export --benchmark_repetitions=5
// --benchmark_report_aggregates_only=true (about 4.5 GB is written per repetition; the files are
// removed as it goes)
#include "exporters/csv_log_writer.h"
#include "exporters/output_file.h"
#include "exporters/xes_writer.h"

#include "scratch.h"
#include "trust_year.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <numeric>
#include <ostream>
#include <streambuf>
#include <vector>

namespace {

using namespace strawman;

const model::EventLog& millionCases() {
    static const model::EventLog log = [] {
        model::EventLog l = bench::trustYear(1'000'000);
        const char* exams[] = {"XCHES", "CHEAD", "MBRAI", "UABDO"};
        for (std::size_t i = 1; i < l.attributeSets.size(); ++i)
            l.attributeSets[i].examination = exams[(i - 1) / 3];
        l.resources = {"", "Clerk", "Radiologist", "Radiographer", "Booking Office"};
        constexpr model::TimeMs kDay = 24LL * 3600 * 1000;
        const model::TimeMs yearStart = 1'704'067'200'000; // 2024-01-01T00:00Z
        for (std::size_t k = 0; k < l.events.size(); ++k) {
            model::LoggedEvent& e = l.events[k];
            e.resource = static_cast<std::uint32_t>(1 + k % 4);
            const auto day = (e.time - yearStart) / kDay;
            e.offsetMinutes = (day >= 90 && day < 300) ? 60 : 0;
        }
        return l;
    }();
    return log;
}

std::vector<std::uint32_t> everyCase(const model::EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0U);
    return cases;
}

// A stream that keeps nothing: the writer's own speed.
class CountingBuffer : public std::streambuf {
  protected:
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
};

enum class Format { Xes, Csv };

std::uint64_t write(Format format, const model::EventLog& log,
                    const std::vector<std::uint32_t>& cases, std::ostream& out) {
    return format == Format::Xes ? exporters::writeXes(log, cases, "RWF", out)
                                 : exporters::writeCsvLog(log, cases, out);
}

void counters(benchmark::State& state, const model::EventLog& log, std::uint64_t bytes) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["cases"] = static_cast<double>(log.caseCount());
    state.counters["events"] = static_cast<double>(log.events.size());
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_ToFile(benchmark::State& state, Format format) {
    const model::EventLog& log = millionCases();
    const std::vector<std::uint32_t> cases = everyCase(log);
    const std::filesystem::path path =
        bench::scratchPath(format == Format::Xes ? "log.xes" : "log.csv");
    std::uint64_t bytes = 0;
    for (auto _ : state) {
        exporters::OutputFile file(path.string());
        bytes = write(format, log, cases, file.stream());
        file.commit();
        state.PauseTiming();
        std::filesystem::remove(path);
        state.ResumeTiming();
    }
    counters(state, log, bytes);
}

void BM_WriterAlone(benchmark::State& state, Format format) {
    const model::EventLog& log = millionCases();
    const std::vector<std::uint32_t> cases = everyCase(log);
    CountingBuffer buffer;
    std::ostream out(&buffer);
    std::uint64_t bytes = 0;
    for (auto _ : state) bytes = write(format, log, cases, out);
    counters(state, log, bytes);
}

BENCHMARK_CAPTURE(BM_ToFile, Xes, Format::Xes)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_ToFile, Csv, Format::Csv)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_WriterAlone, Xes, Format::Xes)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_WriterAlone, Csv, Format::Csv)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

} // namespace

BENCHMARK_MAIN();
