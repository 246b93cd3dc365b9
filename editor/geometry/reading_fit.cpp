#include "reading_fit.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace strawman::editor {

namespace {

// The free stretches of x between nodes, merged, inside the map's bounds.
std::vector<std::pair<double, double>> gapsBetween(const Rect& bounds,
                                                   std::span<const Rect> nodes) {
    std::vector<std::pair<double, double>> taken;
    for (const Rect& n : nodes)
        if (!n.empty()) taken.push_back({n.min.x, n.max.x});
    std::sort(taken.begin(), taken.end());
    std::vector<std::pair<double, double>> gaps;
    double reach = bounds.min.x;
    for (const auto& [lo, hi] : taken) {
        if (lo > reach) gaps.push_back({reach, lo});
        reach = std::max(reach, hi);
    }
    // Only gaps inside the map: a cut at its very edge would leave an empty band.
    gaps.erase(std::remove_if(gaps.begin(), gaps.end(),
                              [&](const auto& g) {
                                  return g.first <= bounds.min.x || g.second >= bounds.max.x;
                              }),
               gaps.end());
    return gaps;
}

// n - 1 cuts, each in the gap nearest to where an even split would put it, in
// the middle of the gap so the arrow crossing it shows in both rows. Nothing
// when the map has too few gaps.
std::optional<std::vector<double>>
cutsFor(const Rect& bounds, const std::vector<std::pair<double, double>>& gaps, int n) {
    std::vector<double> cuts;
    double after = bounds.min.x;
    for (int k = 1; k < n; ++k) {
        const double ideal = bounds.min.x + bounds.width() * k / n;
        std::optional<double> best;
        for (const auto& [lo, hi] : gaps) {
            const double mid = (lo + hi) / 2;
            if (mid <= after) continue;
            if (!best || std::abs(mid - ideal) < std::abs(*best - ideal)) best = mid;
        }
        if (!best) return std::nullopt;
        cuts.push_back(*best);
        after = *best;
    }
    return cuts;
}

} // namespace

const ReadingRow& ReadingFit::rowFor(double worldX) const {
    for (const ReadingRow& r : rows)
        if (worldX < r.band.max.x) return r;
    return rows.back();
}

const ReadingRow& ReadingFit::rowAt(double screenY) const {
    for (const ReadingRow& r : rows)
        if (screenY < r.clip.max.y) return r;
    return rows.back();
}

namespace {

// The y extent of everything drawn between x0 and x1.
Rect bandOf(double x0, double x1, std::span<const Rect> nodes, std::span<const Rect> ink) {
    Rect band;
    for (auto list : {nodes, ink})
        for (const Rect& r : list)
            if (!r.empty() && r.max.x >= x0 && r.min.x <= x1) {
                band.add(Vec2{x0, r.min.y});
                band.add(Vec2{x1, r.max.y});
            }
    if (band.empty()) band = {{x0, 0}, {x1, 1}};
    return band;
}

struct Plan {
    std::vector<Rect> bands;
    double zoomAcross = 0; // the zoom at which the widest band fills the canvas's width
    double zoom = 0;       // ...and the rows also fit its height
    bool whole = true;     // false: the rows run on below the canvas
};

Plan planFor(const std::vector<double>& cuts, const Rect& bounds, std::span<const Rect> nodes,
             std::span<const Rect> ink, double availW, double availH, double gap, double cap,
             double rowLead) {
    Plan plan;
    double widest = 0, tall = 0;
    for (std::size_t i = 0; i <= cuts.size(); ++i) {
        const double from = i == 0 ? bounds.min.x : cuts[i - 1];
        const double to = i < cuts.size() ? cuts[i] : bounds.max.x;
        plan.bands.push_back(bandOf(from, to, nodes, ink));
        widest = std::max(widest, to - from + rowLead);
        tall += std::max(plan.bands.back().height(), 1.0);
    }
    const double rows = static_cast<double>(plan.bands.size());
    plan.zoomAcross = std::min(availW / std::max(widest, 1.0), cap);
    plan.zoom = std::min(plan.zoomAcross, (availH - (rows - 1) * gap) / tall);
    return plan;
}

// The room a fit has: the canvas less its margins, the most it may zoom in, and
// the zoom at which the smallest text is legible.
struct Room {
    double width = 1, height = 1;
    double cap = 0;
    double legible = 0;
    double rowLead = 0; // world units before every row
};

// A wide map too small to read in one row, in rows: the fewest that show it
// whole and legibly; failing that, the fewest that are legible across the
// canvas, run on below it. Nothing when its gaps allow neither.
std::optional<Plan> wrappedPlan(const Rect& bounds, std::span<const Rect> nodes,
                                std::span<const Rect> ink, const Room& room,
                                const ReadingRule& rule) {
    const auto gaps = gapsBetween(bounds, nodes);
    std::optional<Plan> across;
    for (int n = 2; n <= rule.maxRows; ++n) {
        const auto cuts = cutsFor(bounds, gaps, n);
        if (!cuts) break;
        Plan tried = planFor(*cuts, bounds, nodes, ink, room.width, room.height, rule.rowGapPx,
                             room.cap, room.rowLead);
        if (tried.zoom >= room.legible) return tried;
        if (!across && tried.zoomAcross >= room.legible) across = std::move(tried);
    }
    if (across) {
        across->zoom = room.legible;
        across->whole = false;
    }
    return across;
}

// Too big to show whole and legible: legible, from the map's start (its left
// edge for a wide map, its top for a tall one), centred across.
ReadingRow legibleFromStart(const Rect& bounds, bool wide, const Rect& viewport, double legible,
                            double margin) {
    const double zoom = std::clamp(legible, CanvasTransform::kMinZoom, CanvasTransform::kMaxZoom);
    CanvasTransform view;
    view.setViewport(viewport);
    const Vec2 world =
        wide ? Vec2{bounds.min.x, bounds.centre().y} : Vec2{bounds.centre().x, bounds.min.y};
    const Vec2 screen = wide ? Vec2{viewport.min.x + margin, viewport.centre().y}
                             : Vec2{viewport.centre().x, viewport.min.y + margin};
    view.place(zoom, world, screen);
    return {bounds, view, viewport, {}};
}

// The plan's rows, stacked and centred as one block (from the top when they
// run on, not whole).
std::vector<ReadingRow> stackedRows(const Plan& plan, const Rect& viewport, const ReadingRule& rule,
                                    double rowLead) {
    const double zoom = std::clamp(plan.zoom, CanvasTransform::kMinZoom, CanvasTransform::kMaxZoom);
    const std::size_t n = plan.bands.size();
    double widest = 0, blockH = static_cast<double>(n - 1) * rule.rowGapPx;
    for (std::size_t i = 0; i < n; ++i) {
        const Rect& b = plan.bands[i];
        widest = std::max(widest, b.width() + rowLead);
        blockH += std::max(b.height(), 1.0) * zoom;
    }
    const double left = viewport.centre().x - widest * zoom / 2;
    double top = plan.whole ? viewport.centre().y - blockH / 2 : viewport.min.y + rule.marginPx;
    std::vector<ReadingRow> rows;
    for (std::size_t i = 0; i < n; ++i) {
        const Rect& band = plan.bands[i];
        ReadingRow row;
        row.band = band;
        row.view.setViewport(viewport);
        // Rows of a wrapped map start at the same left edge, as lines of text
        // do; the map after the lead.
        const double lead = rowLead * zoom;
        row.view.place(zoom, band.min, {left + lead, top});
        const double bottom = top + std::max(band.height(), 1.0) * zoom;
        // Each row owns the canvas down to the middle of the gap below it; the
        // first and last reach the canvas's edges, and across, only the band's
        // own stretch of the map (the first and last open to the sides).
        const double clipTop = i == 0 ? viewport.min.y : top - rule.rowGapPx / 2;
        const double clipBottom = i + 1 == n ? viewport.max.y : bottom + rule.rowGapPx / 2;
        const double clipLeft = i == 0 && lead == 0 ? viewport.min.x : left + lead;
        const double clipRight = i + 1 == n ? viewport.max.x : left + lead + band.width() * zoom;
        row.clip = {{clipLeft, clipTop}, {clipRight, std::max(clipTop, clipBottom)}};
        if (lead > 0) row.lead = {{left, top}, {left + lead, bottom}};
        rows.push_back(row);
        top = bottom + rule.rowGapPx;
    }
    return rows;
}

} // namespace

