// What a picture of a map holds, before Graphviz: shapes, text boxes, lines and
// lane bands, each placed in the map's own coordinates (points, y down) and
// styled in the editor's colours. picture_scene.cpp works it out from the map
// and the editor's geometry; picture.cpp hands it to Graphviz to render.
#pragma once

#include "xml_text.h"
#include "picture.h"

#include "editor/geometry/geometry.h"
#include "editor/geometry/palette.h"
#include "editor/geometry/shapes.h"

#include <string>
#include <vector>

namespace strawman::exporters {

using editor::palette::Rgba;

// A node of the map: Graphviz draws the shape, with the label inside.
struct SceneShape {
    std::string id;    // SVG id: "node-" and the node's key
    std::string kind;  // SVG class: start, end, step, decision, bar, note
    std::string shape; // Graphviz shape
    std::string style; // Graphviz style ("rounded,filled")
    editor::Vec2 centre, size;
    Rgba fill, border;
    double borderWidth = 1.2;
    std::string html; // the label as Graphviz HTML (without the outer < >), or empty
};

// A label of its own: a caption, a condition, a traffic count, a badge, the
// legend, the footer. Centred on `centre`; `size` is its measured box.
struct SceneText {
    std::string id, kind;
    editor::Vec2 centre, size;
    std::string html;
};

// A line between two shapes (indices into Scene::shapes), as a cubic spline
// through `points` (4, 7, 10, ... points) and an arrowhead from its end to `tip`.
struct SceneLine {
    std::string id, kind; // kind: flow, association, taken, never-taken, not-drawn
    std::size_t from = 0, to = 0;
    std::vector<editor::Vec2> points;
    bool arrowhead = true;
    editor::Vec2 tip;
    Rgba colour;
    double width = 1.5;
    std::string dash; // "", "dashed", "dotted"
};

struct SceneBand {
    std::string lane;
    editor::Rect area;
    editor::Vec2 titleAt; // the title's left end, half-way up
    std::vector<std::size_t> shapes;
};

struct Scene {
    std::vector<SceneBand> bands;
    std::vector<SceneShape> shapes;
    std::vector<SceneLine> lines;
    std::vector<SceneText> texts;
    editor::Rect bounds; // everything drawn
};

Scene buildScene(const model::MapContent& map, const PictureOptions& options);

} // namespace strawman::exporters
