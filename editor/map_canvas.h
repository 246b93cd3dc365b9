// The map canvas: a toolbar line about the shown map, then the drawing with
// pan (right- or middle-drag, or Space + left-drag), zoom about the cursor (wheel),
// fit to view (F, the toolbar button, and on first showing a map) and a grid that
// scales with the zoom. Holds only view state; the map comes from the session.
#pragma once

#include "canvas_transform.h"
#include "editor_session.h"
#include "fonts.h"
#include "map_painter.h"

#include <cstdint>
#include <optional>

namespace strawman::editor {

class MapCanvas {
  public:
    explicit MapCanvas(const Fonts& fonts) : m_fonts(&fonts), m_painter(fonts) {}

    // Draws into the current ImGui window, filling what is left of it.
    void draw(const EditorSession& session);

    void requestFit() { m_fitPending = true; }
    // After the next fit, zoom to this (1 = 100%) about the map's centre.
    void setZoomAfterFit(double zoom) { m_zoomAfterFit = zoom; }
    const CanvasTransform& view() const { return m_view; }

  private:
    void drawToolbar(const EditorSession& session);
    void handleInput(const EditorSession& session, bool hovered, bool active);
    void drawGrid(ImDrawList& dl) const;
    void drawCentredMessage(ImDrawList& dl, const char* title, const char* detail) const;
    void drawLayoutHint(ImDrawList& dl, const EditorSession& session) const;

    const Fonts* m_fonts;
    MapPainter m_painter;
    CanvasTransform m_view;
    PaintState m_paint;
    bool m_fitPending = true;
    std::optional<double> m_zoomAfterFit;
    std::uint64_t m_seenSelection = 0;
    std::optional<std::uint64_t> m_preparedContent;
    bool m_shownUnlaidOut = false;
};

} // namespace strawman::editor
