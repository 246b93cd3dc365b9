// Proposals, votes and agreed standards as the store keeps them
// (proposal_store.h). The rules of who may vote, open and close, and how votes
// are counted, are the forum's (forum/proposal.h); here they are plain records.
// A vote's choice and a proposal's quorum are kept as the forum writes them
// ("agree", "60%"); a rule is kept parsed, as JSON of its parts (forum/rule.h),
// so checking it never reads its text again.
#pragma once

#include "model/core/ids.h"

#include <optional>
#include <string>

namespace strawman::model {

// What a proposal would adopt: a map version as the network's standard for its
// process, a measurable rule, or a written standard.
enum class ProposalKind { Map, Rule, Text };

struct ProposalDraft {
    std::string title;
    std::string details;
    ProposalKind kind = ProposalKind::Text;
    std::optional<ProcessId> process; // Map: the map's process; others: optional
    MapId map;                        // Map: the map whose published version it adopts
    std::string rule;                 // Rule: the parsed rule as JSON
    std::string text;                 // Text: the written standard
    std::string quorum;               // "60%" or "each-trust"
    std::string opensAt;              // ISO 8601 UTC; "" opens voting at once
    std::string closesAt;             // ISO 8601 UTC; "" until a lead closes it
};

struct ProposalRecord {
    ProposalId id;
    ProposalDraft draft;
    MemberId openedBy;
    std::string openedAt;
    ThreadId thread; // its discussion, started with it
    // Set once a lead closes it.
    std::optional<MemberId> closedBy;
    std::string closedAt;
    std::string outcome; // the outcome statement
    bool adopted = false;
    std::string resultReason; // why it was not adopted
};

struct VoteRecord {
    VoteId id;
    ProposalId proposal;
    MemberId member;
    std::string choice; // "agree", "abstain", "disagree" or "block"
    std::string reason;
    std::string onHash; // a map proposal: the content hash of the version voted on
    std::string castAt;
};

// An adopted proposal. A map standard holds the version it adopted.
struct StandardRecord {
    StandardId id;
    ProposalRecord proposal;
    int mapVersion = 0;  // Map: the version number adopted
    std::string mapHash; // Map: its content hash
    std::string agreedAt;
};

// What closing a proposal records: the outcome statement and the result.
struct ProposalResult {
    std::string outcome;
    bool adopted = false;
    std::string reason; // why not, when not adopted
    // A map proposal that is adopted: the version adopted.
    int mapVersion = 0;
    std::string mapHash;
};

} // namespace strawman::model
