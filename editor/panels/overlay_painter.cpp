#include "overlay_painter.h"

#include "im_vec.h"
#include "theme.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <span>
#include <vector>

namespace strawman::editor {

namespace {

float f(double v) {
    return static_cast<float>(v);
}

// The same threshold as the map's own text (map_painter.cpp): smaller than this
// on screen, a label is noise, not information.
constexpr float kSmallestReadablePx = 4.0f;

// Sizes in world units (points), so labels and badges scale with the map.
constexpr float kLabelSize = OverlayPainter::kPillTextSize;
constexpr float kBadgeSize = 10.0f;

// Everything off a chosen variant's path keeps this much of its opacity: still
// there to place the path in the map, no longer competing with it.
constexpr float kFaded = 0.22f;

ImU32 faded(ImU32 colour, float alpha) {
    if (alpha >= 1.0f) return colour;
    const auto a = static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF);
    const auto scaled = static_cast<ImU32>(std::lround(a * alpha));
    return (colour & ~IM_COL32_A_MASK) | (scaled << IM_COL32_A_SHIFT);
}

// The map's own lines, for arrows the diff has nothing to say about (to and
// from notes, drawn after the diff ran): as map_painter.cpp strokes them.
float mapLinePx(double zoom) {
    return f(std::clamp(1.6 * zoom, 1.0, 3.5));
}

bool inPath(const std::vector<std::size_t>& sortedIndices, std::size_t i) {
    return std::binary_search(sortedIndices.begin(), sortedIndices.end(), i);
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
}

// Whether any of an arrow can be on screen: a cubic Bezier stays inside the box
// of its control points; the tip and `reach` (half the width and the head,
// world units) cover the rest.
bool onScreen(const Bezier& line, Vec2 tip, double reach, const Rect& visibleWorld) {
    Rect box;
    for (const Vec2 p : {line.p0, line.c1, line.c2, line.p3, tip}) box.add(p);
    return overlaps(box.expanded(reach), visibleWorld);
}

// [SECTION] Dashes

// Dots for "drawn, never taken": short and close, a rumour of a line. Dashes
// for "done, not drawn": long enough to read as a line that is there, with gaps
// that say it is not on the drawing. Pixels, growing with the line's width.
struct DashLengths {
    float on, off;
};
DashLengths dotted(float width) {
    return {1.5f + width, 2.0f + 1.5f * width};
}
DashLengths dashed(float width) {
    return {6.0f + 1.5f * width, 4.0f + 0.8f * width};
}

// Hands out alternate pieces of a polyline by screen length, so dashes are
// even along a curve however its control points are spaced, and keep their
// size as the map zooms (growing only with the line's drawn width). Each dash
// is one stroked path on the draw list.
class Dasher {
  public:
    Dasher(ImDrawList& dl, DashLengths lengths, ImU32 colour, float width)
        : m_dl(dl), m_on(lengths.on), m_off(lengths.off), m_colour(colour), m_width(width),
          m_left(lengths.on) {}

    void start(ImVec2 p) {
        m_dl.PathClear();
        m_dl.PathLineTo(p);
        m_last = p;
    }
    void lineTo(ImVec2 p) {
        const float dx = p.x - m_last.x, dy = p.y - m_last.y;
        const float length = std::sqrt(dx * dx + dy * dy);
        float used = 0;
        while (length - used > m_left) {
            used += m_left;
            const ImVec2 q(m_last.x + dx * used / length, m_last.y + dy * used / length);
            m_dl.PathLineTo(q);
            if (m_dash) m_dl.PathStroke(m_colour, 0, m_width); // ends the dash, clears the path
            m_dash = !m_dash;
            m_left = m_dash ? m_on : m_off;
        }
        m_left -= length - used;
        if (m_dash) m_dl.PathLineToMergeDuplicate(p);
        m_last = p;
    }
    void finish() {
        if (m_dash) m_dl.PathStroke(m_colour, 0, m_width);
        m_dl.PathClear();
    }

