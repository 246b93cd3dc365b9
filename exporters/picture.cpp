// The scene handed to Graphviz and rendered. Every object is placed here: nodes
#include "colour_text.h"
// have pos and a fixed size, edges a pos spline with their arrowhead's end
// point, lane bands are clusters with their bb and the title's lp. The "nop2"
// engine (neato -n2) keeps all of it, so Graphviz only draws.
//
// Coordinates: the scene's are points with y down; Graphviz's y grows upwards,
// so y is flipped against the scene's bottom, and both start at 0 so that no
// translation is applied to some objects and not others.
#include "picture.h"

#include "picture_scene.h"

#include "editor/geometry/diff_overlay.h"
#include "model/maps/graphviz_compat.h"
#include "model/maps/lanes.h"
#include "model/maps/layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace strawman::exporters {

using editor::Vec2;

namespace {

constexpr double kPadInches = 0.15; // white round the drawing

std::string number(double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.2f", value);
    return text.data();
}

class GraphWriter {
  public:
    GraphWriter(Agraph_t* graph, const editor::Rect& bounds) : m_g(graph), m_bounds(bounds) {
        using graphviz::declare;
        declare(m_g, AGRAPH, "outputorder", "edgesfirst");
        declare(m_g, AGRAPH, "pad", number(kPadInches).c_str());
        declare(m_g, AGRAPH, "bgcolor", "white");
        declare(m_g, AGRAPH, "fontname", "DejaVu Sans");
        declare(m_g, AGRAPH, "fontsize", "11");
        declare(m_g, AGRAPH, "fontcolor", colourText(editor::palette::laneTitle).c_str());
        declare(m_g, AGRAPH, "splines", "true");
        m_graphBb = declare(m_g, AGRAPH, "bb", "");
        m_graphLabel = declare(m_g, AGRAPH, "label", "");
        m_graphLp = declare(m_g, AGRAPH, "lp", "");
        m_graphLabeljust = declare(m_g, AGRAPH, "labeljust", "c");
        m_graphStyle = declare(m_g, AGRAPH, "style", "");
        m_graphColor = declare(m_g, AGRAPH, "color", "black");
        m_graphFill = declare(m_g, AGRAPH, "fillcolor", "white");
        m_dpi = declare(m_g, AGRAPH, "dpi", "72");

        declare(m_g, AGNODE, "fontname", "DejaVu Sans");
        declare(m_g, AGNODE, "fixedsize", "true");
        declare(m_g, AGNODE, "margin", "0");
        m_pos = declare(m_g, AGNODE, "pos", "");
        m_width = declare(m_g, AGNODE, "width", "0.75");
        m_height = declare(m_g, AGNODE, "height", "0.5");
        m_shape = declare(m_g, AGNODE, "shape", "box");
        m_style = declare(m_g, AGNODE, "style", "");
        m_fill = declare(m_g, AGNODE, "fillcolor", "white");
        m_color = declare(m_g, AGNODE, "color", "black");
        m_penwidth = declare(m_g, AGNODE, "penwidth", "1");
        m_label = declare(m_g, AGNODE, "label", "");
        m_id = declare(m_g, AGNODE, "id", "");
        m_class = declare(m_g, AGNODE, "class", "");

        m_edgePos = declare(m_g, AGEDGE, "pos", "");
        m_edgeColor = declare(m_g, AGEDGE, "color", "black");
        m_edgePen = declare(m_g, AGEDGE, "penwidth", "1");
        m_edgeStyle = declare(m_g, AGEDGE, "style", "");
        m_edgeDir = declare(m_g, AGEDGE, "dir", "forward");
        m_arrowsize = declare(m_g, AGEDGE, "arrowsize", "1");
        m_edgeId = declare(m_g, AGEDGE, "id", "");
        m_edgeClass = declare(m_g, AGEDGE, "class", "");
        declare(m_g, AGEDGE, "arrowhead", "normal");
    }

    void setDpi(double dpi) { graphviz::set(m_g, m_dpi, number(dpi).c_str()); }

    std::string point(Vec2 p) const {
        return number(p.x - m_bounds.min.x) + "," + number(m_bounds.max.y - p.y);
    }

    void boundingBox() {
        const std::string bb = "0,0," + number(m_bounds.max.x - m_bounds.min.x) + "," +
                               number(m_bounds.max.y - m_bounds.min.y);
        graphviz::set(m_g, m_graphBb, bb.c_str());
    }

