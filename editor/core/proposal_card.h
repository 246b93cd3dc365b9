// A proposal as the Forum tab shows it to the member acting: what it adopts,
// its status, the live tally, each current vote (stale ones marked), who has
// not voted, the result, and what the member may do now. The words are the
// CLI's (`strawman proposal show`); the rules are the forum's (forum/decisions.h).
// No ImGui.
#pragma once

#include "forum/decisions.h"

#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

struct ProposalCard {
    std::string title;
    std::string adopts; // "the rule RCV->VET p90 <= 3d where priority=routine"
    std::string status; // "voting, closes 2026-12-20 17:00 UTC"
    std::string tally;  // "5 agree · 1 abstain · 1 disagree · 0 block"
    std::string quorum; // "quorum each-trust: met"
    // Closed: "Adopted" or "Not adopted: REASON", and the outcome statement.
    // Open: how it stands ("would be adopted" or why not).
    std::string result;
    std::string outcome;

    struct VoteLine {
        std::string member;
        std::string choice; // "agree"
        std::string reason;
        bool stale = false; // cast on an earlier version of the map: not counted
    };
    std::vector<VoteLine> votes;
    std::vector<std::string> notVoted;

    // For the member acting: their current vote, and whether they may vote
    // or close now (with the reason when not, as the refusal would say it).
    std::optional<std::string> myVote;
    bool mayVote = false;
    std::string whyNotVote;
    bool mayClose = false;
};

// The proposals the Forum tab lists beside a map: those adopting this map,
// those about its process, and those about no process (the whole network);
// the newest first. With no map shown, every proposal.
std::vector<model::ProposalRecord> proposalsAbout(const model::Workspace& ws,
                                                  const model::MapSummary* map);

ProposalCard proposalCard(const model::Workspace& ws, const forum::ProposalView& view,
                          const std::optional<model::Member>& acting, const std::string& now);

} // namespace strawman::editor
