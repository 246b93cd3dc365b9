#include "as_recorded_map.h"

#include "trust_cases.h"

#include "model/analysis/discovery.h"
#include "model/maps/layout.h"

namespace strawman::model {

AsRecordedMap discoverAsRecorded(const Workspace& ws, std::string_view trust,
                                 const CaseChoice& choice, double minFrequency,
                                 Progress* progress) {
    if (!(minFrequency >= 0 && minFrequency <= 1))
        throw Error("the minimum frequency is a share of cases from 0 to 1, not " +
                    std::to_string(minFrequency));
    AsRecordedMap out;
    // The same cases as the diff: its dates and filters.
    const TrustCases chosen = trustCases(ws, trust, choice, progress);
    out.trust = chosen.trust;
    const EventLog& log = chosen.log;
    const std::vector<std::uint32_t>& cases = chosen.chosen;
    if (cases.empty()) throw Error("no cases of " + out.trust.code + " to discover a map from");
    DiscoveryOptions options;
    options.minFrequency = minFrequency;
    for (const Activity& a : ws.activities()) options.names[a.code] = a.name;
    out.cases = static_cast<std::int64_t>(cases.size());
    out.map = discoverMap(log, cases, options);
    return out;
}

std::string asRecordedName(std::string_view process, std::string_view trust) {
    return std::string(process) + " (" + std::string(trust) + ", as recorded)";
}

MapId storeAsRecordedMap(Workspace& ws, ProcessId process, AsRecordedMap recorded,
                         std::string name) {
    layout(recorded.map);
    if (name.empty()) {
        std::string processName;
        for (const Process& p : ws.processes())
            if (p.id == process) processName = p.name;
        name = asRecordedName(processName, recorded.trust.code);
    }
    return ws.createMap(process, recorded.trust.id, name, recorded.map, MapStatus::Draft);
}

} // namespace strawman::model
