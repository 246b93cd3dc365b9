// What a decision pack says, gathered from the workspace in one go: the
// proposal as it stands (forum/decisions.h), every vote with its member and
// trust, what it adopts (the map version drawn, or the rule), each trust's
// compliance with the standard it became, and the audit record's head. The
// pack (decision_pack.h) only words and draws this; nothing here is HTML.
#pragma once

#include "forum/decisions.h"
#include "forum/rule_check.h"
#include "forum/standards.h"
#include "model/store/workspace.h"
#include "model/use_cases/map_fit.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace strawman::exporters {

struct VoteLine {
    std::string member;
    model::Trust trust; // the member's trust
    forum::VoteChoice choice = forum::VoteChoice::Agree;
    std::string reason;
    std::string at;     // ISO 8601 UTC
    bool stale = false; // cast on an earlier version of the map: shown, not counted
};

struct DecisionRecord {
    forum::ProposalView proposal;
    std::string openedBy;
    std::string closedBy; // "" while it is not decided
    bool decided = false; // a lead closed it and recorded the outcome
    std::string adopts;   // forum::adoptsText

    // A map proposal: the version voted on (the version adopted once it is),
    // drawn as an SVG picture.
    std::optional<model::MapSummary> map;
    std::string mapSvg;

    std::vector<VoteLine> votes; // each member's current vote, in the order cast
    std::vector<std::string> notVoted;

    // The agreed standard it became, when adopted.
    std::optional<forum::StandardView> standard;
    // A rule: each trust's data held against it, as `standard check` does for
    // a standard; a rule not yet one is checked as proposed (standard id 0).
    std::vector<forum::StandardCheck> ruleCompliance;
    // An adopted map: each trust's straw man against it, as `compare --standard`,
    // and each trust's cases against it, month by month (in the trusts' order).
    std::optional<forum::StandardComparison> mapCompliance;
    std::vector<model::MapFit> mapFit;

    model::AuditCheck audit; // the record as it stood when the pack was made
    std::string madeAt;      // ISO 8601 UTC
};

// Throws model::Error for an unknown proposal.
DecisionRecord gatherDecision(const model::Workspace& ws, model::ProposalId proposal,
                              const std::string& now = model::nowUtc());

} // namespace strawman::exporters
