// A trust's months as a small inline SVG chart for the decision pack, drawn as
// the editor's Standards tab draws a rule's: the value month by month as a
// line, the limit (when there is one) as a dashed line across, a green dot on a
// month that kept it and a dark red square on one that missed it. The charts of
// one table share one scale (forum::TrendRange), so one trust's months read
// against another's.
#pragma once

#include "forum/standing.h"

#include <optional>
#include <string>
#include <vector>

namespace strawman::exporters {

struct TrendMonth {
    enum class Mark { Kept, Missed, Plain };
    std::string month; // "2025-03"
    double value = 0;
    Mark mark = Mark::Plain;
    std::string words; // the month in words, shown on hover: "2025-03: 3.7 d, not compliant"
};

struct Trend {
    std::string said; // the chart in words, for a reader who cannot see it
    std::vector<TrendMonth> months;
    std::optional<double> limit;
};

// A rule's trend at a trust: its months with cases, each kept or missed.
Trend ruleTrend(const forum::StandardCheck& row);

// Empty when there are no months.
std::string trendChart(const Trend& trend, const forum::TrendRange& range);

} // namespace strawman::exporters
