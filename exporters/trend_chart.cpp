#include "trend_chart.h"
#include "colour_text.h"

#include "xml_text.h"

#include "editor/geometry/palette.h"

#include <cstdio>

namespace strawman::exporters {

namespace {

namespace palette = editor::palette;

// The chart's own units; the page sizes it (decision_pack_style.cpp).
constexpr double kWidth = 240, kHeight = 58;
constexpr double kLeft = 5, kRight = 235, kTop = 5, kBottom = 42;

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

} // namespace

Trend ruleTrend(const forum::StandardCheck& row) {
    Trend t;
    t.limit = row.rule.limit;
    int kept = 0;
    for (const forum::MonthValue& m : row.check.byMonth) {
        if (m.value.cases == 0) continue;
        kept += m.value.compliant;
        t.months.push_back({m.month, m.value.value,
                            m.value.compliant ? TrendMonth::Mark::Kept : TrendMonth::Mark::Missed,
                            m.month + ": " + forum::measuredText(row.rule, m.value) + ", " +
                                forum::standingText(forum::standingOf(m.value))});
    }
    if (!t.months.empty())
        t.said = row.trust.code + " by month, " + t.months.front().month + " to " +
                 t.months.back().month + ": " + std::to_string(kept) + " of " +
                 std::to_string(t.months.size()) + " months kept the limit " +
                 forum::limitText(row.rule);
    return t;
}

std::string trendChart(const Trend& trend, const forum::TrendRange& range) {
    const std::vector<TrendMonth>& months = trend.months;
    if (months.empty()) return {};
    const double span = range.high > range.low ? range.high - range.low : 1;
    const auto y = [&](double value) {
        return kTop + (range.high - value) / span * (kBottom - kTop);
    };
    const auto x = [&](std::size_t i) {
        return months.size() == 1
                   ? (kLeft + kRight) / 2
                   : kLeft + (kRight - kLeft) * double(i) / double(months.size() - 1);
    };
    std::string svg = "<svg class=\"trend\" viewBox=\"0 0 " + number(kWidth) + " " +
                      number(kHeight) + "\" role=\"img\" aria-label=\"" + htmlText(trend.said) +
                      "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + htmlText(trend.said) +
                      "</title>";
    if (trend.limit) {
        const std::string limitY = number(y(*trend.limit));
        svg += "<line x1=\"" + number(kLeft) + "\" y1=\"" + limitY + "\" x2=\"" + number(kRight) +
               "\" y2=\"" + limitY + "\" stroke=\"" + colourText(palette::textMuted) +
               "\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>";
    }
    std::string points;
    for (std::size_t i = 0; i < months.size(); ++i)
        points += (i ? " " : "") + number(x(i)) + "," + number(y(months[i].value));
    svg += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" +
           colourText(palette::activityBorder) + "\" stroke-width=\"1.5\"/>";
    for (std::size_t i = 0; i < months.size(); ++i) {
        const TrendMonth& m = months[i];
        const std::string tip = "<title>" + htmlText(m.words) + "</title>";
        if (m.mark == TrendMonth::Mark::Missed)
            svg += "<rect x=\"" + number(x(i) - 3) + "\" y=\"" + number(y(m.value) - 3) +
                   "\" width=\"6\" height=\"6\" fill=\"" + colourText(palette::endBorder) + "\">" +
                   tip + "</rect>";
        else
            svg += "<circle cx=\"" + number(x(i)) + "\" cy=\"" + number(y(m.value)) +
                   "\" r=\"2.6\" fill=\"" +
                   colourText(m.mark == TrendMonth::Mark::Kept ? palette::startBorder
                                                               : palette::activityBorder) +
                   "\">" + tip + "</circle>";
    }
    const std::string labels = "\" y=\"" + number(kHeight - 3) + "\" font-size=\"9\" fill=\"" +
                               colourText(palette::textMuted) + "\"";
    svg += "<text x=\"" + number(kLeft) + labels + " text-anchor=\"start\">" +
           htmlText(months.front().month) + "</text>";
    if (months.size() > 1)
        svg += "<text x=\"" + number(kRight) + labels + " text-anchor=\"end\">" +
               htmlText(months.back().month) + "</text>";
    svg += "</svg>";
    return svg;
}

} // namespace strawman::exporters
