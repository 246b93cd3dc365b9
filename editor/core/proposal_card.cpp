#include "proposal_card.h"

#include "forum/threads.h"

#include <algorithm>

namespace strawman::editor {

namespace {

// "2026-12-20T17:00:00Z" as "2026-12-20 17:00 UTC": read aloud in a meeting.
std::string timeText(const std::string& iso) {
    if (iso.size() < 16) return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string statusText(const forum::ProposalView& v) {
    const model::ProposalDraft& d = v.record.draft;
    switch (v.status) {
    case forum::ProposalStatus::Discussion:
        return "in discussion; voting opens " + timeText(d.opensAt);
    case forum::ProposalStatus::Voting:
        return d.closesAt.empty() ? "voting, until a lead closes it"
                                  : "voting, closes " + timeText(d.closesAt);
    case forum::ProposalStatus::Closed:
        return v.record.closedBy
                   ? "closed " + timeText(v.record.closedAt)
                   : "voting closed " + timeText(d.closesAt) + "; a lead records the outcome";
    }
    return "";
}

} // namespace

std::vector<model::ProposalRecord> proposalsAbout(const model::Workspace& ws,
                                                  const model::MapSummary* map) {
    std::vector<model::ProposalRecord> out;
    for (model::ProposalRecord& p : ws.proposals().proposals()) {
        const model::ProposalDraft& d = p.draft;
        const bool about =
            !map || (d.kind == model::ProposalKind::Map && d.map == map->id) ||
            (d.kind != model::ProposalKind::Map && (!d.process || *d.process == map->process));
        if (about) out.push_back(std::move(p));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

ProposalCard proposalCard(const model::Workspace& ws, const forum::ProposalView& v,
                          const std::optional<model::Member>& acting, const std::string& now) {
    const forum::MemberNames names(ws);
    ProposalCard card;
    card.title = v.record.draft.title;
    card.adopts = forum::adoptsText(v);
    card.status = statusText(v);
    card.tally = forum::tallyText(v.tally);
    card.quorum = "quorum " + v.record.draft.quorum + (v.tally.quorumMet ? ": met" : ": not met");
    if (v.record.closedBy) {
        card.result = v.record.adopted ? "Adopted" : "Not adopted: " + v.record.resultReason;
        card.outcome = v.record.outcome;
    } else
        card.result =
            v.tally.adopted ? "As it stands: would be adopted" : "As it stands: " + v.tally.reason;
    for (const forum::Vote& vote : v.current) {
        const bool stale = !v.mapHash.empty() && vote.onHash != v.mapHash;
        card.votes.push_back(
            {names(vote.member), std::string(forum::choiceName(vote.choice)), vote.reason, stale});
        if (acting && vote.member == acting->id)
            card.myVote = std::string(forum::choiceName(vote.choice)) + (stale ? " (stale)" : "");
    }
    for (model::MemberId id : v.tally.notVoted) card.notVoted.push_back(names(id));
    if (!acting) {
        card.whyNotVote = "Choose who you are acting as in the status bar";
        return card;
    }
    try {
        // An agree needs nothing more, so a refusal here is about who and when.
        forum::checkVote(v.state, *acting, forum::VoteChoice::Agree, "", now);
        card.mayVote = true;
    } catch (const model::Error& e) {
        card.whyNotVote = e.what();
    }
    try {
        forum::checkClose(v.state, *acting);
        card.mayClose = true;
    } catch (const model::Error&) {
        card.mayClose = false;
    }
    return card;
}

} // namespace strawman::editor
