// A map as a picture (SVG, PNG or PDF) for a board paper or a wall: drawn in the
// editor's visual language (shapes, colours, arrows and the diff's overlay all
// come from editor/geometry, the canvas's own geometry) and rendered by
// Graphviz's own renderers: its SVG writer, and cairo with pango for PNG and
// PDF. Positions are the map's as stored; every line and label is placed here
// and handed to Graphviz fixed (the "nop2" engine), so Graphviz lays nothing
// out and the drawing is the same on every machine. Text is DejaVu Sans, the
// editor's font (fonts-dejavu-core), and stays text: selectable in SVG and PDF.
// Graphviz is not thread-safe: drawMap holds graphviz::Lock
// (model/maps/graphviz_compat.h) while it uses it, so any thread may call it.
#pragma once

#include "model/conformance/diff.h"
#include "model/maps/process_map.h"

#include <string>
#include <string_view>
#include <vector>

namespace strawman::exporters {

enum class PictureFormat { Svg, Png, Pdf };

// A badge for a standard (--standards): a pill above the map, or above a step
// when it names one (a rule standard on the interval into that step).
struct PictureBadge {
    std::string text;
    bool kept = true;     // green when kept (or a map standard that is current), amber when not
    std::string activity; // the step it sits above; empty: above the map
};

struct PictureOptions {
    PictureFormat format = PictureFormat::Svg;
    double dpi = 96; // PNG only: pixels per inch (72 points)
    // The diff drawn over the map, as the editor draws it; null for none.
    const model::DiffResult* diff = nullptr;
    std::string diffHeading; // the legend's title: "RPA · 3,000 cases · 4% fit the map"
    std::vector<PictureBadge> badges;
    std::vector<std::string> footer; // lines under the map (--title)
};

// The map, laid out (every node has a size), as the format's bytes. Throws
// model::Error when Graphviz cannot render the format, or when a PNG at the
// DPI asked for would be larger than cairo draws (32,767 pixels a side).
std::string drawMap(const model::MapContent& map, const PictureOptions& options);

std::string_view formatName(PictureFormat format); // "svg", "png", "pdf"

} // namespace strawman::exporters
