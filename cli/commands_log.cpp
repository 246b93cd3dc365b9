// strawman log stats
#include "commands.h"

#include "model/analysis/log_stats.h"
#include "model/events/event_log.h"
#include "model/events/readers/local_time.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>

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

} // namespace

void addLogCommands(CLI::App& app, Invocation& inv) {
    auto* log = app.add_subcommand("log", "Look at a trust's event log");
    log->require_subcommand(1);
    addLogStatsCommand(*log, inv);
}

} // namespace strawman::cli
