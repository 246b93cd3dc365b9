// The editor's canvas geometry, without a display: where arrows meet shapes,
// how edges are routed, and the world <-> screen transform behind pan and zoom.
#include "editor/geometry/canvas_transform.h"
#include "editor/geometry/map_geometry.h"
#include "editor/geometry/shapes.h"
#include "model/maps/lanes.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using namespace strawman::editor;
using strawman::model::EdgeId;
using strawman::model::MapContent;
using strawman::model::Node;
using strawman::model::NodeId;
using strawman::model::NodeKind;

namespace {

bool near(Vec2 a, Vec2 b, double tol = 1e-6) {
    return distance(a, b) <= tol;
}

// On the outline: inside it, and a hair further out is outside it.
void checkOnBorder(const Shape& s, Vec2 p, Vec2 outward) {
    CHECK(contains(s, p));
    CHECK_FALSE(contains(s, p + normalized(outward) * 1e-3));
}

Shape box(Vec2 centre, Vec2 half, double corner = 0) {
    return {Outline::Box, centre, half, corner};
}

Node node(std::int64_t id, NodeKind kind, double x, double y, double w = 0, double h = 0) {
    Node n;
    n.id = NodeId{id};
    n.kind = kind;
    n.x = x;
    n.y = y;
    if (w > 0) {
        n.width = w;
        n.height = h;
    } else {
        strawman::model::defaultSize(kind, n.width, n.height);
    }
    return n;
}

} // namespace

TEST_CASE("a ray from a box's centre meets the side it points at") {
    const Shape s = box({100, 50}, {60, 27});
    CHECK(near(borderPoint(s, {1, 0}), {160, 50}));
    CHECK(near(borderPoint(s, {-1, 0}), {40, 50}));
    CHECK(near(borderPoint(s, {0, 1}), {100, 77}));
    // 45 degrees hits the long side first, 27 across and 27 down.
    CHECK(near(borderPoint(s, {1, 1}), {127, 77}));
    CHECK(near(borderPoint(s, {0, 0}), {100, 50})); // no direction: the centre
}

TEST_CASE("a ray into a rounded corner meets the curve, not the missing square corner") {
    const Shape s = box({0, 0}, {60, 27}, 8);
    const Vec2 toCorner{60, 27};
    const Vec2 p = borderPoint(s, toCorner);
    CHECK(distance(p, Vec2{52, 19}) == doctest::Approx(8.0)); // on the corner's circle
    CHECK(length(p) < length(toCorner));
    checkOnBorder(s, p, toCorner);
    // Away from the corners the rounding changes nothing.
    CHECK(near(borderPoint(s, {1, 0.1}), {60, 6}));
}

TEST_CASE("a ray from a diamond's centre meets its slanted edges") {
    const Shape s{Outline::Diamond, {10, 20}, {36, 27}};
    CHECK(near(borderPoint(s, {1, 0}), {46, 20}));
    CHECK(near(borderPoint(s, {0, -1}), {10, -7}));
    // Towards the corner of the bounding box: the middle of the slanted edge.
    CHECK(near(borderPoint(s, {36, 27}), {28, 33.5}));
}

TEST_CASE("a ray from a circle's centre meets it at the radius, the smaller half-extent") {
    const Shape s{Outline::Circle, {5, 5}, {18, 20}};
    for (int i = 0; i < 16; ++i) {
        const double a = i * std::numbers::pi / 8;
        const Vec2 dir{std::cos(a), std::sin(a)};
        CHECK(distance(borderPoint(s, dir), {5, 5}) == doctest::Approx(18.0));
    }
}

TEST_CASE("border points lie on the outline in every direction for every shape") {
    const Shape shapes[] = {box({0, 0}, {63, 27}), box({0, 0}, {63, 27}, 8),
                            box({0, 0}, {4.5, 36}, 2), Shape{Outline::Diamond, {0, 0}, {36, 27}},
                            Shape{Outline::Circle, {0, 0}, {18, 18}}};
    for (const Shape& s : shapes) {
        for (int i = 0; i < 36; ++i) {
            const double a = i * std::numbers::pi / 18 + 0.01;
            const Vec2 dir{std::cos(a), std::sin(a)};
            checkOnBorder(s, borderPoint(s, dir), dir);
        }
    }
}

TEST_CASE("a curve is clipped where it leaves one shape and enters the next") {
    const Shape a = box({0, 0}, {50, 20}), b = box({300, 0}, {50, 20});
    const Bezier line{{0, 0}, {100, 0}, {200, 0}, {300, 0}};
    const auto clip = clipBetween(line, a, b);
    REQUIRE(clip);
    CHECK(near(line.at(clip->t0), {50, 0}, 1e-6));
    CHECK(near(line.at(clip->t1), {250, 0}, 1e-6));
    const Bezier visible = line.segment(clip->t0, clip->t1);
    CHECK(near(visible.p0, {50, 0}, 1e-6));
    CHECK(near(visible.p3, {250, 0}, 1e-6));

    SUBCASE("overlapping shapes leave nothing to draw") {
        const Shape c = box({30, 0}, {50, 20});
        CHECK_FALSE(clipBetween(Bezier{{0, 0}, {10, 0}, {20, 0}, {30, 0}}, a, c));
    }
}

