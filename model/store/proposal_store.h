// Where proposals, their votes and the agreed standards are kept
// (decision_records.h). Every change is one call, one transaction, with its
// audit entry (audit_log.h). Whether a member may open, vote or close, and what
// the result is, are the forum's rules (forum/decisions.h), checked and worked
// out before these calls; the store only refuses what would break its records.
#pragma once

#include "decision_records.h"

#include <optional>
#include <string_view>
#include <vector>

namespace strawman::model {

class AuditLog;
class Database;
class ForumStore;

class ProposalStore {
  public:
    ProposalStore(Database& db, AuditLog& audit, ForumStore& forum)
        : m_db(db), m_audit(audit), m_forum(forum) {}
    ProposalStore(const ProposalStore&) = delete;
    ProposalStore& operator=(const ProposalStore&) = delete;

    // A new proposal, with a thread for its discussion: on the map it would
    // adopt, else on its process, else on the network; `firstPost` opens it.
    ProposalId open(const ProposalDraft& draft, MemberId by, std::string_view firstPost);
    // A vote; the member's earlier votes are kept as their history.
    VoteId vote(ProposalId proposal, MemberId member, std::string_view choice,
                std::string_view reason, std::string_view onHash);
    // Records the outcome statement and the result; an adopted proposal
    // becomes an agreed standard, whose id is returned. Throws Error when it is
    // already closed.
    std::optional<StandardId> close(ProposalId proposal, MemberId by, const ProposalResult& result);

    std::vector<ProposalRecord> proposals() const; // in the order opened
    ProposalRecord proposal(ProposalId id) const;  // throws Error for an unknown id
    // Every vote cast on it, in the order cast: a member's current vote is
    // their last.
    std::vector<VoteRecord> votes(ProposalId proposal) const;

    std::vector<StandardRecord> standards() const; // in the order agreed
    StandardRecord standard(StandardId id) const;  // throws Error for an unknown id

  private:
    Database& m_db;
    AuditLog& m_audit;
    ForumStore& m_forum;
};

std::string_view proposalKindName(ProposalKind kind); // "map", "rule", "text"

} // namespace strawman::model