    Agnode_t* node(const std::string& name, const std::string& id, const std::string& cls,
                   Vec2 centre, Vec2 size) {
        Agnode_t* n = agnode(m_g, graphviz::mut(name.c_str()), 1);
        graphviz::set(n, m_pos, point(centre).c_str());
        graphviz::set(n, m_width, number(size.x / 72.0).c_str());
        graphviz::set(n, m_height, number(size.y / 72.0).c_str());
        graphviz::set(n, m_id, id.c_str());
        graphviz::set(n, m_class, cls.c_str());
        return n;
    }

    void shape(Agnode_t* n, const SceneShape& s) {
        graphviz::set(n, m_shape, s.shape.c_str());
        graphviz::set(n, m_style, s.style.c_str());
        graphviz::set(n, m_fill, colourText(s.fill).c_str());
        graphviz::set(n, m_color, colourText(s.border).c_str());
        graphviz::set(n, m_penwidth, number(s.borderWidth).c_str());
        if (!s.html.empty()) graphviz::setHtml(m_g, n, m_label, s.html);
    }

    void text(Agnode_t* n, const SceneText& t) {
        graphviz::set(n, m_shape, "plaintext");
        graphviz::setHtml(m_g, n, m_label, t.html);
    }

    void line(Agnode_t* from, Agnode_t* to, const SceneLine& l) {
        // One name per line, so two lines between the same nodes stay two.
        const std::string name = "e" + std::to_string(++m_edges);
        Agedge_t* e = agedge(m_g, from, to, graphviz::mut(name.c_str()), 1);
        std::string pos;
        if (l.arrowhead) pos = "e," + point(l.tip);
        for (const Vec2& p : l.points) pos += (pos.empty() ? "" : " ") + point(p);
        graphviz::set(e, m_edgePos, pos.c_str());
        graphviz::set(e, m_edgeColor, colourText(l.colour).c_str());
        graphviz::set(e, m_edgePen, number(l.width).c_str());
        graphviz::set(e, m_edgeStyle, l.dash.c_str());
        graphviz::set(e, m_edgeId, l.id.c_str());
        graphviz::set(e, m_edgeClass, l.kind.c_str());
        if (!l.arrowhead) {
            graphviz::set(e, m_edgeDir, "none");
        } else if (!l.points.empty()) {
            // Graphviz's arrowhead is 10 points long at size 1, outlined with the
            // line's width: as long as the gap the geometry left between the
            // line's end and the tip, less the outline.
            const double length = editor::distance(l.points.back(), l.tip) - 0.6 * l.width;
            graphviz::set(e, m_arrowsize, number(std::max(0.4, length / 10.0)).c_str());
        }
    }

    // Each band is a cluster inside the one before: Graphviz draws sibling
    // clusters in the order of their names' addresses in memory, which differ
    // from one export to the next in the same process, so the same picture
    // would come out as different bytes. A chain has only one order. Nesting
    // changes nothing drawn: every band's box is given (bb).
    void band(const SceneBand& b, const std::vector<Agnode_t*>& shapes, std::size_t index) {
        const std::string name = "cluster_lane_" + std::to_string(index);
        Agraph_t* sub = agsubg(m_lastBand, graphviz::mut(name.c_str()), 1);
        m_lastBand = sub;
        const std::string bb = number(b.area.min.x - m_bounds.min.x) + "," +
                               number(m_bounds.max.y - b.area.max.y) + "," +
                               number(b.area.max.x - m_bounds.min.x) + "," +
                               number(m_bounds.max.y - b.area.min.y);
        graphviz::set(sub, m_graphBb, bb.c_str());
        graphviz::set(sub, m_graphStyle, "filled");
        graphviz::set(sub, m_graphFill, colourText(editor::palette::laneFill).c_str());
        graphviz::set(sub, m_graphColor, colourText(editor::palette::laneBorder).c_str());
        if (!b.lane.empty()) {
            graphviz::setHtml(m_g, sub, m_graphLabel, "<B>" + htmlText(b.lane) + "</B>");
            graphviz::set(sub, m_graphLabeljust, "l");
            // lp is the title's centre; the scene gives its left end.
            const double width = model::laneTitleWidth(b.lane);
            graphviz::set(sub, m_graphLp, point(b.titleAt + Vec2{width / 2, 0}).c_str());
        }
        for (std::size_t s : b.shapes)
            if (s < shapes.size()) agsubnode(sub, shapes[s], 1);
    }