TEST_CASE("the arrowhead's base is its length back from the point") {
    const Bezier curve{{0, 0}, {50, 80}, {150, -80}, {200, 0}};
    const double t = parameterBeforeEnd(curve, 11);
    CHECK(distance(curve.at(t), curve.p3) == doctest::Approx(11.0).epsilon(1e-6));
    CHECK(parameterBeforeEnd(Bezier{{0, 0}, {1, 0}, {2, 0}, {3, 0}}, 11) == 0);
}

TEST_CASE("edges of a laid-out map start and end on their nodes' borders") {
    MapContent map;
    map.nodes = {node(1, NodeKind::Start, 40, 100),     node(2, NodeKind::Activity, 180, 100),
                 node(3, NodeKind::Decision, 340, 100), node(4, NodeKind::Activity, 500, 40),
                 node(5, NodeKind::Activity, 500, 170), node(6, NodeKind::End, 650, 40)};
    map.edges = {{EdgeId{1}, NodeId{1}, NodeId{2}, ""},
                 {EdgeId{2}, NodeId{2}, NodeId{3}, ""},
                 {EdgeId{3}, NodeId{3}, NodeId{4}, "yes"},
                 {EdgeId{4}, NodeId{3}, NodeId{5}, "no"},
                 {EdgeId{5}, NodeId{4}, NodeId{6}, ""},
                 {EdgeId{6}, NodeId{5}, NodeId{2}, "again"}}; // a loop back
    const GeometryStyle style;
    const MapGeometry geo = buildMapGeometry(map, style);
    CHECK(geo.flow == Flow::LeftRight);
    CHECK_FALSE(geo.needsLayout);
    REQUIRE(geo.edges.size() == 6);
    for (const auto& e : geo.edges) {
        CAPTURE(e.id.value);
        REQUIRE(e.drawable);
        const Shape& from = geo.nodes[e.from].shape;
        const Shape& to = geo.nodes[e.to].shape;
        // The line starts on the source's border and the arrow's point is on the target's.
        CHECK(contains(from, e.line.p0));
        CHECK_FALSE(contains(from, e.line.at(0.02)));
        CHECK(contains(to, e.tip));
        CHECK_FALSE(contains(to, e.tip - e.direction * 0.05));
        CHECK(distance(e.line.p3, e.tip) == doctest::Approx(style.arrowLength).epsilon(1e-3));
        CHECK(geo.bounds.contains(e.labelAt));
    }
    // The loop back swings below the nodes instead of cutting through them.
    const auto& loop = geo.edges[5];
    CHECK(loop.labelAt.y > 170);
}

TEST_CASE("a parallel bar is drawn across the flow") {
    MapContent lr;
    lr.nodes = {node(1, NodeKind::Activity, 0 + 100, 100), node(2, NodeKind::Parallel, 300, 100),
                node(3, NodeKind::Activity, 500, 100)};
    lr.edges = {{EdgeId{1}, NodeId{1}, NodeId{2}, ""}, {EdgeId{2}, NodeId{2}, NodeId{3}, ""}};
    const Shape bar = buildMapGeometry(lr).nodes[1].shape;
    CHECK(bar.half.y > bar.half.x); // upright in a left-to-right drawing

    MapContent tb = lr;
    tb.nodes[0].x = tb.nodes[1].x = tb.nodes[2].x = 100;
    tb.nodes[0].y = 100;
    tb.nodes[1].y = 250;
    tb.nodes[2].y = 400;
    const MapGeometry tbGeo = buildMapGeometry(tb);
    CHECK(tbGeo.flow == Flow::TopBottom);
    CHECK(tbGeo.nodes[1].shape.half.x > tbGeo.nodes[1].shape.half.y);
}

TEST_CASE("nodes that were never laid out are put on a grid and flagged") {
    MapContent map;
    for (int i = 1; i <= 7; ++i) {
        Node n;
        n.id = NodeId{i};
        n.kind = i == 1 ? NodeKind::Start : NodeKind::Activity;
        map.nodes.push_back(n); // x = y = width = height = 0
    }
    const MapGeometry geo = buildMapGeometry(map);
    CHECK(geo.needsLayout);
    for (std::size_t i = 0; i < geo.nodes.size(); ++i) {
        CHECK(geo.nodes[i].placedByEditor);
        CHECK(geo.nodes[i].shape.half.x > 0);
        for (std::size_t j = 0; j < i; ++j) // no two share a place
            CHECK_FALSE(geo.nodes[i].bounds.contains(geo.nodes[j].shape.centre));
    }
    CHECK_FALSE(geo.bounds.empty());
}

