#include "map_geometry.h"

#include "model/maps/lanes.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace strawman::editor {

using model::NodeKind;

// [SECTION] Nodes

namespace {

Flow inferFlow(const model::MapContent& map) {
    return model::drawnDirection(map) == model::LayoutDirection::TopBottom ? Flow::TopBottom
                                                                           : Flow::LeftRight;
}

Shape shapeFor(const model::Node& node, Vec2 centre, Vec2 size, Flow flow,
               const GeometryStyle& style) {
    Shape s;
    s.centre = centre;
    s.half = size * 0.5;
    switch (node.kind) {
    case NodeKind::Start:
    case NodeKind::End:
        s.outline = Outline::Circle;
        break;
    case NodeKind::Decision:
        s.outline = Outline::Diamond;
        break;
    case NodeKind::Activity:
        s.outline = Outline::Box;
        s.cornerRadius = style.activityCornerRadius;
        break;
    case NodeKind::Note:
        s.outline = Outline::Box;
        s.cornerRadius = style.noteCornerRadius;
        break;
    case NodeKind::Parallel: {
        // A bar lies across the flow whatever way round the model stored it:
        // in a left-to-right drawing it stands upright.
        const double len = std::max(size.x, size.y);
        const double thick = std::min({size.x, size.y, style.barThickness});
        s.outline = Outline::Box;
        s.cornerRadius = 2;
        s.half = flow == Flow::LeftRight ? Vec2{thick / 2, len / 2} : Vec2{len / 2, thick / 2};
        break;
    }
    }
    return s;
}

} // namespace