  private:
    Agraph_t* m_g;
    Agraph_t* m_lastBand = m_g;
    editor::Rect m_bounds;
    int m_edges = 0;
    Agsym_t *m_graphBb, *m_graphLabel, *m_graphLp, *m_graphLabeljust, *m_graphStyle, *m_graphColor,
        *m_graphFill, *m_dpi;
    Agsym_t *m_pos, *m_width, *m_height, *m_shape, *m_style, *m_fill, *m_color, *m_penwidth,
        *m_label, *m_id, *m_class;
    Agsym_t *m_edgePos, *m_edgeColor, *m_edgePen, *m_edgeStyle, *m_edgeDir, *m_arrowsize, *m_edgeId,
        *m_edgeClass;
};

// gvFreeLayout must run before the graph is closed, on every path out.
struct LaidOut {
    GVC_t* gvc;
    Agraph_t* graph;
    ~LaidOut() { gvFreeLayout(gvc, graph); }
};

const char* rendererOf(PictureFormat format) {
    switch (format) {
    case PictureFormat::Svg:
        return "svg";
    case PictureFormat::Png:
        return "png:cairo";
    case PictureFormat::Pdf:
        return "pdf:cairo";
    }
    return "svg";
}

// Cairo draws a bitmap at most 32,767 pixels a side; past that Graphviz shrinks
// the picture to fit and says so on standard error, so the PNG would not be at
// the DPI asked for. Refused instead, naming the DPI that fits (or the formats
// that have no such limit).
void checkBitmapSize(const editor::Rect& bounds, double dpi) {
    constexpr double kMostPixels = 32767 - 2; // Graphviz rounds the size up
    const Vec2 inches = (bounds.max - bounds.min) / 72.0 + Vec2{2 * kPadInches, 2 * kPadInches};
    const double longest = std::max(inches.x, inches.y);
    if (longest * dpi < kMostPixels) return;
    const auto pixels = [&](double side) {
        return editor::formatCount(static_cast<std::int64_t>(std::ceil(side * dpi)));
    };
    std::string message = "at " + std::to_string(std::lround(dpi)) + " DPI the PNG would be " +
                          pixels(inches.x) + " x " + pixels(inches.y) +
                          " pixels, and it can be at most 32,767 a side: ";
    const long fits = static_cast<long>(std::floor(kMostPixels / longest)) - 1;
    if (fits >= 24)
        message += "a DPI of at most " + std::to_string(fits) + " fits, or SVG and PDF";
    else
        message += "the map is too large for a PNG; export SVG or PDF";
    throw model::Error(message);
}

} // namespace

std::string_view formatName(PictureFormat format) {
    switch (format) {
    case PictureFormat::Svg:
        return "svg";
    case PictureFormat::Png:
        return "png";
    case PictureFormat::Pdf:
        return "pdf";
    }
    return "svg";
}

std::string drawMap(const model::MapContent& map, const PictureOptions& options) {
    const Scene scene = buildScene(map, options);
    if (options.format == PictureFormat::Png) checkBitmapSize(scene.bounds, options.dpi);
    graphviz::Lock lock;
    graphviz::GraphPtr graph = graphviz::openDirected("map");
    GraphWriter out(graph.get(), scene.bounds);
    if (options.format == PictureFormat::Png) out.setDpi(options.dpi);
    out.boundingBox();

    std::vector<Agnode_t*> shapes;
    shapes.reserve(scene.shapes.size());
    for (std::size_t i = 0; i < scene.shapes.size(); ++i) {
        const SceneShape& s = scene.shapes[i];
        Agnode_t* n = out.node("s" + std::to_string(i), s.id, s.kind, s.centre, s.size);
        out.shape(n, s);
        shapes.push_back(n);
    }
    for (std::size_t i = 0; i < scene.bands.size(); ++i) out.band(scene.bands[i], shapes, i);
    for (std::size_t i = 0; i < scene.texts.size(); ++i) {
        const SceneText& t = scene.texts[i];
        out.text(out.node("t" + std::to_string(i), t.id, t.kind, t.centre, t.size), t);
    }
    for (const SceneLine& l : scene.lines) out.line(shapes.at(l.from), shapes.at(l.to), l);

    GVC_t* gvc = graphviz::context();
    graphviz::ErrorCapture errors;
    if (gvLayout(gvc, graph.get(), "nop2") != 0)
        throw model::Error("the picture could not be drawn: " + errors.messages());
    LaidOut laidOut{gvc, graph.get()};
    return graphviz::renderToString(gvc, graph.get(), rendererOf(options.format));
}

} // namespace strawman::exporters
