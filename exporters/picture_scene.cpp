// The picture's scene: the canvas's geometry (editor/geometry) turned into
#include "colour_text.h"
// shapes, texts, lines and bands. Type sizes are the canvas's at 100%: labels
// 13 pt, captions and conditions 11 pt, codes 9.5 pt bold (map_painter.cpp).
// Text boxes are measured with DejaVu Sans's advance widths (model::textWidth),
// so where a legend or footer sits does not depend on the renderer.
#include "picture_scene.h"

#include "editor/geometry/diff_overlay.h"
#include "editor/geometry/map_geometry.h"
#include "model/maps/lanes.h"
#include "model/maps/layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <unordered_map>

namespace strawman::exporters {

using editor::Rect;
using editor::Vec2;
using model::NodeKind;
namespace palette = editor::palette;

namespace {

constexpr double kLabelSize = 13;
constexpr double kSmallSize = 11;
constexpr double kCodeSize = 9.5;
constexpr double kBadgeSize = 10;
constexpr double kLineHeight = 1.2; // of the type size
constexpr double kBoldWidth = 1.08; // DejaVu Sans Bold against Book, near enough
constexpr double kMargin = 12;      // between the map and the legend, badges and footer

std::string number(double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.1f", value);
    return text.data();
}

std::string font(std::string_view inner, double size, Rgba colour, bool bold = false) {
    std::string out =
        "<FONT POINT-SIZE=\"" + number(size) + "\" COLOR=\"" + colourText(colour) + "\">";
    out += bold ? "<B>" + std::string(inner) + "</B>" : std::string(inner);
    return out + "</FONT>";
}

std::string joinedLines(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "<BR/>" : "") + htmlText(lines[i]);
    return out;
}

// The box a block of lines needs at a type size, padding included.
Vec2 measure(const std::vector<std::string>& lines, double size, bool bold, Vec2 padding) {
    double width = 0;
    for (const std::string& line : lines)
        width = std::max(width, model::textWidth(line, size) * (bold ? kBoldWidth : 1.0));
    return {std::ceil(width + 2 * padding.x),
            std::ceil(static_cast<double>(lines.size()) * size * kLineHeight + 2 * padding.y)};
}

// A rounded box with text in it: an arrow's condition or traffic, a badge.
SceneText pill(std::string id, std::string kind, Vec2 centre, const std::string& text, double size,
               bool bold, Rgba fill, Rgba border, Rgba ink) {
    SceneText t{std::move(id), std::move(kind), centre, measure({text}, size, bold, {5, 2}), ""};
    t.html = "<TABLE BORDER=\"1\" STYLE=\"rounded\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
             "CELLPADDING=\"1\" BGCOLOR=\"" +
             colourText(fill) + "\" COLOR=\"" + colourText(border) + "\"><TR><TD>" +
             font(htmlText(text), size, ink, bold) + "</TD></TR></TABLE>";
    return t;
}

std::string kindWord(NodeKind kind) {
    switch (kind) {
    case NodeKind::Start:
        return "start";
    case NodeKind::End:
        return "end";
    case NodeKind::Activity:
        return "step";
    case NodeKind::Decision:
        return "decision";
    case NodeKind::Parallel:
        return "bar";
    case NodeKind::Note:
        return "note";
    }
    return "step";
}

std::string displayText(const model::Node& n) {
    if (!n.label.empty()) return n.label;
    if (n.kind == NodeKind::Activity && !n.activity.empty()) return n.activity;
    return n.kind == NodeKind::Activity || n.kind == NodeKind::Note ? n.key : "";
}

// [SECTION] The map's own marks

SceneShape shapeOf(const model::Node& n, const editor::NodeGeometry& g) {
    SceneShape s;
    s.id = "node-" + n.key;
    s.kind = kindWord(n.kind);
    s.centre = g.shape.centre;
    s.size = g.shape.half * 2;
    const std::vector<std::string> lines = model::wrapLabel(displayText(n));
    switch (n.kind) {
    case NodeKind::Start:
    case NodeKind::End: {
        const bool start = n.kind == NodeKind::Start;
        s.shape = "circle";
        s.style = "filled";
        s.fill = start ? palette::startFill : palette::endFill;
        s.border = start ? palette::startBorder : palette::endBorder;
        s.borderWidth = start ? 1.5 : 4; // an end's thick ring, as on the canvas
        const double d = 2 * g.shape.radius();
        s.size = {d, d};
        break;
    }
    case NodeKind::Activity: {
        s.shape = "box";
        s.style = "rounded,filled";
        s.fill = palette::activityFill;
        s.border = palette::activityBorder;
        // The step's words, and under them the activity code the data is
        // matched on, so a printed map says which code each box stands for.
        s.html = font(joinedLines(lines), kLabelSize, palette::text);
        if (!n.activity.empty())
            s.html += "<BR/>" + font(htmlText(n.activity), kCodeSize, palette::activityCode, true);
        break;
    }
    case NodeKind::Decision:
        s.shape = "diamond";
        s.style = "filled";
        s.fill = palette::decisionFill;
        s.border = palette::decisionBorder;
        s.html = font(joinedLines(lines), kSmallSize, palette::text);
        break;
    case NodeKind::Parallel:
        s.shape = "box";
        s.style = "filled";
        s.fill = palette::parallelFill;
        s.border = palette::parallelFill;
        break;
    case NodeKind::Note:
        s.shape = "note";
        s.style = "filled";
        s.fill = palette::noteFill;
        s.border = palette::noteBorder;
        s.html = font(joinedLines(lines), kSmallSize, palette::text);
        break;
    }
    return s;
}

// A start's or end's name under it; a bar's above it (as on the canvas).
void addCaption(Scene& scene, const model::Node& n, const editor::NodeGeometry& g) {
    if (n.label.empty() ||
        (n.kind != NodeKind::Start && n.kind != NodeKind::End && n.kind != NodeKind::Parallel))
        return;
    const std::vector<std::string> lines = model::wrapLabel(n.label);
    const Vec2 size = measure(lines, kSmallSize, false, {2, 1});
    const double offset = (n.kind == NodeKind::Parallel ? -(g.shape.half.y + 4 + size.y / 2)
                                                        : g.shape.radius() + 4 + size.y / 2);
    scene.texts.push_back({"caption-" + n.key, "caption", g.shape.centre + Vec2{0, offset}, size,
                           font(joinedLines(lines), kSmallSize, palette::text)});
}

std::vector<Vec2> splinePoints(const editor::Bezier& b) {
    return {b.p0, b.c1, b.c2, b.p3};
}

void addMapLines(Scene& scene, const model::MapContent& map, const editor::MapGeometry& geo) {
    std::unordered_map<model::EdgeId, const model::Edge*> edges;
    for (const model::Edge& e : map.edges) edges.emplace(e.id, &e);
    for (const editor::EdgeGeometry& e : geo.edges) {
        if (!e.drawable) continue;
        const model::Edge& edge = *edges.at(e.id);
        const std::string id = map.nodes[e.from].key + "-" + map.nodes[e.to].key;
        SceneLine line{"edge-" + id, "flow", e.from,        e.to, splinePoints(e.line),
                       true,         e.tip,  palette::edge, 1.5,  ""};
        if (e.style == editor::EdgeStyle::Association) {
            line.kind = "association";
            line.arrowhead = false;
            line.colour = palette::association;
            line.dash = "dotted";
            // The line stops where an arrowhead would begin: run it on to the shape.
            line.points.insert(line.points.end(), {e.line.p3, e.tip, e.tip});
        }
        scene.lines.push_back(std::move(line));
        if (!edge.label.empty())
            scene.texts.push_back(pill("condition-" + id, "condition", e.labelAt, edge.label,
                                       kSmallSize, false, palette::edgeLabelFill,
                                       palette::edgeLabelBorder, palette::text));
    }
}

// [SECTION] The diff drawn over the map

void addOverlay(Scene& scene, const model::MapContent& map, const editor::MapGeometry& geo,
                const editor::DiffOverlay& overlay) {
    // The map's lines, one per drawable geometry edge, in order: restyle each.
    std::size_t lineIndex = 0;
    for (std::size_t i = 0; i < geo.edges.size(); ++i) {
        if (!geo.edges[i].drawable) continue;
        SceneLine& line = scene.lines[lineIndex++];
        const editor::ArrowOverlay& a = overlay.arrows[i];
        if (a.meaning == editor::OverlayMeaning::Taken) {
            line.kind = "taken";
            line.colour = palette::overlayTaken;
            line.width = a.width;
            line.points = splinePoints(a.line);
            scene.texts.push_back(pill(line.id + "-traffic", "traffic", a.labelAt, a.label,
                                       kSmallSize, false, palette::edgeLabelFill,
                                       palette::edgeLabelBorder, palette::text));
        } else if (a.meaning == editor::OverlayMeaning::NeverTaken) {
            line.kind = "never-taken";
            line.colour = palette::overlayNeverTaken;
            line.dash = "dotted";
        }
    }
    for (std::size_t k = 0; k < overlay.extraArrows.size(); ++k) {
        const editor::ExtraArrow& x = overlay.extraArrows[k];
        if (!x.route.drawable) continue;
        const std::string id = "not-drawn-" + (x.from.empty() ? "start" : x.from) + "-" +
                               (x.to.empty() ? "end" : x.to);
        scene.lines.push_back({id, "not-drawn", x.route.from, x.route.to,
                               splinePoints(x.route.line), true, x.route.tip,
                               palette::overlayNotDrawn, x.width, "dashed"});
        scene.texts.push_back(pill(id + "-traffic", "not-drawn-traffic", x.labelAt, x.label,
                                   kSmallSize, false, palette::edgeLabelFill,
                                   palette::overlayNotDrawnBorder, palette::overlayNotDrawnText));
    }
    // Skip and extra badges: a row ending at the step's top-right corner.
    for (const editor::ActivityBadges& b : overlay.badges) {
        double right = b.corner.x;
        const std::array<std::pair<bool, const std::string*>, 2> texts{
            {{b.showInserted, &b.insertedText}, {b.showSkipped, &b.skippedText}}};
        for (std::size_t k = 0; k < texts.size(); ++k) {
            if (!texts[k].first) continue;
            const bool inserted = k == 0;
            SceneText t =
                pill(std::string(inserted ? "inserted-" : "skipped-") + map.nodes[b.node].key,
                     inserted ? "inserted" : "skipped", {}, *texts[k].second, kBadgeSize, true,
                     inserted ? palette::badgeExtraFill : palette::badgeSkippedFill,
                     inserted ? palette::badgeExtraBorder : palette::badgeSkippedBorder,
                     inserted ? palette::badgeExtraText : palette::badgeSkippedText);
            t.centre = {right - t.size.x / 2, b.corner.y - 3 - t.size.y / 2};
            right -= t.size.x + 4;
            scene.texts.push_back(std::move(t));
        }
    }
}

// The legend: what the marks mean, under the map at its left.
SceneText legendOf(const editor::DiffOverlay& overlay, const PictureOptions& options, Vec2 at) {
    std::vector<std::string> lines{options.diffHeading};
    std::string rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">" +
                       font(htmlText(options.diffHeading), kSmallSize, palette::text, true) +
                       "</TD></TR>";
    for (const editor::LegendEntry& e : overlay.legend) {
        std::string sample;
        switch (e.meaning) {
        case editor::OverlayMeaning::Taken:
            sample = e.width > 0 ? "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"30\" HEIGHT=\"" +
                                       number(std::max(1.0, e.width)) + "\" BGCOLOR=\"" +
                                       colourText(palette::overlayTaken) + "\"></TD>"
                                 : "<TD BORDER=\"1\" COLOR=\"" +
                                       colourText(palette::edgeLabelBorder) + "\"> </TD>";
            break;
        case editor::OverlayMeaning::NeverTaken:
            sample = "<TD>" +
                     font("\xC2\xB7 \xC2\xB7 \xC2\xB7 \xE2\x96\xB8", kSmallSize,
                          palette::overlayNeverTaken, true) +
                     "</TD>";
            break;
        case editor::OverlayMeaning::NotDrawn:
            sample = "<TD>" +
                     font("\xE2\x80\x93 \xE2\x80\x93 \xE2\x96\xB6", kSmallSize,
                          palette::overlayNotDrawn, true) +
                     "</TD>";
            break;
        case editor::OverlayMeaning::Skipped:
        case editor::OverlayMeaning::Inserted: {
            const bool skipped = e.meaning == editor::OverlayMeaning::Skipped;
            sample = "<TD BORDER=\"1\" BGCOLOR=\"" +
                     colourText(skipped ? palette::badgeSkippedFill : palette::badgeExtraFill) +
                     "\" COLOR=\"" +
                     colourText(skipped ? palette::badgeSkippedBorder : palette::badgeExtraBorder) +
                     "\"> </TD>";
            break;
        }
        case editor::OverlayMeaning::Unmeasured:
            sample = "<TD></TD>";
            break;
        }
        rows += "<TR>" + sample + "<TD ALIGN=\"LEFT\">" +
                font(htmlText(e.text), kSmallSize, palette::text) + "</TD></TR>";
        lines.push_back(e.text);
    }
    // Steps with an activity the map does not have cannot be drawn: say so.
    const std::size_t listed = std::min<std::size_t>(overlay.offMap.size(), 5);
    if (listed) {
        rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">" +
                font("Not on the map:", kSmallSize, palette::text, true) + "</TD></TR>";
        lines.emplace_back("Not on the map:");
        for (std::size_t i = 0; i < listed; ++i) {
            rows += "<TR><TD></TD><TD ALIGN=\"LEFT\">" +
                    font(htmlText(overlay.offMap[i].text), kSmallSize, palette::text) +
                    "</TD></TR>";
            lines.push_back(overlay.offMap[i].text);
        }
    }
    // The text, with the sample column (30 points and the cells' spacing) beside it.
    SceneText t{"legend", "legend", {}, measure(lines, kSmallSize, true, {8, 6}), ""};
    t.size.x += 36;
    t.size.y += 3 * static_cast<double>(lines.size() + 1);
    t.html = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"0\" "
             "BGCOLOR=\"" +
             colourText(palette::overlayLegendFill) + "\" COLOR=\"" +
             colourText(palette::overlayLegendBorder) + "\">" + rows + "</TABLE>";
    t.centre = at + t.size / 2;
    return t;
}

Rect boundsOf(const Scene& scene) {
    Rect r;
    for (const SceneBand& b : scene.bands) {
        r.add(b.area.min);
        r.add(b.area.max);
    }
    for (const SceneShape& s : scene.shapes) {
        r.add(s.centre - s.size / 2);
        r.add(s.centre + s.size / 2);
    }
    for (const SceneText& t : scene.texts) {
        r.add(t.centre - t.size / 2);
        r.add(t.centre + t.size / 2);
    }
    for (const SceneLine& l : scene.lines) {
        for (const Vec2& p : l.points) r.add(p);
        r.add(l.tip);
    }
    return r;
}

void addBands(Scene& scene, const model::MapContent& map, const editor::MapGeometry& geo) {
    const auto flow = geo.flow == editor::Flow::LeftRight ? model::LayoutDirection::LeftRight
                                                          : model::LayoutDirection::TopBottom;
    for (const model::LaneBand& b : model::laneBands(map, flow)) {
        SceneBand band{b.lane, {}, {b.titleX, b.titleY}, b.nodes};
        band.area.add({b.left, b.top});
        band.area.add({b.right, b.bottom});
        scene.bands.push_back(std::move(band));
    }
}

// Standard badges: a row above the map, and each step's above its top-left corner.
void addBadges(Scene& scene, const model::MapContent& map, const editor::MapGeometry& geo,
               const PictureOptions& options) {
    double x = scene.bounds.min.x;
    const double y = scene.bounds.min.y - kMargin;
    std::unordered_map<std::string, double> stepRow; // node key -> next badge's left
    for (std::size_t k = 0; k < options.badges.size(); ++k) {
        const PictureBadge& b = options.badges[k];
        const std::string id = "standard-" + std::to_string(k + 1);
        SceneText t = pill(id, b.kept ? "standard-kept" : "standard-moved", {}, b.text, kBadgeSize,
                           true, b.kept ? palette::badgeAgreedFill : palette::badgeMovedFill,
                           b.kept ? palette::badgeAgreedBorder : palette::badgeMovedBorder,
                           b.kept ? palette::badgeAgreedText : palette::badgeMovedText);
        if (b.activity.empty()) {
            t.centre = {x + t.size.x / 2, y - t.size.y / 2};
            x += t.size.x + 6;
            scene.texts.push_back(std::move(t));
            continue;
        }
        for (std::size_t i = 0; i < map.nodes.size(); ++i) {
            if (map.nodes[i].activity != b.activity) continue;
            const Rect shape = geo.nodes[i].shape.bounds();
            auto [at, added] = stepRow.try_emplace(map.nodes[i].key, shape.min.x);
            SceneText placed = t;
            placed.id += "-" + map.nodes[i].key;
            // Above the diff's skip and extra badges when the step has them.
            const bool diffBadges =
                std::any_of(scene.texts.begin(), scene.texts.end(), [&](const SceneText& other) {
                    return other.id == "skipped-" + map.nodes[i].key ||
                           other.id == "inserted-" + map.nodes[i].key;
                });
            const double lift = diffBadges ? t.size.y + 3 : 0;
            placed.centre = {at->second + t.size.x / 2, shape.min.y - 3 - lift - t.size.y / 2};
            at->second += t.size.x + 4;
            scene.texts.push_back(std::move(placed));
        }
    }
}

} // namespace

