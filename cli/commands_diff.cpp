// strawman diff: a map held against a trust's RIS data; strawman compare: every
// trust of a process side by side.
#include "commands.h"

#include "case_options.h"
#include "exporters/diff_csv.h"

#include "model/analysis/discovery.h"
#include "model/analysis/duration_text.h"
#include "model/analysis/log_filter.h"
#include "model/conformance/diff.h"
#include "model/core/error.h"
#include "model/events/event_log.h"
#include "model/events/readers/local_time.h"
#include "model/maps/layout.h"
#include "model/store/workspace.h"
#include "model/use_cases/as_recorded_map.h"
#include "model/use_cases/diff_json.h"
#include "model/use_cases/trust_comparison.h"
#include "model/use_cases/trust_diff.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

namespace {

struct DiffArgs : CaseOptions {
    std::string ws, trust, format;
    std::int64_t map = 0;
    std::vector<std::string> intervals;
    bool json = false;
    std::size_t top = 10;
};

// --interval FROM:TO, each.
std::vector<model::IntervalSpec> intervalsOf(const std::vector<std::string>& texts) {
    std::vector<model::IntervalSpec> intervals;
    for (const std::string& text : texts) {
        const auto colon = text.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
            throw model::Error(
                "--interval takes two activity codes as FROM:TO (e.g. RCV:VET), not \"" + text +
                "\"");
        intervals.push_back({text.substr(0, colon), text.substr(colon + 1)});
    }
    return intervals;
}

std::string percent(double share) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << 100 * share << "%";
    return out.str();
}

std::string fixed3(double v) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << v;
    return out.str();
}

void printText(const model::DiffResult& r, const std::string& heading) {
    std::cout << heading << "\n";
    std::cout << "  " << r.cases << " cases, " << r.variants
              << " variants; the map's shortest run has " << r.shortestRun << " steps\n";
    if (r.cases == 0) return;
    std::cout << "  log fitness " << fixed3(r.logFitness) << ", average trace fitness "
              << fixed3(r.averageTraceFitness) << ", fitting cases "
              << percent(r.percentageFitting / 100) << "\n";
    for (const auto& w : r.warnings) std::cout << "  note: " << w << "\n";
    if (!r.deviations.empty()) {
        std::cout << "\nDeviations (cases)          skipped            done where not drawn\n";
        for (const auto& d : r.deviations) {
            std::ostringstream skipped, inserted;
            skipped << d.skipped << " ("
                    << percent(static_cast<double>(d.skipped) / static_cast<double>(r.cases))
                    << ")";
            inserted << d.inserted << " ("
                     << percent(static_cast<double>(d.inserted) / static_cast<double>(r.cases))
                     << ")";
            std::cout << "  " << std::left << std::setw(26) << d.activity << std::setw(19)
                      << skipped.str() << inserted.str() << "\n";
        }
    }
    std::cout << "\nSteps as recorded         count     median      P90   on the map\n";
    for (const auto& t : r.transitions)
        std::cout << "  " << std::left << std::setw(20) << (t.from + " -> " + t.to) << std::right
                  << std::setw(9) << t.count << std::setw(11)
                  << model::durationText(t.duration.median) << std::setw(9)
                  << model::durationText(t.duration.p90) << "   "
                  << (t.drawn ? "drawn" : "NOT DRAWN") << "\n";
    if (!r.unusedEdges.empty()) {
        std::cout << "\nDrawn arrows no case follows:\n";
        for (const auto& e : r.unusedEdges) std::cout << "  " << e.from << " -> " << e.to << "\n";
    }
    if (!r.unmodelled.empty()) {
        std::cout << "\nRecorded but not on the map:\n";
        for (const auto& u : r.unmodelled)
            std::cout << "  " << u.activity << ": " << u.events << " events in " << u.cases
                      << " cases\n";
    }
    std::cout << "\nMost common variants:\n";
    for (std::size_t i = 0; i < r.topVariants.size(); ++i) {
        const auto& v = r.topVariants[i];
        std::cout << "  " << i + 1 << ". " << v.count << " cases ("
                  << percent(static_cast<double>(v.count) / static_cast<double>(r.cases))
                  << "), fitness " << fixed3(v.fitness) << ":";
        for (const auto& a : v.activities) std::cout << " " << a;
        if (!v.departures.empty()) {
            std::cout << "  [";
            for (std::size_t k = 0; k < v.departures.size(); ++k)
                std::cout << (k ? "; " : "") << v.departures[k];
            std::cout << "]";
        }
        std::cout << "\n";
    }
}

model::CaseChoice choiceOf(const DiffArgs& a) {
    return a.choice();
}

void addFilterOptions(CLI::App* cmd, const std::shared_ptr<DiffArgs>& a) {
    addCaseOptions(*cmd, *a);
    cmd->add_flag("--json", a->json, "Print JSON");
}

enum class Output { Text, Json, Csv };

