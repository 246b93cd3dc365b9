#include "map_fixtures.h"

#include "model/maps/layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace strawman;
using namespace strawman::model;

namespace {

constexpr double kEps = 0.01;

// start -> request -> vetted -> justified? -yes-> [split] -> protocolled, booked
// -> [join] -> end; -no-> rejected -> end. Ten nodes.
MapContent vettingPathway() {
    test::MapBuilder b;
    auto start = b.node(NodeKind::Start, "start", "Referral");
    auto req = b.node(NodeKind::Activity, "req", "Request made", "REQ");
    auto vet = b.node(NodeKind::Activity, "vet", "Vetted and justified by a radiologist", "VET");
    auto ok = b.node(NodeKind::Decision, "ok", "Justified?");
    auto split = b.node(NodeKind::Parallel, "split");
    auto pro = b.node(NodeKind::Activity, "pro", "Protocolled", "PRO");
    auto bkd = b.node(NodeKind::Activity, "bkd", "Booked", "BKD");
    auto join = b.node(NodeKind::Parallel, "join");
    auto rej = b.node(NodeKind::Activity, "rej", "Rejected at vetting", "REJ");
    auto end = b.node(NodeKind::End, "end", "Done");
    b.edge(start, req).edge(req, vet).edge(vet, ok);
    b.edge(ok, split, "yes").edge(ok, rej, "no, return to referrer");
    b.edge(split, pro).edge(split, bkd).edge(pro, join).edge(bkd, join);
    b.edge(join, end).edge(rej, end);
    return b.map();
}

// A long pathway: a chain of steps with a decision every few steps whose "no"
// branch rejoins two steps later, and notes on the side.
MapContent generatedPathway(int nodes) {
    test::MapBuilder b;
    NodeId previous = b.node(NodeKind::Start, "start");
    int count = 1;
    while (count < nodes - 1) {
        if (count % 7 == 3 && count + 4 < nodes - 1) {
            auto decision = b.node(NodeKind::Decision, "d" + std::to_string(count), "Urgent?");
            auto fast =
                b.node(NodeKind::Activity, "f" + std::to_string(count), "Fast track", "BKD");
            auto slow =
                b.node(NodeKind::Activity, "s" + std::to_string(count), "Routine list", "BKD");
            auto merged = b.node(NodeKind::Activity, "m" + std::to_string(count), "Arrived", "ARR");
            b.edge(previous, decision).edge(decision, fast, "yes").edge(decision, slow, "no");
            b.edge(fast, merged).edge(slow, merged);
            previous = merged;
            count += 4;
        } else if (count % 29 == 0) {
            b.node(NodeKind::Note, "note" + std::to_string(count),
                   "Check with the lead radiographer");
            ++count;
        } else {
            auto step = b.node(NodeKind::Activity, "a" + std::to_string(count),
                               "Step " + std::to_string(count), "CMP");
            b.edge(previous, step);
            previous = step;
            ++count;
        }
    }
    b.edge(previous, b.node(NodeKind::End, "end"));
    return b.map();
}

const Node& byKey(const MapContent& map, std::string_view key) {
    const Node* node = map.findNodeByKey(key);
    REQUIRE(node != nullptr);
    return *node;
}

// Axis-aligned boxes from centre and size; touching is not overlapping.
bool overlap(const Node& a, const Node& b) {
    return std::abs(a.x - b.x) < (a.width + b.width) / 2 - kEps &&
           std::abs(a.y - b.y) < (a.height + b.height) / 2 - kEps;
}

void checkNoOverlap(const MapContent& map) {
    for (std::size_t i = 0; i < map.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < map.nodes.size(); ++j) {
            INFO(map.nodes[i].key << " and " << map.nodes[j].key);
            CHECK_FALSE(overlap(map.nodes[i], map.nodes[j]));
        }
}

void checkInsideDrawing(const MapContent& map) {
    double left = 1e9, top = 1e9;
    for (const Node& node : map.nodes) {
        INFO(node.key);
        CHECK(node.width > 0);
        CHECK(node.height > 0);
        CHECK(node.x - node.width / 2 >= -kEps);
        CHECK(node.y - node.height / 2 >= -kEps);
        left = std::min(left, node.x - node.width / 2);
        top = std::min(top, node.y - node.height / 2);
    }
    // The drawing starts at the origin: no margin is added.
    CHECK(left == doctest::Approx(0).epsilon(0.001));
    CHECK(top == doctest::Approx(0).epsilon(0.001));
}

LayoutDirection eachDirection() {
    LayoutDirection direction = LayoutDirection::LeftRight;
    SUBCASE("left to right") {
        direction = LayoutDirection::LeftRight;
    }
    SUBCASE("top to bottom") {
        direction = LayoutDirection::TopBottom;
    }
    return direction;
}

} // namespace

