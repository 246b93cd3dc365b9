// What the editor has open: the workspace, the lists the network panel shows,
// and the map on the canvas with its drawing geometry. The model stays the owner
// of every persistent thing; this only caches what it read, and re-reads on
// reload(). No ImGui here.
#pragma once

#include "map_geometry.h"

#include "model/workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace strawman::editor {

class EditorSession {
public:
    explicit EditorSession(model::Workspace workspace);

    // Re-reads trusts, processes and maps, and the selected map's content.
    void reload();

    const model::Workspace& workspace() const { return m_workspace; }
    const std::vector<model::Trust>& trusts() const { return m_trusts; }
    const std::vector<model::MapSummary>& maps() const { return m_maps; }
    // Activity code -> its name in the network vocabulary ("VET" -> "vetted/justified").
    const std::unordered_map<std::string, std::string>& activityNames() const {
        return m_activityNames;
    }

    // Shows a map on the canvas. Returns false (and changes nothing) for an id
    // the workspace does not have.
    bool select(model::MapId id);
    const model::MapSummary* selected() const;
    const model::MapContent& content() const { return m_content; }
    const MapGeometry& geometry() const { return m_geometry; }

    // Grows whenever a different map is selected, so views can notice and fit it.
    std::uint64_t selectionRevision() const { return m_selectionRevision; }
    // Grows whenever the shown content is (re)loaded, so caches built from it can refresh.
    std::uint64_t contentRevision() const { return m_contentRevision; }

private:
    void loadSelected();

    model::Workspace m_workspace;
    std::vector<model::Trust> m_trusts;
    std::vector<model::MapSummary> m_maps;
    std::unordered_map<std::string, std::string> m_activityNames;
    std::optional<model::MapId> m_selected;
    model::MapContent m_content;
    MapGeometry m_geometry;
    std::uint64_t m_selectionRevision = 0;
    std::uint64_t m_contentRevision = 0;
};

} // namespace strawman::editor
