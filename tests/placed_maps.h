// Maps from map_fixtures.h with positions, for tests of what is drawn.
#pragma once

#include "map_fixtures.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <tuple>

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

} // namespace strawman::test