TEST_CASE("layout gives boxes that do not overlap") {
    const LayoutDirection direction = eachDirection();
    MapContent map = vettingPathway();
    layout(map, direction);
    checkNoOverlap(map);
}

TEST_CASE("layout places the drawing at the top-left origin with y growing down") {
    const LayoutDirection direction = eachDirection();
    MapContent map = vettingPathway();
    layout(map, direction);
    checkInsideDrawing(map);
}

TEST_CASE("left-right layout puts the start left of the end, top-bottom puts it above") {
    MapContent map = vettingPathway();
    SUBCASE("left to right") {
        layout(map, LayoutDirection::LeftRight);
        CHECK(byKey(map, "start").x < byKey(map, "end").x);
        CHECK(byKey(map, "req").x < byKey(map, "vet").x);
    }
    SUBCASE("top to bottom") {
        layout(map, LayoutDirection::TopBottom);
        CHECK(byKey(map, "start").y < byKey(map, "end").y);
        CHECK(byKey(map, "req").y < byKey(map, "vet").y);
    }
}

TEST_CASE("layout is deterministic: the same map gives the same drawing") {
    const LayoutDirection direction = eachDirection();
    MapContent first = generatedPathway(60);
    MapContent second = first;
    layout(first, direction);
    layout(second, direction);
    // Laying out an already laid-out map changes nothing either.
    MapContent third = first;
    layout(third, direction);
    REQUIRE(first.nodes.size() == second.nodes.size());
    for (std::size_t i = 0; i < first.nodes.size(); ++i) {
        INFO(first.nodes[i].key);
        CHECK(first.nodes[i].x == second.nodes[i].x);
        CHECK(first.nodes[i].y == second.nodes[i].y);
        CHECK(first.nodes[i].width == second.nodes[i].width);
        CHECK(first.nodes[i].height == second.nodes[i].height);
        CHECK(first.nodes[i].x == third.nodes[i].x);
        CHECK(first.nodes[i].y == third.nodes[i].y);
    }
}

TEST_CASE("a 200-node map lays out without overlap") {
    const LayoutDirection direction = eachDirection();
    MapContent map = generatedPathway(200);
    REQUIRE(map.nodes.size() == 200);
    layout(map, direction);
    checkNoOverlap(map);
    checkInsideDrawing(map);
}

TEST_CASE("an empty map lays out to nothing") {
    MapContent map;
    CHECK_NOTHROW(layout(map));
    CHECK(map.nodes.empty());
}

TEST_CASE("notes and unconnected steps are laid out beside the flow") {
    test::MapBuilder b;
    auto start = b.node(NodeKind::Start, "start");
    auto end = b.node(NodeKind::End, "end");
    b.edge(start, end);
    b.node(NodeKind::Note, "note", "Out of hours: the on-call radiologist vets");
    b.node(NodeKind::Activity, "lonely", "Addendum", "ADD");
    b.node(NodeKind::Activity, "lonelier", "", "CAN"); // no label: measured by its code
    MapContent map = b.map();
    layout(map, LayoutDirection::LeftRight);
    checkNoOverlap(map);
    checkInsideDrawing(map);
}

TEST_CASE("a map with only notes lays out") {
    test::MapBuilder b;
    b.node(NodeKind::Note, "a", "First note");
    b.node(NodeKind::Note, "b", "Second note");
    MapContent map = b.map();
    layout(map, LayoutDirection::TopBottom);
    checkNoOverlap(map);
    checkInsideDrawing(map);
}

TEST_CASE("conditions on edges get room between the steps they join") {
    auto build = [](std::string condition) {
        test::MapBuilder b;
        auto ok = b.node(NodeKind::Decision, "ok", "Urgent?");
        auto next = b.node(NodeKind::Activity, "next", "Booked", "BKD");
        b.edge(ok, next, std::move(condition));
        return b.map();
    };
    MapContent plain = build("");
    MapContent labelled = build("yes, within two weeks of the referral");
    layout(plain, LayoutDirection::LeftRight);
    layout(labelled, LayoutDirection::LeftRight);
    const double plainGap = byKey(plain, "next").x - byKey(plain, "ok").x;
    const double labelledGap = byKey(labelled, "next").x - byKey(labelled, "ok").x;
    CHECK(labelledGap > plainGap);
    checkNoOverlap(labelled);
}

