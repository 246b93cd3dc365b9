#include "diff_view.h"

#include "model/store/workspace.h"
#include "model/use_cases/trust_diff.h"

namespace strawman::editor {

DiffView computeDiff(const std::filesystem::path& workspace, model::MapId mapId,
                     const model::MapContent& map, const DiffChoice& choice,
                     model::Progress* progress) {
    const model::Workspace ws = model::Workspace::open(workspace);
    model::DiffOptions options;
    options.ignoreUnmodelled = choice.ignoreUnmodelled;
    options.topVariants = 50; // the panel's list scrolls
    model::TrustDiff d = model::diffTrust(ws, map, choice.trust, choice, options, {}, progress);
    DiffView view;
    view.choice = choice;
    view.map = mapId;
    view.casesInLog = d.casesInLog;
    view.values = std::move(d.values);
    view.result = std::move(d.result);
    return view;
}

} // namespace strawman::editor
