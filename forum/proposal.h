// The rules of a proposal and its votes (docs/design.md, "Forum"; Loomio's model
// is the reference): who may vote, open and close, what a vote needs, how the
// votes are counted and when a proposal is adopted. Plain records in, a tally
// or a refusal out: the store keeps the records, each front end words them.
//
// - Forum members and leads vote; managers draw the maps and take part in
//   threads, but do not vote. Only leads open and close proposals.
// - Voting opens at the opening time (before it, the proposal is in
//   discussion) and ends at the closing time or when a lead closes it.
// - Disagree and block need a reason. A member has one current vote; casting
//   again replaces it (the store keeps the history).
// - On a proposal that adopts a map version, a vote is cast on that version's
//   content hash. Once the map is published again, votes on the earlier hash
//   are stale: shown, not counted, until cast again.
// - The quorum is a share of the members who may vote, or each trust: at least
//   one counted vote from every trust of the network.
// - Adopted only with the quorum met, more agree than disagree, and no block.
#pragma once

#include "model/core/error.h"
#include "model/maps/network.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::forum {

enum class VoteChoice { Agree, Abstain, Disagree, Block };
std::string_view choiceName(VoteChoice choice); // "agree"
std::optional<VoteChoice> choiceNamed(std::string_view name);

struct Quorum {
    enum class Kind { Share, EachTrust };
    Kind kind = Kind::Share;
    double share = 50; // percent of the members who may vote (Kind::Share)
    bool operator==(const Quorum&) const = default;
};
// "60%" or "each-trust"; throws model::Error for anything else.
Quorum parseQuorum(std::string_view text);
std::string quorumText(const Quorum& quorum);

enum class ProposalStatus { Discussion, Voting, Closed };
std::string_view statusName(ProposalStatus status); // "discussion", "voting", "closed"

// What the rules need to know of a proposal. Times are ISO 8601 UTC text
// ("2026-12-06T10:00:00Z"), compared as text.
struct ProposalState {
    std::string opensAt;    // "" : voting is open from the start
    std::string closesAt;   // "" : until a lead closes it
    bool closed = false;    // a lead closed it
    std::string adoptsHash; // a map version's content hash; "" for rules and written standards
    Quorum quorum;
};

ProposalStatus statusAt(const ProposalState& p, std::string_view now);

struct Vote {
    model::MemberId member;
    VoteChoice choice = VoteChoice::Agree;
    std::string reason;
    std::string at;
    std::string onHash; // the map version's hash it was cast on; "" for other proposals
};

// Whether a member may vote; refusals throw model::Error saying why.
void checkVote(const ProposalState& p, const model::Member& voter, VoteChoice choice,
               std::string_view reason, std::string_view now);
// Whether a member may open a proposal (only leads).
void checkOpen(const model::Member& opener);
// Whether a member may close the proposal now (only leads, once).
void checkClose(const ProposalState& p, const model::Member& closer);

bool mayVote(const model::Member& member);

struct Tally {
    std::int64_t agree = 0, abstain = 0, disagree = 0, block = 0;
    std::int64_t eligible = 0;             // members who may vote
    std::vector<model::MemberId> stale;    // voted on an earlier version of the map
    std::vector<model::MemberId> notVoted; // may vote, with no vote at all
    bool quorumMet = false;
    bool adopted = false;
    std::string reason; // why it is not adopted (empty when it is)
};

// `votes` holds each member's current vote (the latest they cast).
Tally tally(const ProposalState& p, const std::vector<Vote>& votes,
            const std::vector<model::Member>& members, const std::vector<model::Trust>& trusts);

} // namespace strawman::forum
