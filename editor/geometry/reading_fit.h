// "Fit" as a reader wants it: the whole map in view with its smallest label no
// smaller than a legible size on screen. A map that fits the canvas only when
// shrunk below that is cut, between its steps, into bands drawn one under the
// other (a wide left-to-right pathway wraps into rows, read like lines of text).
// When even that cannot show the whole map legibly, the map is shown from its
// start at the legible size and the user pans. ImGui-free, so the rule is
// unit-tested without a display.
#pragma once

#include "canvas_transform.h"
#include "geometry.h"
#include "map_geometry.h"

#include <span>
#include <vector>

namespace strawman::editor {

struct ReadingRule {
    // 12 px is the smallest text a room reads off a 1600 x 1000 screen at a
    // projector's distance; it is also ImGui's panel text at 75%, so a label is
    // never much smaller than the panels around it. Workshop mode multiplies it.
    double minTextPx = 12.0;
    double marginPx = 40.0; // free on each side of the map, as CanvasTransform::fit
    double rowGapPx = 36.0; // between two rows of a wrapped map
    double maxZoom = 1.5;   // as CanvasTransform::fit: a small map stays modest (legible first)
    int maxRows = 4;        // more rows read as a puzzle, not a pathway
};

// One band of the map (world) and the transform that draws it in its row; clip
// is the part of the canvas (screen) the row owns.
struct ReadingRow {
    Rect band;
    CanvasTransform view;
    Rect clip;
    Rect lead; // screen: before a wrapped row's map, where the lanes' titles are repeated
};

struct ReadingFit {
    std::vector<ReadingRow> rows; // one for a map that is not wrapped
    // False: the map is larger than the canvas at a legible size; pan to see it
    // all (a wrapped map's rows run on below the canvas, scrolled up and down).
    bool whole = true;
    double zoom() const { return rows.empty() ? 1.0 : rows.front().view.zoom(); }
    bool wrapped() const { return rows.size() > 1; }
    // The row whose band holds this world x (the last for x past the map).
    const ReadingRow& rowFor(double worldX) const;
    // The row drawn at this screen y (the nearest, between rows).
    const ReadingRow& rowAt(double screenY) const;
    // Moves the rows up or down the canvas by `dy` pixels, as a document
    // scrolls: a wrapped map that runs on below the canvas is read this way.
    void scroll(double dy, const Rect& viewport);
};

// `nodes` are the bounds of the map's nodes: bands are cut only where no node
// is. `ink` is everything else drawn (points along the arrows, labels): each
// row is as tall as what falls in its band, so a row of plain steps is not as
// tall as the one with a branch. `smallestText` is the smallest label the map
// draws, world units.
// Points along the map's arrows and its arrow labels, as small rectangles: the
// `ink` of fitForReading besides the nodes.
void addArrowInk(const Bezier& line, std::vector<Rect>& ink);
std::vector<Rect> arrowInk(const MapGeometry& geometry);

// `rowLead` (world units) is kept free at the left of every row of a wrapped
// map: a map drawn in lanes repeats their titles there, so every row says which
// band is whose.
ReadingFit fitForReading(std::span<const Rect> nodes, std::span<const Rect> ink,
                         const Rect& viewport, double smallestText, const ReadingRule& rule = {},
                         double rowLead = 0);

} // namespace strawman::editor
