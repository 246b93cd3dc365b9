// One frame of the editor window: the panels laid out around the canvas (1.86
// has no docking, so a fixed layout of resizable side bars and a bottom panel),
// the status bar, the help window and workshop mode. Owns the panels and the
// command layer; the session (what is open) is the caller's.
#pragma once

#include "editor/core/editor_settings.h"
#include "editor/core/map_editor.h"
#include "editor/core/standards_view.h"
#include "editor/panels/beside_view.h"
#include "editor/panels/comparison_panel.h"
#include "editor/panels/data_panel.h"
#include "editor/panels/diff_panel.h"
#include "editor/panels/export_dialog.h"
#include "editor/panels/fonts.h"
#include "editor/panels/forum_panel.h"
#include "editor/panels/inspector_panel.h"
#include "editor/panels/map_canvas.h"
#include "editor/panels/network_panel.h"
#include "editor/panels/notices.h"
#include "editor/panels/standards_panel.h"

#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

// A window's place in the frame, pixels from the top-left corner.
struct PanelBox {
    float x = 0, y = 0, w = 0, h = 0;
    bool shown() const { return w > 0 && h > 0; }
};

// Where the frame puts its windows. A panel that is not drawn (workshop mode
// keeps only the map and the status bar) is left empty.
struct FrameLayout {
    PanelBox network; // the tree of processes, trusts and maps, on the left
    PanelBox map;     // the canvas with its toolbar
    PanelBox bottom;  // the Trusts, Standards and History tabs, under the map
    PanelBox side;    // the Inspector, Diff, Data and Forum tabs, on the right
    PanelBox status;  // the status bar along the window's foot
};

// The frame's layout for a window of width x height: the status bar
// statusHeight high, the side bars and the bottom panel at the sizes asked for
// but never more than a share of the window, the map given what is left. The
// one place the layout is worked out: the frame places its windows and its
// splitters by it and the view report prints it.
FrameLayout layOutFrame(float width, float height, float statusHeight, const PanelSizes& sizes,
                        bool workshop);

class EditorFrame {
  public:
    // `style` is the theme's, unscaled: workshop mode scales a copy of it, so a
    // frame built while another has scaled ImGui's style still starts right.
    EditorFrame(EditorSession& session, const Fonts& fonts, const ImGuiStyle& style);

    // Lays out and draws everything; carries out what was asked once the frame
    // is drawn (see carryOut).
    void draw();
    // Between frames: re-read the workspace if it changed on disk, open the map
    // chosen in a panel. Errors become dialogs.
    void carryOut();

    MapEditor& editor() { return m_editor; }
    MapCanvas& canvas() { return m_canvas; }
    DiffPanel& diff() { return m_diff; }
    // Brings the Diff tab to the front (after a diff run from outside the panel).
    void showDiff() { m_showDiffTab = true; }
    BesideView& beside() { return m_beside; }
    ForumPanel& forum() { return m_forum; }
    const std::filesystem::path& workspacePath() const { return m_session->workspace().path(); }
    // Brings the Forum tab to the front (--forum, a speech bubble clicked).
    void showForum() { m_showForumTab = true; }
    // Opens a thread in the Forum tab, its node or arrow selected when the
    // shown map has it; with `showItsMap`, the thread's map is shown first.
    // Throws model::Error for a thread the workspace does not have.
    void openThread(model::ThreadId id, bool showItsMap);
    // Opens a proposal in the Forum tab. Throws model::Error for one the
    // workspace does not have.
    void openProposal(model::ProposalId id) {
        m_forum.openProposal(m_session->workspace(), id);
        m_showForumTab = true;
    }
    // Brings the Standards tab to the front, its checks started at once.
    void showStandards() {
        m_showStandardsTab = true;
        m_standards.wantChecks();
    }
    Notices& notices() { return m_notices; }

