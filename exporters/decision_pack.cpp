#include "decision_pack.h"

#include "compliance_section.h"
#include "decision_pack_style.h"
#include "pack_html.h"
#include "xml_text.h"

#include "forum/rule.h"

namespace strawman::exporters {

namespace {

using forum::ProposalStatus;
using model::ProposalKind;

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