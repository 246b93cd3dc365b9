// An export started from the editor's Export dialog: exporters::exportMap and
// writeFileWhole run as a BackgroundJob on a workspace connection of its own
// (opened on the job's thread), reporting through the job's progress so the
// dialog and the status bar can draw a bar with Cancel. Drawing a picture uses
// Graphviz, which takes turns with the editor's own layouts (graphviz::Lock).
// The file is written whole or not at all.
#pragma once

#include "background_job.h"

#include "exporters/map_export.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace strawman::editor {

struct ExportDone {
    std::filesystem::path file;
    std::size_t bytes = 0;
};
using ExportJob = BackgroundJob<ExportDone>;

std::unique_ptr<ExportJob> startExport(const std::filesystem::path& workspace,
                                       exporters::MapExportRequest request,
                                       std::filesystem::path file);

// The dialog's preview: the export's bytes (previewRequest's small PNG, or the
// text), worked out the same way off the UI thread and written nowhere.
using PreviewJob = BackgroundJob<std::string>;

std::unique_ptr<PreviewJob> startPreview(const std::filesystem::path& workspace,
                                         exporters::MapExportRequest request);

// "Exported to /papers/ct-v3.png (41 KB)", for the status bar.
std::string exportedText(const ExportDone& done);

} // namespace strawman::editor
