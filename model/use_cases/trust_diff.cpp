#include "trust_diff.h"

#include "trust_cases.h"

namespace strawman::model {

TrustDiff diffTrust(const Workspace& ws, const MapContent& map, std::string_view trust,
                    const CaseChoice& choice, const DiffOptions& options,
                    const std::vector<IntervalSpec>& intervals, Progress* progress) {
    TrustDiff out;
    // Loading is most of the time for a simple map, aligning for a complex one.
    ProgressPart loading(progress, 0.0, 0.4), aligning(progress, 0.4, 1.0);
    const TrustCases chosen = trustCases(ws, trust, choice, progress ? &loading : nullptr);
    out.trust = chosen.trust;
    const EventLog& log = chosen.log;
    const std::vector<std::uint32_t>& cases = chosen.chosen;
    out.casesInLog = static_cast<std::int64_t>(log.caseCount());
    out.values = caseValues(log);
    out.result = diff(map, log, cases, options, progress ? &aligning : nullptr);
    for (const IntervalSpec& i : intervals)
        out.intervals.push_back(intervalStats(log, cases, i.from, i.to));
    return out;
}

} // namespace strawman::model
