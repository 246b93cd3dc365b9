// How fast a RIS CSV extract is read: rows split, local London times resolved,
// events handed to a sink that only counts them. The file is generated once in
// the temp directory (2 M rows, about 100 MB) and removed at exit.
// Run: build/bench/bench_csv --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "model/events/readers/csv_reader.h"
#include "model/events/readers/local_time.h"

#include "counting_sink.h"
#include "scratch.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace {

namespace fs = std::filesystem;
using namespace strawman::model;

using strawman::bench::CountingSink;

// Accession, status, local time, modality, priority: the columns a RIS status
// history extract has. Cases of five statuses each, over a year, so both GMT and
// BST periods (and the October repeated hour) occur.
class GeneratedExtract {
  public:
    explicit GeneratedExtract(int rows) {
        m_path = strawman::bench::scratchPath("extract.csv");
        std::FILE* f = std::fopen(m_path.c_str(), "wb");
        if (f == nullptr) throw std::runtime_error("cannot write " + m_path.string());
        static constexpr const char* kStatus[] = {"REQ", "VET", "ARR", "CMP", "VER"};
        static constexpr const char* kModality[] = {"CT", "MR", "XR", "US", "NM"};
        static constexpr const char* kPriority[] = {"Routine", "Urgent", "2WW"};
        static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        std::fputs("Accession Number,Status Code,Event Time,Modality,Priority\n", f);
        char line[128];
        for (int i = 0; i < rows; ++i) {
            const int c = i / 5;
            const int minuteOfYear = (c * 263 + (i % 5) * 97) % (365 * 24 * 60);
            int day = minuteOfYear / (24 * 60);
            int month = 0;
            while (day >= kDays[month]) day -= kDays[month++];
            const int minute = minuteOfYear % (24 * 60);
            const int n =
                std::snprintf(line, sizeof line, "RAD%08d,%s,2025-%02d-%02d %02d:%02d:%02d,%s,%s\n",
                              c, kStatus[i % 5], month + 1, day + 1, minute / 60, minute % 60,
                              (i * 7) % 60, kModality[c % 5], kPriority[c % 3]);
            std::fwrite(line, 1, static_cast<std::size_t>(n), f);
        }
        std::fclose(f);
        m_bytes = static_cast<std::int64_t>(fs::file_size(m_path));
    }
    ~GeneratedExtract() {
        std::error_code ec;
        fs::remove(m_path, ec);
    }
    const fs::path& path() const { return m_path; }
    std::int64_t bytes() const { return m_bytes; }

  private:
    fs::path m_path;
    std::int64_t m_bytes = 0;
};

const GeneratedExtract& extract() {
    static const GeneratedExtract file(2'000'000);
    return file;
}

void BM_ReadCsv(benchmark::State& state) {
    const GeneratedExtract& file = extract();
    CsvOptions options;
    options.columns = parseColumnSpec(
        "case=Accession Number,activity=Status Code,timestamp=Event Time,modality=Modality,"
        "priority=Priority");
    std::int64_t events = 0;
    for (auto _ : state) {
        CountingSink sink;
        readCsv(file.path(), options, sink);
        if (sink.rejects != 0) state.SkipWithError("rows were rejected");
        events += sink.events;
    }
    state.counters["events"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(file.bytes() * state.iterations());
}
BENCHMARK(BM_ReadCsv)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// One local London time, read and placed in UTC: the hot path inside readCsv.
void BM_ParseLocalTimestamp(benchmark::State& state) {
    const TimeZone zone = TimeZone::named("Europe/London");
    const char* texts[] = {"2025-01-15 09:30:00", "2025-07-15 09:30:00", "15/10/2025 23:59",
                           "2025-03-29 12:00:00"};
    std::size_t i = 0;
    for (auto _ : state) {
        auto t = parseTimestamp(texts[i++ & 3], zone);
        benchmark::DoNotOptimize(t);
    }
    state.counters["parses"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseLocalTimestamp);

} // namespace

BENCHMARK_MAIN();
