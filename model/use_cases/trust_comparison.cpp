#include "trust_comparison.h"

#include "trust_cases.h"

#include "model/events/event_log.h"
#include "model/store/event_store.h"

#include <algorithm>

namespace strawman::model {

namespace {

std::optional<MapSummary> mapFor(const std::vector<MapSummary>& maps, ProcessId process,
                                 TrustId trust) {
    std::optional<MapSummary> own, network;
    for (const MapSummary& m : maps) { // ids ascend: the last seen is the latest made
        if (m.process != process) continue;
        if (m.trust && *m.trust == trust) own = m;
        if (!m.trust) network = m;
    }
    return own ? own : network;
}

} // namespace

std::vector<TrustComparisonRow> compareTrusts(const Workspace& ws, ProcessId process,
                                              std::optional<MapId> map, const CaseChoice& choice,
                                              const std::vector<IntervalSpec>& intervals,
                                              const DiffOptions& options) {
    caseFilter(choice); // a bad day or time zone is refused before any trust is loaded
    const std::vector<MapSummary> maps = ws.maps();
    std::vector<TrustComparisonRow> rows;
    for (const Trust& trust : ws.trusts()) {
        TrustComparisonRow row;
        row.trust = trust.code;
        const std::optional<MapSummary> chosen =
            map ? std::optional<MapSummary>(ws.map(*map)) : mapFor(maps, process, trust.id);
        // Each trust's cases as its own diff chooses them.
        const TrustCases chosenCases = trustCases(ws, trust.code, choice);
        const EventLog& log = chosenCases.log;
        const std::vector<std::uint32_t>& cases = chosenCases.chosen;
        row.cases = static_cast<std::int64_t>(cases.size());
        for (const IntervalSpec& spec : intervals)
            row.intervals.push_back(intervalStats(log, cases, spec.from, spec.to));
        if (!chosen) {
            row.problem = "no map of this process for the trust or the network";
            rows.push_back(std::move(row));
            continue;
        }
        row.map = chosen->id;
        row.mapName = chosen->name;
        try {
            DiffOptions o = options;
            o.topVariants = 0;
            const DiffResult r = diff(ws.content(chosen->id), log, cases, o);
            row.logFitness = r.logFitness;
            row.averageTraceFitness = r.averageTraceFitness;
            row.percentageFitting = r.percentageFitting;
            row.topDeviations = r.deviations;
            std::stable_sort(row.topDeviations.begin(), row.topDeviations.end(),
                             [](const auto& a, const auto& b) {
                                 return std::max(a.skipped, a.inserted) >
                                        std::max(b.skipped, b.inserted);
                             });
            if (row.topDeviations.size() > 3) row.topDeviations.resize(3);
        } catch (const NotReplayable& e) {
            row.problem = e.what();
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace strawman::model
