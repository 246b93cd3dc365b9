// An import started from the editor: importFile run as a BackgroundJob, on a
// workspace connection of its own opened on the job's thread (SQLite
// connections belong to the thread that opened them), reporting through the
// job's progress so the Data panel can draw a bar with Cancel. Cancelled, it
// stores nothing; the editor re-reads the workspace once it is Done.
#pragma once

#include "background_job.h"

#include "model/use_cases/import_file.h"
#include "model/events/import_report.h"

#include <filesystem>
#include <memory>

namespace strawman::editor {

using ImportJob = BackgroundJob<model::ImportReport>;

std::unique_ptr<ImportJob> startImport(const std::filesystem::path& workspace,
                                       model::ImportRequest request);

} // namespace strawman::editor
