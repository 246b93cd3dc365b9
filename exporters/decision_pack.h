// The decision pack: the record of one proposal that a lead takes to a trust's
// board, as one HTML file that needs nothing else (the stylesheet and every
// picture inline, no scripts, nothing fetched) and prints on A4. It holds what
// was put to the vote (the map version drawn, with its content hash, or the
// rule or written standard), the proposal, every vote with its member, trust,
// time and reason (a vote cast on an earlier version of the map marked stale),
// the outcome and who closed it, each trust's compliance with the standard it
// became (a rule's months as a chart), and the audit record's head hash when
// the pack was made, so a reader can check later that the record still reaches
// it (`strawman audit verify --head`). A proposal not yet decided is packed as
// it stands, saying so. `strawman pack` and the editor call this one use case.
#pragma once

#include "decision_record.h"

#include <string>

namespace strawman::exporters {

// The pack's HTML for the record.
std::string renderDecisionPack(const DecisionRecord& record);

// Gathers and renders. Throws model::Error for an unknown proposal.
std::string decisionPack(const model::Workspace& ws, model::ProposalId proposal,
                         const std::string& now = model::nowUtc());

} // namespace strawman::exporters
