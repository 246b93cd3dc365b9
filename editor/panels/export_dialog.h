// The Export dialog (File > Export map…, the map's menus, Ctrl+E): the format,
// the options that apply to it, a preview of what will come out, and where it
// goes. The export runs as a background job with a progress bar and Cancel;
// once written, the status bar says where. The form's rules are in
// editor/core/export_form.h, the work in editor/core/export_job.h.
#pragma once

#include "diff_panel.h"
#include "fonts.h"
#include "notices.h"

#include "editor/core/editor_session.h"
#include "editor/core/export_form.h"
#include "editor/core/export_job.h"

#include <imgui.h>

#include <array>
#include <memory>
#include <string>

namespace strawman::editor {

class ExportDialog {
  public:
    ExportDialog() = default;
    ~ExportDialog(); // frees the preview's texture
    ExportDialog(const ExportDialog&) = delete;
    ExportDialog& operator=(const ExportDialog&) = delete;

    // Opens the dialog on `map`. The diff the Diff tab shows on it, if any, is
    // what a picture draws unless the user changes it.
    void open(const EditorSession& session, const model::MapSummary& map, const DiffPanel& diff);
    bool isOpen() const { return m_open; }

    // Takes finished jobs and draws the dialog while it is open; once a frame.
    void draw(const EditorSession& session, const Fonts& fonts, const DiffPanel& diff);

    // An export or a preview is being made.
    bool busy() const { return m_job || m_preview; }
    // For the status bar: "Exporting… 40%" while the job runs, then where the
    // file went, for a while; empty otherwise.
    std::string statusText() const;

    // For the view report: `export dialog open FORMAT PATH`, `export preview
    // picture W H at X0 Y0 X1 Y1` (its pixels, and where it is drawn) or
    // `export preview text N lines`, `export done PATH`,
    // `export failed MESSAGE`.
    std::string report() const;

  private:
    void takeFinished();
    void keepPreview(const EditorSession& session);
    void showPicture(const std::string& png);
    void dropPicture();
    void drawFormat(const Fonts& fonts);
    void drawPictureOptions(const EditorSession& session, const DiffPanel& diff);
    void drawPath(const EditorSession& session, const Fonts& fonts);
    void drawButtons(const EditorSession& session);
    void drawPreview(const Fonts& fonts);
    // The request's identity, to tell when the preview is out of date.
    std::string previewKey(const EditorSession& session) const;

    ExportForm m_form;
    bool m_open = false, m_appearing = false;
    std::array<char, 1024> m_path{};
    std::array<char, 16> m_from{}, m_to{};
    int m_dpi = 96;
    std::unique_ptr<ExportJob> m_job;
    std::string m_done, m_failed; // the last export's outcome
    double m_doneAt = -1;
    std::string m_problem, m_problemKey; // what stops the export, for the fields last seen

    std::unique_ptr<PreviewJob> m_preview;
    std::string m_previewKey, m_previewMaking; // the preview's request shown, and being made
    std::string m_previewText, m_previewError;
    unsigned m_texture = 0; // an OpenGL texture name; 0 for none
    int m_textureW = 0, m_textureH = 0;
    ImVec2 m_previewDrawn[2]; // where the picture was drawn last frame, screen pixels
};

} // namespace strawman::editor