// --format, with --json as its older spelling of json.
Output outputOf(const DiffArgs& a) {
    if (a.format.empty()) return a.json ? Output::Json : Output::Text;
    if (a.json && a.format != "json")
        throw model::Error("--json and --format " + a.format + " ask for two formats: give one");
    if (a.format == "json") return Output::Json;
    return a.format == "csv" ? Output::Csv : Output::Text;
}

void addFormatOption(CLI::App* cmd, const std::shared_ptr<DiffArgs>& a) {
    cmd->add_option("--format", a->format,
                    "text, json (as --json) or csv: a table for a spreadsheet")
        ->check(CLI::IsMember({"text", "json", "csv"}));
}

int runDiff(const DiffArgs& a) {
    const auto ws = Workspace::open(a.ws);
    const model::MapSummary summary = ws.map(model::MapId{a.map});
    model::DiffOptions options;
    options.ignoreUnmodelled = a.ignoreUnmodelled;
    options.topVariants = a.top;
    const auto intervals = intervalsOf(a.intervals);
    const model::TrustDiff d =
        model::diffTrust(ws, ws.content(summary.id), a.trust, choiceOf(a), options, intervals);
    const model::Trust& trust = d.trust;
    const model::DiffResult& r = d.result;
    const std::vector<model::IntervalStats>& spans = d.intervals;
    const Output output = outputOf(a);
    if (output == Output::Json) {
        std::cout << model::toJson(d, summary, intervals) << "\n";
    } else if (output == Output::Csv) {
        std::cout << exporters::diffCsv(d, summary, intervals) << std::flush;
    } else {
        printText(r, trust.code + " against map " + std::to_string(summary.id.value) + " \"" +
                         summary.name + "\" (version " + std::to_string(summary.versionNumber) +
                         ")");
        if (!intervals.empty()) std::cout << "\nIntervals (first FROM to the first TO after it)\n";
        for (std::size_t k = 0; k < intervals.size(); ++k)
            std::cout << "  " << intervals[k].from << " -> " << intervals[k].to << ": "
                      << spans[k].duration.count << " cases, median "
                      << model::durationText(spans[k].duration.median) << ", P90 "
                      << model::durationText(spans[k].duration.p90) << ", max "
                      << model::durationText(spans[k].duration.max) << " (" << spans[k].withoutEnd
                      << " without " << intervals[k].to << ")\n";
    }
    return 0;
}

// [SECTION] compare

int runCompare(const DiffArgs& a, const std::string& processName, std::int64_t mapId,
               const std::vector<std::string>& intervalTexts) {
    const Output output = outputOf(a);
    const auto ws = Workspace::open(a.ws);
    const auto process = ws.findProcess(processName);
    if (!process) throw model::Error("no process named \"" + processName + "\"");
    const std::vector<model::IntervalSpec> intervals = intervalsOf(intervalTexts);
    model::DiffOptions options;
    options.ignoreUnmodelled = a.ignoreUnmodelled;
    const auto rows = model::compareTrusts(
        ws, process->id, mapId ? std::optional(model::MapId{mapId}) : std::nullopt, choiceOf(a),
        intervals, options);
    if (output == Output::Json) {
        std::cout << model::toJson(rows, intervals) << "\n";
        return 0;
    }
    if (output == Output::Csv) {
        std::cout << exporters::comparisonCsv(rows, intervals) << std::flush;
        return 0;
    }
    std::cout << processName << ": each trust against "
              << (mapId ? "map " + std::to_string(mapId) : "its own map") << "\n\n";
    std::cout << std::left << std::setw(6) << "trust" << std::right << std::setw(7) << "cases"
              << std::setw(9) << "fitness" << std::setw(9) << "fitting";
    for (const auto& i : intervals)
        std::cout << std::setw(18) << (i.from + "->" + i.to + " med/P90");
    std::cout << "   most common deviations\n";
    for (const auto& r : rows) {
        std::cout << std::left << std::setw(6) << r.trust << std::right << std::setw(7) << r.cases;
        if (!r.problem.empty()) {
            std::cout << "   " << r.problem << "\n";
            continue;
        }
        std::cout << std::setw(9) << fixed3(r.logFitness) << std::setw(9)
                  << percent(r.percentageFitting / 100);
        for (const auto& i : r.intervals)
            std::cout << std::setw(18)
                      << (i.duration.count ? model::durationText(i.duration.median) + " / " +
                                                 model::durationText(i.duration.p90)
                                           : "-");
        std::cout << "   ";
        for (std::size_t k = 0; k < r.topDeviations.size(); ++k) {
            const auto& d = r.topDeviations[k];
            const bool skip = d.skipped >= d.inserted;
            std::cout << (k ? "; " : "") << d.activity << (skip ? " skipped " : " not drawn ")
                      << percent(static_cast<double>(skip ? d.skipped : d.inserted) /
                                 static_cast<double>(std::max<std::int64_t>(r.cases, 1)));
        }
        std::cout << "\n";
    }
    return 0;
}

// [SECTION] discover

