// How fast the sample generator makes events, per format, into a stream that
// discards them (so the disk is not measured).
// Run: build/bench/bench_generator --benchmark_repetitions=5
// --benchmark_report_aggregates_only=true
#include "sample/generator.h"

#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>

namespace {

class NullBuffer : public std::streambuf {
  public:
    std::int64_t bytes = 0;

  protected:
    int overflow(int c) override {
        ++bytes;
        return c;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += n;
        return n;
    }
};

void generateCases(benchmark::State& state, strawman::sample::OutputFormat format) {
    NullBuffer buffer;
    std::ostream out(&buffer);
    strawman::sample::GeneratorOptions options;
    options.trust = "RWF";
    options.cases = state.range(0);
    options.format = format;
    std::int64_t events = 0;
    for (auto _ : state) events += strawman::sample::generate(options, out).events;
    state.counters["events/s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(buffer.bytes);
}

void BM_GenerateCsv(benchmark::State& s) {
    generateCases(s, strawman::sample::OutputFormat::Csv);
}
void BM_GenerateXes(benchmark::State& s) {
    generateCases(s, strawman::sample::OutputFormat::Xes);
}
void BM_GenerateHl7(benchmark::State& s) {
    generateCases(s, strawman::sample::OutputFormat::Hl7);
}
void BM_GenerateDid(benchmark::State& s) {
    generateCases(s, strawman::sample::OutputFormat::Did);
}

} // namespace

BENCHMARK(BM_GenerateCsv)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GenerateXes)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GenerateHl7)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GenerateDid)->Arg(100000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
