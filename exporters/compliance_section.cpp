#include "compliance_section.h"

#include "pack_html.h"
#include "trend_chart.h"
#include "xml_text.h"

#include "forum/rule.h"
#include "forum/standing.h"

#include <algorithm>
#include <cstdio>

namespace strawman::exporters {

namespace {

using model::ProposalKind;

std::string ruleComplianceTable(const DecisionRecord& r) {
    std::vector<const forum::StandardCheck*> rows;
    for (const forum::StandardCheck& c : r.ruleCompliance) rows.push_back(&c);
    const forum::TrendRange range = forum::trendRange(rows);
    std::string s =
        "<table class=\"compliance\"><thead><tr><th class=\"c-trust\">Trust</th><th "
        "class=\"num\">Value</th>"
        "<th class=\"num\">Limit</th><th>Standing</th><th class=\"num\">Within limit</th>"
        "<th class=\"num\">Cases</th><th class=\"trend\">By month</th></tr></thead><tbody>";
    for (const forum::StandardCheck* row : rows) {
        const forum::RuleValue& v = row->check.overall;
        const forum::Standing standing = forum::standingOf(v);
        s += "<tr>" + trustCell(row->trust);
        s += "<td class=\"num\">" + htmlText(forum::measuredText(row->rule, v)) + "</td>";
        s += "<td class=\"num\">" + htmlText(forum::limitText(row->rule)) + "</td>";
        s += "<td>" +
             pill(standing == forum::Standing::Compliant      ? "good"
                  : standing == forum::Standing::NotCompliant ? "bad"
                                                              : "open",
                  forum::standingText(standing)) +
             "</td>";
        s += "<td class=\"num\">" + (v.cases ? percent(v.shareWithin) : std::string("-")) + "</td>";
        s += "<td class=\"num\">" + std::to_string(v.cases) + "</td>";
        const std::string chart = trendChart(ruleTrend(*row), range);
        s += "<td>" +
             (chart.empty() ? std::string("<span class=\"muted\">no months</span>") : chart) +
             "</td></tr>";
    }
    s += "</tbody></table>";
    s += "<p class=\"muted\">By month: the value month by month (the calendar month of a case's "
         "first event, UK time); a dark red square where the month missed the limit, a green "
         "dot where it kept it; the dashed line across is the limit. The charts share one "
         "scale.</p>";
    return s;
}

std::string mapComplianceTable(const forum::StandardComparison& c) {
    std::string s = "<table class=\"compliance\"><thead><tr><th class=\"c-trust\">Trust</th>"
                    "<th class=\"c-map\">Its straw man</th><th>Against the standard</th></tr>"
                    "</thead><tbody>";
    for (const forum::StrawManAgainstStandard& t : c.trusts) {
        s += "<tr>" + trustCell(t.trust);
        if (!t.map) {
            s += "<td colspan=\"2\">" + pill("open", "no map") + " no map of " +
                 htmlText(c.map.processName) + "</td></tr>";
            continue;
        }
        s += "<td>map " + std::to_string(t.map->id.value) + ", " + htmlText(t.map->name) +
             "</td><td>" +
             (t.comparison.same() ? pill("good", "same") + " draws the same process as the standard"
                                  : pill("bad", "differs") + " " + htmlText(t.comparison.summary)) +
             "</td></tr>";
    }
    s += "</tbody></table>";
    return s;
}

std::string fitness(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

// Each trust's cases against the map adopted, as `strawman diff` measures
// them, and month by month.
std::string mapFitTable(const std::vector<model::MapFit>& fits) {
    std::vector<Trend> trends;
    double low = 1, high = 0;
    for (const model::MapFit& f : fits) {
        Trend t;
        for (const model::MonthFit& m : f.byMonth) {
            if (m.value.cases == 0) continue;
            low = std::min(low, m.value.logFitness);
            high = std::max(high, m.value.logFitness);
            t.months.push_back({m.month, m.value.logFitness, TrendMonth::Mark::Plain,
                                m.month + ": log fitness " + fitness(m.value.logFitness) + ", " +
                                    percent(m.value.percentageFitting) + " of " +
                                    std::to_string(m.value.cases) + " cases fit"});
        }
        if (!t.months.empty())
            t.said = f.trust.code + "'s log fitness by month, " + t.months.front().month + " to " +
                     t.months.back().month;
        trends.push_back(std::move(t));
    }
    // One scale for every trust, with room above and below, as a rule's charts have.
    const double margin = high > low ? (high - low) * 0.15 : 0.05;
    const forum::TrendRange range{low - margin, high + margin};
    std::string s = "<table class=\"compliance fit\"><thead><tr><th class=\"c-trust\">Trust</th>"
                    "<th class=\"num\">Log fitness</th><th class=\"num\">Fitting cases</th>"
                    "<th class=\"num\">Cases</th><th class=\"trend\">By month</th></tr></thead>"
                    "<tbody>";
    for (std::size_t i = 0; i < fits.size(); ++i) {
        const model::MapFit& f = fits[i];
        s += "<tr>" + trustCell(f.trust);
        if (f.overall.cases == 0) {
            s += "<td colspan=\"4\">" + pill("open", "no cases") + "</td></tr>";
            continue;
        }
        s += "<td class=\"num\">" + fitness(f.overall.logFitness) + "</td>";
        s += "<td class=\"num\">" + percent(f.overall.percentageFitting) + "</td>";
        s += "<td class=\"num\">" + std::to_string(f.overall.cases) + "</td>";
        s += "<td>" + trendChart(trends[i], range) + "</td></tr>";
    }
    s += "</tbody></table>";
    s += "<p class=\"muted\">Log fitness: how closely the trust's cases follow the map, 1 when "
         "every case does (as strawman diff measures it); fitting cases: the share that follow "
         "it whole. By month: the log fitness of the cases whose first event is in the month "
         "(UK time); the charts share one scale.</p>";
    return s;
}

} // namespace

std::string complianceSection(const DecisionRecord& r) {
    const forum::ProposalView& v = r.proposal;
    std::string s = "<section class=\"compliance\"><h2>Each trust's compliance</h2>";
    switch (v.record.draft.kind) {
    case ProposalKind::Rule:
        s += r.standard ? "<p>Each trust's data against standard " +
                              std::to_string(r.standard->record.id.value) + ", " +
                              htmlText(forum::ruleAndFilterText(*v.rule)) + ".</p>"
                        : "<p>Not a standard: each trust's data against the rule as proposed, " +
                              htmlText(forum::ruleAndFilterText(*v.rule)) + ".</p>";
        s += ruleComplianceTable(r);
        break;
    case ProposalKind::Map:
        if (r.mapCompliance) {
            s += "<p>Each trust's straw man against standard " +
                 std::to_string(r.standard->record.id.value) + " (map " +
                 std::to_string(r.mapCompliance->map.id.value) + " version " +
                 std::to_string(r.standard->record.mapVersion) + ").</p>";
            s += mapComplianceTable(*r.mapCompliance);
            s += "<h3>Each trust's cases against the standard</h3>";
            s += mapFitTable(r.mapFit);
        } else {
            s += "<p class=\"muted\">Not a standard: there is no standard to comply with.</p>";
        }
        break;
    case ProposalKind::Text:
        s += "<p class=\"muted\">A written standard is read, not measured.</p>";
        break;
    }
    s += "</section>";
    return s;
}

} // namespace strawman::exporters
