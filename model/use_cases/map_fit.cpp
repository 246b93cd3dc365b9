#include "map_fit.h"

#include <map>
#include <numeric>

namespace strawman::model {

namespace {

FitValue fitOf(const MapContent& map, const EventLog& log, const std::vector<std::uint32_t>& cases,
               const DiffOptions& options) {
    if (cases.empty()) return {};
    const DiffResult r = diff(map, log, cases, options);
    return {r.cases, r.logFitness, r.percentageFitting};
}

} // namespace

MapFit fitByMonth(const Workspace& ws, const MapContent& map, const Trust& trust,
                  const TimeZone& zone, const DiffOptions& options) {
    MapFit out{trust, {}, {}};
    const EventLog log = ws.events().load(trust.id);
    std::vector<std::uint32_t> all(log.caseCount());
    std::iota(all.begin(), all.end(), 0u);
    out.overall = fitOf(map, log, all, options);
    LocalMonths months(zone);
    std::map<std::string, std::vector<std::uint32_t>> byMonth;
    for (const std::uint32_t c : all) {
        const auto events = log.caseEvents(c);
        if (!events.empty()) byMonth[months.of(events.front().time)].push_back(c);
    }
    for (const auto& [month, cases] : byMonth)
        out.byMonth.push_back({month, fitOf(map, log, cases, options)});
    return out;
}

} // namespace strawman::model
