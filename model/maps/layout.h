// Automatic layout of a map with Graphviz dot. Positions and sizes are written
// into the content; the caller stores them as one change
// (diffContent, Workspace::applyChange).
// Graphviz is not thread-safe: call this from one thread only.
#pragma once

#include "process_map.h"

namespace strawman::model {

enum class LayoutDirection { LeftRight, TopBottom };

// Lays out every node and sets x, y, width, height (points, y down, origin at
// the top-left of the drawing). Labels are measured with a pinned font so the
// result is the same on every machine.
void layout(MapContent& map, LayoutDirection direction = LayoutDirection::LeftRight);

} // namespace strawman::model
