#include "import_job.h"

#include "model/store/workspace.h"

#include <utility>

namespace strawman::editor {

std::unique_ptr<ImportJob> startImport(const std::filesystem::path& workspace,
                                       model::ImportRequest request) {
    return std::make_unique<ImportJob>(
        [workspace, request = std::move(request)](model::Progress& progress) {
            auto ws = model::Workspace::open(workspace);
            return model::importFile(ws, request, &progress);
        });
}

} // namespace strawman::editor