const NodeGeometry* MapGeometry::find(model::NodeId id) const {
    for (const auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

const NodeGeometry* MapGeometry::nodeAt(Vec2 world) const {
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it)
        if (contains(it->shape, world)) return &*it;
    return nullptr;
}

const EdgeGeometry* MapGeometry::edgeAt(Vec2 world, double tolerance) const {
    const EdgeGeometry* best = nullptr;
    double bestDistance = tolerance;
    for (const auto& e : edges) {
        if (!e.drawable) continue;
        // Coarse reject on the curve's control box, then sample it: exact
        // distance to a cubic is not worth it for a click.
        Rect box = Rect::around(e.line.p0, {0, 0});
        for (Vec2 p : {e.line.c1, e.line.c2, e.line.p3, e.tip}) box.add(p);
        if (!box.expanded(tolerance).contains(world)) continue;
        Vec2 prev = e.line.p0;
        constexpr int kPieces = 24;
        for (int i = 1; i <= kPieces + 1; ++i) {
            const Vec2 next = i <= kPieces ? e.line.at(static_cast<double>(i) / kPieces) : e.tip;
            const Vec2 d = next - prev;
            const double len2 = dot(d, d);
            const double t = len2 > 0 ? std::clamp(dot(world - prev, d) / len2, 0.0, 1.0) : 0.0;
            const double dist = distance(world, prev + d * t);
            if (dist <= bestDistance) {
                bestDistance = dist;
                best = &e;
            }
            prev = next;
        }
    }
    return best;
}

std::array<Vec2, 4> connectionHandles(const Shape& shape) {
    return {borderPoint(shape, {1, 0}), borderPoint(shape, {0, 1}), borderPoint(shape, {-1, 0}),
            borderPoint(shape, {0, -1})};
}

// [SECTION] Edges

namespace {
// Flow-relative frame: `axis` points along the flow, `side` across it.
struct Frame {
    Vec2 axis, side;
};
Frame frameFor(Flow flow) {
    return flow == Flow::LeftRight ? Frame{{1, 0}, {0, 1}} : Frame{{0, 1}, {1, 0}};
}
} // namespace

RouteKind routeKind(const Shape& from, const Shape& to, Flow flow, bool sameNode) {
    if (sameNode) return RouteKind::SelfLoop;
    const Frame f = frameFor(flow);
    const Vec2 d = to.centre - from.centre;
    const double gapAlong = dot(d, f.axis) - dot(from.half, f.axis) - dot(to.half, f.axis);
    if (gapAlong > 4) return RouteKind::Forward;
    const double overlapAlong = dot(from.half, f.axis) + dot(to.half, f.axis);
    const double gapAcross =
        std::abs(dot(d, f.side)) - dot(from.half, f.side) - dot(to.half, f.side);
    // Side by side when they share a rank: their extents along the flow overlap.
    if (gapAcross > 4 && std::abs(dot(d, f.axis)) < overlapAlong) return RouteKind::Across;
    return RouteKind::Loop;
}

Bezier routeBetween(const Shape& from, const Shape& to, Flow flow, double loopSide, bool sameNode) {
    const Frame f = frameFor(flow);
    const Vec2 a = from.centre, b = to.centre;
    const Vec2 d = b - a;
    switch (routeKind(from, to, flow, sameNode)) {
    case RouteKind::SelfLoop: {
        // Out and back in over the node's upper (or left) side.
        const double reach = dot(from.half, f.side) + 40;
        const Vec2 spread = f.axis * (dot(from.half, f.axis) * 0.8);
        return {a, a - f.side * reach - spread, a - f.side * reach + spread, a};
    }
    case RouteKind::Forward: {
        const double k = std::max(dot(d, f.axis) * 0.5, 24.0);
        return {a, a + f.axis * k, b - f.axis * k, b};
    }
    case RouteKind::Across: {
        const double across = dot(d, f.side);
        const double k = std::max(std::abs(across) * 0.5, 24.0);
        const Vec2 dir = f.side * (across > 0 ? 1.0 : -1.0);
        return {a, a + dir * k, b - dir * k, b};
    }
    case RouteKind::Loop: {
        const double reach = std::clamp(std::abs(dot(d, f.axis)) * 0.35, 40.0, 140.0);
        const double sign = loopSide < 0 ? -1.0 : 1.0;
        return {a, a + f.side * (sign * (dot(from.half, f.side) + reach)),
                b + f.side * (sign * (dot(to.half, f.side) + reach)), b};
    }
    }
    return {a, a, b, b};
}

namespace {

int nodesCrossed(const Bezier& curve, const std::vector<NodeGeometry>& nodes, std::size_t skipA,
                 std::size_t skipB) {
    constexpr int samples = 24;
    int crossed = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (i == skipA || i == skipB) continue;
        const Rect box = nodes[i].bounds.expanded(6);
        for (int k = 1; k < samples; ++k) {
            if (box.contains(curve.at(static_cast<double>(k) / samples))) {
                ++crossed;
                break;
            }
        }
    }
    return crossed;
}

EdgeGeometry edgeGeometry(const model::Edge& edge, std::size_t fromIndex, std::size_t toIndex,
                          const std::vector<NodeGeometry>& nodes, Flow flow,
                          const GeometryStyle& style) {
    EdgeGeometry g;
    g.id = edge.id;
    g.from = fromIndex;
    g.to = toIndex;
    const NodeGeometry& a = nodes[fromIndex];
    const NodeGeometry& b = nodes[toIndex];
    g.style = (a.kind == NodeKind::Note || b.kind == NodeKind::Note) ? EdgeStyle::Association
                                                                     : EdgeStyle::Flow;
    const bool self = fromIndex == toIndex;
    Bezier route = routeBetween(a.shape, b.shape, flow, 1, self);
    if (routeKind(a.shape, b.shape, flow, self) == RouteKind::Loop) {
        // A loop back can swing out to either side: take the one that runs
        // through fewer other nodes, below (or right) when it is a tie.
        const Bezier other = routeBetween(a.shape, b.shape, flow, -1);
        if (nodesCrossed(other, nodes, fromIndex, toIndex) <
            nodesCrossed(route, nodes, fromIndex, toIndex))
            route = other;
    }
    const auto clip = clipBetween(route, a.shape, b.shape);
    if (!clip) return g; // overlapping shapes: nothing sensible to draw
    const Bezier visible = route.segment(clip->t0, clip->t1);
    g.drawable = true;
    g.tip = visible.p3;
    g.labelAt = visible.midpoint();
    if (g.style == EdgeStyle::Association) {
        g.line = visible;
        g.direction = normalized(visible.derivative(1));
        return g;
    }
    // The line stops where the arrowhead starts, so its thickness never pokes
    // out past the arrow's point; the head points along the chord it replaces.
    const double tBase = parameterBeforeEnd(visible, style.arrowLength);
    g.line = visible.segment(0, tBase);
    Vec2 dir = normalized(visible.p3 - g.line.p3);
    if (dir == Vec2{}) dir = normalized(visible.derivative(1));
    g.direction = dir;
    return g;
}

} // namespace

