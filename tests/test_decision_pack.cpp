// The decision pack (exporters/decision_pack.h) on the demo network: what it
// says of a decided map proposal, a rule proposal and one still open, that the
// members' words are written as text, and that the file loads nothing.
#include "decision_pack_network.h"

#include "exporters/decision_pack.h"
#include "exporters/trend_chart.h"
#include "exporters/xml_text.h"
#include "forum/standards.h"
#include "forum/standing.h"
#include "model/core/error.h"
#include "model/use_cases/map_fit.h"
#include "model/use_cases/trust_diff.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

using namespace strawman;
using test::DecisionPackNetwork;

namespace {

std::size_t countOf(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The table row (<tr ...>...</tr>) that holds `text`; empty when none does.
std::string rowOf(const std::string& html, const std::string& text) {
    const std::size_t at = html.find(text);
    if (at == std::string::npos) return {};
    const std::size_t start = html.rfind("<tr", at);
    const std::size_t end = html.find("</tr>", at);
    if (start == std::string::npos || end == std::string::npos) return {};
    return html.substr(start, end - start);
}

// Nothing a browser would fetch or run: no scripts, no sources or links, no
// stylesheet or font from elsewhere.
void loadsNothing(const std::string& html) {
    const std::string l = lower(html);
    CHECK(l.find("<script") == std::string::npos);
    CHECK(l.find("src=") == std::string::npos);
    CHECK(l.find("href=") == std::string::npos);
    CHECK(l.find("<link") == std::string::npos);
    CHECK(l.find("@import") == std::string::npos);
    CHECK(l.find("@font-face") == std::string::npos);
    CHECK(l.find("<img") == std::string::npos);
    CHECK(l.find("<iframe") == std::string::npos);
    CHECK(l.find("<object") == std::string::npos);
    CHECK(l.find("javascript:") == std::string::npos);
    for (std::size_t at = l.find("url("); at != std::string::npos; at = l.find("url(", at + 1))
        CHECK(l.substr(at, 5) == "url(#"); // an SVG's own gradient or marker only
}

} // namespace

TEST_CASE("the pack of a decided map proposal holds every vote, the stale ones marked, the "
          "outcome, the map and its hash, each trust's straw man and the audit head") {
    DecisionPackNetwork n;
    const forum::ProposalView v = forum::viewProposal(n.ws, n.map);
    REQUIRE(v.record.adopted);
    REQUIRE(v.mapVersion == 2);
    const std::string html = exporters::decisionPack(n.ws, n.map);

    CHECK(html.find(exporters::htmlText(v.record.draft.title)) != std::string::npos);
    CHECK(html.find("Every trust&#39;s straw man") == std::string::npos); // ' needs no entity
    CHECK(html.find("Every trust's straw man is held against this map from April.") !=
          std::string::npos);
    CHECK(html.find("Dr Simon Pike") != std::string::npos);

    // Every vote: member, trust, choice and reason, in a row of its own.
    const forum::MemberNames names(n.ws);
    REQUIRE(v.current.size() == 8);
    for (const forum::Vote& vote : v.current) {
        const std::string name = names(vote.member);
        const std::string row = rowOf(html, "<td class=\"member\">" + name + "</td>");
        INFO(name);
        REQUIRE_FALSE(row.empty());
        model::TrustId trust;
        for (const model::Member& m : n.ws.members())
            if (m.id == vote.member) trust = m.trust;
        CHECK(row.find(n.ws.trust(trust).code) != std::string::npos);
        CHECK(row.find(">" + std::string(forum::choiceName(vote.choice)) + "<") !=
              std::string::npos);
        if (!vote.reason.empty())
            CHECK(row.find(exporters::htmlText(vote.reason)) != std::string::npos);
        // Stale: cast on version 1 and not cast again (Aisha Rahman only).
        const bool stale = vote.onHash != v.mapHash;
        CHECK(stale == (name == "Aisha Rahman"));
        CHECK((row.find(">stale<") != std::string::npos) == stale);
        CHECK((row.find("cast on an earlier version") != std::string::npos) == stale);
        CHECK((row.rfind("<tr class=\"stale\">", 0) == 0) == stale);
    }
    CHECK(countOf(html, "<tr class=\"stale\">") == v.tally.stale.size());
    CHECK(html.find(forum::tallyText(v.tally)) != std::string::npos);
    CHECK(html.find("Not voted: Kiran Shah") != std::string::npos);

    // The outcome, who closed it and when.
    CHECK(html.find(">Adopted<") != std::string::npos);
    CHECK(html.find("Not decided") == std::string::npos);
    CHECK(html.find("Closed by Dr Simon Pike, " + v.record.closedAt.substr(0, 10)) !=
          std::string::npos);
    CHECK(html.find("Adopted: version 2, with vetting daily") != std::string::npos);

    // The map adopted: version 2 drawn inline, with its hash; not version 1's.
    CHECK(html.find("version 2") != std::string::npos);
    CHECK(html.find(v.mapHash) != std::string::npos);
    CHECK(html.find(n.ws.versions(DecisionPackNetwork::kNetworkCt).front().hash) ==
          std::string::npos);
    CHECK(countOf(html, "<svg") >= 1);
    CHECK(html.find("<?xml") == std::string::npos);
    CHECK(html.find("<!DOCTYPE svg") == std::string::npos);
    CHECK(html.find("<!--") == std::string::npos);
    CHECK(html.find("Vetted by radiologist (daily)") != std::string::npos);

    // Each trust's straw man against the standard, as `compare --standard` says it.
    const auto standards = forum::agreedStandards(n.ws);
    REQUIRE(standards.size() == 2);
    const forum::StandardComparison c = forum::compareWithStandard(n.ws, standards[1].record.id);
    for (const forum::StrawManAgainstStandard& t : c.trusts) {
        INFO(t.trust.code);
        const std::string row = rowOf(html, t.trust.name + "</span></td><td>map ");
        REQUIRE_FALSE(row.empty());
        CHECK(row.find(t.comparison.same()
                           ? "draws the same process as the standard"
                           : exporters::htmlText(t.comparison.summary)) != std::string::npos);
    }

    // Each trust's cases against the version adopted, month by month.
    model::MapContent adopted;
    for (const model::MapVersionInfo& version : n.ws.versions(DecisionPackNetwork::kNetworkCt))
        if (version.number == 2) adopted = n.ws.content(version.id);
    std::size_t charted = 0;
    for (const model::Trust& t : n.ws.trusts()) {
        INFO(t.code);
        const model::MapFit fit = model::fitByMonth(n.ws, adopted, t, forum::networkTimeZone());
        REQUIRE(fit.overall.cases > 0);
        const std::string row = rowOf(html, t.name + "</span></td><td class=\"num\">");
        REQUIRE_FALSE(row.empty());
        char fitness[16];
        std::snprintf(fitness, sizeof fitness, "%.3f", fit.overall.logFitness);
        CHECK(row.find(std::string(">") + fitness + "<") != std::string::npos);
        CHECK(row.find(">" + std::to_string(fit.overall.cases) + "<") != std::string::npos);
        CHECK(countOf(row, "<circle ") == fit.byMonth.size());
        charted += !fit.byMonth.empty();
    }
    CHECK(countOf(html, "<svg class=\"trend\"") == charted);

    // The audit record's head when the pack was made.
    const model::AuditCheck audit = n.ws.audit().verify();
    CHECK(html.find(audit.head) != std::string::npos);
    CHECK(html.find("held " + std::to_string(audit.entries) + " entries") != std::string::npos);
    loadsNothing(html);
}

TEST_CASE("a reason holding a script, an ampersand and quotes is written as text") {
    DecisionPackNetwork n;
    const std::string html = exporters::decisionPack(n.ws, n.map);
    CHECK(html.find(DecisionPackNetwork::kMarkup) == std::string::npos);
    CHECK(html.find("Protocol &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; book "
                    "'after' vetting") != std::string::npos);
    CHECK(lower(html).find("<script") == std::string::npos);
    CHECK(exporters::htmlText("<a title=\"x\">Tom & 'Jo'</a>") ==
          "&lt;a title=&quot;x&quot;&gt;Tom &amp; 'Jo'&lt;/a&gt;");
}

TEST_CASE("a rule proposal's pack holds the rule and each trust's compliance, month by month") {
    DecisionPackNetwork n;
    const std::string html = exporters::decisionPack(n.ws, DecisionPackNetwork::kRule);
    CHECK(html.find("The rule adopted") != std::string::npos);
    CHECK(html.find("RCV-&gt;VET p90 &lt;= 3d where priority=routine") != std::string::npos);
    CHECK(html.find("Three days is too long for a patient to wait") != std::string::npos);
    CHECK(html.find("Dr Helen Marsh") != std::string::npos);
    CHECK(html.find("Adopted as the network&#39;s") == std::string::npos);
    CHECK(html.find("Adopted as the network's vetting standard") != std::string::npos);
    CHECK(html.find("<tr class=\"stale\">") == std::string::npos); // a rule has no versions

    const auto checks = forum::checkStandards(n.ws, model::StandardId{1});
    REQUIRE(checks.size() == 5);
    std::size_t charted = 0;
    for (const forum::StandardCheck& c : checks) {
        INFO(c.trust.code);
        const std::string row = rowOf(html, c.trust.name + "</span></td><td class=\"num\">");
        REQUIRE_FALSE(row.empty());
        CHECK(row.find(">" + forum::measuredText(c.rule, c.check.overall) + "<") !=
              std::string::npos);
        CHECK(row.find(">" + forum::standingText(forum::standingOf(c.check.overall)) + "<") !=
              std::string::npos);
        CHECK(row.find(">" + std::to_string(c.check.overall.cases) + "<") != std::string::npos);
        // The trend: a mark a month, a square where the month missed the limit.
        if (c.check.byMonth.empty()) continue;
        ++charted;
        std::size_t missed = 0;
        for (const forum::MonthValue& m : c.check.byMonth) missed += !m.value.compliant;
        CHECK(countOf(row, "<rect ") == missed);
        CHECK(countOf(row, "<circle ") == c.check.byMonth.size() - missed);
        CHECK(row.find(">" + c.check.byMonth.front().month + "<") != std::string::npos);
    }
    CHECK(charted > 0);
    CHECK(countOf(html, "<svg class=\"trend\"") == charted);
    CHECK(html.find(n.ws.audit().verify().head) != std::string::npos);
    loadsNothing(html);
}

TEST_CASE("an open proposal's pack says it is not decided and shows the votes so far") {
    DecisionPackNetwork n;
    const forum::ProposalView v = forum::viewProposal(n.ws, DecisionPackNetwork::kOpen);
    REQUIRE_FALSE(v.record.closedBy);
    const std::string html = exporters::decisionPack(n.ws, DecisionPackNetwork::kOpen);
    CHECK(html.find("Not decided: voting") != std::string::npos);
    CHECK(html.find("<strong>Not decided.</strong> Voting is open until " +
                    v.record.draft.closesAt.substr(0, 10)) != std::string::npos);
    CHECK(html.find("Votes so far") != std::string::npos);
    CHECK(html.find(">Adopted<") == std::string::npos);
    CHECK(html.find("Closed by") == std::string::npos);
    for (const char* voter : {"Aisha Rahman", "Lucy Grant", "Tom Hughes"})
        CHECK(html.find("<td class=\"member\">" + std::string(voter) + "</td>") !=
              std::string::npos);
    CHECK(html.find("we need a month to change the booking team&#39;s") == std::string::npos);
    CHECK(html.find("we need a month to change the booking team's process first") !=
          std::string::npos);
    CHECK(html.find("As it stands: " + exporters::htmlText(v.tally.reason)) != std::string::npos);
    // Not a standard yet: the trusts held against the rule as proposed.
    CHECK(html.find("Not a standard: each trust's data against the rule as proposed") !=
          std::string::npos);
    for (const model::Trust& t : n.ws.trusts()) CHECK(html.find(t.name) != std::string::npos);
    loadsNothing(html);
}

TEST_CASE("a proposal whose voting time has passed, its outcome not yet recorded, is not decided") {
    DecisionPackNetwork n;
    forum::ProposalRequest r;
    r.title = "Reports verified within 7 days";
    r.text = "Every report is verified within seven days of the scan.";
    r.closes = "2026-01-31T17:00";
    const model::ProposalId p = forum::openProposal(n.ws, forum::memberNamed(n.ws, "Dr Ruth Webb"),
                                                    r, "2026-01-05T09:00:00Z");
    forum::castVote(n.ws, p, forum::memberNamed(n.ws, "Mark Ellis"), forum::VoteChoice::Agree, "",
                    "2026-01-06T09:00:00Z");
    const std::string html = exporters::decisionPack(n.ws, p, "2026-02-02T09:00:00Z");
    CHECK(html.find("Not decided: outcome to record") != std::string::npos);
    CHECK(
        html.find("Voting has closed; a lead has still to close the proposal with its outcome.") !=
        std::string::npos);
    CHECK(html.find("Voting set to close</th><td>2026-01-31 17:00 UTC") != std::string::npos);
    CHECK(html.find("The standard put to the vote") != std::string::npos);
    CHECK(html.find("Every report is verified within seven days of the scan.") !=
          std::string::npos);
    CHECK(html.find("A written standard is read, not measured.") != std::string::npos);
    CHECK(html.find("<td class=\"member\">Mark Ellis</td>") != std::string::npos);
    CHECK(html.find("Closed by") == std::string::npos);
}

TEST_CASE("a map against a trust's cases month by month is the diff of each month's cases") {
    DecisionPackNetwork n;
    const model::MapContent map = n.ws.content(DecisionPackNetwork::kNetworkCt);
    const model::Trust rpa = n.ws.trust("RPA");
    const model::MapFit fit = model::fitByMonth(n.ws, map, rpa, forum::networkTimeZone());
    REQUIRE(fit.byMonth.size() == 12);
    std::int64_t cases = 0;
    for (const model::MonthFit& m : fit.byMonth) cases += m.value.cases;
    CHECK(cases == fit.overall.cases);
    const model::DiffResult whole =
        model::diffTrust(n.ws, map, "RPA", {}, model::DiffOptions{}).result;
    CHECK(fit.overall.cases == whole.cases);
    CHECK(fit.overall.logFitness == doctest::Approx(whole.logFitness));
    // A month: the diff of the cases whose first event falls in it, UK time.
    // January and July: months of 31 days, one in winter time, one in summer time.
    for (const std::string name : {"2025-01", "2025-07"}) {
        const auto m = std::find_if(fit.byMonth.begin(), fit.byMonth.end(),
                                    [&](const model::MonthFit& f) { return f.month == name; });
        REQUIRE(m != fit.byMonth.end());
        model::CaseChoice choice;
        choice.from = name + "-01";
        choice.to = name + "-31";
        const model::DiffResult month =
            model::diffTrust(n.ws, map, "RPA", choice, model::DiffOptions{}).result;
        INFO(name);
        CHECK(m->value.cases == month.cases);
        CHECK(m->value.logFitness == doctest::Approx(month.logFitness));
        CHECK(m->value.percentageFitting == doctest::Approx(month.percentageFitting));
    }
}

TEST_CASE("a pack of a proposal that does not exist is refused by its id") {
    DecisionPackNetwork n;
    CHECK_THROWS_WITH_AS(exporters::decisionPack(n.ws, model::ProposalId{99}),
                         "no proposal with id 99", model::Error);
}
