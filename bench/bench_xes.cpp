// How fast an XES log is read: the reader alone, into a sink that only counts
// events, and the whole `strawman import` process that stores them.
//
// Reader alone: a radiology log generated once in the temp directory (200 k
// traces of 8 events, about 450 MB of uncompressed XML, and a gzip copy), and a
// log shaped like the BPIC 2011 hospital log (hospital_log.h: 150 k events,
// about 50 MB of XML, gzip-compressed, as it is published). Whole process: the
// built `strawman import` on that hospital log, each run into a fresh copy of a
// workspace with the demo network's trusts (STRAWMAN_CLI names another binary,
// e.g. an older build to compare with). MB/s are always of uncompressed XML.
// The generated files are removed at exit.
//
// Run: build/bench/bench_xes --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// The hospital log alone, for /usr/bin/time -v: build/bench/bench_xes
// --write-hospital-log=FILE.xes.gz
// (--scale=10: ten times as large)
#include "model/events/readers/xes_reader.h"

#include "counting_sink.h"
#include "hospital_log.h"
#include "scratch.h"

#include <benchmark/benchmark.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

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
        m_path = strawman::bench::scratchPath("log.xes");
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

// Seconds of CPU the process has used, all its threads (the reader reads ahead,
// parses and delivers on three): on a shared machine the wall clock also counts
// other processes' turns, so the benchmarks report both rates.
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Reads file once per iteration; bytes_per_second (wall clock) and
// cpu_bytes_per_second (the process's CPU time, all threads) of uncompressed XML.
void readAndCount(benchmark::State& state, const std::string& file, const GeneratedLog& log) {
    std::int64_t events = 0;
    double cpu = 0;
    for (auto _ : state) {
        CountingSink sink;
        const double start = processCpuSeconds();
        readXes(file, XesOptions{}, sink);
        cpu += processCpuSeconds() - start;
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

// The hospital log, gzip-compressed, made once.
struct HospitalLog {
    fs::path path;
    strawman::bench::HospitalLogSize size;
    HospitalLog()
        : path(strawman::bench::scratchPath("hospital.xes.gz")),
          size(strawman::bench::writeHospitalLog(path.string(), true)) {}
    ~HospitalLog() {
        std::error_code ec;
        fs::remove(path, ec);
    }
    HospitalLog(const HospitalLog&) = delete;
    HospitalLog& operator=(const HospitalLog&) = delete;
};

const HospitalLog& hospitalLog() {
    static const HospitalLog log;
    return log;
}

void BM_ReadHospitalLogGzip(benchmark::State& state) {
    const HospitalLog& log = hospitalLog();
    std::int64_t events = 0;
    double cpu = 0;
    for (auto _ : state) {
        CountingSink sink;
        const double start = processCpuSeconds();
        readXes(log.path, XesOptions{}, sink);
        cpu += processCpuSeconds() - start;
        if (sink.events != log.size.events) state.SkipWithError("events were lost or rejected");
        events += sink.events;
    }
    state.counters["events"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["cpu_bytes_per_second"] =
        benchmark::Counter(static_cast<double>(log.size.xmlBytes * state.iterations()) / cpu,
                           benchmark::Counter::kDefaults, benchmark::Counter::kIs1024);
    state.SetBytesProcessed(log.size.xmlBytes * state.iterations());
}
BENCHMARK(BM_ReadHospitalLogGzip)->Unit(benchmark::kMillisecond)->UseRealTime();

// Runs program with args, output to /dev/null; returns its exit status.
int runQuietly(const std::string& program, const std::vector<std::string>& args) {
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string strawmanBinary() {
    const char* other = std::getenv("STRAWMAN_CLI");
    return other != nullptr && *other != '\0' ? other : STRAWMAN_CLI_PATH;
}

// `strawman import WS hospital.xes.gz --trust RWF --add-activities`, whole
// process: start, read, pseudonymise, store, the file's digest, commit, exit.
void BM_ImportHospitalLogProcess(benchmark::State& state) {
    const HospitalLog& log = hospitalLog();
    const std::string program = strawmanBinary();
    const fs::path dir = strawman::bench::scratchPath("ws");
    fs::create_directories(dir);
    const std::string key = (dir / "network.key").string(),
                      blank = (dir / "blank.strawman").string(),
                      ws = (dir / "import.strawman").string();
    if (runQuietly(program, {"demo", blank, "--cases", "0", "--key-file", key}) != 0) {
        state.SkipWithError(("cannot run " + program).c_str());
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        fs::copy_file(blank, ws, fs::copy_options::overwrite_existing);
        state.ResumeTiming();
        if (runQuietly(program, {"import", ws, log.path.string(), "--trust", "RWF",
                                 "--add-activities", "--key-file", key}) != 0)
            state.SkipWithError("strawman import failed");
    }
    state.SetBytesProcessed(log.size.xmlBytes * state.iterations());
    std::error_code ec;
    fs::remove_all(dir, ec);
}
BENCHMARK(BM_ImportHospitalLogProcess)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    // --write-hospital-log=FILE[.gz] [--scale=N]: the hospital log alone (N times
    // the traces and events, for peak memory on a large file), then exit.
    static constexpr std::string_view kWrite = "--write-hospital-log=", kScale = "--scale=";
    std::string path;
    int scale = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.substr(0, kWrite.size()) == kWrite) path = arg.substr(kWrite.size());
        if (arg.substr(0, kScale.size()) == kScale) scale = std::atoi(argv[i] + kScale.size());
    }
    if (!path.empty()) {
        const bool gzip = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
        const auto size =
            strawman::bench::writeHospitalLog(path, gzip, 1143 * scale, 624, 150'291LL * scale);
        std::printf("%s: %lld events, %.1f MB of XML\n", path.c_str(),
                    static_cast<long long>(size.events), static_cast<double>(size.xmlBytes) / 1e6);
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