int runDiscover(const DiffArgs& a, const std::string& processName, double minFrequency,
                std::string name) {
    if (minFrequency < 0 || minFrequency > 1)
        throw model::Error("--min-frequency is a share of cases from 0 to 1, not " +
                           std::to_string(minFrequency));
    auto ws = Workspace::open(a.ws);
    model::AsRecordedMap recorded =
        model::discoverAsRecorded(ws, a.trust, choiceOf(a), minFrequency);
    // A process named for the first time is made, as `map import` does.
    const auto process = ws.findProcess(processName);
    const model::ProcessId processId = process ? process->id : ws.addProcess(processName);
    if (name.empty()) name = model::asRecordedName(processName, recorded.trust.code);
    const std::int64_t cases = recorded.cases;
    const model::MapId id = model::storeAsRecordedMap(ws, processId, std::move(recorded), name);
    const model::MapContent map = ws.content(id);
    if (a.json) {
        std::cout << json{{"map", id.value},
                          {"name", name},
                          {"cases", cases},
                          {"nodes", map.nodes.size()},
                          {"edges", map.edges.size()}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    if (!process) std::cout << "created process \"" << processName << "\"\n";
    std::cout << "created map " << id.value << " \"" << name << "\" from " << cases
              << " cases: " << map.nodes.size() << " nodes, " << map.edges.size() << " arrows\n";
    return 0;
}

// [SECTION] registration

void addDiffCommand(CLI::App& app, Invocation& inv) {
    auto a = std::make_shared<DiffArgs>();
    auto* cmd = app.add_subcommand(
        "diff", "Hold a map against a trust's RIS data: fitness, deviations, steps, variants");
    cmd->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    cmd->add_option("MAP", a->map, "Map id (see map list)")->required();
    cmd->add_option("--trust", a->trust, "ODS code of the trust whose data is replayed")
        ->required();
    addFilterOptions(cmd, a);
    addFormatOption(cmd, a);
    cmd->add_option("--top", a->top, "Variants to list")->capture_default_str();
    cmd->add_option("--interval", a->intervals,
                    "Time from one activity to another, e.g. RCV:VET (repeatable)");
    cmd->callback([&inv, a] { inv.run = [a] { return runDiff(*a); }; });
}

void addCompareCommand(CLI::App& app, Invocation& inv) {
    struct CompareArgs {
        std::string process;
        std::int64_t map = 0, standard = 0;
        std::vector<std::string> intervals;
    };
    auto c = std::make_shared<DiffArgs>();
    auto cc = std::make_shared<CompareArgs>();
    auto* compare = app.add_subcommand(
        "compare", "One process across the network: every trust's data against a map");
    compare->add_option("WORKSPACE", c->ws, "Workspace file")->required();
    compare->add_option("--process", cc->process,
                        "Process name (see process list); needed unless --standard says it");
    compare->add_option(
        "--map", cc->map,
        "One map for every trust (default: each trust's own map, else the network's)");
    compare->add_option("--interval", cc->intervals,
                        "Time from one activity to another, e.g. RCV:VET (repeatable)");
    compare
        ->add_option("--standard", cc->standard,
                     "Hold each trust's straw man against this agreed map standard (id, see "
                     "standard list) in place of the data")
        ->excludes("--map")
        ->excludes("--interval");
    addFilterOptions(compare, c);
    addFormatOption(compare, c);
    compare->callback([&inv, c, cc] {
        inv.run = [c, cc] {
            if (cc->standard) {
                if (outputOf(*c) == Output::Csv)
                    throw model::Error("compare --standard prints text or JSON, not CSV");
                return compareWithStandard(c->ws, cc->process, cc->standard,
                                           outputOf(*c) == Output::Json);
            }
            if (cc->process.empty())
                throw model::Error("compare needs --process: the process whose maps are held "
                                   "against the data");
            return runCompare(*c, cc->process, cc->map, cc->intervals);
        };
    });
}

void addDiscoverCommand(CLI::App& app, Invocation& inv) {
    struct DiscoverArgs {
        std::string process, name;
        double minFrequency = model::kAsRecordedMinFrequency;
    };
    auto d = std::make_shared<DiffArgs>();
    auto dd = std::make_shared<DiscoverArgs>();
    auto* discover = app.add_subcommand(
        "discover", "Draw the process a trust's data shows, as a draft map beside its straw man");
    discover->add_option("WORKSPACE", d->ws, "Workspace file")->required();
    discover->add_option("--trust", d->trust, "ODS code of the trust")->required();
    discover->add_option("--process", dd->process, "Process the map is of; created if new")
        ->required();
    discover
        ->add_option("--min-frequency", dd->minFrequency,
                     "Leave out steps taken by fewer than this share of cases")
        ->capture_default_str();
    discover->add_option("--name", dd->name, "Map name (default: PROCESS (TRUST, as recorded))");
    addFilterOptions(discover, d);
    discover->callback([&inv, d, dd] {
        inv.run = [d, dd] { return runDiscover(*d, dd->process, dd->minFrequency, dd->name); };
    });
}

} // namespace

void addDiffCommands(CLI::App& app, Invocation& inv) {
    addDiffCommand(app, inv);
    addCompareCommand(app, inv);
    addDiscoverCommand(app, inv);
}

} // namespace strawman::cli
