// How Graphviz draws each kind of node: the one mapping the layout, the DOT
// writer and the picture exporters use, so that a map laid out here and one
// rendered from its DOT file have the same shapes (an end is a double circle).
#pragma once

#include "process_map.h"

#include <string_view>

namespace strawman::model {

struct GraphvizShape {
    std::string_view shape;
    std::string_view style;     // "" = Graphviz's default
    std::string_view fillColor; // "" = none
    int peripheries = 1;        // a double circle has two

    // Graphviz draws each further periphery 4 points outside the one before,
    // outside a fixed size: the size to give it for the outer ring to be `outer`.
    constexpr double innerSize(double outer) const { return outer - 2 * 4.0 * (peripheries - 1); }
};

constexpr GraphvizShape graphvizShape(NodeKind kind) {
    switch (kind) {
    case NodeKind::Start:
        return {"circle", "", "", 1};
    case NodeKind::End:
        return {"doublecircle", "", "", 2};
    case NodeKind::Activity:
        return {"box", "rounded", "", 1};
    case NodeKind::Decision:
        return {"diamond", "", "", 1};
    case NodeKind::Parallel:
        return {"box", "filled", "black", 1};
    case NodeKind::Note:
        return {"note", "", "", 1};
    }
    return {"box", "", "", 1};
}

} // namespace strawman::model
