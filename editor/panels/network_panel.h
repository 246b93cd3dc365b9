// The "Network" panel: the tree of trusts -> processes -> maps (the open map
// with its versions), with network-wide maps under their own "Network" node. Clicking a map shows
// it; a map's menu (right-click) renames, duplicates (a trust's straw man from the network map),
// publishes a version and changes its status; "New map" and "New process" add.
#pragma once

#include "editor/core/editor_session.h"
#include "editor/core/standards_view.h"
#include "fonts.h"
#include "notices.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

class NetworkPanel {
  public:
    // Draws into the current ImGui window; returns the map the user chose, if any.
    std::optional<model::MapId> draw(EditorSession& session, const Fonts& fonts, Notices& notices);
    // The agreed standards, for the badges of map standards and their
    // processes; the cache outlives the panel's draws.
    void showStandardsOf(const StandardsCache& standards) { m_standards = &standards; }
    // A map the user asked to see beside the open one, once.
    std::optional<model::MapId> takeBesideRequest() {
        auto out = m_beside;
        m_beside.reset();
        return out;
    }
    // A map the user asked to export (its menu's "Export…"), once.
    std::optional<model::MapId> takeExportRequest() {
        auto out = m_export;
        m_export.reset();
        return out;
    }

  private:
    void mapMenu(const EditorSession& session, const model::MapSummary& map);
    void drawHeader(const EditorSession& session, const Fonts& fonts);
    void drawTree(const EditorSession& session, const Fonts& fonts,
                  std::optional<model::MapId>& clicked);
    // The dialog New map, New process, Rename or Duplicate, while one is open.
    void drawDialogs(EditorSession& session, Notices& notices);
    const char* dialogTitle() const;
    void drawTrustChoice(const EditorSession& session);
    void drawProcessChoice(const EditorSession& session);
    // What OK does in the open dialog; throws model::Error when it is refused.
    void carryOutDialog(EditorSession& session);
    // The open map's versions under its row, newest first.
    void drawVersions(const EditorSession& session, const model::MapSummary& map);

    const StandardsCache* m_standards = nullptr;
    // Changes wait until the tree is drawn: they re-read the lists it walks.
    std::function<void(EditorSession&)> m_pending;
    std::optional<model::MapId> m_chosen;
    std::optional<model::MapId> m_beside;
    std::optional<model::MapId> m_export;
    std::optional<model::MapId> m_versionsOf;
    std::uint64_t m_versionsRevision = 0;
    std::vector<model::MapVersionInfo> m_versions;

    // The open dialog, if any, and its fields.
    enum class Dialog { None, NewMap, NewProcess, Rename, Duplicate };
    Dialog m_dialog = Dialog::None;
    bool m_dialogOpening = false;
    model::MapId m_dialogMap;
    std::array<char, 256> m_name{};
    int m_trustChoice = 0;   // 0: network-wide, i: trusts()[i - 1]
    int m_processChoice = 0; // index into processes()
};

} // namespace strawman::editor