// [SECTION] Whole map

MapGeometry buildMapGeometry(const model::MapContent& map, const GeometryStyle& style) {
    MapGeometry geo;
    geo.flow = inferFlow(map);

    Rect placed;
    for (const auto& n : map.nodes)
        if (!(n.x == 0 && n.y == 0)) placed.add(Vec2{n.x, n.y});

    // Nodes never laid out go on a plain grid below whatever was laid out, so
    // they are at least visible and clickable until `strawman map layout` runs.
    const Vec2 gridOrigin =
        placed.empty() ? Vec2{100, 80} : Vec2{placed.min.x, placed.max.y + style.gridCell.y};
    int gridIndex = 0;
    geo.nodes.reserve(map.nodes.size());
    std::unordered_map<model::NodeId, std::size_t> index;
    for (const auto& n : map.nodes) {
        NodeGeometry g;
        g.id = n.id;
        g.kind = n.kind;
        Vec2 size{n.width, n.height};
        Vec2 centre{n.x, n.y};
        if (n.width <= 0 || n.height <= 0) {
            model::defaultSize(n.kind, size.x, size.y);
            g.placedByEditor = true;
        }
        if (n.x == 0 && n.y == 0) {
            const int col = gridIndex % style.gridColumns, row = gridIndex / style.gridColumns;
            centre = gridOrigin + Vec2{style.gridCell.x * col, style.gridCell.y * row};
            ++gridIndex;
            g.placedByEditor = true;
        }
        g.shape = shapeFor(n, centre, size, geo.flow, style);
        g.bounds = g.shape.bounds();
        if (n.kind == NodeKind::Start || n.kind == NodeKind::End) {
            // Their label sits underneath, BPMN style; it is wider than the circle.
            g.bounds.add(centre + Vec2{-45, g.shape.radius() + style.captionHeight});
            g.bounds.add(centre + Vec2{45, g.shape.radius() + style.captionHeight});
        }
        geo.needsLayout = geo.needsLayout || g.placedByEditor;
        geo.bounds.add(g.bounds);
        index.emplace(n.id, geo.nodes.size());
        geo.nodes.push_back(g);
    }

    geo.edges.reserve(map.edges.size());
    for (const auto& e : map.edges) {
        const auto a = index.find(e.from), b = index.find(e.to);
        if (a == index.end() || b == index.end()) continue;
        EdgeGeometry g = edgeGeometry(e, a->second, b->second, geo.nodes, geo.flow, style);
        if (g.drawable) {
            // Loops swing out past the nodes; a few samples keep them in view.
            for (int i = 0; i <= 8; ++i) geo.bounds.add(g.line.at(i / 8.0));
            geo.bounds.add(g.tip);
            geo.bounds.add(g.labelAt);
        }
        geo.edges.push_back(g);
    }
    // The bands of a map laid out by lane; one placed by the editor (nodes
    // never laid out) has none yet.
    if (std::none_of(geo.nodes.begin(), geo.nodes.end(),
                     [](const NodeGeometry& n) { return n.placedByEditor; })) {
        const auto direction = geo.flow == Flow::TopBottom ? model::LayoutDirection::TopBottom
                                                           : model::LayoutDirection::LeftRight;
        for (const model::LaneBand& b : model::laneBands(map, direction)) {
            LaneGeometry lane{b.lane, {{b.left, b.top}, {b.right, b.bottom}}, {b.titleX, b.titleY}};
            geo.bounds.add(lane.area);
            geo.lanes.push_back(std::move(lane));
        }
        if (!geo.lanes.empty() && geo.flow == Flow::LeftRight)
            geo.laneTitleColumn = model::laneTitleColumn(map);
    }
    return geo;
}

} // namespace strawman::editor
