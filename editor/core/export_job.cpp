#include "export_job.h"

#include "model/store/workspace.h"

#include <utility>

namespace strawman::editor {

std::unique_ptr<ExportJob> startExport(const std::filesystem::path& workspace,
                                       exporters::MapExportRequest request,
                                       std::filesystem::path file) {
    return std::make_unique<ExportJob>([workspace, request = std::move(request),
                                        file = std::move(file)](model::Progress& progress) {
        const auto ws = model::Workspace::open(workspace);
        model::ProgressPart drawing(&progress, 0, 0.95);
        const std::string bytes = exporters::exportMap(ws, request, &drawing);
        model::stopIfCancelled(&progress, "the export");
        progress.report(0.95, "writing the file");
        exporters::writeFileWhole(file.string(), bytes);
        return ExportDone{file, bytes.size()};
    });
}

std::unique_ptr<PreviewJob> startPreview(const std::filesystem::path& workspace,
                                         exporters::MapExportRequest request) {
    return std::make_unique<PreviewJob>(
        [workspace, request = std::move(request)](model::Progress& progress) {
            const auto ws = model::Workspace::open(workspace);
            return exporters::exportMap(ws, request, &progress);
        });
}

std::string exportedText(const ExportDone& done) {
    const std::size_t kb = (done.bytes + 1023) / 1024;
    return "Exported to " + done.file.string() + " (" +
           (kb >= 1024 ? std::to_string((kb + 512) / 1024) + " MB" : std::to_string(kb) + " KB") +
           ")";
}

} // namespace strawman::editor