void ReadingFit::scroll(double dy, const Rect& viewport) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ReadingRow& r = rows[i];
        r.view.panBy({0, dy});
        r.clip.min.y = i == 0 ? viewport.min.y : r.clip.min.y + dy;
        r.clip.max.y = i + 1 == rows.size() ? viewport.max.y : r.clip.max.y + dy;
        if (!r.lead.empty()) r.lead = {r.lead.min + Vec2{0, dy}, r.lead.max + Vec2{0, dy}};
    }
}

void addArrowInk(const Bezier& line, std::vector<Rect>& ink) {
    for (int k = 0; k <= 10; ++k) ink.push_back(Rect::around(line.at(k / 10.0), {1, 1}));
}

std::vector<Rect> arrowInk(const MapGeometry& geometry) {
    std::vector<Rect> ink;
    for (const EdgeGeometry& e : geometry.edges) {
        if (!e.drawable) continue;
        addArrowInk(e.line, ink);
        ink.push_back(Rect::around(e.labelAt, {20, 8}));
    }
    return ink;
}

ReadingFit fitForReading(std::span<const Rect> nodes, std::span<const Rect> ink,
                         const Rect& viewport, double smallestText, const ReadingRule& rule,
                         double rowLead) {
    ReadingFit fit;
    Rect bounds;
    for (const Rect& r : nodes) bounds.add(r);
    for (const Rect& r : ink) bounds.add(r);
    if (bounds.empty() || viewport.empty()) return fit;
    const double legible = smallestText > 0 ? rule.minTextPx / smallestText : 0.0;
    // The cap keeps a small map modest, but never below legible.
    const double cap = std::max(rule.maxZoom, legible);
    const Room room{std::max(1.0, viewport.width() - 2 * rule.marginPx),
                    std::max(1.0, viewport.height() - 2 * rule.marginPx), cap, legible, rowLead};
    // The lead goes before the map in one row as in many.
    const double w = std::max(bounds.width() + rowLead, 1.0), h = std::max(bounds.height(), 1.0);

    Plan plan{
        {bounds}, std::min(room.width / w, cap), std::min({room.width / w, room.height / h, cap})};
    if (plan.zoom < legible && w > h)
        if (auto rows = wrappedPlan(bounds, nodes, ink, room, rule)) plan = std::move(*rows);
    fit.whole = plan.whole;

    if (plan.zoom < legible && plan.bands.size() == 1) {
        fit.whole = false;
        fit.rows.push_back(
            legibleFromStart(bounds, w > h, viewport, legible, rule.marginPx + rowLead * legible));
        return fit;
    }
    fit.rows = stackedRows(plan, viewport, rule, rowLead);
    return fit;
}

} // namespace strawman::editor
