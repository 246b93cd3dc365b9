// A second map shown beside the one being edited, read-only: the "as recorded"
// map discovered from a trust's data beside its straw man, or another trust's
// map of the process. Zoom follows the main canvas, so the two read at the same
// scale; what only one of the two has is highlighted on both (map_comparison.h).
#pragma once

#include "canvas_transform.h"
#include "editor_session.h"
#include "fonts.h"
#include "map_painter.h"

#include "model/map_comparison.h"

#include <cstdint>
#include <optional>
#include <string>

namespace strawman::editor {

class BesideView {
  public:
    explicit BesideView(const Fonts& fonts) : m_fonts(&fonts), m_painter(fonts) {}

    // Reads the map from the workspace; throws model::Error for an unknown id.
    void open(const EditorSession& session, model::MapId id);
    void close() { m_map.reset(); }
    bool isOpen() const { return m_map.has_value(); }
    std::optional<model::MapId> map() const { return m_map; }
    const model::MapContent& content() const { return m_content; }
    const MapGeometry& geometry() const { return m_geometry; }
    // Re-reads when the workspace was reloaded (another window changed it).
    void refresh(const EditorSession& session);

    // Fills what is left of the current ImGui window; returns true when the
    // user closed it.
    bool draw(double zoom, const PaintState& marks);
    const std::string& title() const { return m_title; }

  private:
    const Fonts* m_fonts;
    MapPainter m_painter;
    CanvasTransform m_view;
    std::optional<model::MapId> m_map;
    model::MapContent m_content;
    MapGeometry m_geometry;
    std::string m_title;
    bool m_fitted = false;
    std::uint64_t m_seenRevision = 0;
};

} // namespace strawman::editor
