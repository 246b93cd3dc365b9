// Automatic layout of a map with Graphviz dot. Positions and sizes are written
// into the content; the caller stores them as one change
// (diffContent, Workspace::applyChange).
// Graphviz is not thread-safe: layout holds graphviz::Lock while it uses it.
#pragma once

#include "process_map.h"

#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

enum class LayoutDirection { LeftRight, TopBottom };

// Lays out every node and sets x, y, width, height (points, y down, origin at
// the top-left of the drawing). Labels are measured with a pinned font so the
// result is the same on every machine.
void layout(MapContent& map, LayoutDirection direction = LayoutDirection::LeftRight);

// A label's lines as layout measures them and the pictures print them: its own
// line breaks kept, words wrapped at 18 characters a line (a longer word keeps a
// line to itself).
std::vector<std::string> wrapLabel(std::string_view text);

// The width in points of one line of DejaVu Sans at `fontSize` points, from the
// font's advance widths (no kerning): what layout measures labels with.
double textWidth(std::string_view line, double fontSize);

} // namespace strawman::model
