#include "map_fixtures.h"

#include "model/maps/content_hash.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace strawman;
using namespace strawman::model;

TEST_CASE("the content hash ignores storage order and positions") {
    MapContent a = test::ctPathway();
    MapContent b = a;
    std::reverse(b.nodes.begin(), b.nodes.end());
    std::reverse(b.edges.begin(), b.edges.end());
    for (Node& n : b.nodes) n.x += 40;
    CHECK(contentHash(a) == contentHash(b));
    CHECK(contentHash(a).size() == 7 + 64);
}

TEST_CASE("the content hash changes with what the map says") {
    const MapContent base = test::ctPathway();
    const std::string h = contentHash(base);
    MapContent m = base;
    SUBCASE("a label") {
        m.nodes[1].label = "Request received by booking team";
    }
    SUBCASE("an activity code") {
        m.nodes[2].activity = "PRO";
    }
    SUBCASE("a lane") {
        m.nodes[2].lane = "Radiologist";
    }
    SUBCASE("a kind") {
        m.nodes[3].kind = NodeKind::Parallel;
    }
    SUBCASE("a condition") {
        m.edges[3].label = "accepted";
    }
    SUBCASE("an edge redirected") {
        m.edges[6].to = m.edges[7].to;
    }
    SUBCASE("an edge removed") {
        m.edges.pop_back();
    }
    SUBCASE("fields cannot run into each other") {
        m.nodes[1].label = "a";
        m.nodes[1].lane = "bc";
        MapContent n = base;
        n.nodes[1].label = "ab";
        n.nodes[1].lane = "c";
        CHECK(contentHash(m) != contentHash(n));
    }
    CHECK(contentHash(m) != h);
}
