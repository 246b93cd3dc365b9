#include "map_painter.h"

#include "model/maps/lanes.h"

#include "theme.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <unordered_map>

namespace strawman::editor {

using model::NodeKind;

namespace {

ImVec2 im(Vec2 v) {
    return {static_cast<float>(v.x), static_cast<float>(v.y)};
}
float f(double v) {
    return static_cast<float>(v);
}

// Text smaller than this on screen is noise, not information: skip it. At 4 px
// a fitted demo map (about 45%) still shows its decisions and conditions,
// which a workshop reads as much as the steps.
constexpr float kSmallestReadablePx = 4.0f;
constexpr float kHandleRadius = 5.5f; // pixels, at every zoom

// Sizes in world units (points). At 100% zoom a point is a pixel.
constexpr float kLabelSize = 13.0f;
constexpr float kSmallLabelSize = 11.0f;
constexpr float kMinLabelSize = 8.5f;
constexpr float kCodeSize = 9.5f;
constexpr auto kLaneTitleSize = static_cast<float>(model::kLaneTitleSize);
constexpr float kPadding = 7.0f;

std::size_t utf8CharLength(const char* s) {
    const auto c = static_cast<unsigned char>(*s);
    if (c < 0x80) return 1;
    if ((c >> 5) == 0x6) return 2;
    if ((c >> 4) == 0xE) return 3;
    if ((c >> 3) == 0x1E) return 4;
    return 1;
}

float textWidth(const ImFont* font, float size, const std::string& s) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

struct Wrapped {
    std::vector<std::string> lines;
    bool brokeWord = false; // a word was too long for the width and got cut
};

Wrapped wrap(const ImFont* font, const std::string& text, float size, float maxWidth) {
    Wrapped out;
    const float scale = size / font->FontSize;
    const char* s = text.data();
    const char* end = s + text.size();
    while (s < end) {
        const char* eol = font->CalcWordWrapPositionA(scale, s, end, maxWidth);
        if (eol == s)
            eol = s + std::min<std::size_t>(utf8CharLength(s), static_cast<std::size_t>(end - s));
        if (eol < end && *eol != ' ' && *eol != '\n' && eol > s && eol[-1] != ' ')
            out.brokeWord = true;
        std::string line(s, eol);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.pop_back();
        out.lines.push_back(std::move(line));
        s = eol;
        if (s < end && *s == '\n') ++s;
        while (s < end && *s == ' ') ++s;
    }
    return out;
}

} // namespace

// [SECTION] Text fitting

TextBlock fitText(const ImFont* measure, const std::string& text, float maxWidth, float maxHeight,
                  float preferredSize, float minSize, bool bold) {
    TextBlock block;
    block.bold = bold;
    if (text.empty() || maxWidth <= 0 || maxHeight <= 0) return block;
    for (float size = preferredSize;; size = std::max(minSize, size - 0.5f)) {
        Wrapped w = wrap(measure, text, size, maxWidth);
        float widest = 0;
        for (const auto& line : w.lines) widest = std::max(widest, textWidth(measure, size, line));
        const bool fits = !w.brokeWord && widest <= maxWidth + 0.01f &&
                          size * static_cast<float>(w.lines.size()) <= maxHeight + 0.01f;
        if (!fits && size > minSize) continue;
        if (!fits) {
            // Cut to the lines that fit and say so with an ellipsis.
            const auto keep =
                static_cast<std::size_t>(std::max(1.0f, std::floor(maxHeight / size)));
            if (w.lines.size() > keep) w.lines.resize(keep);
            std::string& last = w.lines.back();
            const std::string ellipsis = "\xE2\x80\xA6";
            while (!last.empty() && textWidth(measure, size, last + ellipsis) > maxWidth) {
                // Drop one whole UTF-8 character from the end.
                std::size_t i = last.size() - 1;
                while (i > 0 && (static_cast<unsigned char>(last[i]) & 0xC0) == 0x80) --i;
                last.erase(i);
            }
            while (!last.empty() && last.back() == ' ') last.pop_back();
            last += ellipsis;
        }
        block.size = size;
        block.lines = std::move(w.lines);
        for (const auto& line : block.lines) block.widths.push_back(textWidth(measure, size, line));
        return block;
    }
}

// [SECTION] Preparing labels

namespace {
// What an activity box says: its own label, else the vocabulary's name for its
// code with a capital letter ("Vetted/justified"), else the bare code.
std::string activityText(const model::Node& node,
                         const std::unordered_map<std::string, std::string>& names) {
    if (!node.label.empty()) return node.label;
    const auto it = names.find(node.activity);
    if (it == names.end() || it->second.empty()) return node.activity;
    std::string text = it->second;
    if (text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}
} // namespace

void MapPainter::prepare(const model::MapContent& map, const MapGeometry& geo,
                         const std::unordered_map<std::string, std::string>& activityNames) {
    m_nodeText.assign(geo.nodes.size(), {});
    m_smallestStepLabel = 0;
    m_laneText.assign(geo.lanes.size(), {});
    for (std::size_t i = 0; i < geo.lanes.size(); ++i)
        m_laneText[i].title = fitText(m_fonts->canvasMeasureFont(true), geo.lanes[i].lane, 1e6f,
                                      kLaneTitleSize + 1, kLaneTitleSize, kLaneTitleSize, true);
    for (std::size_t i = 0; i < geo.nodes.size(); ++i)
        if (const model::Node* node = map.findNode(geo.nodes[i].id))
            prepareNodeText(m_nodeText[i], *node, geo.nodes[i], activityNames);
    prepareEdgeText(map, geo);
}

void MapPainter::prepareNodeText(NodeText& t, const model::Node& node, const NodeGeometry& g,
                                 const std::unordered_map<std::string, std::string>& names) {
    const ImFont* regular = m_fonts->canvasMeasureFont(false);
    const Shape& s = g.shape;
    const auto w = f(2 * s.half.x), h = f(2 * s.half.y);
    t.labelOffset = {};
    switch (g.kind) {
    case NodeKind::Activity:
        prepareActivityText(t, node, s, names);
        break;
    case NodeKind::Decision: {
        // The diamond's inscribed rectangle is half its width and height; a
        // label that will not fit there at a readable size goes above it, as
        // BPMN tools do for gateways.
        t.label = fitText(regular, node.label, w * 0.62f, h * 0.6f, kSmallLabelSize, 9.5f);
        if (!t.label.empty() && t.label.lines.back().ends_with("\xE2\x80\xA6")) {
            t.label = fitText(regular, node.label, 150, 3 * kSmallLabelSize, kSmallLabelSize,
                              kMinLabelSize);
            t.labelOutside = true;
            t.labelOffset = -Vec2{0, s.half.y + 4 + t.label.height() / 2};
        }
        break;
    }
    case NodeKind::Start:
    case NodeKind::End:
        t.label =
            fitText(regular, node.label, 110, 2 * kSmallLabelSize, kSmallLabelSize, kMinLabelSize);
        t.labelOutside = true;
        t.labelOffset = Vec2{0, s.radius() + 4 + t.label.height() / 2};
        break;
    case NodeKind::Parallel:
        t.label =
            fitText(regular, node.label, 120, 2 * kSmallLabelSize, kSmallLabelSize, kMinLabelSize);
        t.labelOutside = true;
        t.labelOffset = -Vec2{0, s.half.y + 4 + t.label.height() / 2};
        break;
    case NodeKind::Note: {
        const float fold = std::min(12.0f, h / 3);
        t.label = fitText(regular, node.label, w - 2 * kPadding - fold / 2, h - 2 * kPadding + 2,
                          kSmallLabelSize, kMinLabelSize);
        break;
    }
    }
}

void MapPainter::prepareActivityText(NodeText& t, const model::Node& node, const Shape& s,
                                     const std::unordered_map<std::string, std::string>& names) {
    const ImFont* regular = m_fonts->canvasMeasureFont(false);
    const ImFont* bold = m_fonts->canvasMeasureFont(true);
    const auto w = f(2 * s.half.x), h = f(2 * s.half.y);
    // A header line for the code (left) and lane (right), then the label
    // centred in what is left, so the three never overlap.
    float header = 0;
    if (!node.activity.empty())
        t.code = fitText(bold, node.activity, w / 2 - kPadding, kCodeSize + 1, kCodeSize, kCodeSize,
                         true);
    if (!node.lane.empty() && m_laneText.empty()) { // else the bands name the roles
        const float codeWidth = t.code.empty() ? 0 : t.code.widths[0] + 6;
        t.lane = fitText(regular, node.lane, w - 2 * kPadding - codeWidth, kCodeSize + 1, kCodeSize,
                         kCodeSize);
    }
    if (!t.code.empty() || !t.lane.empty()) header = kCodeSize + 3;
    const float areaH = h - 2 * kPadding + 2 - header;
    t.label = fitText(regular, activityText(node, names), w - 2 * kPadding, areaH, kLabelSize,
                      kMinLabelSize);
    t.labelOffset = Vec2{0, header / 2};
    if (!t.label.empty())
        m_smallestStepLabel =
            m_smallestStepLabel > 0 ? std::min(m_smallestStepLabel, t.label.size) : t.label.size;
}

void MapPainter::prepareEdgeText(const model::MapContent& map, const MapGeometry& geo) {
    const ImFont* regular = m_fonts->canvasMeasureFont(false);
    std::unordered_map<model::EdgeId, const model::Edge*> edges;
    for (const auto& e : map.edges) edges.emplace(e.id, &e);
    m_edgeText.assign(geo.edges.size(), {});
    for (std::size_t i = 0; i < geo.edges.size(); ++i) {
        const auto it = edges.find(geo.edges[i].id);
        if (it == edges.end() || it->second->label.empty()) continue;
        m_edgeText[i].label = fitText(regular, it->second->label, 120, 3 * kSmallLabelSize,
                                      kSmallLabelSize, kMinLabelSize);
    }
}

// [SECTION] Drawing

void drawRowMarks(ImDrawList& dl, const ReadingFit& wrap) {
    const auto chevron = [&](double x, double y) {
        const float cx = f(x), cy = f(y);
        dl.AddTriangleFilled(ImVec2(cx - 5, cy - 9), ImVec2(cx + 6, cy), ImVec2(cx - 5, cy + 9),
                             colour::textMuted);
    };
    for (std::size_t i = 0; i < wrap.rows.size(); ++i) {
        const ReadingRow& row = wrap.rows[i];
        const double midY = row.view.worldToScreen(row.band.centre()).y;
        if (i + 1 < wrap.rows.size()) chevron(row.view.worldToScreen(row.band.max).x + 10, midY);
        if (i > 0) chevron(row.view.worldToScreen(row.band.min).x - 12, midY);
    }
}

void MapPainter::draw(ImDrawList& dl, const CanvasTransform& view, const MapGeometry& geo,
                      const PaintState& state) const {
    // Edges first so nodes sit on top of where lines meet them; condition
    // labels last so nothing covers them. (The lanes were drawn before.)
    if (!state.arrowsByOverlay) drawEdges(dl, view, geo, state);
    const Rect visible = view.visibleWorld().expanded(200);
    for (std::size_t i = 0; i < geo.nodes.size(); ++i) {
        const NodeGeometry& node = geo.nodes[i];
        if (!visible.contains(node.shape.centre)) continue; // cheap culling for big maps
        static const NodeText none;
        drawNode(dl, view, node, i < m_nodeText.size() ? m_nodeText[i] : none, state);
    }
    drawEdgeLabels(dl, view, geo);
    // Badges and handles last, over everything, so no neighbour hides them.
    for (const NodeGeometry& node : geo.nodes)
        if (visible.contains(node.shape.centre)) drawMarks(dl, view, node, state);
}

namespace {
float strokeWidth(double zoom, double atOne, double minPx, double maxPx) {
    return f(std::clamp(atOne * zoom, minPx, maxPx));
}
} // namespace

void MapPainter::drawLanes(ImDrawList& dl, const CanvasTransform& view,
                           const MapGeometry& geo) const {
    for (std::size_t i = 0; i < geo.lanes.size(); ++i) {
        const LaneGeometry& lane = geo.lanes[i];
        const ImVec2 lo = im(view.worldToScreen(lane.area.min));
        const ImVec2 hi = im(view.worldToScreen(lane.area.max));
        dl.AddRectFilled(lo, hi, colour::laneFill);
        dl.AddRect(lo, hi, colour::laneBorder, 0, 0, strokeWidth(view.zoom(), 1.0, 1.0, 2.0));
        if (i >= m_laneText.size() || m_laneText[i].title.empty()) continue;
        const TextBlock& title = m_laneText[i].title;
        drawText(dl, view, title, lane.titleAt + Vec2{title.widths[0] / 2, 0}, colour::laneTitle);
    }
}

void MapPainter::drawLaneLead(ImDrawList& dl, const CanvasTransform& view, const MapGeometry& geo,
                              const Rect& lead) const {
    if (lead.empty()) return;
    for (std::size_t i = 0; i < geo.lanes.size(); ++i) {
        const LaneGeometry& lane = geo.lanes[i];
        const double top = view.worldToScreen(lane.area.min).y;
        const double bottom = view.worldToScreen(lane.area.max).y;
        const ImVec2 lo(f(lead.min.x), f(top)), hi(f(lead.max.x), f(bottom));
        dl.AddRectFilled(lo, hi, colour::laneFill);
        const float stroke = strokeWidth(view.zoom(), 1.0, 1.0, 2.0);
        dl.AddLine(lo, ImVec2(hi.x, lo.y), colour::laneBorder, stroke);
        dl.AddLine(ImVec2(lo.x, hi.y), hi, colour::laneBorder, stroke);
        dl.AddLine(lo, ImVec2(lo.x, hi.y), colour::laneBorder, stroke);
        if (i >= m_laneText.size() || m_laneText[i].title.empty()) continue;
        // Where the title sits in the first row's column, measured from the
        // band's start, put at the start of the lead.
        const TextBlock& title = m_laneText[i].title;
        const Vec2 at =
            view.screenToWorld({lead.min.x, 0}) +
            Vec2{lane.titleAt.x - lane.area.min.x + title.widths[0] / 2, lane.titleAt.y};
        drawText(dl, view, title, {at.x, lane.titleAt.y}, colour::laneTitle);
    }
}

void MapPainter::drawText(ImDrawList& dl, const CanvasTransform& view, const TextBlock& block,
                          Vec2 worldCentre, ImU32 colour) const {
    if (block.empty()) return;
    const float zoom = f(view.zoom());
    const float px = block.size * zoom;
    if (px < kSmallestReadablePx) return;
    ImFont* font = m_fonts->canvasFont(px, block.bold);
    const Vec2 centre = view.worldToScreen(worldCentre);
    float y = f(centre.y) - block.height() * zoom / 2;
    for (std::size_t i = 0; i < block.lines.size(); ++i) {
        const float x = f(centre.x) - block.widths[i] * zoom / 2;
        // Whole pixels keep small text sharp.
        dl.AddText(font, px, ImVec2(std::round(x), std::round(y)), colour, block.lines[i].data(),
                   block.lines[i].data() + block.lines[i].size());
        y += px;
    }
}

namespace {

void pathBezier(ImDrawList& dl, const CanvasTransform& view, const Bezier& b) {
    dl.PathLineTo(im(view.worldToScreen(b.p0)));
    dl.PathBezierCubicCurveTo(im(view.worldToScreen(b.c1)), im(view.worldToScreen(b.c2)),
                              im(view.worldToScreen(b.p3)));
}

void dottedBezier(ImDrawList& dl, const CanvasTransform& view, const Bezier& b, ImU32 colour,
                  float thickness) {
    // ImGui has no dashed lines: draw every other short piece of the curve.
    const double lengthPx = view.toScreen(distance(b.p0, b.p3) + 1);
    const int pieces = std::clamp(static_cast<int>(lengthPx / 5), 2, 400);
    for (int i = 0; i < pieces; i += 2) {
        const double t0 = static_cast<double>(i) / pieces, t1 = static_cast<double>(i + 1) / pieces;
        dl.AddLine(im(view.worldToScreen(b.at(t0))), im(view.worldToScreen(b.at(t1))), colour,
                   thickness);
    }
}

// A sheet with its top-right corner folded down, `fold` pixels deep.
void drawNoteShape(ImDrawList& dl, ImVec2 lo, ImVec2 hi, float fold, float border) {
    // Clockwise, as ImGui's anti-aliased convex fill wants.
    const ImVec2 outline[] = {lo, ImVec2(hi.x - fold, lo.y), ImVec2(hi.x, lo.y + fold), hi,
                              ImVec2(lo.x, hi.y)};
    dl.AddConvexPolyFilled(outline, 5, colour::noteFill);
    dl.AddPolyline(outline, 5, colour::noteBorder, ImDrawFlags_Closed, border);
    const ImVec2 foldCorner(hi.x - fold, lo.y + fold);
    dl.AddTriangleFilled(ImVec2(hi.x - fold, lo.y), foldCorner, ImVec2(hi.x, lo.y + fold),
                         colour::noteFold);
    dl.AddTriangle(ImVec2(hi.x - fold, lo.y), foldCorner, ImVec2(hi.x, lo.y + fold),
                   colour::noteBorder, border);
}

} // namespace

void MapPainter::drawEdges(ImDrawList& dl, const CanvasTransform& view, const MapGeometry& geo,
                           const PaintState& state) const {
    const double zoom = view.zoom();
    const float normal = strokeWidth(zoom, 1.6, 1.0, 3.5);
    const GeometryStyle style;
    for (const auto& e : geo.edges) {
        if (!e.drawable) continue;
        const bool selected = state.selectedEdges.count(e.id) > 0;
        const bool hovered = state.hoveredEdge == e.id;
        const bool different = state.differentEdges.count(e.id) > 0;
        const float line = state.highContrast ? normal * 1.6f : normal;
        const float thickness = selected || hovered || different ? line + 1.5f : line;
        const ImU32 ink = selected             ? colour::selection
                          : hovered            ? colour::hover
                          : different          ? colour::different
                          : state.highContrast ? colour::edgeStrong
                                               : colour::edge;
        if (e.style == EdgeStyle::Association) {
            dottedBezier(dl, view, e.line, selected ? ink : colour::association, thickness);
            continue;
        }
        if (selected) { // a soft halo, like the nodes' selection glow
            pathBezier(dl, view, e.line);
            dl.PathStroke(colour::selectionGlow, 0, thickness + 6);
        }
        pathBezier(dl, view, e.line);
        dl.PathStroke(ink, 0, thickness);
        // Arrowhead: a slim triangle whose point is exactly on the target's border.
        const Vec2 tip = view.worldToScreen(e.tip);
        const Vec2 dir = e.direction;
        const double len = view.toScreen(style.arrowLength);
        const Vec2 base = tip - dir * len;
        const Vec2 side = perpendicular(dir) * (len * 0.42);
        dl.AddTriangleFilled(im(tip), im(base + side), im(base - side), ink);
    }
}

void MapPainter::drawEdgeLabels(ImDrawList& dl, const CanvasTransform& view,
                                const MapGeometry& geo) const {
    const float zoom = f(view.zoom());
    for (std::size_t i = 0; i < geo.edges.size() && i < m_edgeText.size(); ++i) {
        const TextBlock& label = m_edgeText[i].label;
        if (!geo.edges[i].drawable || label.empty() || label.size * zoom < kSmallestReadablePx)
            continue;
        const Vec2 c = view.worldToScreen(geo.edges[i].labelAt);
        const float w = *std::max_element(label.widths.begin(), label.widths.end()) * zoom;
        const float h = label.height() * zoom;
        const float padX = 4 * zoom, padY = 2 * zoom;
        const ImVec2 a(f(c.x) - w / 2 - padX, f(c.y) - h / 2 - padY);
        const ImVec2 b(f(c.x) + w / 2 + padX, f(c.y) + h / 2 + padY);
        dl.AddRectFilled(a, b, colour::edgeLabelFill, 3 * zoom);
        dl.AddRect(a, b, colour::edgeLabelBorder, 3 * zoom, 0, 1.0f);
        drawText(dl, view, label, geo.edges[i].labelAt, colour::textMuted);
    }
}

void MapPainter::drawNode(ImDrawList& dl, const CanvasTransform& view, const NodeGeometry& node,
                          const NodeText& text, const PaintState& state) const {
    const double zoom = view.zoom();
    const Shape& s = node.shape;
    const Vec2 c = view.worldToScreen(s.centre);
    const Vec2 half = s.half * zoom;
    const bool selected = state.selected.count(node.id) > 0;
    const bool hovered = state.hovered == node.id || state.dropTarget == node.id;
    // One highlight for every kind: the outline's bounding box, a little out.
    const Rect highlight = Rect::around(c, half).expanded(std::clamp(4 * zoom, 3.0, 6.0));
    const float highlightRounding = f(std::clamp(6 * zoom, 3.0, 10.0));
    if (state.differentNodes.count(node.id))
        dl.AddRectFilled(im(highlight.min - Vec2{3, 3}), im(highlight.max + Vec2{3, 3}),
                         colour::differentGlow, highlightRounding + 3);
    if (selected)
        dl.AddRectFilled(im(highlight.min), im(highlight.max), colour::selectionGlow,
                         highlightRounding);

    drawShape(dl, view, node, text, state);
    drawText(dl, view, text.label, s.centre + text.labelOffset, colour::text);
    if (node.kind == NodeKind::Activity && !text.label.empty())
        m_smallestStepPxDrawn = std::min(m_smallestStepPxDrawn, text.label.size * f(view.zoom()));

    if (state.dropTarget == node.id)
        dl.AddRect(im(highlight.min), im(highlight.max),
                   state.dropRefused ? colour::refused : colour::accepted, highlightRounding, 0,
                   2.5f);
    else if (selected || hovered)
        dl.AddRect(im(highlight.min), im(highlight.max),
                   selected ? colour::selection : colour::hover, highlightRounding, 0,
                   selected ? 2.0f : 1.5f);
}

void MapPainter::drawShape(ImDrawList& dl, const CanvasTransform& view, const NodeGeometry& node,
                           const NodeText& text, const PaintState& state) const {
    const double zoom = view.zoom();
    const Shape& s = node.shape;
    const Vec2 c = view.worldToScreen(s.centre);
    const Vec2 half = s.half * zoom;
    const ImVec2 lo = im(c - half), hi = im(c + half);
    const ImVec2 shadow(f(std::clamp(2 * zoom, 1.0, 4.0)), f(std::clamp(3 * zoom, 1.0, 5.0)));
    const auto offset = [&](ImVec2 p) { return ImVec2(p.x + shadow.x, p.y + shadow.y); };
    const float border =
        strokeWidth(zoom, state.highContrast ? 2.5 : 1.5, 1.0, state.highContrast ? 4.5 : 3.0);

    switch (node.kind) {
    case NodeKind::Activity: {
        const float r = f(s.clampedCornerRadius() * zoom);
        dl.AddRectFilled(offset(lo), offset(hi), colour::shadow, r);
        dl.AddRectFilled(lo, hi, colour::activityFill, r);
        dl.AddRect(lo, hi, colour::activityBorder, r, 0, border);
        drawCodeAndLane(dl, view, s, text);
        break;
    }
    case NodeKind::Decision: {
        const ImVec2 top(f(c.x), lo.y), right(hi.x, f(c.y)), bottom(f(c.x), hi.y),
            left(lo.x, f(c.y));
        dl.AddQuadFilled(offset(top), offset(right), offset(bottom), offset(left), colour::shadow);
        dl.AddQuadFilled(top, right, bottom, left, colour::decisionFill);
        dl.AddQuad(top, right, bottom, left, colour::decisionBorder, border);
        break;
    }
    case NodeKind::Start:
    case NodeKind::End: {
        const bool start = node.kind == NodeKind::Start;
        const float r = f(s.radius() * zoom);
        // An end event's thick ring is drawn inside the outline so the arrow
        // still meets the outer edge.
        const float ring = start ? border : strokeWidth(zoom, 4.0, 2.0, 8.0);
        dl.AddCircleFilled(offset(im(c)), r, colour::shadow);
        dl.AddCircleFilled(im(c), r, start ? colour::startFill : colour::endFill);
        dl.AddCircle(im(c), r - ring / 2, start ? colour::startBorder : colour::endBorder, 0, ring);
        break;
    }
    case NodeKind::Parallel:
        dl.AddRectFilled(lo, hi, colour::parallelFill, f(2 * zoom));
        break;
    case NodeKind::Note:
        drawNoteShape(dl, lo, hi, f(std::min(12.0, s.half.y * 2 / 3) * zoom), border);
        break;
    }
}

void MapPainter::drawCodeAndLane(ImDrawList& dl, const CanvasTransform& view, const Shape& s,
                                 const NodeText& text) const {
    const Vec2 topLeft = s.centre - s.half + Vec2{kPadding, kPadding - 2};
    if (!text.code.empty())
        drawText(dl, view, text.code,
                 topLeft + Vec2{text.code.widths[0] / 2, text.code.height() / 2},
                 colour::activityCode);
    if (!text.lane.empty()) {
        const Vec2 topRight{s.centre.x + s.half.x - kPadding, topLeft.y};
        drawText(dl, view, text.lane,
                 topRight + Vec2{-text.lane.widths[0] / 2, text.lane.height() / 2},
                 colour::textMuted);
    }
}

void MapPainter::drawMarks(ImDrawList& dl, const CanvasTransform& view, const NodeGeometry& node,
                           const PaintState& state) const {
    const Shape& s = node.shape;
    if (state.handlesOn == node.id) {
        // Fixed screen size: a handle must be easy to grab at every zoom.
        for (Vec2 p : connectionHandles(s)) {
            const ImVec2 c = im(view.worldToScreen(p));
            dl.AddCircleFilled(c, kHandleRadius, colour::canvas);
            dl.AddCircle(c, kHandleRadius, colour::selection, 0, 2.0f);
        }
    }
    auto problem = state.problems.find(node.id);
    if (problem != state.problems.end() && !state.arrowsByOverlay) {
        // A red disc with "!" at the top-right corner of what is drawn.
        const Vec2 corner = view.worldToScreen(s.centre + Vec2{s.half.x, -s.half.y});
        const float r = 8.0f;
        const ImVec2 c(f(corner.x), f(corner.y));
        dl.AddCircleFilled(c, r + 1.5f, colour::canvas);
        dl.AddCircleFilled(c, r, colour::problem);
        ImFont* font = m_fonts->canvasFont(13, true);
        const char* mark = "!";
        const ImVec2 t = font->CalcTextSizeA(13, FLT_MAX, 0, mark);
        dl.AddText(font, 13, ImVec2(std::round(c.x - t.x / 2), std::round(c.y - t.y / 2)),
                   colour::canvas, mark);
    }
}

} // namespace strawman::editor
