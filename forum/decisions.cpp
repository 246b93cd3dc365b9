#include "decisions.h"

#include "discussion.h"
#include "rule_json.h"

#include "model/core/error.h"

#include <cctype>
#include <map>

namespace strawman::forum {

namespace {

using model::Error;
using model::ProposalKind;

bool digitsAt(std::string_view s, std::size_t at, std::size_t n) {
    if (s.size() < at + n) return false;
    for (std::size_t i = at; i < at + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

// The published version of the map a proposal adopts as it stood at `time`
// (its last one when `time` is empty): what votes are cast on, and what a
// closed proposal adopted. {0, ""} when none was published then.
std::pair<int, std::string> publishedVersion(const model::Workspace& ws, model::MapId map,
                                             const std::string& time) {
    std::pair<int, std::string> found{0, ""};
    for (const model::MapVersionInfo& v : ws.versions(map))
        if (v.published && (time.empty() || v.publishedAt <= time)) found = {v.number, v.hash};
    return found;
}

std::string firstPost(const ProposalRequest& r, const model::ProposalDraft& d) {
    std::string post = "Proposal: " + r.title;
    if (d.kind == ProposalKind::Rule) post += "\nRule: " + ruleText(ruleFromJson(d.rule));
    if (d.kind == ProposalKind::Text) post += "\nStandard: " + d.text;
    if (!r.details.empty()) post += "\n\n" + r.details;
    return post;
}

model::ProposalDraft draftOf(const model::Workspace& ws, const ProposalRequest& r,
                             const std::string& now) {
    model::ProposalDraft d;
    d.title = r.title;
    d.details = r.details;
    const int kinds = int(r.adoptMap.has_value()) + int(!r.rule.empty()) + int(!r.text.empty());
    if (kinds != 1)
        throw Error("a proposal adopts exactly one thing: a map version (--adopt-map), a rule "
                    "(--rule) or a written standard (--text)");
    if (!r.where.empty() && r.rule.empty()) throw Error("--where filters a rule's cases");
    if (!r.process.empty()) {
        const auto process = ws.findProcess(r.process);
        if (!process) throw Error("the network has no process named \"" + r.process + "\"");
        d.process = process->id;
    }
    if (r.adoptMap) {
        const model::MapSummary map = ws.map(*r.adoptMap);
        if (d.process && *d.process != map.process)
            throw Error("map " + std::to_string(map.id.value) + " is a map of " + map.processName +
                        ", not of " + r.process);
        if (publishedVersion(ws, map.id, "").first == 0)
            throw Error("map " + std::to_string(map.id.value) +
                        " has no published version to adopt: publish it first");
        d.kind = ProposalKind::Map;
        d.map = map.id;
        d.process = map.process;
    } else if (!r.rule.empty()) {
        d.kind = ProposalKind::Rule;
        d.rule = ruleJson(parseRule(r.rule, r.where,
                                    [&](std::string_view code) { return ws.hasActivity(code); }));
    } else {
        d.kind = ProposalKind::Text;
        d.text = r.text;
    }
    d.quorum = quorumText(parseQuorum(r.quorum));
    if (!r.opens.empty()) d.opensAt = utcTime(r.opens, "the time voting opens");
    if (!r.closes.empty()) {
        d.closesAt = utcTime(r.closes, "the time voting closes");
        if (d.closesAt <= now)
            throw Error("voting would close at " + d.closesAt + ", which has passed");
        if (!d.opensAt.empty() && d.closesAt <= d.opensAt)
            throw Error("voting would close at " + d.closesAt + ", before it opens at " +
                        d.opensAt);
    }
    return d;
}

} // namespace

std::string utcTime(std::string_view t, std::string_view what) {
    const bool day = t.size() >= 10 && digitsAt(t, 0, 4) && t[4] == '-' && digitsAt(t, 5, 2) &&
                     t[7] == '-' && digitsAt(t, 8, 2);
    std::string out;
    if (day && t.size() == 10)
        out = std::string(t) + "T00:00:00Z";
    else if (day && t.size() >= 16 && t[10] == 'T' && digitsAt(t, 11, 2) && t[13] == ':' &&
             digitsAt(t, 14, 2)) {
        if (t.size() == 16 || (t.size() == 17 && t[16] == 'Z'))
            out = std::string(t.substr(0, 16)) + ":00Z";
        else if (t.size() == 20 && t[16] == ':' && digitsAt(t, 17, 2) && t[19] == 'Z')
            out = std::string(t);
    }
    if (out.empty())
        throw Error(std::string(what) + " \"" + std::string(t) +
                    "\" is not a UTC time: write 2026-12-10, 2026-12-10T17:00 or "
                    "2026-12-10T17:00:00Z");
    return out;
}

model::ProposalId openProposal(model::Workspace& ws, const model::Member& lead,
                               const ProposalRequest& request, const std::string& now) {
    checkOpen(lead);
    const model::ProposalDraft draft = draftOf(ws, request, now);
    ws.audit().actAs(lead.name);
    return ws.proposals().open(draft, lead.id, firstPost(request, draft));
}

ProposalView viewProposal(const model::Workspace& ws, model::ProposalId id,
                          const std::string& now) {
    ProposalView v;
    v.record = ws.proposals().proposal(id);
    const model::ProposalDraft& d = v.record.draft;
    v.quorum = parseQuorum(d.quorum);
    if (d.kind == ProposalKind::Rule) v.rule = ruleFromJson(d.rule);
    // Voting ends when a lead closes it or at its closing time, whichever is first.
    std::string end = v.record.closedAt;
    if (!d.closesAt.empty() && (end.empty() || d.closesAt < end) && d.closesAt <= now)
        end = d.closesAt;
    if (d.kind == ProposalKind::Map)
        std::tie(v.mapVersion, v.mapHash) = publishedVersion(ws, d.map, end);
    v.history = ws.proposals().votes(id);
    std::map<model::MemberId, std::size_t> latest;
    for (const model::VoteRecord& r : v.history) {
        const Vote vote{r.member, choiceNamed(r.choice).value_or(VoteChoice::Abstain), r.reason,
                        r.castAt, r.onHash};
        if (const auto it = latest.find(r.member); it != latest.end())
            v.current[it->second] = vote;
        else {
            latest[r.member] = v.current.size();
            v.current.push_back(vote);
        }
    }
    v.state = {d.opensAt, d.closesAt, v.record.closedBy.has_value(), v.mapHash, v.quorum};
    v.status = statusAt(v.state, now);
    v.tally = tally(v.state, v.current, ws.members(), ws.trusts());
    return v;
}

std::string adoptsText(const ProposalView& v) {
    const model::ProposalDraft& d = v.record.draft;
    switch (d.kind) {
    case ProposalKind::Map:
        return "map " + std::to_string(d.map.value) + ", version " + std::to_string(v.mapVersion) +
               ", as the standard for its process";
    case ProposalKind::Rule:
        return "the rule " + ruleAndFilterText(*v.rule);
    case ProposalKind::Text:
        return "the written standard \"" + d.text + "\"";
    }
    return "";
}

std::string tallyText(const Tally& t) {
    return std::to_string(t.agree) + " agree, " + std::to_string(t.abstain) + " abstain, " +
           std::to_string(t.disagree) + " disagree, " + std::to_string(t.block) + " block";
}

model::VoteId castVote(model::Workspace& ws, model::ProposalId id, const model::Member& voter,
                       VoteChoice choice, std::string_view reason, const std::string& now) {
    const ProposalView v = viewProposal(ws, id, now);
    checkVote(v.state, voter, choice, reason, now);
    ws.audit().actAs(voter.name);
    return ws.proposals().vote(id, voter.id, choiceName(choice), reason, v.mapHash);
}

std::optional<model::StandardId> closeProposal(model::Workspace& ws, model::ProposalId id,
                                               const model::Member& lead, std::string_view outcome,
                                               const std::string& now) {
    const ProposalView v = viewProposal(ws, id, now);
    checkClose(v.state, lead);
    model::ProposalResult result;
    result.outcome = std::string(outcome);
    result.adopted = v.tally.adopted;
    result.reason = v.tally.reason;
    if (v.record.draft.kind == ProposalKind::Map && result.adopted) {
        result.mapVersion = v.mapVersion;
        result.mapHash = v.mapHash;
    }
    ws.audit().actAs(lead.name);
    return ws.proposals().close(id, lead.id, result);
}

} // namespace strawman::forum
