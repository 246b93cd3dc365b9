// The one world <-> screen mapping of the map canvas (imgui-node-editor style).
//
// World coordinates are the model's points (y down); screen coordinates are
// pixels of the GLFW window. screen = viewport.min + offset + world * zoom, where
// offset and zoom are the view state the user changes by panning and zooming,
// and viewport is where ImGui placed the canvas this frame. Keeping the offset
// relative to the viewport means resizing the window does not move the drawing.
#pragma once

#include "geometry.h"

#include <algorithm>

namespace strawman::editor {

class CanvasTransform {
  public:
    static constexpr double kMinZoom = 0.1;
    static constexpr double kMaxZoom = 5.0;

    void setViewport(const Rect& screen) { m_viewport = screen; }
    const Rect& viewport() const { return m_viewport; }
    double zoom() const { return m_zoom; }
    Vec2 offset() const { return m_offset; }

    Vec2 worldToScreen(Vec2 world) const { return m_viewport.min + m_offset + world * m_zoom; }
    Vec2 screenToWorld(Vec2 screen) const { return (screen - m_viewport.min - m_offset) / m_zoom; }
    double toScreen(double worldLength) const { return worldLength * m_zoom; }
    Rect worldToScreen(const Rect& world) const {
        return {worldToScreen(world.min), worldToScreen(world.max)};
    }
    // The part of the world visible in the viewport.
    Rect visibleWorld() const {
        return {screenToWorld(m_viewport.min), screenToWorld(m_viewport.max)};
    }

    void panBy(Vec2 screenDelta) { m_offset += screenDelta; }

    // Sets the zoom (clamped) and puts the world point `world` at `screen`.
    void place(double zoom, Vec2 world, Vec2 screen) {
        m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
        m_offset = screen - m_viewport.min - world * m_zoom;
    }

    // Changes the zoom (clamped) so that the world point under `screenAnchor`
    // stays under it: the usual "zoom about the cursor".
    void zoomAbout(Vec2 screenAnchor, double newZoom) {
        const Vec2 world = screenToWorld(screenAnchor);
        m_zoom = std::clamp(newZoom, kMinZoom, kMaxZoom);
        m_offset = screenAnchor - m_viewport.min - world * m_zoom;
    }

    // Shows all of `world` centred in the viewport with `marginPx` to spare on
    // each side. Never zooms in past `maxZoom`: a two-node map should not fill a
    // projector screen with giant boxes.
    void fit(const Rect& world, double marginPx = 40.0, double maxZoom = 1.5) {
        if (world.empty() || m_viewport.empty()) return;
        const double availW = std::max(1.0, m_viewport.width() - 2 * marginPx);
        const double availH = std::max(1.0, m_viewport.height() - 2 * marginPx);
        const double zx = world.width() > 0 ? availW / world.width() : maxZoom;
        const double zy = world.height() > 0 ? availH / world.height() : maxZoom;
        m_zoom = std::clamp(std::min({zx, zy, maxZoom}), kMinZoom, kMaxZoom);
        m_offset = m_viewport.size() * 0.5 - world.centre() * m_zoom;
    }

    void reset() {
        m_zoom = 1.0;
        m_offset = {};
    }

  private:
    Rect m_viewport{{0, 0}, {1, 1}};
    Vec2 m_offset{};
    double m_zoom = 1.0;
};

} // namespace strawman::editor
