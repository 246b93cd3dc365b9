// Draws a map's nodes, edges and labels onto an ImGui draw list through the
// canvas transform. Label wrapping is worked out once per map in world units
// (prepare), so a label breaks into the same lines at every zoom and a frame
// only has to place the text.
#pragma once

#include "editor/geometry/canvas_transform.h"
#include "editor/geometry/map_geometry.h"
#include "editor/geometry/reading_fit.h"
#include "fonts.h"

#include "model/maps/process_map.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace strawman::editor {

// Text fitted into a world-space area: the lines and the size that made them fit.
struct TextBlock {
    std::vector<std::string> lines;
    std::vector<float> widths; // of each line, world units
    float size = 12;           // font size, world units
    bool bold = false;

    bool empty() const { return lines.empty(); }
    float height() const { return size * static_cast<float>(lines.size()); }
};

// Wraps text at word boundaries to fit `maxWidth` x `maxHeight` (world units),
// starting at `preferredSize` and shrinking to `minSize`; if even that does not
// fit, keeps the lines that do and ends the last with an ellipsis.
TextBlock fitText(const ImFont* measure, const std::string& text, float maxWidth, float maxHeight,
                  float preferredSize, float minSize, bool bold = false);

// What the canvas marks on the map this frame: hover, selection, the node a
// connection is being dragged from and to, and validation problems.
struct PaintState {
    std::optional<model::NodeId> hovered;
    std::optional<model::EdgeId> hoveredEdge;
    std::unordered_set<model::NodeId> selected;
    std::unordered_set<model::EdgeId> selectedEdges;
    std::optional<model::NodeId> handlesOn;          // shows its connection handles
    std::optional<model::NodeId> dropTarget;         // a connection being dragged is over it
    bool dropRefused = false;                        // …and the model would refuse it
    std::unordered_map<model::NodeId, int> problems; // validation problems per node
    // Beside another map: what only this one has (map_comparison.h).
    std::unordered_set<model::NodeId> differentNodes;
    std::unordered_set<model::EdgeId> differentEdges;
    // Workshop mode: darker lines and outlines, thicker, for a projector.
    bool highContrast = false;
    // The diff's overlay draws the arrows (overlay_painter.h): draw only their
    // condition labels, and leave the corner where its badges go free.
    bool arrowsByOverlay = false;
};

// On a map wrapped into rows, a chevron where each row ends and where the next
// begins: the map goes on there.
void drawRowMarks(ImDrawList& drawList, const ReadingFit& wrap);

// How far from a handle's centre a press still grabs it, in pixels.
constexpr float kHandleGrabRadius = 9.0f;

class MapPainter {
  public:
    explicit MapPainter(const Fonts& fonts) : m_fonts(&fonts) {}

    // Lays out every label of the map; call when the map or its geometry changes.
    // An activity drawn without a label shows its code's name from the vocabulary.
    void prepare(const model::MapContent& map, const MapGeometry& geometry,
                 const std::unordered_map<std::string, std::string>& activityNames = {});

    // The lanes' bands, under everything else drawn: the diff's arrows too.
    void drawLanes(ImDrawList& drawList, const CanvasTransform& view,
                   const MapGeometry& geometry) const;
    void draw(ImDrawList& drawList, const CanvasTransform& view, const MapGeometry& geometry,
              const PaintState& state) const;

    // The lanes' bands and titles in `lead`, the strip (screen) before a row
    // of a wrapped map, so every row says which band is whose.
    void drawLaneLead(ImDrawList& drawList, const CanvasTransform& rowView,
                      const MapGeometry& geometry, const Rect& lead) const;

    // The smallest size a step's label was fitted at, world units (0: no step
    // has one): what the canvas's fit keeps legible (reading_fit.h).
    float smallestStepLabel() const { return m_smallestStepLabel; }
    // The smallest step label drawn since the last reset, pixels: what a frame
    // actually put on the screen, for --report-view and its tests.
    void resetDrawnSizes() const { m_smallestStepPxDrawn = kNoneDrawn; }
    float smallestStepLabelDrawn() const { return m_smallestStepPxDrawn; }
    static constexpr float kNoneDrawn = 1e9f;

  private:
    struct NodeText {
        TextBlock label;
        TextBlock code;            // activity code, top-left of the box
        TextBlock lane;            // role, top-right of the box
        bool labelOutside = false; // below start/end circles, above crowded decisions and bars
        Vec2 labelOffset;          // from the node's centre, world: moves with the node
    };
    struct EdgeText {
        TextBlock label;
    };
    struct LaneText {
        TextBlock title;
    };

    void prepareNodeText(NodeText& text, const model::Node& node, const NodeGeometry& geometry,
                         const std::unordered_map<std::string, std::string>& activityNames);
    void prepareActivityText(NodeText& text, const model::Node& node, const Shape& shape,
                             const std::unordered_map<std::string, std::string>& activityNames);
    void prepareEdgeText(const model::MapContent& map, const MapGeometry& geometry);

    void drawEdges(ImDrawList& dl, const CanvasTransform& view, const MapGeometry& geo,
                   const PaintState& state) const;
    void drawMarks(ImDrawList& dl, const CanvasTransform& view, const NodeGeometry& node,
                   const PaintState& state) const;
    void drawNode(ImDrawList& dl, const CanvasTransform& view, const NodeGeometry& node,
                  const NodeText& text, const PaintState& state) const;
    void drawShape(ImDrawList& dl, const CanvasTransform& view, const NodeGeometry& node,
                   const NodeText& text, const PaintState& state) const;
    void drawCodeAndLane(ImDrawList& dl, const CanvasTransform& view, const Shape& shape,
                         const NodeText& text) const;
    void drawEdgeLabels(ImDrawList& dl, const CanvasTransform& view, const MapGeometry& geo) const;
    void drawText(ImDrawList& dl, const CanvasTransform& view, const TextBlock& block,
                  Vec2 worldCentre, ImU32 colour) const;

    const Fonts* m_fonts;
    std::vector<NodeText> m_nodeText; // parallel to MapGeometry::nodes
    std::vector<EdgeText> m_edgeText; // parallel to MapGeometry::edges
    std::vector<LaneText> m_laneText; // parallel to MapGeometry::lanes
    float m_smallestStepLabel = 0;
    mutable float m_smallestStepPxDrawn = kNoneDrawn;
};

} // namespace strawman::editor
