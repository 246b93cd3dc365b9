// The rules of proposals and votes (forum/proposal.h): who may vote and close,
// reasons, stale votes, quorum by share and by trust, blocks.
#include "forum/proposal.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::forum;
using model::Member;
using model::MemberId;
using model::Role;
using model::TrustId;

namespace {

const TrustId kRpa{1}, kRwf{2};
const std::vector<model::Trust> kTrusts{{kRpa, "RPA", "Medway"}, {kRwf, "RWF", "Maidstone"}};

// Two trusts, each a manager, a forum member and a lead: four may vote.
const std::vector<Member> kMembers{
    {MemberId{1}, "Sam Okafor", kRpa, Role::Manager},
    {MemberId{2}, "Priya Shah", kRpa, Role::ForumMember},
    {MemberId{3}, "Jo Lane", kRpa, Role::Lead},
    {MemberId{4}, "Tom Reed", kRwf, Role::Manager},
    {MemberId{5}, "Ada Byrne", kRwf, Role::ForumMember},
    {MemberId{6}, "Lee Hart", kRwf, Role::Lead},
};

const Member& member(int id) {
    return kMembers[static_cast<std::size_t>(id - 1)];
}

Vote vote(int member, VoteChoice choice, std::string reason = {}, std::string onHash = {}) {
    return {MemberId{member}, choice, std::move(reason), "2026-12-06T10:00:00Z", std::move(onHash)};
}

std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const model::Error& e) {
        return e.what();
    }
    return "";
}

constexpr const char* kNow = "2026-12-06T10:00:00Z";

} // namespace

TEST_CASE("only forum members and leads vote, only leads open and close, once") {
    const ProposalState p;
    CHECK(refusal([&] { checkVote(p, member(2), VoteChoice::Agree, "", kNow); }).empty());
    CHECK(refusal([&] { checkVote(p, member(3), VoteChoice::Agree, "", kNow); }).empty());
    CHECK(refusal([&] { checkVote(p, member(1), VoteChoice::Agree, "", kNow); }) ==
          "Sam Okafor is a manager: only forum members and leads vote");
    CHECK(refusal([&] { checkOpen(member(3)); }).empty());
    CHECK(refusal([&] { checkOpen(member(2)); }) ==
          "Priya Shah is a forum member: only a lead opens a proposal");
    CHECK(refusal([&] { checkClose(p, member(1)); }) ==
          "Sam Okafor is a manager: only a lead closes a proposal");
    CHECK(refusal([&] { checkClose(p, member(6)); }).empty());
    ProposalState closed;
    closed.closed = true;
    CHECK(refusal([&] { checkClose(closed, member(6)); }) == "this proposal is already closed");
}

TEST_CASE("voting opens after the discussion and ends at the closing time or when closed") {
    ProposalState p;
    p.opensAt = "2026-12-07T09:00:00Z";
    p.closesAt = "2026-12-14T17:00:00Z";
    CHECK(statusAt(p, kNow) == ProposalStatus::Discussion);
    CHECK(refusal([&] {
              checkVote(p, member(2), VoteChoice::Agree, "", kNow);
          }).find("opens at 2026-12-07T09:00:00Z") != std::string::npos);
    CHECK(statusAt(p, "2026-12-07T09:00:00Z") == ProposalStatus::Voting);
    CHECK(statusAt(p, "2026-12-14T17:00:00Z") == ProposalStatus::Closed);
    CHECK(refusal([&] {
              checkVote(p, member(2), VoteChoice::Agree, "", "2026-12-15T00:00:00Z");
          }) == "voting on this proposal closed at 2026-12-14T17:00:00Z");
    p.closed = true;
    CHECK(statusAt(p, "2026-12-08T00:00:00Z") == ProposalStatus::Closed);
    CHECK(refusal([&] {
              checkVote(p, member(2), VoteChoice::Agree, "", "2026-12-08T00:00:00Z");
          }) == "this proposal is closed: no more votes");
}

