#include "diff_view.h"

#include "model/core/error.h"
#include "model/events/event_log.h"
#include "model/events/readers/local_time.h"
#include "model/analysis/log_filter.h"
#include "model/store/workspace.h"

namespace strawman::editor {

model::LogFilter filterOf(const DiffChoice& c) {
    const model::TimeZone zone = model::TimeZone::named(c.timeZone);
    model::LogFilter filter;
    auto day = [&](const std::string& text, bool nextDay, const char* which) {
        if (auto t = model::localDayStart(text, zone, nextDay)) return *t;
        throw model::Error(std::string("the ") + which +
                           " date must be written YYYY-MM-DD, not \"" + text + "\"");
    };
    if (!c.from.empty()) filter.from = day(c.from, false, "first");
    if (!c.to.empty()) filter.to = day(c.to, true, "last");
    filter.modalities = c.modalities;
    filter.priorities = c.priorities;
    filter.patientSources = c.sources;
    filter.sites = c.sites;
    return filter;
}

namespace {

FilterValues valuesOf(const model::EventLog& log) {
    FilterValues v;
    for (std::size_t i = 0; i < log.caseCount(); ++i) {
        const model::CaseAttributes a = model::caseAttributes(log, i);
        v.modalities.insert(a.modality);
        v.priorities.insert(a.priority);
        v.sources.insert(a.patientSource);
        v.sites.insert(a.site);
    }
    return v;
}

} // namespace

DiffView computeDiff(const std::filesystem::path& workspace, model::MapId mapId,
                     const model::MapContent& map, const DiffChoice& choice,
                     model::Progress* progress) {
    const model::Workspace ws = model::Workspace::open(workspace);
    const auto trust = ws.findTrust(choice.trust);
    if (!trust) throw model::Error("no trust with code " + choice.trust);
    const model::LogFilter filter = filterOf(choice);
    // Loading is most of the time for a simple map, aligning for a complex one.
    model::ProgressPart loading(progress, 0.0, 0.4), aligning(progress, 0.4, 1.0);
    const model::EventLog log = ws.events().load(trust->id, progress ? &loading : nullptr);
    DiffView view;
    view.choice = choice;
    view.map = mapId;
    view.values = valuesOf(log);
    view.casesInLog = static_cast<std::int64_t>(log.caseCount());
    const auto cases = model::selectCases(log, filter);
    model::DiffOptions options;
    options.ignoreUnmodelled = choice.ignoreUnmodelled;
    options.topVariants = 50;
    view.result = model::diff(map, log, cases, options, progress ? &aligning : nullptr);
    return view;
}

} // namespace strawman::editor
