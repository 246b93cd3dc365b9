#include "diff_overlay.h"

#include "model/analysis/duration_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace strawman::editor {

using model::NodeKind;

// [SECTION] Numbers as the labels show them

std::string formatCount(std::int64_t n) {
    const bool negative = n < 0;
    std::string digits = std::to_string(negative ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string formatShare(double fraction) {
    const double percent = fraction * 100;
    if (percent > 0 && percent < 0.5) return "<1%";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", percent);
    return buf;
}

std::string legendTitle(std::string_view trust, const model::DiffResult& diff) {
    return std::string(trust) + "  \xC2\xB7  " + formatCount(diff.cases) + " cases  \xC2\xB7  " +
           formatShare(diff.percentageFitting / 100) + " fit the map";
}

std::string trafficLabel(std::int64_t occurrences, const model::DurationStats& duration) {
    std::string label = formatCount(occurrences);
    if (duration.count > 0)
        label += " \xC2\xB7 " + model::durationText(duration.median); // middle dot
    return label;
}

double widthFor(std::int64_t occurrences, std::int64_t busiest, const OverlayStyle& style) {
    if (occurrences <= 0 || busiest <= 0) return style.thinnest;
    const double share =
        std::min(1.0, static_cast<double>(occurrences) / static_cast<double>(busiest));
    return style.thinnest + (style.thickest - style.thinnest) * std::sqrt(share);
}

// [SECTION] Lines and labels

namespace {

double headFor(double width, const OverlayStyle& style) {
    // A wide line needs a head wider than itself to still read as an arrow.
    return std::max(style.arrowLength, 2 * width);
}

// The label's centre beside the middle of a line, on its upper (or, in a
// top-to-bottom drawing, right) side, clear of the line's own width.
Vec2 besideLine(const Bezier& line, double offset) {
    Vec2 across = normalized(perpendicular(line.derivative(0.5)));
    if (across == Vec2{}) across = {0, 1};
    return line.midpoint() - across * offset;
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
}

// How many other nodes a curve runs through, as the map's own loops are routed.
int nodesCrossed(const Bezier& curve, const std::vector<NodeGeometry>& nodes, std::size_t skipA,
                 std::size_t skipB) {
    constexpr int samples = 24;
    Rect hull; // a Bezier curve stays inside its control points' hull
    for (const Vec2 p : {curve.p0, curve.c1, curve.c2, curve.p3}) hull.add(p);
    Vec2 points[samples - 1];
    for (int k = 1; k < samples; ++k) points[k - 1] = curve.at(static_cast<double>(k) / samples);
    int crossed = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (i == skipA || i == skipB) continue;
        const Rect box = nodes[i].bounds.expanded(6);
        if (!overlaps(box, hull)) continue;
        for (const Vec2 p : points)
            if (box.contains(p)) {
                ++crossed;
                break;
            }
    }
    return crossed;
}

} // namespace

// [SECTION] Drawn arrows

namespace {

void measureArrows(DiffOverlay& out, const MapGeometry& geometry, const model::DiffResult& diff) {
    std::unordered_map<model::EdgeId, std::size_t> traffic;
    for (std::size_t i = 0; i < diff.arrows.size(); ++i) traffic.emplace(diff.arrows[i].edge, i);

    out.arrows.resize(geometry.edges.size());
    for (std::size_t e = 0; e < geometry.edges.size(); ++e) {
        const EdgeGeometry& g = geometry.edges[e];
        ArrowOverlay& a = out.arrows[e];
        a.line = g.line;
        a.headLength = 0;
        const auto found = traffic.find(g.id);
        if (g.style != EdgeStyle::Flow || found == traffic.end() || diff.cases == 0) continue;
        const model::ArrowTraffic& t = diff.arrows[found->second];
        a.occurrences = t.occurrences;
        a.meaning = t.occurrences > 0 ? OverlayMeaning::Taken : OverlayMeaning::NeverTaken;
        if (t.transitions.size() == 1 && t.starts.empty() && t.ends.empty())
            a.duration = diff.transitions[t.transitions.front()].duration;

        auto place = [&](const std::string& from, const std::string& to) {
            out.places[{from, to}].arrows.push_back(e);
        };
        for (const std::size_t i : t.transitions)
            place(diff.transitions[i].from, diff.transitions[i].to);
        for (const std::size_t i : t.starts) place({}, diff.starts[i].activity);
        for (const std::size_t i : t.ends) place(diff.ends[i].activity, {});
        out.busiest = std::max(out.busiest, a.occurrences);
    }
}

void shapeArrows(DiffOverlay& out, const model::MapContent& map, const MapGeometry& geometry,
                 const OverlayStyle& style) {
    std::unordered_map<model::EdgeId, bool> hasCondition;
    for (const auto& e : map.edges) hasCondition[e.id] = !e.label.empty();
    for (std::size_t e = 0; e < geometry.edges.size(); ++e) {
        const EdgeGeometry& g = geometry.edges[e];
        ArrowOverlay& a = out.arrows[e];
        if (a.meaning == OverlayMeaning::Unmeasured) {
            a.headLength = g.style == EdgeStyle::Flow ? style.arrowLength : 0;
            continue;
        }
        a.width = widthFor(a.occurrences, out.busiest, style);
        a.headLength = headFor(a.width, style);
        // The map's line ends where its own head begins; a bigger head begins further back.
        if (g.drawable && a.headLength > style.arrowLength)
            a.line =
                g.line.segment(0, parameterBeforeEnd(g.line, a.headLength - style.arrowLength));
        if (a.meaning != OverlayMeaning::Taken) continue;
        a.label = trafficLabel(a.occurrences, a.duration);
        if (!g.drawable) continue;
        const double clearance = hasCondition[g.id] ? style.conditionLabel : 0;
        a.labelAt = besideLine(g.line, a.width / 2 + style.labelGap + clearance);
    }
}

} // namespace

// [SECTION] Steps the map does not draw

namespace {

// The nodes a step's ends can be drawn at: the activity's nodes, or for a
// case's start and end the map's start and end nodes.
struct NodesByMeaning {
    std::unordered_map<std::string, std::vector<std::size_t>> activity;
    std::vector<std::size_t> starts, ends;

    NodesByMeaning(const model::MapContent& map, const MapGeometry& geometry) {
        for (std::size_t i = 0; i < geometry.nodes.size(); ++i) {
            const model::Node* n = map.findNode(geometry.nodes[i].id);
            if (!n) continue;
            if (n->kind == NodeKind::Activity && !n->activity.empty())
                activity[n->activity].push_back(i);
            if (n->kind == NodeKind::Start) starts.push_back(i);
            if (n->kind == NodeKind::End) ends.push_back(i);
        }
    }
    const std::vector<std::size_t>& from(const std::string& code) const {
        return code.empty() ? starts : find(code);
    }
    const std::vector<std::size_t>& to(const std::string& code) const {
        return code.empty() ? ends : find(code);
    }

  private:
    const std::vector<std::size_t>& find(const std::string& code) const {
        static const std::vector<std::size_t> none;
        const auto it = activity.find(code);
        return it == activity.end() ? none : it->second;
    }
};

struct ObservedStep {
    std::string from, to;
    std::int64_t occurrences = 0, cases = 0;
    model::DurationStats duration;
};

// Every step of the data the map does not draw, cases' starts and ends included.
std::vector<ObservedStep> stepsNotDrawn(const model::DiffResult& diff) {
    std::vector<ObservedStep> steps;
    for (const auto& t : diff.transitions)
        if (!t.drawn) steps.push_back({t.from, t.to, t.count, t.cases, t.duration});
    for (const auto& s : diff.starts)
        if (!s.drawn) steps.push_back({{}, s.activity, s.cases, s.cases, {}});
    for (const auto& s : diff.ends)
        if (!s.drawn) steps.push_back({s.activity, {}, s.cases, s.cases, {}});
    return steps;
}

// Where a step is drawn when its activity is on several nodes: between the two
// of them nearest each other, so the extra arrow is as short as it can be (and a
// repeat of one node's step loops on that node).
std::pair<std::size_t, std::size_t> nearestPair(const std::vector<std::size_t>& from,
                                                const std::vector<std::size_t>& to,
                                                const MapGeometry& geometry) {
    std::pair<std::size_t, std::size_t> best{from.front(), to.front()};
    double bestDistance = 1e300;
    for (const std::size_t a : from)
        for (const std::size_t b : to) {
            const double d =
                distance(geometry.nodes[a].shape.centre, geometry.nodes[b].shape.centre);
            if (d < bestDistance) {
                bestDistance = d;
                best = {a, b};
            }
        }
    return best;
}

// The map's own route between two nodes first, then bends of it out to either
// side, further and further: a skip over the steps in between can bow round
// them instead of running through them.
std::vector<Bezier> candidateRoutes(const Shape& a, const Shape& b, Flow flow, bool sameNode) {
    std::vector<Bezier> routes;
    if (sameNode) return {routeBetween(a, b, flow, 1, true)};
    if (routeKind(a, b, flow) == RouteKind::Loop) {
        // The map's own loops swing below (or right) unless that is worse: red
        // ones try above (or left) first so the two kinds stay apart.
        routes.push_back(routeBetween(a, b, flow, -1));
        routes.push_back(routeBetween(a, b, flow, 1));
        return routes;
    }
    const Bezier plain = routeBetween(a, b, flow);
    routes.push_back(plain);
    const Vec2 side = normalized(perpendicular(b.centre - a.centre));
    for (const double bend : {60.0, 110.0, 170.0})
        for (const double sign : {-1.0, 1.0}) {
            const Vec2 push = side * (sign * bend);
            routes.push_back({plain.p0, plain.c1 + push, plain.c2 + push, plain.p3});
        }
    return routes;
}

// Lines already drawn between two nodes, either way round, that an extra arrow
// must not sit on.
using LinesBetween = std::map<std::pair<std::size_t, std::size_t>, std::vector<Bezier>>;
std::pair<std::size_t, std::size_t> unordered(std::size_t a, std::size_t b) {
    return {std::min(a, b), std::max(a, b)};
}

// The extra arrows routed so far, as points along their middle halves: two
// that run alongside each other read as one.
struct PlacedLines {
    static constexpr int kSamples = 9;
    struct Line {
        Rect box;
        Vec2 points[kSamples];
    };
    std::vector<Line> lines;

    static Line sample(const Bezier& b) {
        Line l;
        for (int k = 0; k < kSamples; ++k) {
            l.points[k] = b.at(0.25 + 0.5 * k / (kSamples - 1));
            l.box.add(l.points[k]);
        }
        return l;
    }
    // How many of the curve's middle points come close to a line already placed.
    int crowding(const Bezier& b) const {
        constexpr double kClose = 12;
        const Line mine = sample(b);
        int close = 0;
        for (const Vec2 p : mine.points)
            for (const Line& l : lines) {
                if (!l.box.expanded(kClose).contains(p)) continue;
                if (std::any_of(std::begin(l.points), std::end(l.points),
                                [&](Vec2 q) { return distance(p, q) < kClose; })) {
                    ++close;
                    break;
                }
            }
        return close;
    }
};

EdgeGeometry routeExtraArrow(std::size_t from, std::size_t to, const MapGeometry& geometry,
                             const LinesBetween& taken, PlacedLines& placed, double headLength) {
    EdgeGeometry g;
    g.from = from;
    g.to = to;
    const Shape& a = geometry.nodes[from].shape;
    const Shape& b = geometry.nodes[to].shape;
    const auto existing = taken.find(unordered(from, to));

    // Cost: sitting on a line between the same two nodes hides the step
    // outright; running through another node misleads; running alongside
    // another extra arrow muddles the two; then the first candidate, the most
    // like the map's own arrows, wins.
    double bestCost = 1e300;
    Bezier best;
    const std::vector<Bezier> routes = candidateRoutes(a, b, geometry.flow, from == to);
    for (std::size_t i = 0; i < routes.size(); ++i) {
        const auto clip = clipBetween(routes[i], a, b);
        if (!clip) continue;
        const Bezier visible = routes[i].segment(clip->t0, clip->t1);
        bool onTop = false;
        if (existing != taken.end())
            for (const Bezier& line : existing->second)
                onTop = onTop || distance(line.midpoint(), visible.midpoint()) < 16;
        const double cost = (onTop ? 1e6 : 0) +
                            1000.0 * nodesCrossed(routes[i], geometry.nodes, from, to) +
                            100.0 * placed.crowding(visible) + static_cast<double>(i);
        if (cost < bestCost) {
            bestCost = cost;
            best = visible;
        }
    }
    if (bestCost == 1e300) return g; // overlapping shapes: no line fits
    placed.lines.push_back(PlacedLines::sample(best));
    g.drawable = true;
    g.tip = best.p3;
    g.labelAt = best.midpoint();
    g.line = best.segment(0, parameterBeforeEnd(best, headLength));
    Vec2 dir = normalized(best.p3 - g.line.p3);
    if (dir == Vec2{}) dir = normalized(best.derivative(1));
    g.direction = dir;
    return g;
}

std::string endName(const std::string& code, const char* boundary) {
    return code.empty() ? boundary : code;
}

void placeStepsNotDrawn(DiffOverlay& out, const model::MapContent& map, const MapGeometry& geometry,
                        const model::DiffResult& diff) {
    const NodesByMeaning nodes(map, geometry);
    for (ObservedStep& s : stepsNotDrawn(diff)) {
        const auto& from = nodes.from(s.from);
        const auto& to = nodes.to(s.to);
        if (from.empty() || to.empty()) {
            StepOffMap off{s.from, s.to, s.occurrences, s.cases, s.duration, {}};
            off.text = endName(s.from, "start") + " \xE2\x86\x92 " + endName(s.to, "end") + ": " +
                       formatCount(s.occurrences); // rightwards arrow
            out.offMap.push_back(std::move(off));
            continue;
        }
        ExtraArrow x;
        x.from = std::move(s.from);
        x.to = std::move(s.to);
        x.occurrences = s.occurrences;
        x.cases = s.cases;
        x.duration = s.duration;
        const auto ends = nearestPair(from, to, geometry);
        x.route.from = ends.first;
        x.route.to = ends.second;
        out.busiest = std::max(out.busiest, x.occurrences);
        out.extraArrows.push_back(std::move(x));
    }
    std::stable_sort(
        out.offMap.begin(), out.offMap.end(),
        [](const StepOffMap& a, const StepOffMap& b) { return a.occurrences > b.occurrences; });
}

// Routes the extra arrows once the scale is known: the busiest first, so the
// heaviest deviations get the cleanest routes.
void routeStepsNotDrawn(DiffOverlay& out, const MapGeometry& geometry, const OverlayStyle& style) {
    LinesBetween taken;
    PlacedLines placed;
    for (const EdgeGeometry& g : geometry.edges)
        if (g.drawable && g.style == EdgeStyle::Flow)
            taken[unordered(g.from, g.to)].push_back(g.line);
    std::vector<std::size_t> order(out.extraArrows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return out.extraArrows[a].occurrences > out.extraArrows[b].occurrences;
    });
    for (const std::size_t i : order) {
        ExtraArrow& x = out.extraArrows[i];
        x.width = widthFor(x.occurrences, out.busiest, style);
        x.headLength = headFor(x.width, style);
        x.route = routeExtraArrow(x.route.from, x.route.to, geometry, taken, placed, x.headLength);
        x.label = trafficLabel(x.occurrences, x.duration);
        if (!x.route.drawable) continue;
        x.labelAt = besideLine(x.route.line, x.width / 2 + style.labelGap);
        taken[unordered(x.route.from, x.route.to)].push_back(x.route.line);
        out.places[{x.from, x.to}].extraArrow = static_cast<std::ptrdiff_t>(i);
    }
}

} // namespace

