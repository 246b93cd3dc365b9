// The decision pack's look, on a screen and on paper: the map's colours
// (editor/geometry/palette.h) for the pills and table heads, and print rules so
// it prints on A4 whole: the map on a landscape page of its own, scaled to the
// page's width; table rows never split across pages, table heads repeated.
#pragma once

#include <string>

namespace strawman::exporters {

// The stylesheet, written inline in the pack's <style>: the pack loads nothing.
const std::string& decisionPackStyle();

} // namespace strawman::exporters