  private:
    ImDrawList& m_dl;
    float m_on, m_off;
    ImU32 m_colour;
    float m_width;
    float m_left;
    bool m_dash = true;
    ImVec2 m_last;
};

Bezier toScreen(const CanvasTransform& view, const Bezier& b) {
    // The transform is a scale and a shift, so the curve's image is the curve
    // of its control points' images.
    return {view.worldToScreen(b.p0), view.worldToScreen(b.c1), view.worldToScreen(b.c2),
            view.worldToScreen(b.p3)};
}

// A curve in pieces of about 6 pixels, a few dozen at most: close enough to
// the curve for dashes, at any length.
int piecesFor(const Bezier& screen) {
    const double polygon = distance(screen.p0, screen.c1) + distance(screen.c1, screen.c2) +
                           distance(screen.c2, screen.p3);
    return std::clamp(static_cast<int>(polygon / 6), 3, 48);
}

void dashCurve(Dasher& dasher, const Bezier& screen) {
    dasher.start(im(screen.p0));
    const int pieces = piecesFor(screen);
    for (int k = 1; k <= pieces; ++k) dasher.lineTo(im(screen.at(static_cast<double>(k) / pieces)));
}

// [SECTION] Arrows

enum class Pattern { Solid, Dashed, Dotted };

struct Stroke {
    ImU32 colour = 0;
    float width = 1; // pixels
    Pattern pattern = Pattern::Solid;
    double headLength = 0; // world units, where the line stops short of the tip; 0: no head
};

// One arrow: the line up to where its head begins, then the head. A line held
// thinner than its world width gets a head to match, and the line runs on
// straight to that smaller head's base.
void strokeArrow(ImDrawList& dl, const CanvasTransform& view, const Bezier& line, Vec2 tip,
                 Vec2 direction, const Stroke& s) {
    const Bezier screen = toScreen(view, line);
    const double headRoom = view.toScreen(s.headLength); // line end to tip
    const double headPx =
        s.headLength > 0
            ? std::min(headRoom, std::max(view.toScreen(OverlayStyle{}.arrowLength), 2.0 * s.width))
            : 0;
    const Vec2 tipPx = view.worldToScreen(tip);
    const Vec2 base = tipPx - direction * headPx;
    const bool runOn = s.headLength > 0 && headRoom - headPx > 0.5;

    if (s.pattern == Pattern::Solid) {
        dl.PathLineTo(im(screen.p0));
        dl.PathBezierCubicCurveTo(im(screen.c1), im(screen.c2), im(screen.p3));
        if (runOn) dl.PathLineTo(im(base));
        dl.PathStroke(s.colour, 0, s.width);
    } else {
        Dasher dasher(dl, s.pattern == Pattern::Dotted ? dotted(s.width) : dashed(s.width),
                      s.colour, s.width);
        dashCurve(dasher, screen);
        if (runOn) dasher.lineTo(im(base));
        dasher.finish();
    }
    if (headPx <= 0) return;
    // A slim triangle whose point is on the target's border, always wider
    // than the line it ends.
    const Vec2 side = perpendicular(direction) * std::max(headPx * 0.42, s.width * 0.85);
    dl.AddTriangleFilled(im(tipPx), im(base + side), im(base - side), s.colour);
}

float trafficPx(double width, double zoom) {
    return f(std::clamp(width * zoom, OverlayPainter::kThinnestPx, OverlayPainter::kThickestPx));
}

// How a drawn arrow is stroked, by what the diff says about it.
Stroke drawnStroke(const ArrowOverlay& a, const EdgeGeometry& g, double zoom, bool onVariant,
                   float alpha) {
    Stroke s;
    if (g.style == EdgeStyle::Association) {
        s = {colour::association, mapLinePx(zoom), Pattern::Dotted, 0};
    } else {
        switch (a.meaning) {
        case OverlayMeaning::Taken:
            s = {colour::overlayTaken, trafficPx(a.width, zoom), Pattern::Solid, a.headLength};
            if (onVariant) {
                s.colour = colour::overlayVariant;
                s.width = std::max(s.width, f(OverlayPainter::kVariantPathPx));
            }
            break;
        case OverlayMeaning::NeverTaken:
            // Thin at every zoom: it carries nothing.
            s = {colour::overlayNeverTaken, f(std::clamp(a.width * zoom, 1.0, 2.5)),
                 Pattern::Dotted, a.headLength};
            break;
        default:
            s = {colour::edge, mapLinePx(zoom), Pattern::Solid, a.headLength};
            break;
        }
    }
    s.colour = faded(s.colour, alpha);
    return s;
}

Stroke extraStroke(const ExtraArrow& x, double zoom, bool onVariant, float alpha) {
    Stroke s{colour::overlayNotDrawn, trafficPx(x.width, zoom), Pattern::Dashed, x.headLength};
    if (onVariant) s.width = std::max(s.width, f(OverlayPainter::kVariantPathPx));
    s.colour = faded(s.colour, alpha);
    return s;
}

// Which of the overlay's marks one pass paints: all of them, or with a variant
// chosen, either everything off its path (faded) or its path.
struct Layer {
    const VariantPath* variant = nullptr;
    bool path = true;

