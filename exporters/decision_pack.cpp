#include "decision_pack.h"

#include "decision_pack_style.h"
#include "html_text.h"
#include "trend_chart.h"

#include "forum/rule.h"
#include "forum/standing.h"

#include <algorithm>
#include <cstdio>

namespace strawman::exporters {

namespace {

using forum::ProposalStatus;
using model::ProposalKind;

// "2026-12-06T10:04:00Z" as "2026-12-06 10:04 UTC": a record read later, by
// readers anywhere, says its clock.
std::string timeText(const std::string& utc) {
    if (utc.size() < 16 || utc[10] != 'T') return utc;
    return utc.substr(0, 10) + " " + utc.substr(11, 5) + " UTC";
}

// The same on two lines, day over time, for a narrow column.
std::string timeCell(const std::string& utc) {
    if (utc.size() < 16 || utc[10] != 'T') return htmlText(utc);
    return htmlText(utc.substr(0, 10)) + "<br>" + htmlText(utc.substr(11, 5)) + " UTC";
}

// A trust as a cell: its code, its name under it.
std::string trustCell(const model::Trust& t) {
    return "<td>" + htmlText(t.code) + "<br><span class=\"sub\">" + htmlText(t.name) +
           "</span></td>";
}

std::string pill(const std::string& kind, const std::string& words, const std::string& more = "") {
    return "<span class=\"pill " + kind + more + "\">" + htmlText(words) + "</span>";
}

std::string percent(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", value);
    return text;
}

// Paragraphs as the member wrote them: blank lines part them, a line break stays.
std::string paragraphs(const std::string& text, const std::string& cls = "") {
    std::string out, para;
    const auto flush = [&] {
        if (para.empty()) return;
        out += "<p" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + para + "</p>";
        para.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            flush();
        else
            para += (para.empty() ? "" : "<br>") + htmlText(line);
        start = end + 1;
    }
    flush();
    return out;
}

// The outcome in a word or two, for the head of the pack.
std::string statePill(const DecisionRecord& r) {
    const forum::ProposalView& v = r.proposal;
    if (r.decided)
        return v.record.adopted ? pill("good", "Adopted", " state")
                                : pill("bad", "Not adopted", " state");
    if (v.outcomePending()) return pill("open", "Not decided: outcome to record", " state");
    return pill("open", std::string("Not decided: ") + std::string(forum::statusName(v.status)),
                " state");
}

std::string factRow(const std::string& what, const std::string& html) {
    return "<tr><th scope=\"row\">" + htmlText(what) + "</th><td>" + html + "</td></tr>";
}

std::string head(const DecisionRecord& r) {
    const forum::ProposalView& v = r.proposal;
    const model::ProposalDraft& d = v.record.draft;
    std::string s = "<header><p class=\"kicker\">Decision pack &middot; proposal " +
                    std::to_string(v.record.id.value) + "</p><h1>" + htmlText(d.title) +
                    "</h1><p>" + statePill(r) + "</p>";
    s += "<table class=\"facts\"><tbody>";
    s += factRow("Adopts", htmlText(r.adopts));
    s +=
        factRow("Proposed by", htmlText(r.openedBy) + ", " + htmlText(timeText(v.record.openedAt)));
    if (!d.opensAt.empty()) s += factRow("Voting opens", htmlText(timeText(d.opensAt)));
    if (!d.closesAt.empty())
        // A lead may close it before its closing time: the time set is only that.
        s += factRow(v.status == ProposalStatus::Closed ? "Voting set to close" : "Voting closes",
                     htmlText(timeText(d.closesAt)));
    s += factRow("Quorum", htmlText(d.quorum) + (v.tally.quorumMet ? " (met)" : " (not met)"));
    if (r.decided)
        s += factRow("Closed by",
                     htmlText(r.closedBy) + ", " + htmlText(timeText(v.record.closedAt)));
    s += "</tbody></table></header>";
    return s;
}

std::string proposalSection(const DecisionRecord& r) {
    const model::ProposalDraft& d = r.proposal.record.draft;
    std::string s = "<section class=\"proposal\"><h2>The proposal</h2>";
    s +=
        d.details.empty() ? "<p class=\"muted\">No details were given.</p>" : paragraphs(d.details);
    s += "</section>";
    return s;
}

// What was put to the vote: the map as drawn, the rule, or the written text.
std::string adoptsSection(const DecisionRecord& r) {
    const forum::ProposalView& v = r.proposal;
    const model::ProposalDraft& d = v.record.draft;
    const bool adopted = r.decided && v.record.adopted;
    switch (d.kind) {
    case ProposalKind::Map: {
        std::string s = "<section class=\"adopted-map\"><h2>" +
                        std::string(adopted ? "The map adopted" : "The map put to the vote") +
                        "</h2>";
        s += "<p><strong>" + htmlText(r.map->name) + "</strong> (" + htmlText(r.map->processName) +
             "), version " + std::to_string(v.mapVersion) + "</p>";
        if (v.mapVersion == 0) {
            s += "<p>No version of the map was published.</p></section>";
            return s;
        }
        s += "<p>Content hash <span class=\"hash\">" + htmlText(v.mapHash) + "</span></p>";
        s += "<figure class=\"map\">" + r.mapSvg + "</figure></section>";
        return s;
    }
    case ProposalKind::Rule:
        return "<section class=\"adopted-rule\"><h2>" +
               std::string(adopted ? "The rule adopted" : "The rule put to the vote") +
               "</h2><p class=\"statement\"><strong>" +
               htmlText(forum::ruleAndFilterText(*v.rule)) + "</strong></p></section>";
    case ProposalKind::Text:
        return "<section class=\"adopted-text\"><h2>" +
               std::string(adopted ? "The standard adopted" : "The standard put to the vote") +
               "</h2><div class=\"statement\">" + paragraphs(d.text) + "</div></section>";
    }
    return {};
}

std::string choicePill(forum::VoteChoice c) {
    const std::string name(forum::choiceName(c));
    switch (c) {
    case forum::VoteChoice::Agree:
        return pill("good", name);
    case forum::VoteChoice::Abstain:
        return pill("open", name);
    default:
        return pill("bad", name);
    }
}

std::string votesSection(const DecisionRecord& r) {
    const forum::ProposalView& v = r.proposal;
    std::string s = "<section class=\"votes\"><h2>" +
                    std::string(r.decided ? "Votes" : "Votes so far") + "</h2>";
    s += "<p>" + htmlText(forum::tallyText(v.tally)) + " &middot; " +
         std::to_string(v.tally.eligible) + " members may vote &middot; quorum " +
         htmlText(v.record.draft.quorum) + (v.tally.quorumMet ? " met" : " not met") + "</p>";
    if (!v.tally.stale.empty())
        s += "<p>" + pill("stale", "stale") +
             " A stale vote was cast on an earlier version of the map: it is shown, not counted, "
             "until it is cast again.</p>";
    if (r.votes.empty()) {
        s += "<p class=\"muted\">No votes have been cast.</p>";
    } else {
        s += "<table class=\"vote-table\"><thead><tr><th class=\"c-member\">Member</th>"
             "<th class=\"c-trust\">Trust</th><th class=\"c-vote\">Vote</th>"
             "<th class=\"c-when\">Cast</th><th>Reason</th></tr></thead><tbody>";
        for (const VoteLine& line : r.votes) {
            s += line.stale ? "<tr class=\"stale\">" : "<tr>";
            s += "<td class=\"member\">" + htmlText(line.member) + "</td>";
            s += trustCell(line.trust);
            s += "<td>" + choicePill(line.choice) +
                 (line.stale ? "<br>" + pill("stale", "stale") +
                                   "<br><span class=\"sub\">cast on an earlier version</span>"
                             : "") +
                 "</td>";
            s += "<td class=\"when\">" + timeCell(line.at) + "</td>";
            s += "<td class=\"reason\">" +
                 (line.reason.empty() ? std::string("<span class=\"muted\">no reason given</span>")
                                      : paragraphs(line.reason)) +
                 "</td></tr>";
        }
        s += "</tbody></table>";
    }
    if (!r.notVoted.empty()) {
        std::string names;
        for (const std::string& n : r.notVoted) names += (names.empty() ? "" : ", ") + n;
        s += "<p>Not voted: " + htmlText(names) + "</p>";
    }
    s += "</section>";
    return s;
}

std::string outcomeSection(const DecisionRecord& r) {
    const forum::ProposalView& v = r.proposal;
    std::string s = "<section class=\"outcome\"><h2>Outcome</h2>";
    if (r.decided) {
        s += "<p>" + statePill(r) + " Closed by " + htmlText(r.closedBy) + ", " +
             htmlText(timeText(v.record.closedAt)) + ".";
        if (!v.record.adopted) s += " " + htmlText(v.record.resultReason);
        s += "</p>";
        if (r.standard)
            s += "<p>Now agreed standard " + std::to_string(r.standard->record.id.value) +
                 ", agreed " + htmlText(timeText(r.standard->record.agreedAt)) + ".</p>";
        s += "<div class=\"statement\">" + paragraphs(v.record.outcome) + "</div>";
    } else {
        s += "<p><strong>Not decided.</strong> ";
        if (v.outcomePending())
            s += "Voting has closed; a lead has still to close the proposal with its outcome.";
        else if (v.status == ProposalStatus::Discussion)
            s += "In discussion; voting opens " + htmlText(timeText(v.record.draft.opensAt)) + ".";
        else if (!v.record.draft.closesAt.empty())
            s += "Voting is open until " + htmlText(timeText(v.record.draft.closesAt)) + ".";
        else
            s += "Voting is open until a lead closes it.";
        s += "</p><p>As it stands: " +
             htmlText(v.tally.adopted ? std::string("it would be adopted") : v.tally.reason) +
             ".</p>";
    }
    s += "</section>";
    return s;
}

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

std::string auditFooter(const DecisionRecord& r) {
    std::string s = "<footer class=\"audit\"><h2>Audit record</h2>";
    if (r.audit.head.empty()) {
        s += "<p>The audit record is empty.</p>";
    } else {
        s += "<p>When this pack was made (" + htmlText(timeText(r.madeAt)) +
             ") the workspace's audit record held " + std::to_string(r.audit.entries) +
             " entries; its head hash was</p><p class=\"hash\">" + htmlText(r.audit.head) + "</p>";
        s += "<p class=\"muted\">Anyone holding the workspace can check that its record still "
             "reaches this hash, with nothing changed or removed: strawman audit verify "
             "WORKSPACE --head " +
             htmlText(r.audit.head) + "</p>";
    }
    if (r.audit.firstBad)
        s += "<p>" + pill("bad", "does not verify") + " entry " +
             std::to_string(*r.audit.firstBad) + " does not match: " + htmlText(r.audit.problem) +
             "</p>";
    s += "</footer>";
    return s;
}

// Graphviz's SVG document as an element of the page: no XML prolog, DOCTYPE
// or comments (an HTML parser reads none of them as SVG).
std::string inlineSvg(const std::string& svg) {
    const std::size_t start = svg.find("<svg");
    if (start == std::string::npos) return {};
    std::string out;
    std::size_t at = start;
    while (at < svg.size()) {
        const std::size_t comment = svg.find("<!--", at);
        if (comment == std::string::npos) {
            out.append(svg, at, std::string::npos);
            break;
        }
        out.append(svg, at, comment - at);
        const std::size_t end = svg.find("-->", comment);
        if (end == std::string::npos) break;
        at = end + 3;
    }
    return out;
}

} // namespace

std::string renderDecisionPack(const DecisionRecord& record) {
    DecisionRecord r = record;
    r.mapSvg = inlineSvg(record.mapSvg);
    const std::string title = "Decision pack: " + r.proposal.record.draft.title;
    std::string html = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                       "<title>" +
                       htmlText(title) + "</title><style>" + decisionPackStyle() +
                       "</style></head>\n<body>\n";
    html += head(r) + "\n";
    html += proposalSection(r) + "\n";
    // The decision first, then the map: printed, the map takes a landscape
    // page of its own, which would leave the first page all but empty.
    html += r.proposal.record.draft.kind == ProposalKind::Map ? "" : adoptsSection(r) + "\n";
    html += outcomeSection(r) + "\n";
    html += votesSection(r) + "\n";
    html += r.proposal.record.draft.kind == ProposalKind::Map ? adoptsSection(r) + "\n" : "";
    html += complianceSection(r) + "\n";
    html += auditFooter(r) + "\n";
    html += "</body></html>\n";
    return html;
}

std::string decisionPack(const model::Workspace& ws, model::ProposalId proposal,
                         const std::string& now) {
    return renderDecisionPack(gatherDecision(ws, proposal, now));
}

} // namespace strawman::exporters
