// Lanes: the roles of a map drawn as swimlane bands, one per role, along the
// flow (rows in a left-to-right map, columns in a top-to-bottom one). Layout
// stacks the roles into separate bands; the canvas, the pictures and BPMN's lane
// shapes all take the bands from here, so they agree where each band lies.
#pragma once

#include "layout.h"
#include "process_map.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strawman::model {

// Room around the steps of a band, and for its title at the band's start: at
// its left in a left-to-right map (so the bands stay low, and a wrapped map's
// rows fit the canvas), over it in a top-to-bottom one.
constexpr double kLanePadding = 10;
constexpr double kLaneTitleSize = 13;   // points, bold: read from the back of a room
constexpr double kLaneTitleHeight = 24; // top-to-bottom maps

// A lane's title's width, points: bold, at kLaneTitleSize.
double laneTitleWidth(std::string_view lane);
// The column the titles take at the left of a left-to-right map.
double laneTitleColumn(const MapContent& map);

// The lane each node is drawn in, parallel to map.nodes. A step keeps its own;
// a node with none (a start, an end, a decision, a bar, a step nobody was
// named for) goes with the step before it, or failing that the step after it,
// as a BPMN modeller puts a gateway in the lane of the task that decides. All
// empty when no node of the map has a lane. A note is never given one.
std::vector<std::string> lanesOfNodes(const MapContent& map);

struct LaneBand {
    std::string lane; // the role; empty for the steps of a map that has lanes, but none here
    double left = 0, top = 0, right = 0, bottom = 0; // points, y down
    double titleX = 0, titleY = 0;  // where the title starts: its left end, half-way up
    std::vector<std::size_t> nodes; // indices into map.nodes
};

// The bands of a laid-out map, in order across the flow; empty when the map has
// no lanes or no positions. Every band spans the whole drawing along the flow.
// Each band covers its nodes with padding and room for its title; where the
// nodes of two bands overlap across the flow (a map moved by hand), the line
// between them is drawn half-way through the overlap.
std::vector<LaneBand> laneBands(const MapContent& map, LayoutDirection flow);

// The direction a drawn map runs in, read off where its arrows lead on the
// whole (further down than across: top to bottom). The editor and the pictures draw bands along it.
LayoutDirection drawnDirection(const MapContent& map);

// The move (dx, dy) of the nodes `keys`, cut short across the flow where a
// moved node would leave its lane: into the band of a role whose steps stay
// put. A selection that moves every lane's steps moves freely. Along the flow
// nothing is limited; a node already out of its room may stay where it is.
std::pair<double, double>
laneLimitedMove(const MapContent& map, const std::vector<std::string>& keys, double dx, double dy);

// Moves the lanes apart across the flow so that each has a band of its own,
// keeping their order and every position along the flow. Layout's last step.
void separateLanes(MapContent& map, LayoutDirection flow);

} // namespace strawman::model
