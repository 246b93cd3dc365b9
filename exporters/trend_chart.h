// A trust's months against a rule, as a small inline SVG chart for the decision
// pack, drawn as the editor's Standards tab draws it: the value month by month
// as a line, the limit as a dashed line across, a green dot on a month that
// kept the limit and a dark red square on one that missed it. The charts of a
// rule share one scale (forum::trendRange), so one trust's months read against
// another's.
#pragma once

#include "forum/standing.h"

#include <string>

namespace strawman::exporters {

// Empty when no month has cases to measure.
std::string trendChart(const forum::StandardCheck& row, const forum::TrendRange& range);

} // namespace strawman::exporters