Scene buildScene(const model::MapContent& map, const PictureOptions& options) {
    const editor::MapGeometry geo = editor::buildMapGeometry(map);
    Scene scene;
    scene.shapes.reserve(map.nodes.size());
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        scene.shapes.push_back(shapeOf(map.nodes[i], geo.nodes[i]));
        addCaption(scene, map.nodes[i], geo.nodes[i]);
    }
    addBands(scene, map, geo);
    addMapLines(scene, map, geo);
    std::optional<editor::DiffOverlay> overlay;
    if (options.diff) {
        overlay = editor::buildDiffOverlay(map, geo, *options.diff);
        addOverlay(scene, map, geo, *overlay);
    }
    scene.bounds = boundsOf(scene);
    if (!options.badges.empty()) {
        addBadges(scene, map, geo, options);
        scene.bounds = boundsOf(scene);
    }
    double below = scene.bounds.max.y + kMargin;
    if (overlay) {
        SceneText legend = legendOf(*overlay, options, {scene.bounds.min.x, below});
        below += legend.size.y + kMargin;
        scene.texts.push_back(std::move(legend));
    }
    if (!options.footer.empty()) {
        std::string html;
        for (std::size_t i = 0; i < options.footer.size(); ++i)
            html += (i ? "<BR ALIGN=\"LEFT\"/>" : "") +
                    font(htmlText(options.footer[i]), kSmallSize, palette::textMuted);
        html += "<BR ALIGN=\"LEFT\"/>";
        SceneText footer{
            "footer", "footer", {}, measure(options.footer, kSmallSize, false, {2, 2}), html};
        footer.centre = Vec2{scene.bounds.min.x, below} + footer.size / 2;
        scene.texts.push_back(std::move(footer));
    }
    scene.bounds = boundsOf(scene);
    return scene;
}

} // namespace strawman::exporters
