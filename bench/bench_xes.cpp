// How fast an XES log is read: expat parse in 256 KiB blocks, attributes matched
// by key, timestamps with offsets resolved, events handed to a sink that only
// counts them. The log is generated once in the temp directory (200 k traces of
// 8 events, about 450 MB of uncompressed XML) and removed at exit. The budget
// is 50 MB/s on one core.
// Run: build/bench/bench_xes --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "model/xes_reader.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace strawman::model;

struct CountingSink : EventSink {
    std::int64_t rows = 0;
    std::int64_t events = 0;
    std::int64_t rejects = 0;
    void rowRead() override { ++rows; }
    void event(SourceEvent&& e) override {
        ++events;
        benchmark::DoNotOptimize(e.time);
    }
    void reject(std::int64_t, std::string) override { ++rejects; }
    void dst(DstCase, std::int64_t) override {}
    void note(std::string) override {}
};

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

const GeneratedLog& generatedLog() {
    static const GeneratedLog log(200'000, 8);
    return log;
}

void BM_ReadXes(benchmark::State& state) {
    const GeneratedLog& log = generatedLog();
    std::int64_t events = 0;
    for (auto _ : state) {
        CountingSink sink;
        readXes(log.path(), XesOptions{}, sink);
        if (sink.events != log.events()) state.SkipWithError("events were lost or rejected");
        events += sink.events;
    }
    state.counters["events"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(log.bytes() * state.iterations());
}
BENCHMARK(BM_ReadXes)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
