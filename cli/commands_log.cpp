// strawman log stats, strawman log export
#include "commands.h"

#include "case_options.h"
#include "exporters/log_export.h"
#include "exporters/output_file.h"

#include "model/analysis/log_stats.h"
#include "model/events/event_log.h"
#include "model/events/readers/local_time.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>
#include <sstream>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

namespace {

struct LogStatsArgs {
    std::string ws, trust;
    bool json = false;
};

int runLogStats(const LogStatsArgs& a) {
    const auto ws = Workspace::open(a.ws);
    const auto s = model::logStats(ws.events().load(ws.trust(a.trust).id));
    const json first = s.events ? json(model::formatUtc(s.first)) : json(nullptr);
    const json last = s.events ? json(model::formatUtc(s.last)) : json(nullptr);
    if (a.json) {
        std::cout << json{{"cases", s.cases},
                          {"events", s.events},
                          {"activities", s.activities},
                          {"first", first},
                          {"last", last},
                          {"variants", s.variants},
                          {"repeated_events", s.repeatedEvents}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::cout << a.trust << ": " << s.cases << " cases, " << s.events << " events, " << s.variants
              << " variants\n";
    if (s.events)
        std::cout << "  from " << model::formatUtc(s.first) << " to " << model::formatUtc(s.last)
                  << "\n";
    if (s.repeatedEvents)
        std::cout << "  " << s.repeatedEvents
                  << " events held by more than one import, counted once\n";
    for (const auto& [code, n] : s.activities) std::cout << "  " << code << "\t" << n << "\n";
    return 0;
}

void addLogStatsCommand(CLI::App& log, Invocation& inv) {
    auto a = std::make_shared<LogStatsArgs>();
    auto* stats = log.add_subcommand("stats", "Cases, events, activities, period and variants");
    stats->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    stats->add_option("--trust", a->trust, "ODS code")->required();
    stats->add_flag("--json", a->json, "Print JSON");
    stats->callback([&inv, a] { inv.run = [a] { return runLogStats(*a); }; });
}

// [SECTION] export

struct LogExportArgs : CaseOptions {
    std::string ws, trust, format, output;
};

// The format asked for, else the one the output file's extension names, else
// XES: the format process-mining tools read.
exporters::LogFormat formatOf(const LogExportArgs& a) {
    if (!a.format.empty()) return *exporters::logFormatNamed(a.format);
    if (!a.output.empty() && a.output != "-") {
        if (auto byName = exporters::logFormatOfPath(a.output)) return *byName;
        throw model::Error("cannot tell the format from the name " + a.output +
                           ": give --format (xes or csv)");
    }
    return exporters::LogFormat::Xes;
}

std::string megabytes(std::uint64_t bytes) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / 1e6 << " MB";
    return out.str();
}

int runLogExport(const LogExportArgs& a) {
    const auto ws = Workspace::open(a.ws);
    exporters::LogExportRequest request;
    request.trust = a.trust;
    request.choice = a.choice();
    request.format = formatOf(a);
    if (a.output.empty() || a.output == "-") {
        exporters::exportLog(ws, request, std::cout);
        std::cout << std::flush;
        return 0;
    }
    exporters::OutputFile file(a.output);
    const exporters::LogExportSummary s = exporters::exportLog(ws, request, file.stream());
    file.commit();
    std::cout << "wrote " << s.cases << " of " << s.casesInLog << " cases of " << s.trust.code
              << " (" << s.events << " events) to " << a.output << " as "
              << exporters::logFormatName(request.format) << ", " << megabytes(s.bytes) << "\n";
    return 0;
}

void addLogExportCommand(CLI::App& log, Invocation& inv) {
    auto a = std::make_shared<LogExportArgs>();
    auto* cmd = log.add_subcommand(
        "export", "Write a trust's events as XES or CSV for process-mining tools or a "
                  "spreadsheet: the cases the diff would take, named by pseudonym only");
    cmd->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    cmd->add_option("--trust", a->trust, "ODS code")->required();
    cmd->add_option("--format", a->format,
                    "xes or csv (default: from the -o file's extension, else xes)")
        ->check(CLI::IsMember({"xes", "csv"}));
    cmd->add_option("-o,--output", a->output, "Output file (default: standard output)");
    addCaseOptions(*cmd, *a);
    // Which events a diff counts against a map; an export has no map and writes every event.
    cmd->remove_option(cmd->get_option("--ignore-unmodelled"));
    cmd->callback([&inv, a] { inv.run = [a] { return runLogExport(*a); }; });
}

} // namespace

void addLogCommands(CLI::App& app, Invocation& inv) {
    auto* log =
        app.add_subcommand("log", "Look at a trust's event log, or write it out as XES or CSV");
    log->require_subcommand(1);
    addLogStatsCommand(*log, inv);
    addLogExportCommand(*log, inv);
}

} // namespace strawman::cli
