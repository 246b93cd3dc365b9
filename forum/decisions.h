// How a network decides, for the CLI and the editor alike: a lead opens a
// proposal, members vote, a lead closes it with an outcome statement, and an
// adopted proposal becomes an agreed standard. Each call checks the forum's
// rules (proposal.h) against what is stored, names the member in the audit
// record, and goes through the store's one door for it (proposal_store.h);
// a refusal is a model::Error that changes nothing.
#pragma once

#include "proposal.h"
#include "rule.h"

#include "model/core/clock.h"
#include "model/store/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace strawman::forum {

// A proposal as a lead writes it: exactly one of adoptMap, rule or text.
struct ProposalRequest {
    std::string title;
    std::string details;
    std::optional<model::MapId> adoptMap; // adopt its published version
    std::string rule;                     // a measurable rule (rule.h)
    std::string where;                    // the rule's filter
    std::string text;                     // a written standard
    std::string process;                  // the process it is about, by name
    std::string quorum = "50%";           // a share of the members who may vote, or each-trust
    std::string opens;                    // voting opens: YYYY-MM-DD[THH:MM[:SS]Z], UTC
    std::string closes;                   // voting closes, likewise
};

// "2026-12-10" or "2026-12-10T17:00" or "2026-12-10T17:00:00Z" as
// "2026-12-10T17:00:00Z"; throws model::Error naming `what` for anything else.
std::string utcTime(std::string_view text, std::string_view what);

model::ProposalId openProposal(model::Workspace& ws, const model::Member& lead,
                               const ProposalRequest& request,
                               const std::string& now = model::nowUtc());

// A proposal as it stands at `now`.
struct ProposalView {
    model::ProposalRecord record;
    ProposalStatus status = ProposalStatus::Voting;
    Quorum quorum;
    std::optional<Rule> rule;               // a rule proposal's rule
    int mapVersion = 0;                     // a map proposal: the version up for adoption
    std::string mapHash;                    // its content hash ("" when none is published)
    std::vector<Vote> current;              // each member's current vote, in the order cast
    std::vector<model::VoteRecord> history; // every vote cast
    Tally tally;                            // the current votes counted
    ProposalState state;                    // what the rules of proposal.h need of it
    // Closed, at its time or by a lead, with the outcome still to record.
    bool outcomePending() const { return status == ProposalStatus::Closed && !record.closedBy; }
};
ProposalView viewProposal(const model::Workspace& ws, model::ProposalId id,
                          const std::string& now = model::nowUtc());

// What it adopts, in words: "the rule RCV->VET p90 <= 3d where priority=routine",
// "map 1, version 2, as the standard for its process", "the written standard "…"".
std::string adoptsText(const ProposalView& view);
// "5 agree, 1 abstain, 1 disagree, 0 block"
std::string tallyText(const Tally& tally);

model::VoteId castVote(model::Workspace& ws, model::ProposalId id, const model::Member& voter,
                       VoteChoice choice, std::string_view reason,
                       const std::string& now = model::nowUtc());

// Closes it with the outcome statement and records the result; returns the
// standard it became when adopted.
std::optional<model::StandardId> closeProposal(model::Workspace& ws, model::ProposalId id,
                                               const model::Member& lead, std::string_view outcome,
                                               const std::string& now = model::nowUtc());

} // namespace strawman::forum
