// The "Inspector" panel: what is selected, and its properties to change. For a
// node: its label, kind, activity code (chosen from the network's vocabulary,
// searchable), role (lane) and the problems found on it; for an arrow: its
// ends and condition; for either, how many forum threads are on it and a
// button to them; with nothing selected, the map: its trust, process,
// status, versions and their hashes, and the problems of the whole map.
#pragma once

#include "editor/core/forum_view.h"
#include "editor/core/map_editor.h"
#include "fonts.h"
#include "map_canvas.h"
#include "notices.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace strawman::editor {

class InspectorPanel {
  public:
    void draw(MapEditor& editor, MapCanvas& canvas, const ForumView& forum, const Fonts& fonts,
              Notices& notices);
    // The user asked to read the threads on the selection (in the Forum tab); once.
    bool takeForumRequest() { return std::exchange(m_forumAsked, false); }

  private:
    void drawNode(MapEditor& editor, MapCanvas& canvas, const model::Node& node, Notices& notices);
    // The node's fields; each returns true once its edit is made (the node is then replaced).
    bool editLabel(MapEditor& editor, const model::Node& node, Notices& notices);
    bool editCode(MapEditor& editor, const model::Node& node, Notices& notices);
    bool editLane(MapEditor& editor, const model::Node& node, Notices& notices);
    void drawEdge(MapEditor& editor, const model::EdgeRef& edge, Notices& notices);
    void drawMap(MapEditor& editor, MapCanvas& canvas, const Fonts& fonts);
    void drawThreads(const ForumView& forum, const ForumPlace& place, const char* what);

    // Text fields keep what is being typed until it is committed (Enter or
    // leaving the field); they reload when the selection or the map changes.
    std::string m_fieldsFor;
    std::uint64_t m_fieldsRevision = 0;
    std::array<char, 512> m_label{};
    std::array<char, 128> m_lane{};
    std::array<char, 64> m_codeFilter{};

    // A map's versions, read once per map content.
    std::optional<model::MapId> m_versionsOf;
    std::uint64_t m_versionsRevision = 0;
    std::vector<model::MapVersionInfo> m_versions;
    bool m_forumAsked = false;
};

} // namespace strawman::editor
