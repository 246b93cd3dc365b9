#include "diff.h"

#include "diff_steps.h"
#include "model/core/progress.h"

namespace strawman::model {

namespace {

// Where the diff's steps sit on its progress bar: aligning the variants is
// nearly all of the time.
constexpr double kVariantsFound = 0.05;
constexpr double kVariantsAligned = 0.9;

// Per log activity: the map's label for it, -1 when the map has no such step.
std::vector<std::int32_t> mapLabels(const ReplayModel& model, const EventLog& log) {
    std::vector<std::int32_t> labelOf(log.activities.size());
    for (std::size_t a = 0; a < log.activities.size(); ++a)
        labelOf[a] = model.labelOf(log.activities[a]);
    return labelOf;
}

} // namespace

DiffResult diff(const MapContent& map, const EventLog& log, std::span<const std::uint32_t> cases,
                const DiffOptions& options, Progress* progress) {
    const DiffReport report = [progress](double fraction, std::string_view stage) {
        if (!progress) return;
        stopIfCancelled(progress, "the diff was cancelled");
        progress->report(fraction, stage);
    };
    report(0, "reading the map");
    DiffResult r;
    const ReplayModel model = buildReplayModel(map);
    r.warnings = model.net.warnings;
    r.warnings.insert(r.warnings.end(), model.states.warnings.begin(), model.states.warnings.end());
    r.shortestRun = model.states.shortestRun();
    r.cases = static_cast<std::int64_t>(cases.size());
    const std::vector<std::int32_t> labelOf = mapLabels(model, log);

    alignVariantsOfDiff(r, model, log, cases, labelOf, options, report, kVariantsFound,
                        kVariantsAligned);
    report(kVariantsAligned, "counting the steps between activities");
    countStepsBetweenActivities(r, model, log, cases, labelOf);
    countArrowTraffic(r, map);
    if (progress) progress->report(1, "diff done");
    return r;
}

} // namespace strawman::model