    bool arrow(std::size_t i) const { return !variant || inPath(variant->arrows, i) == path; }
    bool extra(std::size_t i) const { return !variant || inPath(variant->extraArrows, i) == path; }
    bool highlighted() const { return variant && path; }
    float alpha() const { return variant && !path ? kFaded : 1.0f; }
};

// The passes for a highlight: one for everything, or with a variant chosen,
// everything else first (faded) and its path on top.
class Layers {
  public:
    explicit Layers(const OverlayHighlight& highlight) {
        const VariantPath* variant = highlight.variant ? &*highlight.variant : nullptr;
        m_layers[0] = {variant, false};
        m_layers[1] = {variant, true};
    }
    std::span<const Layer> passes() const {
        return m_layers[0].variant ? std::span<const Layer>(m_layers) : std::span(m_layers + 1, 1);
    }

  private:
    Layer m_layers[2];
};

} // namespace

void OverlayPainter::drawArrows(ImDrawList& dl, const CanvasTransform& view, const MapGeometry& geo,
                                const DiffOverlay& overlay,
                                const OverlayHighlight& highlight) const {
    const double zoom = view.zoom();
    const Rect visible = view.visibleWorld();
    // A line held at its thinnest pixel width may reach past its world width.
    const double slack = 2 / zoom;
    const std::size_t drawn = std::min(geo.edges.size(), overlay.arrows.size());
    const Layers layers(highlight);
    for (const Layer& layer : layers.passes()) {
        const float alpha = layer.alpha();
        for (std::size_t i = 0; i < drawn; ++i) {
            const EdgeGeometry& g = geo.edges[i];
            const ArrowOverlay& a = overlay.arrows[i];
            if (!g.drawable || !layer.arrow(i)) continue;
            if (!onScreen(a.line, g.tip, a.width / 2 + a.headLength + slack, visible)) continue;
            strokeArrow(dl, view, a.line, g.tip, g.direction,
                        drawnStroke(a, g, zoom, layer.highlighted(), alpha));
        }
        // Steps not drawn go over the map's lines: they are what the diff is for.
        for (std::size_t i = 0; i < overlay.extraArrows.size(); ++i) {
            const ExtraArrow& x = overlay.extraArrows[i];
            const EdgeGeometry& r = x.route;
            if (!r.drawable || !layer.extra(i)) continue;
            if (!onScreen(r.line, r.tip, x.width / 2 + x.headLength + slack, visible)) continue;
            strokeArrow(dl, view, r.line, r.tip, r.direction,
                        extraStroke(x, zoom, layer.highlighted(), alpha));
        }
    }
}

