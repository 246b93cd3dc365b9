// A palette colour as the markup we write spells it: "#rrggbb" for Graphviz's
// attributes, SVG and the decision pack's CSS alike.
#pragma once

#include "editor/geometry/palette.h"

#include <string>

namespace strawman::exporters {

std::string colourText(editor::palette::Rgba colour);

} // namespace strawman::exporters
