// How fast an XES log is read: expat parse in 256 KiB blocks, attributes matched
// by key, timestamps with offsets resolved, events handed to a sink that only
// counts them. The log is generated once in the temp directory (200 k traces of
// 8 events, about 450 MB of uncompressed XML, and a gzip copy) and removed at
// exit. The budget is 50 MB/s of uncompressed XML on one core.
// Run: build/bench/bench_xes --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "model/xes_reader.h"

#include "counting_sink.h"

#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <time.h>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace strawman::model;

using strawman::bench::CountingSink;

// Traces of eight radiology steps as a process-mining export writes them: trace
// name and modality at trace level; each event with name, ISO timestamp with
// offset, lifecycle transition, resource and one attribute the reader skips.
class GeneratedLog {
  public:
    GeneratedLog(int traces, int eventsPerTrace) {
        m_path =
            fs::temp_directory_path() / ("strawman-bench-" + std::to_string(getpid()) + ".xes");
        std::FILE* f = std::fopen(m_path.c_str(), "wb");
        if (f == nullptr) throw std::runtime_error("cannot write " + m_path.string());
        static constexpr const char* kSteps[] = {
            "Request received", "Vetted",       "Protocolled",    "Booked",
            "Arrived",          "Exam started", "Exam completed", "Report verified"};
        static constexpr const char* kModality[] = {"CT", "MR", "XR", "US", "NM"};
        std::fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                   "<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n"
                   "  <extension name=\"Concept\" prefix=\"concept\" "
                   "uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
                   "  <extension name=\"Time\" prefix=\"time\" "
                   "uri=\"http://www.xes-standard.org/time.xesext\"/>\n"
                   "  <classifier name=\"Activity\" keys=\"concept:name\"/>\n",
                   f);
        for (int t = 0; t < traces; ++t) {
            std::fprintf(f,
                         "  <trace>\n"
                         "    <string key=\"concept:name\" value=\"RAD%08d\"/>\n"
                         "    <string key=\"modality\" value=\"%s\"/>\n",
                         t, kModality[t % 5]);
            const int day = t % 28 + 1, month = t / 28 % 12 + 1;
            for (int e = 0; e < eventsPerTrace; ++e) {
                const int minute = (t * 13 + e * 47) % (24 * 60);
                std::fprintf(f,
                             "    <event>\n"
                             "      <string key=\"concept:name\" value=\"%s\"/>\n"
                             "      <date key=\"time:timestamp\" "
                             "value=\"2025-%02d-%02dT%02d:%02d:%02d.%03d+01:00\"/>\n"
                             "      <string key=\"lifecycle:transition\" value=\"complete\"/>\n"
                             "      <string key=\"org:resource\" value=\"staff%04d\"/>\n"
                             "      <int key=\"cost\" value=\"%d\"/>\n"
                             "    </event>\n",
                             kSteps[e % 8], month, day, minute / 60, minute % 60, (t + e) % 60,
                             (t * 7) % 1000, (t + e) % 500, e * 10);
            }
            std::fputs("  </trace>\n", f);
        }
        std::fputs("</log>\n", f);
        std::fclose(f);
        m_bytes = static_cast<std::int64_t>(fs::file_size(m_path));
        m_events = static_cast<std::int64_t>(traces) * eventsPerTrace;
    }
    ~GeneratedLog() {
        std::error_code ec;
        fs::remove(m_path, ec);
    }
    GeneratedLog(const GeneratedLog&) = delete;
    GeneratedLog& operator=(const GeneratedLog&) = delete;

    const fs::path& path() const { return m_path; }
    std::int64_t bytes() const { return m_bytes; }
    std::int64_t events() const { return m_events; }

  private:
    fs::path m_path;
    std::int64_t m_bytes = 0;
    std::int64_t m_events = 0;
};

// Seconds of CPU this thread has used: on a shared machine the wall clock also
// counts other processes' turns, so the benchmarks report both rates.
double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Reads file once per iteration; bytes_per_second (wall clock) and
// cpu_bytes_per_second (this thread's CPU time) of uncompressed XML.
void readAndCount(benchmark::State& state, const std::string& file, const GeneratedLog& log) {
    std::int64_t events = 0;
    double cpu = 0;
    for (auto _ : state) {
        CountingSink sink;
        const double start = threadCpuSeconds();
        readXes(file, XesOptions{}, sink);
        cpu += threadCpuSeconds() - start;
        if (sink.events != log.events()) state.SkipWithError("events were lost or rejected");
        events += sink.events;
    }
    state.counters["events"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["cpu_bytes_per_second"] =
        benchmark::Counter(static_cast<double>(log.bytes() * state.iterations()) / cpu,
                           benchmark::Counter::kDefaults, benchmark::Counter::kIs1024);
    state.SetBytesProcessed(log.bytes() * state.iterations());
}

const GeneratedLog& generatedLog() {
    static const GeneratedLog log(200'000, 8);
    return log;
}

void BM_ReadXes(benchmark::State& state) {
    const GeneratedLog& log = generatedLog();
    readAndCount(state, log.path().string(), log);
}
BENCHMARK(BM_ReadXes)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// The same log gzip-compressed (level 6), as exports are often shipped; MB/s
// are of the uncompressed XML, so the two benchmarks compare directly.
class GzippedLog {
  public:
    explicit GzippedLog(const GeneratedLog& log) : m_path(log.path().string() + ".gz") {
        std::FILE* in = std::fopen(log.path().c_str(), "rb");
        gzFile out = gzopen(m_path.c_str(), "wb6");
        if (in == nullptr || out == nullptr) throw std::runtime_error("cannot write " + m_path);
        std::string block(1 << 20, '\0');
        for (std::size_t n; (n = std::fread(block.data(), 1, block.size(), in)) > 0;)
            gzwrite(out, block.data(), static_cast<unsigned>(n));
        std::fclose(in);
        if (gzclose(out) != Z_OK) throw std::runtime_error("cannot write " + m_path);
    }
    ~GzippedLog() {
        std::error_code ec;
        fs::remove(m_path, ec);
    }
    GzippedLog(const GzippedLog&) = delete;
    GzippedLog& operator=(const GzippedLog&) = delete;
    const std::string& path() const { return m_path; }

  private:
    std::string m_path;
};

void BM_ReadXesGzip(benchmark::State& state) {
    const GeneratedLog& log = generatedLog();
    static const GzippedLog gz(log);
    readAndCount(state, gz.path(), log);
}
BENCHMARK(BM_ReadXesGzip)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