TEST_CASE("world -> screen -> world gives back the point") {
    CanvasTransform view;
    view.setViewport({{300, 40}, {1600, 960}});
    view.panBy({-123.5, 77});
    view.zoomAbout({800, 500}, 1.7);
    for (const Vec2 p : {Vec2{0, 0}, Vec2{-250, 13.25}, Vec2{1e4, -3e3}}) {
        CHECK(near(view.screenToWorld(view.worldToScreen(p)), p, 1e-9));
        CHECK(near(view.worldToScreen(view.screenToWorld(p)), p, 1e-9));
    }
    // Lengths scale with the zoom.
    CHECK(distance(view.worldToScreen({0, 0}), view.worldToScreen({10, 0})) ==
          doctest::Approx(17.0));
}

TEST_CASE("zooming about the cursor keeps the world point under the cursor") {
    CanvasTransform view;
    view.setViewport({{300, 40}, {1600, 960}});
    view.panBy({50, -20});
    const Vec2 cursor{912, 433};
    const Vec2 before = view.screenToWorld(cursor);
    for (const double zoom : {2.0, 0.35, 4.9, 1.0}) {
        view.zoomAbout(cursor, zoom);
        CHECK(view.zoom() == doctest::Approx(zoom));
        CHECK(near(view.screenToWorld(cursor), before, 1e-9));
    }
    SUBCASE("the zoom is clamped") {
        view.zoomAbout(cursor, 100);
        CHECK(view.zoom() == CanvasTransform::kMaxZoom);
        CHECK(near(view.screenToWorld(cursor), before, 1e-9));
        view.zoomAbout(cursor, 0.001);
        CHECK(view.zoom() == CanvasTransform::kMinZoom);
    }
}

TEST_CASE("fit to view shows the whole map centred in the viewport") {
    CanvasTransform view;
    const Rect viewport{{300, 40}, {1600, 960}};
    view.setViewport(viewport);
    const Rect world{{-100, 0}, {2500, 600}};
    view.fit(world, 40);
    const Rect onScreen = view.worldToScreen(world);
    CHECK(onScreen.min.x >= viewport.min.x + 39.999);
    CHECK(onScreen.max.x <= viewport.max.x - 39.999);
    CHECK(onScreen.min.y >= viewport.min.y);
    CHECK(onScreen.max.y <= viewport.max.y);
    CHECK(near(onScreen.centre(), viewport.centre(), 1e-9));
    // The wide map is limited by its width: it spans the viewport less the margins.
    CHECK(onScreen.width() == doctest::Approx(viewport.width() - 80));

    SUBCASE("a tiny map is not blown up past the fit limit") {
        view.fit(Rect{{0, 0}, {50, 20}}, 40, 1.5);
        CHECK(view.zoom() == doctest::Approx(1.5));
    }
}

TEST_CASE("a map laid out in lanes is drawn with their bands, the map's bounds around them") {
    // Two roles, each a row of steps, left to right.
    MapContent map;
    map.nodes = {node(1, NodeKind::Start, 160, 40), node(2, NodeKind::Activity, 300, 40),
                 node(3, NodeKind::Activity, 460, 140), node(4, NodeKind::End, 600, 140)};
    map.nodes[1].lane = "Booking clerk";
    map.nodes[2].lane = "Radiologist";
    map.edges = {{EdgeId{1}, NodeId{1}, NodeId{2}, ""},
                 {EdgeId{2}, NodeId{2}, NodeId{3}, ""},
                 {EdgeId{3}, NodeId{3}, NodeId{4}, ""}};
    const MapGeometry geo = buildMapGeometry(map, GeometryStyle{});
    const auto bands = strawman::model::laneBands(map, strawman::model::LayoutDirection::LeftRight);
    REQUIRE(geo.lanes.size() == 2);
    REQUIRE(bands.size() == 2);
    for (std::size_t i = 0; i < bands.size(); ++i) {
        CHECK(geo.lanes[i].lane == bands[i].lane);
        CHECK(geo.lanes[i].area.min.x == doctest::Approx(bands[i].left));
        CHECK(geo.lanes[i].area.max.y == doctest::Approx(bands[i].bottom));
        CHECK(geo.bounds.contains(geo.lanes[i].area.min));
        CHECK(geo.bounds.contains(geo.lanes[i].area.max));
    }
    CHECK(geo.laneTitleColumn == doctest::Approx(strawman::model::laneTitleColumn(map)));
    CHECK(geo.laneTitleColumn > 0);

    // A step the editor has just placed (no position yet): no bands until
    // the map is laid out again.
    MapContent placed = map;
    placed.nodes.push_back(node(5, NodeKind::Activity, 0, 0, 0, 0));
    placed.nodes.back().width = 0;
    placed.nodes.back().height = 0;
    placed.nodes.back().lane = "Radiologist";
    CHECK(buildMapGeometry(placed, GeometryStyle{}).lanes.empty());
    // Without roles, none.
    for (Node& n : map.nodes) n.lane.clear();
    CHECK(buildMapGeometry(map, GeometryStyle{}).lanes.empty());
}
