// What the canvas draws for one map, worked out from the model's stored
// positions: node outlines, edge curves clipped to those outlines, arrowheads,
// label anchors, and the map's extent. Pure geometry in world units (points, y
// down), rebuilt when the map changes, not every frame. No ImGui here.
#pragma once

#include "shapes.h"

#include "model/maps/process_map.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace strawman::editor {

// The main direction of the drawing, inferred from where edges point. Parallel
// bars are drawn across it and edges leave and enter along it.
enum class Flow { LeftRight, TopBottom };

struct NodeGeometry {
    model::NodeId id;
    model::NodeKind kind = model::NodeKind::Activity;
    Shape shape;                 // drawn outline; edges are clipped to it
    Rect bounds;                 // shape plus anything drawn outside it (start/end captions)
    bool placedByEditor = false; // the model had no position or size for it
};

enum class EdgeStyle {
    Flow,        // sequence flow: solid, arrowhead at the target
    Association, // to or from a note: dotted, no arrowhead
};

struct EdgeGeometry {
    model::EdgeId id;
    std::size_t from = 0, to = 0; // indices into MapGeometry::nodes
    EdgeStyle style = EdgeStyle::Flow;
    bool drawable = false; // false when the two shapes overlap and no line fits
    Bezier line;           // from the source's border to the arrowhead's base
    Vec2 tip;              // arrowhead point, on the target's border
    Vec2 direction;        // unit direction of the arrowhead
    Vec2 labelAt;          // centre of the condition label
};

// A role's swimlane band (model/maps/lanes.h): drawn under the map, titled at
// its start.
struct LaneGeometry {
    std::string lane;
    Rect area;
    Vec2 titleAt; // the title's left end, half-way up
};

struct MapGeometry {
    std::vector<NodeGeometry> nodes;
    std::vector<EdgeGeometry> edges;
    std::vector<LaneGeometry> lanes; // empty for a map without lanes, or not laid out
    double laneTitleColumn = 0;      // the titles' room at the start of a left-to-right map's bands
    Rect bounds;                     // everything drawn; empty for an empty map
    Flow flow = Flow::LeftRight;
    bool needsLayout = false; // some node had no position: the map was never laid out

    const NodeGeometry* find(model::NodeId id) const;
    // The topmost node whose shape contains the world point, if any.
    const NodeGeometry* nodeAt(Vec2 world) const;
    // The edge whose line passes within `tolerance` (world units) of the point,
    // the nearest when several do.
    const EdgeGeometry* edgeAt(Vec2 world, double tolerance) const;
    std::size_t indexOf(const NodeGeometry& node) const {
        return static_cast<std::size_t>(&node - nodes.data());
    }
};

struct GeometryStyle {
    double activityCornerRadius = 8;
    double noteCornerRadius = 2;
    double barThickness = 9; // parallel bars are drawn no thicker than this
    double arrowLength = 11;
    double captionHeight = 18; // room under start and end circles for their label
    Vec2 gridCell{190, 110};   // where nodes without a position are put
    int gridColumns = 5;
};

// Where a node offers its connection handles: the middle of each side of its
// outline (right, bottom, left, top), world units.
std::array<Vec2, 4> connectionHandles(const Shape& shape);

MapGeometry buildMapGeometry(const model::MapContent& map, const GeometryStyle& style = {});

// How an edge runs between two nodes.
enum class RouteKind {
    Forward,  // the target is further along the flow: an S-curve along it
    Across,   // same rank, one beside the other: a curve straight across
    Loop,     // back against the flow: swing out to one side and come back
    SelfLoop, // from a node to itself
};
RouteKind routeKind(const Shape& from, const Shape& to, Flow flow, bool sameNode = false);

// The curve between two shapes for an edge in a drawing that flows along `flow`,
// before clipping: from centre to centre, bending so that it leaves and enters
// along the flow. `loopSide` (+1 or -1) says which side of the flow a Loop swings
// out to (+1: below a left-to-right drawing, right of a top-to-bottom one).
Bezier routeBetween(const Shape& from, const Shape& to, Flow flow, double loopSide = 1,
                    bool sameNode = false);

} // namespace strawman::editor