// [SECTION] Badges and legend

namespace {

void badgeActivities(DiffOverlay& out, const model::MapContent& map, const MapGeometry& geometry,
                     const model::DiffResult& diff, const OverlayStyle& style) {
    std::unordered_map<std::string, const model::ActivityDeviation*> deviations;
    for (const auto& d : diff.deviations) deviations.emplace(d.activity, &d);
    // Cases too large to align have no deviations counted: they are not in the share.
    const std::int64_t aligned = diff.cases - diff.casesLeftOut;
    for (std::size_t i = 0; i < geometry.nodes.size(); ++i) {
        const model::Node* n = map.findNode(geometry.nodes[i].id);
        if (!n || n->kind != NodeKind::Activity) continue;
        ActivityBadges b;
        b.node = i;
        b.activity = n->activity;
        const Shape& s = geometry.nodes[i].shape;
        b.corner = {s.centre.x + s.half.x, s.centre.y - s.half.y};
        const auto d = deviations.find(n->activity);
        if (d != deviations.end() && aligned > 0) {
            b.skipped = static_cast<double>(d->second->skipped) / static_cast<double>(aligned);
            b.inserted = static_cast<double>(d->second->inserted) / static_cast<double>(aligned);
        }
        b.showSkipped = b.skipped > 0 && b.skipped >= style.smallestBadge;
        b.showInserted = b.inserted > 0 && b.inserted >= style.smallestBadge;
        b.skippedText = "skipped " + formatShare(b.skipped);
        b.insertedText = "+" + formatShare(b.inserted) + " extra";
        out.badges.push_back(std::move(b));
    }
}

std::string times(std::int64_t n) {
    return formatCount(n) + (n == 1 ? " time" : " times");
}

void writeLegend(DiffOverlay& out, const OverlayStyle& style) {
    std::int64_t least = out.busiest;
    bool neverTaken = false;
    for (const auto& a : out.arrows) {
        if (a.meaning == OverlayMeaning::Taken) least = std::min(least, a.occurrences);
        neverTaken = neverTaken || a.meaning == OverlayMeaning::NeverTaken;
    }
    for (const auto& x : out.extraArrows) least = std::min(least, x.occurrences);
    if (out.busiest > 0) {
        if (least < out.busiest)
            out.legend.push_back(
                {OverlayMeaning::Taken, widthFor(least, out.busiest, style), times(least)});
        out.legend.push_back(
            {OverlayMeaning::Taken, widthFor(out.busiest, out.busiest, style), times(out.busiest)});
        out.legend.push_back(
            {OverlayMeaning::Taken, 0, "label: times the step happened \xC2\xB7 median time"});
    }
    if (neverTaken)
        out.legend.push_back(
            {OverlayMeaning::NeverTaken, style.thinnest, "drawn, but no case follows it"});
    if (!out.extraArrows.empty())
        out.legend.push_back({OverlayMeaning::NotDrawn, style.thinnest, "done, but not drawn"});
    const bool skipped = std::any_of(out.badges.begin(), out.badges.end(),
                                     [](const auto& b) { return b.showSkipped; });
    const bool inserted = std::any_of(out.badges.begin(), out.badges.end(),
                                      [](const auto& b) { return b.showInserted; });
    if (skipped) out.legend.push_back({OverlayMeaning::Skipped, 0, "cases that skipped the step"});
    if (inserted)
        out.legend.push_back(
            {OverlayMeaning::Inserted, 0, "cases that did the step where not drawn"});
}

} // namespace