TEST_CASE("disagree and block need a reason, agree and abstain do not") {
    const ProposalState p;
    CHECK(refusal([&] { checkVote(p, member(2), VoteChoice::Disagree, "  ", kNow); }) ==
          "a vote to disagree needs a reason, so the others can answer it");
    CHECK(refusal([&] {
              checkVote(p, member(2), VoteChoice::Block, "", kNow);
          }).find("block needs a reason") != std::string::npos);
    CHECK(refusal([&] { checkVote(p, member(2), VoteChoice::Block, "unsafe", kNow); }).empty());
    CHECK(refusal([&] { checkVote(p, member(2), VoteChoice::Abstain, "", kNow); }).empty());
    CHECK(choiceNamed("block") == VoteChoice::Block);
    CHECK_FALSE(choiceNamed("maybe"));
}

TEST_CASE("the quorum by share counts the votes of those who may vote") {
    ProposalState p;
    p.quorum = parseQuorum("75%");
    // Three of four may-vote members: 75%; a manager's vote is not counted.
    Tally t = tally(p,
                    {vote(2, VoteChoice::Agree), vote(3, VoteChoice::Agree),
                     vote(5, VoteChoice::Abstain), vote(1, VoteChoice::Agree)},
                    kMembers, kTrusts);
    CHECK(t.eligible == 4);
    CHECK(t.agree == 2);
    CHECK(t.abstain == 1);
    CHECK(t.quorumMet);
    CHECK(t.adopted);
    CHECK(t.reason.empty());
    CHECK(t.notVoted == std::vector{MemberId{6}});

    t = tally(p, {vote(2, VoteChoice::Agree), vote(3, VoteChoice::Agree)}, kMembers, kTrusts);
    CHECK_FALSE(t.quorumMet);
    CHECK_FALSE(t.adopted);
    CHECK(t.reason == "the quorum is not met: 2 of 4 members who may vote have a counted vote; "
                      "75% needed");
    CHECK(quorumText(p.quorum) == "75%");
    CHECK_THROWS_AS(parseQuorum("75"), model::Error);
    CHECK_THROWS_AS(parseQuorum("0%"), model::Error);
    CHECK_THROWS_AS(parseQuorum("every-trust"), model::Error);
}

TEST_CASE("the quorum each-trust needs a counted vote from every trust") {
    ProposalState p;
    p.quorum = parseQuorum("each-trust");
    Tally t = tally(p, {vote(2, VoteChoice::Agree), vote(3, VoteChoice::Agree)}, kMembers, kTrusts);
    CHECK_FALSE(t.quorumMet);
    CHECK(t.reason == "the quorum is not met: no counted vote from RWF");
    t = tally(p, {vote(2, VoteChoice::Agree), vote(6, VoteChoice::Abstain)}, kMembers, kTrusts);
    CHECK(t.quorumMet);
    CHECK(t.adopted);
    CHECK(quorumText(p.quorum) == "each-trust");
}

TEST_CASE("a block stands against any majority, a tie is not adopted") {
    ProposalState p;
    p.quorum = parseQuorum("50%");
    Tally t = tally(p,
                    {vote(2, VoteChoice::Agree), vote(3, VoteChoice::Agree),
                     vote(5, VoteChoice::Block, "no radiologist cover at weekends")},
                    kMembers, kTrusts);
    CHECK(t.quorumMet);
    CHECK(t.block == 1);
    CHECK_FALSE(t.adopted);
    CHECK(t.reason == "a block stands (Ada Byrne: no radiologist cover at weekends)");

    t = tally(p, {vote(2, VoteChoice::Agree), vote(5, VoteChoice::Disagree, "too slow")}, kMembers,
              kTrusts);
    CHECK_FALSE(t.adopted);
    CHECK(t.reason == "no more agree than disagree (1 agree, 1 disagree)");
}

TEST_CASE("votes on an earlier version of the map are stale: shown, not counted") {
    ProposalState p;
    p.quorum = parseQuorum("50%");
    p.adoptsHash = "sha256:new";
    const Tally t = tally(p,
                          {vote(2, VoteChoice::Agree, "", "sha256:old"),
                           vote(3, VoteChoice::Agree, "", "sha256:old"),
                           vote(5, VoteChoice::Agree, "", "sha256:new")},
                          kMembers, kTrusts);
    CHECK(t.stale == std::vector{MemberId{2}, MemberId{3}});
    CHECK(t.agree == 1);
    CHECK(t.notVoted == std::vector{MemberId{6}}); // stale voters have voted, on the old version
    CHECK_FALSE(t.quorumMet);                      // 1 of 4 counted
    CHECK_FALSE(t.adopted);
}