TEST_CASE("node sizes follow the kind and the label") {
    test::MapBuilder b;
    auto start = b.node(NodeKind::Start, "start", "A label that does not fit in a circle");
    auto shortStep = b.node(NodeKind::Activity, "short", "Booked", "BKD");
    auto longStep = b.node(NodeKind::Activity, "long",
                           "Vetted and justified by a consultant radiologist within the agreed "
                           "turnaround for the modality",
                           "VET");
    auto decision = b.node(NodeKind::Decision, "ok", "Is the request justified?");
    auto bar = b.node(NodeKind::Parallel, "split");
    auto end = b.node(NodeKind::End, "end");
    b.edge(start, shortStep).edge(shortStep, longStep).edge(longStep, decision);
    b.edge(decision, bar).edge(bar, end);
    const MapContent original = b.map();

    MapContent map = original;
    layout(map, LayoutDirection::LeftRight);

    const Node& s = byKey(map, "start");
    CHECK(s.width == doctest::Approx(36));
    CHECK(s.height == doctest::Approx(36));
    CHECK(byKey(map, "end").width == doctest::Approx(36));

    double defaultWidth = 0, defaultHeight = 0;
    defaultSize(NodeKind::Activity, defaultWidth, defaultHeight);
    const Node& shortNode = byKey(map, "short");
    CHECK(shortNode.width == doctest::Approx(defaultWidth));
    CHECK(shortNode.height == doctest::Approx(defaultHeight));

    // A long label wraps: a taller box, not an absurdly wide one.
    const Node& longNode = byKey(map, "long");
    CHECK(longNode.height > shortNode.height);
    CHECK(longNode.width < 250);

    // A question in a diamond needs more room than the default diamond.
    defaultSize(NodeKind::Decision, defaultWidth, defaultHeight);
    CHECK(byKey(map, "ok").width > defaultWidth);

    SUBCASE("a parallel bar stands across the flow") {
        const Node& across = byKey(map, "split");
        CHECK(across.height > across.width);
        MapContent down = original;
        layout(down, LayoutDirection::TopBottom);
        const Node& downBar = byKey(down, "split");
        CHECK(downBar.width > downBar.height);
    }

    SUBCASE("layout changes positions and sizes only") {
        REQUIRE(map.nodes.size() == original.nodes.size());
        for (std::size_t i = 0; i < map.nodes.size(); ++i) {
            CHECK(map.nodes[i].id == original.nodes[i].id);
            CHECK(map.nodes[i].key == original.nodes[i].key);
            CHECK(map.nodes[i].label == original.nodes[i].label);
            CHECK(map.nodes[i].activity == original.nodes[i].activity);
        }
        CHECK(map.edges.size() == original.edges.size());
    }
}

TEST_CASE("labels in any script, with line breaks, lay out") {
    test::MapBuilder b;
    auto a = b.node(NodeKind::Activity, "a", "Überweisung geprüft – “dringend”", "VET");
    auto c = b.node(NodeKind::Activity, "c", "检查\n已完成\n报告已发送", "CMP");
    auto oneLine = b.node(NodeKind::Activity, "one", "检查已完成报告已发送", "CMP");
    auto d = b.node(NodeKind::Activity, "d", std::string("bad \xff\xfe utf-8"), "REP");
    b.edge(a, c).edge(c, d).edge(d, oneLine);
    MapContent map = b.map();
    layout(map);
    checkNoOverlap(map);
    // The label's own line breaks count: three lines need a taller box than one.
    CHECK(byKey(map, "c").height > byKey(map, "one").height);
    // A long line wraps at a space.
    CHECK(byKey(map, "a").height > byKey(map, "one").height);
}

TEST_CASE("an edge to a node that is not in the map is left out of the layout") {
    test::MapBuilder b;
    auto a = b.node(NodeKind::Activity, "a", "Booked", "BKD");
    auto c = b.node(NodeKind::Activity, "c", "Arrived", "ARR");
    b.edge(a, c).edge(a, NodeId{99});
    MapContent map = b.map();
    CHECK_NOTHROW(layout(map));
    checkNoOverlap(map);
}
