// The Data panel's "Import a file" section: choosing a file (typed, or one of
// the event files beside the workspace), how to read it (format, delimiter,
// column mapping, time zone, key), and the import itself, run as a background
// job on its own workspace connection with a progress bar and Cancel; the
// editor keeps working meanwhile. The job is polled each time the panel is
// drawn, and its end is shown here (the report), in an error dialog (failed)
// or as a line saying nothing was stored (cancelled).
//
// The form's logic (paths, formats, what is wrong) is import_form.h; the job
// is import_job.h.
#pragma once

#include "editor/core/editor_session.h"
#include "editor/core/import_form.h"
#include "editor/core/import_job.h"
#include "fonts.h"
#include "notices.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

class ImportFileForm {
  public:
    // How the import polled this frame ended, for the rest of the panel.
    struct Ended {
        bool workspaceChanged = false; // the panel reads the workspace again
        bool newImport = false;        // its report is shown here, not in the imports list
    };
    // Takes the end of the import, if it has ended: the session reads the
    // workspace again after one that finished.
    Ended poll(EditorSession& session, Notices& notices);
    // Draws the running import, how the last one ended, and the form.
    void draw(const EditorSession& session, const Fonts& fonts);
    // Starts the import the form asked for this frame, into `trust`, after the
    // panel is drawn.
    void startIfAsked(const EditorSession& session, Notices& notices, model::TrustId trust);
    // An import is running (a headless picture waits for it).
    bool importing() const { return m_job && m_job->running(); }

  private:
    void drawRunning();
    void drawOutcome();
    void drawForm(const EditorSession& session, const Fonts& fonts);
    void drawFileChoice();
    void drawOptions();
    void drawImportButton();
    void readFolder(const EditorSession& session);
    ImportFormFields fields() const;

    // The form: text fields as ImGui edits them, the rest in m_form.
    std::array<char, 1024> m_path{};
    std::array<char, 512> m_columns{};
    std::array<char, 64> m_zone{};
    std::array<char, 1024> m_key{};
    ImportFormFields m_form;
    bool m_start = false;
    // The workspace's folder, its event files and the network's key, read when
    // the workspace is (re)read or Refresh is pressed, not every frame.
    std::filesystem::path m_folder;
    std::vector<std::filesystem::path> m_eventFiles;
    std::string m_defaultKey;
    std::uint64_t m_folderRevision = UINT64_MAX;

    // The import running, and how the last one ended.
    std::unique_ptr<ImportJob> m_job;
    std::string m_file, m_trustCode; // what it is importing, as shown
    struct Outcome {
        std::string title;
        std::string text; // the report (done) or what was kept (cancelled)
        bool report = false;
    };
    std::optional<Outcome> m_outcome;
};

} // namespace strawman::editor
