// Maps from map_fixtures.h with positions, for tests of what is drawn, and a
// placed map with the geometry the canvas draws for it, whose nodes and arrows
// the tests find by the keys they were written with.
#pragma once

#include "map_fixtures.h"

#include "editor/geometry/map_geometry.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <initializer_list>
#include <tuple>
#include <utility>

namespace strawman::test {

// Puts nodes where a workshop would have them, by key, at their kind's size.
inline void place(model::MapContent& map,
                  std::initializer_list<std::tuple<const char*, double, double>> at) {
    for (const auto& [key, x, y] : at) {
        const model::Node* found = map.findNodeByKey(key);
        REQUIRE(found);
        model::Node* n = map.findNode(found->id);
        n->x = x;
        n->y = y;
        model::defaultSize(n->kind, n->width, n->height);
    }
}

// The CT pathway left to right, the rejection branch below the booking.
inline model::MapContent placedCtPathway() {
    model::MapContent map = ctPathway();
    place(map, {{"start", 0, 100},
                {"rcv", 150, 100},
                {"vet", 320, 100},
                {"accepted", 470, 100},
                {"bkd", 620, 100},
                {"cmp", 790, 100},
                {"ver", 960, 100},
                {"end", 1100, 100},
                {"rej", 620, 260},
                {"end_rejected", 780, 260}});
    return map;
}

// A map and its geometry (default style); a node or arrow is found by key and
// its index into geometry.nodes or geometry.edges returned, failing the test
// when the map has none.
struct PlacedMap {
    model::MapContent map;
    editor::MapGeometry geometry;

    explicit PlacedMap(model::MapContent m)
        : map(std::move(m)), geometry(editor::buildMapGeometry(map)) {}

    std::size_t node(const char* key) const {
        const model::Node* n = map.findNodeByKey(key);
        REQUIRE_MESSAGE(n, "no node " << key);
        for (std::size_t i = 0; i < geometry.nodes.size(); ++i)
            if (geometry.nodes[i].id == n->id) return i;
        FAIL("no geometry for " << key);
        return 0;
    }
    std::size_t edge(const char* from, const char* to) const {
        const std::size_t a = node(from), b = node(to);
        for (std::size_t i = 0; i < geometry.edges.size(); ++i)
            if (geometry.edges[i].from == a && geometry.edges[i].to == b) return i;
        FAIL("no arrow " << from << " -> " << to);
        return 0;
    }
};

} // namespace strawman::test
