// Paints a map's diff (diff_overlay.h) onto an ImGui draw list, in the map
// painter's look: arrows as wide as the traffic they carry, greyed dotted arrows
// no case follows, red dashed arrows for steps the map does not draw, count and
// time labels on white pills, skip and extra badges over activities, and a
// legend. What it shows was worked out once per map and diff by
// buildDiffOverlay, so a frame only transforms, culls and strokes: no
// allocation beyond the draw list's own buffers, no text formatting.
//
// Widths are world units scaled by the zoom, held between 1 and 14 pixels, so a
// map fitted to the screen still shows its thinnest deviation and a close-up
// does not turn the main path into a wall.
#pragma once

#include "editor/geometry/canvas_transform.h"
#include "editor/geometry/diff_overlay.h"
#include "fonts.h"
#include "editor/geometry/map_geometry.h"

#include <imgui.h>

#include <optional>
#include <string>

namespace strawman::editor {

// What the user singled out on the diff this frame.
struct OverlayHighlight {
    std::optional<VariantPath> variant; // from variantPath(); empty: no variant chosen
};

class OverlayPainter {
  public:
    // Arrow widths on screen, pixels, at every zoom.
    static constexpr double kThinnestPx = 1.0;
    static constexpr double kThickestPx = 14.0;
    // A highlighted variant's path is never thinner than this, so it stands out
    // from the faded map even where its traffic is small.
    static constexpr double kVariantPathPx = 3.0;
    // The count and time labels' text, world units: near the steps' own
    // labels (13), so a fit that keeps those legible keeps the numbers legible
    // too (reading_fit.h).
    static constexpr float kPillTextSize = 12.0f;

    explicit OverlayPainter(const Fonts& fonts) : m_fonts(&fonts) {}

    // In place of the map painter's own lines and arrowheads, before it draws
    // the nodes: every drawn arrow by its traffic, then the extra arrows. With
    // a variant chosen, everything off its path is faded and drawn first, the
    // path on top in the highlight colour (its steps the map does not draw stay
    // red and dashed).
    void drawArrows(ImDrawList& drawList, const CanvasTransform& view, const MapGeometry& geometry,
                    const DiffOverlay& overlay, const OverlayHighlight& highlight) const;

    // The count and time labels on white pills beside their arrows. Call after
    // the map painter has drawn the nodes: a label is often wider than the gap
    // between two steps, and the numbers are what the diff is read for. Not
    // drawn when too small to read.
    void drawLabels(ImDrawList& drawList, const CanvasTransform& view, const MapGeometry& geometry,
                    const DiffOverlay& overlay, const OverlayHighlight& highlight) const;

    // Skip and extra badges as small pills above each activity's top-right
    // corner, skipped first. Call after the map painter has drawn the nodes.
    void drawBadges(ImDrawList& drawList, const CanvasTransform& view, const MapGeometry& geometry,
                    const DiffOverlay& overlay, const OverlayHighlight& highlight) const;

    // The legend in the bottom-left corner of the canvas viewport (screen
    // space, a step under the panels' font size): a title line from the caller,
    // such as "RPA · 3,000 cases · 4% fit the map", then, unless folded, one
    // sample and line of text per legend entry. Returns where it is: the box,
    // and its title line, which the canvas makes the button that folds it.
    struct LegendPlace {
        Rect box, header;
    };
    LegendPlace drawLegend(ImDrawList& drawList, const Rect& viewportScreen,
                           const DiffOverlay& overlay, const std::string& title, bool folded) const;

  private:
    void drawLabel(ImDrawList& dl, const CanvasTransform& view, const std::string& text,
                   Vec2 worldCentre, ImU32 textColour, ImU32 border, float alpha) const;

    const Fonts* m_fonts;
};

} // namespace strawman::editor
