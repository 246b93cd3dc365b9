// What the map canvas draws over a map for its diff (docs/design.md, "The diff"):
// each arrow as wide as the traffic it carries, with the count and median time
// as a label; arrows no case follows greyed; steps the data shows but the map
// does not draw as extra red dashed arrows; skip and insert badges on
// activities; a legend; the path of one variant. Pure geometry and text in
// world units, worked out once per map and diff result, never per frame, so a
// frame only has to paint it. No ImGui here.
//
// Which arrow a step belongs to is the diff's own answer (model::ArrowTraffic),
// so the overlay and the diff's tables never disagree about a count.
#pragma once

#include "map_geometry.h"

#include "model/conformance/diff.h"
#include "model/maps/process_map.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strawman::editor {

// What a mark means; the painter picks a colour (and dash) per meaning.
enum class OverlayMeaning {
    Taken,      // a drawn arrow cases follow
    NeverTaken, // a drawn arrow no case follows: greyed
    Unmeasured, // no traffic to show: an arrow to a note, drawn after the diff ran, or no cases
    NotDrawn,   // a step the data shows and the map does not draw: red, dashed
    Skipped,    // badge: cases that left out the map's step
    Inserted,   // badge: cases that did the step where the map does not have it
};

struct OverlayStyle {
    // Arrow widths in world units, relative to the busiest arrow. Width grows
    // with the square root of the traffic: a step with a tenth of the busiest
    // one's traffic gets a third of the extra width, so the main path stands
    // out and a real deviation is neither a hairline (as on a linear scale) nor
    // nearly as heavy as the main path (as on a log scale).
    double thinnest = 1.5;
    double thickest = 10;
    double arrowLength = GeometryStyle{}.arrowLength; // the map's own arrowheads
    double labelGap = 8;                              // from the line's edge to the label's centre
    double conditionLabel = 14;  // more room when the arrow carries a "yes"/"no" too
    double smallestBadge = 0.01; // badges for rates below this are not shown
};

// One drawn arrow, parallel to MapGeometry::edges. The diff matches steps to
// arrows by activity code, so when a code is on several nodes the arrows of
// each of them carry its steps.
struct ArrowOverlay {
    OverlayMeaning meaning = OverlayMeaning::Unmeasured;
    std::int64_t occurrences = 0; // times the steps it stands for happened
    // Of the one step the arrow stands for; count 0 when it stands for several
    // (an arrow into a gateway), where no single median is true.
    model::DurationStats duration;
    double width = 0;      // world units; 0 when Unmeasured: the map's own line
    double headLength = 0; // arrowhead grown with the width
    Bezier line;           // the edge's line, ending where the wider head begins
    std::string label;     // "1,204 · 2.3 d"; empty unless Taken
    Vec2 labelAt;          // centre of the label, beside the line
};

// A step the data shows that the map does not draw, between two nodes on it
// (a case's start or end counts as the map's start or end node). When an
// activity is on several nodes, the arrow joins the two nodes nearest each
// other: the shortest arrow, and a repeated step loops on one node. The route
// bows round the nodes it would run through and keeps off other lines between
// the same two nodes and off the extra arrows routed before it (busiest first).
struct ExtraArrow {
    std::string from, to; // activity codes; empty `from`: the case's start, empty `to`: its end
    std::int64_t occurrences = 0;
    std::int64_t cases = 0;
    model::DurationStats duration; // count 0 for a case's start or end
    EdgeGeometry route; // node indices, line and arrowhead; drawable false if no line fits
    double width = 0;
    double headLength = 0;
    std::string label; // "46 · 3.1 h"
    Vec2 labelAt;
};

// A step with an activity the map does not have: listed beside the map, not drawn.
struct StepOffMap {
    std::string from, to; // empty as in ExtraArrow
    std::int64_t occurrences = 0;
    std::int64_t cases = 0;
    model::DurationStats duration;
    std::string text; // "BKD → XRY: 46"
};

// How often an activity's step was skipped or done where not drawn, in cases
// out of all cases aligned. Deviations are counted per activity code, so every
// node with the code shows the same badges.
struct ActivityBadges {
    std::size_t node = 0; // index into MapGeometry::nodes
    std::string activity;
    double skipped = 0, inserted = 0; // shares of cases, 0..1
    bool showSkipped = false, showInserted = false;
    std::string skippedText;  // "skipped 26%"
    std::string insertedText; // "+12% extra"
    Vec2 corner;              // the shape's top-right corner: badges sit above it, skipped first
};

struct LegendEntry {
    OverlayMeaning meaning;
    double width = 0; // a sample line's width; 0 for entries that are not a line
    std::string text;
};

struct DiffOverlay {
    std::vector<ArrowOverlay> arrows; // parallel to MapGeometry::edges
    std::vector<ExtraArrow> extraArrows;
    std::vector<StepOffMap> offMap; // most occurrences first
    std::vector<ActivityBadges> badges;
    std::vector<LegendEntry> legend;
    std::int64_t busiest = 0; // the most occurrences of any arrow, drawn or extra

    // Where each observed step is shown, keyed by (from, to) with "" for a
    // case's start and end: the drawn arrows that carry it, and its extra
    // arrow if it has one.
    struct StepPlaces {
        std::vector<std::size_t> arrows; // MapGeometry::edges
        std::ptrdiff_t extraArrow = -1;  // DiffOverlay::extraArrows
    };
    std::map<std::pair<std::string, std::string>, StepPlaces> places;
};

DiffOverlay buildDiffOverlay(const model::MapContent& map, const MapGeometry& geometry,
                             const model::DiffResult& diff, const OverlayStyle& style = {});

// Where one variant (its activities in order) runs on the map: every arrow
// carrying one of its steps, the extra arrows of its steps the map does not
// draw, and the nodes at their ends. Steps through an activity not on the map
// leave a gap, and `onMap` is false.
struct VariantPath {
    std::vector<std::size_t> nodes;       // MapGeometry::nodes, ascending
    std::vector<std::size_t> arrows;      // MapGeometry::edges, ascending
    std::vector<std::size_t> extraArrows; // DiffOverlay::extraArrows, ascending
    bool onMap = true;
};
VariantPath variantPath(const DiffOverlay& overlay, const MapGeometry& geometry,
                        std::span<const std::string> activities);

// A line's width for a traffic, on the scale set by the busiest arrow; the
// thinnest width for no traffic.
double widthFor(std::int64_t occurrences, std::int64_t busiest, const OverlayStyle& style = {});

// [SECTION] Numbers as the labels show them

std::string formatCount(std::int64_t n);  // 1204 -> "1,204"
std::string formatShare(double fraction); // 0.26 -> "26%", 0.004 -> "<1%"
// The legend's title: "RPA  ·  3,000 cases  ·  4% fit the map".
std::string legendTitle(std::string_view trust, const model::DiffResult& diff);
// "1,204 · 2.3 d" (model/analysis/duration_text.h), or just the count when there is no duration.
std::string trafficLabel(std::int64_t occurrences, const model::DurationStats& duration);

} // namespace strawman::editor