void OverlayPainter::drawLabels(ImDrawList& dl, const CanvasTransform& view, const MapGeometry& geo,
                                const DiffOverlay& overlay,
                                const OverlayHighlight& highlight) const {
    if (kLabelSize * f(view.zoom()) < kSmallestReadablePx) return;
    const Rect visible = view.visibleWorld().expanded(120); // a label's reach from its centre
    const std::size_t drawn = std::min(geo.edges.size(), overlay.arrows.size());
    const Layers layers(highlight);
    for (const Layer& layer : layers.passes()) {
        const float alpha = layer.alpha();
        for (std::size_t i = 0; i < drawn; ++i) {
            const ArrowOverlay& a = overlay.arrows[i];
            if (a.label.empty() || !geo.edges[i].drawable || !layer.arrow(i) ||
                !visible.contains(a.labelAt))
                continue;
            drawLabel(dl, view, a.label, a.labelAt, colour::text, colour::edgeLabelBorder, alpha);
        }
        for (std::size_t i = 0; i < overlay.extraArrows.size(); ++i) {
            const ExtraArrow& x = overlay.extraArrows[i];
            if (x.label.empty() || !x.route.drawable || !layer.extra(i) ||
                !visible.contains(x.labelAt))
                continue;
            drawLabel(dl, view, x.label, x.labelAt, colour::overlayNotDrawnText,
                      colour::overlayNotDrawnBorder, alpha);
        }
    }
}

void OverlayPainter::drawLabel(ImDrawList& dl, const CanvasTransform& view, const std::string& text,
                               Vec2 worldCentre, ImU32 textColour, ImU32 border,
                               float alpha) const {
    // Measured in world units with the canvas's measuring font, as the map's
    // own labels are, so the pill keeps its proportions at every zoom.
    const float zoom = f(view.zoom());
    const float px = kLabelSize * zoom;
    const char* begin = text.data();
    const char* end = begin + text.size();
    const float w =
        m_fonts->canvasMeasureFont(false)->CalcTextSizeA(kLabelSize, FLT_MAX, 0, begin, end).x *
        zoom;
    const Vec2 c = view.worldToScreen(worldCentre);
    const float padX = 4 * zoom, padY = 2 * zoom;
    const ImVec2 a(f(c.x) - w / 2 - padX, f(c.y) - px / 2 - padY);
    const ImVec2 b(f(c.x) + w / 2 + padX, f(c.y) + px / 2 + padY);
    dl.AddRectFilled(a, b, faded(colour::edgeLabelFill, alpha), 3 * zoom);
    dl.AddRect(a, b, faded(border, alpha), 3 * zoom, 0, 1.0f);
    // Whole pixels keep small text sharp.
    dl.AddText(m_fonts->canvasFont(px, false), px,
               ImVec2(std::round(f(c.x) - w / 2), std::round(f(c.y) - px / 2)),
               faded(textColour, alpha), begin, end);
}

// [SECTION] Badges

namespace {

struct BadgeInk {
    ImU32 fill, border, text;
};
constexpr BadgeInk kSkippedInk{colour::badgeSkippedFill, colour::badgeSkippedBorder,
                               colour::badgeSkippedText};
constexpr BadgeInk kExtraInk{colour::badgeExtraFill, colour::badgeExtraBorder,
                             colour::badgeExtraText};

// Badge sizes, world units.
constexpr float kBadgePadX = 5, kBadgePadY = 2, kBadgeGap = 4, kBadgeLift = 4;

} // namespace

