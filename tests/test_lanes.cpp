#include "map_fixtures.h"

#include "model/maps/lanes.h"
#include "model/maps/layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace strawman;
using namespace strawman::model;

namespace {

// A referral in three roles: the referrer asks, the booking clerk receives and
// books, the radiologist vets; a decision between vetting and booking, and a
// note nobody owns.
MapContent threeRoles() {
    test::MapBuilder b;
    auto start = b.node(NodeKind::Start, "start");
    auto req = b.node(NodeKind::Activity, "req", "Request made", "REQ");
    auto rcv = b.node(NodeKind::Activity, "rcv", "Request received", "RCV");
    auto vet = b.node(NodeKind::Activity, "vet", "Vetted by radiologist", "VET");
    auto ok = b.node(NodeKind::Decision, "ok", "Justified?");
    auto bkd = b.node(NodeKind::Activity, "bkd", "Booked", "BKD");
    auto rej = b.node(NodeKind::Activity, "rej", "Returned to referrer", "REJ");
    auto end = b.node(NodeKind::End, "end");
    b.node(NodeKind::Note, "note", "Vetting within 48 h");
    b.edge(start, req).edge(req, rcv).edge(rcv, vet).edge(vet, ok);
    b.edge(ok, bkd, "yes").edge(ok, rej, "no").edge(bkd, end).edge(rej, end);
    MapContent map = b.map();
    const auto role = [&](const char* key, const char* lane) {
        for (Node& n : map.nodes)
            if (n.key == key) n.lane = lane;
    };
    role("req", "Referrer");
    role("rej", "Referrer");
    role("rcv", "Booking clerk");
    role("bkd", "Booking clerk");
    role("vet", "Radiologist");
    return map;
}

std::size_t indexOf(const MapContent& map, const std::string& key) {
    for (std::size_t i = 0; i < map.nodes.size(); ++i)
        if (map.nodes[i].key == key) return i;
    FAIL("no node " << key);
    return 0;
}

const LaneBand& bandNamed(const std::vector<LaneBand>& bands, const std::string& lane) {
    const auto it =
        std::find_if(bands.begin(), bands.end(), [&](const LaneBand& b) { return b.lane == lane; });
    REQUIRE(it != bands.end());
    return *it;
}

bool inside(const Node& n, const LaneBand& b) {
    return n.x - n.width / 2 >= b.left && n.x + n.width / 2 <= b.right &&
           n.y - n.height / 2 >= b.top && n.y + n.height / 2 <= b.bottom;
}

} // namespace

TEST_CASE("a node without a role goes in the lane of the step before it, a note in none") {
    const MapContent map = threeRoles();
    const std::vector<std::string> lanes = lanesOfNodes(map);
    REQUIRE(lanes.size() == map.nodes.size());
    CHECK(lanes[indexOf(map, "ok")] == "Radiologist");    // decided by the vetting
    CHECK(lanes[indexOf(map, "start")] == "Referrer");    // nothing before: the step after
    CHECK(lanes[indexOf(map, "end")] == "Booking clerk"); // the first step before it
    CHECK(lanes[indexOf(map, "note")].empty());
    test::MapBuilder none;
    none.node(NodeKind::Activity, "a", "A", "A");
    CHECK(lanesOfNodes(none.map()) == std::vector<std::string>{""});
}

TEST_CASE("laid out, every role has a band of its own holding its steps, spanning the map") {
    for (const LayoutDirection flow : {LayoutDirection::LeftRight, LayoutDirection::TopBottom}) {
        CAPTURE(static_cast<int>(flow));
        MapContent map = threeRoles();
        layout(map, flow);
        CHECK(drawnDirection(map) == flow);
        const std::vector<LaneBand> bands = laneBands(map, flow);
        REQUIRE(bands.size() == 3);
        const std::vector<std::string> lanes = lanesOfNodes(map);
        for (std::size_t i = 0; i < map.nodes.size(); ++i) {
            if (lanes[i].empty()) continue;
            CAPTURE(map.nodes[i].key);
            CHECK(inside(map.nodes[i], bandNamed(bands, lanes[i])));
        }
        // Disjoint across the flow, equal along it.
        for (std::size_t k = 1; k < bands.size(); ++k) {
            if (flow == LayoutDirection::LeftRight) {
                CHECK(bands[k - 1].bottom <= bands[k].top + 0.01);
                CHECK(bands[k].left == doctest::Approx(bands[0].left));
                CHECK(bands[k].right == doctest::Approx(bands[0].right));
            } else {
                CHECK(bands[k - 1].right <= bands[k].left + 0.01);
                CHECK(bands[k].top == doctest::Approx(bands[0].top));
            }
        }
        // Room for the title at the band's start, before its first step.
        const LaneBand& referrer = bandNamed(bands, "Referrer");
        const Node& req = map.nodes[indexOf(map, "req")];
        if (flow == LayoutDirection::LeftRight) {
            CHECK(referrer.titleX >= referrer.left);
            CHECK(referrer.titleX + laneTitleColumn(map) - 12 <= req.x - req.width / 2);
        } else {
            CHECK(referrer.titleY < req.y - req.height / 2);
        }
    }
}

TEST_CASE("a map without roles has no bands, and layout leaves it as it was") {
    test::MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "REQ");
    b.edge(s, a);
    MapContent map = b.map();
    layout(map);
    CHECK(laneBands(map, LayoutDirection::LeftRight).empty());
    CHECK(laneTitleColumn(map) == 0);
    const auto move = laneLimitedMove(map, {"a"}, 5, 500);
    CHECK(move.first == 5);
    CHECK(move.second == 500);
}

TEST_CASE("a step moved across the flow stops at the band of a role whose steps stay put") {
    MapContent map = threeRoles();
    layout(map, LayoutDirection::LeftRight);
    // A step of the role in the middle, with a role either side of it.
    const std::vector<LaneBand> bands = laneBands(map, LayoutDirection::LeftRight);
    REQUIRE(bands.size() == 3);
    const std::string middle = bands[1].lane;
    std::string key;
    for (const Node& n : map.nodes)
        if (n.lane == middle && key.empty()) key = n.key;

    // Along the flow, nothing is limited.
    const auto along = laneLimitedMove(map, {key}, 300, 0);
    CHECK(along.first == 300);
    CHECK(along.second == 0);
    // A note belongs to no role: it goes anywhere.
    CHECK(laneLimitedMove(map, {"note"}, 0, 2000).second == 2000);
    // A big one, either way, stops before the neighbouring roles' steps.
    for (const double dy : {-2000.0, 2000.0}) {
        CAPTURE(dy);
        const auto big = laneLimitedMove(map, {key}, 10, dy);
        CHECK(big.first == 10);
        CHECK(std::abs(big.second) < std::abs(dy));
        CHECK(big.second * dy >= 0); // never backwards
        MapContent moved = map;
        Node& n = moved.nodes[indexOf(moved, key)];
        n.y += big.second;
        // Still clear of every other role's steps across the flow.
        for (const Node& other : moved.nodes) {
            if (other.lane.empty() || other.lane == middle) continue;
            const bool apart = n.y + n.height / 2 <= other.y - other.height / 2 ||
                               n.y - n.height / 2 >= other.y + other.height / 2;
            CHECK_MESSAGE(apart, other.key);
        }
    }
    // Every role's steps moved together move freely: the whole map slides.
    std::vector<std::string> all;
    for (const Node& n : map.nodes) all.push_back(n.key);
    const auto whole = laneLimitedMove(map, all, 0, 2000);
    CHECK(whole.second == 2000);
}
