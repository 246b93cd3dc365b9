// A second map shown beside the one being edited, read-only: the "as recorded"
// map discovered from a trust's data beside its straw man, or another trust's
// map of the process. Fitted on its own, legibly (reading_fit.h); once the user
// zooms the main canvas it follows that zoom, so the two read at the same scale.
// What only one of the two has is highlighted on both (map_comparison.h).
#pragma once

#include "editor/geometry/canvas_transform.h"
#include "editor/core/editor_session.h"
#include "fonts.h"
#include "map_painter.h"
#include "editor/geometry/reading_fit.h"

#include "model/maps/map_comparison.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

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
    // user closed it. `stacked`: drawn below the main map rather than to its right.
    bool draw(double mainZoom, const PaintState& marks, bool stacked);
    // Fit keeps the smallest label at least this many pixels high.
    void setLegibleTextPx(double px) {
        m_reading.minTextPx = px;
        m_fitted = false;
    }
    // Maps wider than tall are stacked, each the full width of the canvas.
    static bool wide(const MapGeometry& geometry) {
        return !geometry.bounds.empty() && geometry.bounds.width() > geometry.bounds.height();
    }
    const ReadingFit* wrap() const { return m_wrap ? &*m_wrap : nullptr; }
    const std::string& title() const { return m_title; }

  private:
    const Fonts* m_fonts;
    MapPainter m_painter;
    CanvasTransform m_view;
    std::optional<model::MapId> m_map;
    model::MapContent m_content;
    MapGeometry m_geometry;
    std::string m_title;
    std::unordered_map<std::string, std::string> m_activityNames;
    bool m_prepared = false;
    bool m_fitted = false;
    ReadingRule m_reading;
    std::optional<ReadingFit> m_wrap;
    double m_followedZoom = 0; // the main canvas's zoom when this view last took it
    Vec2 m_fittedSize;
    std::uint64_t m_seenRevision = 0;
};

} // namespace strawman::editor