void OverlayPainter::drawBadges(ImDrawList& dl, const CanvasTransform& view, const MapGeometry& geo,
                                const DiffOverlay& overlay,
                                const OverlayHighlight& highlight) const {
    const float zoom = f(view.zoom());
    const float px = kBadgeSize * zoom;
    const bool readable = px >= kSmallestReadablePx;
    const float h = (kBadgeSize + 2 * kBadgePadY) * zoom;
    if (h < 2) return; // specks, not marks
    const ImFont* measure = m_fonts->canvasMeasureFont(true);
    ImFont* font = m_fonts->canvasFont(px, true);
    const Rect visible = view.visibleWorld().expanded(300);
    const VariantPath* variant = highlight.variant ? &*highlight.variant : nullptr;

    for (const ActivityBadges& b : overlay.badges) {
        if (!b.showSkipped && !b.showInserted) continue;
        if (b.node >= geo.nodes.size() || !visible.contains(b.corner)) continue;
        const float alpha = variant && !inPath(variant->nodes, b.node) ? kFaded : 1.0f;
        const std::string* texts[2] = {b.showSkipped ? &b.skippedText : nullptr,
                                       b.showInserted ? &b.insertedText : nullptr};
        const BadgeInk* inks[2] = {&kSkippedInk, &kExtraInk};
        float widths[2] = {0, 0};
        float total = 0;
        for (int k = 0; k < 2; ++k) {
            if (!texts[k]) continue;
            const std::string& t = *texts[k];
            widths[k] =
                (measure->CalcTextSizeA(kBadgeSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x +
                 2 * kBadgePadX) *
                zoom;
            total += widths[k] + (total > 0 ? kBadgeGap * zoom : 0);
        }
        // A row ending at the corner, just above the shape, read left to right.
        const Vec2 corner = view.worldToScreen(b.corner);
        const float bottom = f(corner.y) - kBadgeLift * zoom;
        float x = f(corner.x) - total;
        for (int k = 0; k < 2; ++k) {
            if (!texts[k]) continue;
            const ImVec2 lo(x, bottom - h), hi(x + widths[k], bottom);
            dl.AddRectFilled(lo, hi, faded(inks[k]->fill, alpha), h / 2);
            dl.AddRect(lo, hi, faded(inks[k]->border, alpha), h / 2, 0, 1.0f);
            if (readable) {
                const std::string& t = *texts[k];
                dl.AddText(font, px,
                           ImVec2(std::round(x + kBadgePadX * zoom),
                                  std::round(bottom - h + kBadgePadY * zoom)),
                           faded(inks[k]->text, alpha), t.data(), t.data() + t.size());
            }
            x += widths[k] + kBadgeGap * zoom;
        }
    }
}

// [SECTION] Legend

namespace {

// The line, dashes or pill that stands for one legend entry, `width` wide from
// `x` on the line through `mid`; `em` is the legend's type size.
void drawLegendSample(ImDrawList& dl, const LegendEntry& e, float x, float mid, float width,
                      float em) {
    const ImVec2 from(x, mid), to(x + width, mid);
    switch (e.meaning) {
    case OverlayMeaning::Taken:
        if (e.width > 0) {
            // At the width the arrow has at 100%: what thin and thick mean.
            dl.AddLine(from, to, colour::overlayTaken, trafficPx(e.width, 1.0));
        } else { // the label's pill
            const ImVec2 a(x + 0.15f * width, mid - 0.4f * em),
                b(x + 0.85f * width, mid + 0.4f * em);
            dl.AddRectFilled(a, b, colour::edgeLabelFill, 3);
            dl.AddRect(a, b, colour::edgeLabelBorder, 3, 0, 1.0f);
        }
        break;
    case OverlayMeaning::NeverTaken:
    case OverlayMeaning::NotDrawn: {
        const bool never = e.meaning == OverlayMeaning::NeverTaken;
        const ImU32 ink = never ? colour::overlayNeverTaken : colour::overlayNotDrawn;
        const float w = never ? 1.5f : 2.0f;
        Dasher dasher(dl, never ? dotted(w) : dashed(w), ink, w);
        dasher.start(from);
        dasher.lineTo(ImVec2(to.x - 6, mid));
        dasher.finish();
        dl.AddTriangleFilled(to, ImVec2(to.x - 7, mid - 3.5f), ImVec2(to.x - 7, mid + 3.5f), ink);
        break;
    }
    case OverlayMeaning::Skipped:
    case OverlayMeaning::Inserted: {
        const BadgeInk& ink = e.meaning == OverlayMeaning::Skipped ? kSkippedInk : kExtraInk;
        const float r = 0.4f * em;
        const ImVec2 a(x + 0.1f * width, mid - r), b(x + 0.9f * width, mid + r);
        dl.AddRectFilled(a, b, ink.fill, r);
        dl.AddRect(a, b, ink.border, r, 0, 1.0f);
        break;
    }
    case OverlayMeaning::Unmeasured:
        dl.AddLine(from, to, colour::edge, 1.6f);
        break;
    }
}

// The title line's fold marker: a triangle pointing right when folded, down
// when open, as ImGui's tree nodes.
void drawFoldMarker(ImDrawList& dl, float cx, float cy, float size, bool folded) {
    if (folded)
        dl.AddTriangleFilled(ImVec2(cx - size * 0.6f, cy - size),
                             ImVec2(cx - size * 0.6f, cy + size), ImVec2(cx + size, cy),
                             colour::text);
    else
        dl.AddTriangleFilled(ImVec2(cx - size, cy - size * 0.6f),
                             ImVec2(cx + size, cy - size * 0.6f), ImVec2(cx, cy + size),
                             colour::text);
}

} // namespace

OverlayPainter::LegendPlace OverlayPainter::drawLegend(ImDrawList& dl, const Rect& viewport,
                                                       const DiffOverlay& overlay,
                                                       const std::string& title,
                                                       bool folded) const {
    // A step smaller than the panels' type (never under 12 px), so workshop mode
    // enlarges it with them while it keeps to a corner of the map.
    const float em = std::max(12.0f, std::round(0.8f * ImGui::GetFontSize()));
    ImFont* font = m_fonts->ui;
    ImFont* bold = m_fonts->uiBold;
    const float pad = std::round(0.5f * em), row = std::round(1.3f * em);
    const float sampleW = std::round(2.2f * em), gap = std::round(0.5f * em);
    const float marker = std::round(0.9f * em); // the fold triangle, before the title

    const auto textWidth = [&](ImFont* fnt, const std::string& s) {
        return fnt->CalcTextSizeA(em, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
    };
    float width = marker + textWidth(bold, title);
    if (!folded)
        for (const LegendEntry& e : overlay.legend)
            width = std::max(width, sampleW + gap + textWidth(font, e.text));
    const float height = row * static_cast<float>(1 + (folded ? 0 : overlay.legend.size()));
    const ImVec2 lo(std::round(f(viewport.min.x) + 10),
                    std::round(f(viewport.max.y) - 10 - height - 2 * pad));
    const ImVec2 hi(lo.x + width + 2 * pad, lo.y + height + 2 * pad);
    dl.AddRectFilled(lo, hi, colour::overlayLegendFill, 5);
    dl.AddRect(lo, hi, colour::overlayLegendBorder, 5, 0, 1.0f);

    // The title line folds and unfolds the legend.
    const float cx = lo.x + pad + marker * 0.4f, cy = lo.y + pad + row / 2;
    drawFoldMarker(dl, cx, cy, 0.28f * em, folded);
    const LegendPlace place{{{lo.x, lo.y}, {hi.x, hi.y}},
                            {{lo.x, lo.y}, {hi.x, lo.y + 2 * pad + row}}};

    const float x = lo.x + pad;
    float y = lo.y + pad;
    const float textDown = std::round((row - em) / 2);
    dl.AddText(bold, em, ImVec2(x + marker, y + textDown), colour::text, title.data(),
               title.data() + title.size());
    if (folded) return place;
    y += row;
    for (const LegendEntry& e : overlay.legend) {
        const float mid = y + row / 2;
        drawLegendSample(dl, e, x, mid, sampleW, em);
        dl.AddText(font, em, ImVec2(x + sampleW + gap, y + textDown), colour::text, e.text.data(),
                   e.text.data() + e.text.size());
        y += row;
    }
    return place;
}

} // namespace strawman::editor