// [SECTION] Whole overlay

DiffOverlay buildDiffOverlay(const model::MapContent& map, const MapGeometry& geometry,
                             const model::DiffResult& diff, const OverlayStyle& style) {
    DiffOverlay out;
    measureArrows(out, geometry, diff);
    if (diff.cases > 0) placeStepsNotDrawn(out, map, geometry, diff);
    shapeArrows(out, map, geometry, style);
    routeStepsNotDrawn(out, geometry, style);
    badgeActivities(out, map, geometry, diff, style);
    writeLegend(out, style);
    return out;
}

VariantPath variantPath(const DiffOverlay& overlay, const MapGeometry& geometry,
                        std::span<const std::string> activities) {
    VariantPath path;
    if (activities.empty()) return path;
    auto follow = [&](const std::string& from, const std::string& to) {
        const auto it = overlay.places.find({from, to});
        if (it == overlay.places.end() ||
            (it->second.arrows.empty() && it->second.extraArrow < 0)) {
            path.onMap = false;
            return;
        }
        for (const std::size_t e : it->second.arrows) {
            path.arrows.push_back(e);
            path.nodes.push_back(geometry.edges[e].from);
            path.nodes.push_back(geometry.edges[e].to);
        }
        if (it->second.extraArrow >= 0) {
            const auto x = static_cast<std::size_t>(it->second.extraArrow);
            path.extraArrows.push_back(x);
            path.nodes.push_back(overlay.extraArrows[x].route.from);
            path.nodes.push_back(overlay.extraArrows[x].route.to);
        }
    };
    follow({}, activities.front());
    for (std::size_t i = 1; i < activities.size(); ++i) follow(activities[i - 1], activities[i]);
    follow(activities.back(), {});
    for (auto* v : {&path.nodes, &path.arrows, &path.extraArrows}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    return path;
}

} // namespace strawman::editor