    // Recent workspaces, offered in the status bar; choosing one asks the app
    // to open it in this window.
    std::vector<std::filesystem::path> recent;
    std::optional<std::filesystem::path> takeWorkspaceToOpen() {
        auto p = std::move(m_openWorkspace);
        m_openWorkspace.reset();
        return p;
    }
    // Writes what this window would have remembered into the settings.
    void remember(EditorSettings& settings) const;

    // Something is still moving or working (a layout gliding, a diff or an import running):
    // a headless picture waits for it.
    bool busy() const {
        return m_canvas.animatingLayout() || m_diff.running() || m_data.importing() ||
               m_standards.checking() || m_export.busy();
    }

    // What the view shows, a line per fact, for `report` in input scripts and
    // the GUI tests: window, zoom, rows of a wrapped map, the smallest step
    // label drawn, where the toolbar and status bar end, the legend, beside,
    // the bottom panel's tab in front (`bottom tab Standards`), the shown map's
    // standard badge (`standard badge X0 Y0 X1 Y1 TEXT`) and, once checked, a
    // line a rule standard and trust (`standard 1 RN7 not-compliant 3.7 d`);
    // then a line `panel NAME X Y W H` for each window of the frame's layout
    // that is shown (NAME: network, map, bottom, side, status; pixels, the
    // layout of the frame last drawn); then `marker node KEY N` or `marker
    // edge FROM>TO N` for each speech bubble drawn, N its threads; `shown map
    // ID`, `selection node KEY` or `selection edge FROM>TO` when one thing is
    // selected, `side tab NAME` (the right-hand tab in front), the Forum
    // tab's state (ForumPanel::report) and the Export dialog's
    // (ExportDialog::report).
    std::string viewReport() const;

    // The smallest a map's label is drawn at fit, pixels (reading_fit.h);
    // workshop mode multiplies it by its scale.
    static constexpr double kLegibleTextPx = 12.0;

    void setWorkshop(bool on);
    bool workshop() const { return m_workshop; }
    PanelSizes sizes;
    float workshopScale = 1.75f;

  private:
    void drawLeft(const PanelBox& box);
    void drawRight(const PanelBox& box);
    void drawBottom(const PanelBox& box);
    void drawCanvas(const PanelBox& box);
    void drawStatus(const PanelBox& box);
    void drawActingAs();
    void openMarkerClicked();
    void keepActor();
    void drawHelp();
    void updateComparison();
    void openBeside(model::MapId id);
    void showAsRecorded(DiffPanel::AsRecorded recorded);
    void openExport(std::optional<model::MapId> map);

    EditorSession* m_session;
    const Fonts* m_fonts;
    MapEditor m_editor;
    Notices m_notices;
    MapCanvas m_canvas;
    NetworkPanel m_network;
    InspectorPanel m_inspector;
    DiffPanel m_diff;
    DataPanel m_data;
    ComparisonPanel m_comparison;
    BesideView m_beside;
    ForumPanel m_forum;
    StandardsCache m_standards;
    StandardsPanel m_standardsPanel;
    ExportDialog m_export;

    bool m_workshop = false;
    ImGuiStyle m_baseStyle;
    bool m_helpOpen = false;
    int m_dragging = 0; // the panel edge being dragged, if any
    bool m_showDiffTab = false;
    bool m_showForumTab = false;
    // Who the audit record names when nobody is acted as: the user running
    // the program, as the workspace was opened.
    std::string m_defaultActor;
    const char* m_sideTab = ""; // the right-hand tab drawn last frame
    bool m_showStandardsTab = false;
    std::string m_bottomTab; // the tab in front, last frame
    bool m_reload = false;
    std::optional<model::MapId> m_open;
    std::optional<std::filesystem::path> m_openWorkspace;
    // Which contents the beside comparison was worked out for.
    std::uint64_t m_comparedMain = 0;
    std::int64_t m_comparedBeside = 0;
    PaintState m_besideMarks;
    bool m_besideStacked = false;
    Rect m_statusExtent;
    FrameLayout m_layout; // of the frame last drawn
};

} // namespace strawman::editor
