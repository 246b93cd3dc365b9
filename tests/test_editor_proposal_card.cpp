// The proposal card of the Forum tab (editor/core/proposal_card.h): the live
// tally, stale votes marked, who has not voted, and what the member acting may
// do, in the CLI's words.
#include "map_fixtures.h"

#include "editor/core/proposal_card.h"
#include "forum/decisions.h"
#include "model/maps/map_change.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

using namespace strawman;
using namespace strawman::model;

namespace {

struct Network {
    Workspace ws = Workspace::createInMemory();
    TrustId rwf = ws.addTrust("RWF", "Maidstone");
    Member claire = member("Claire Dunn", Role::Manager);
    Member mark = member("Mark Ellis", Role::ForumMember);
    Member ruth = member("Dr Ruth Webb", Role::Lead);
    ProcessId ct = ws.addProcess("CT outpatient pathway");
    MapId map = ws.createMap(ct, rwf, "CT (RWF)", test::ctPathway());

    Member member(const std::string& name, Role role) {
        return {ws.addMember(name, rwf, role), name, rwf, role};
    }
};

} // namespace

TEST_CASE("a proposal card: the tally, who has not voted, and what the member acting may do") {
    Network n;
    forum::ProposalRequest r;
    r.title = "Vetting within 3 days";
    r.rule = "RCV->VET p90 <= 3d";
    r.where = "priority=routine";
    r.closes = "2030-01-10T17:00";
    const ProposalId p = forum::openProposal(n.ws, n.ruth, r, "2030-01-01T00:00:00Z");
    forum::castVote(n.ws, p, n.mark, forum::VoteChoice::Disagree, "Two days",
                    "2030-01-02T00:00:00Z");
    const std::string now = "2030-01-03T00:00:00Z";
    const auto view = forum::viewProposal(n.ws, p, now);

    const editor::ProposalCard asMark = editor::proposalCard(n.ws, view, n.mark, now);
    CHECK(asMark.title == "Vetting within 3 days");
    CHECK(asMark.adopts == "the rule RCV->VET p90 <= 3d where priority=routine");
    CHECK(asMark.status == "voting, closes 2030-01-10 17:00 UTC");
    CHECK(asMark.tally == "0 agree, 0 abstain, 1 disagree, 0 block");
    CHECK(asMark.quorum == "quorum 50%: met");
    CHECK(asMark.result == "As it stands: no more agree than disagree (0 agree, 1 disagree)");
    REQUIRE(asMark.votes.size() == 1);
    CHECK(asMark.votes[0].member == "Mark Ellis");
    CHECK(asMark.votes[0].reason == "Two days");
    CHECK(asMark.notVoted == std::vector<std::string>{"Dr Ruth Webb"});
    CHECK(asMark.myVote == "disagree");
    CHECK(asMark.mayVote);
    CHECK_FALSE(asMark.mayClose);

    const editor::ProposalCard asClaire = editor::proposalCard(n.ws, view, n.claire, now);
    CHECK_FALSE(asClaire.mayVote);
    CHECK(asClaire.whyNotVote == "Claire Dunn is a manager: only forum members and leads vote");
    CHECK_FALSE(asClaire.myVote);
    CHECK(editor::proposalCard(n.ws, view, n.ruth, now).mayClose);
    CHECK(editor::proposalCard(n.ws, view, std::nullopt, now).whyNotVote ==
          "Choose who you are acting as in the status bar");

    const auto late = forum::viewProposal(n.ws, p, "2030-01-11T00:00:00Z");
    const editor::ProposalCard after =
        editor::proposalCard(n.ws, late, n.mark, "2030-01-11T00:00:00Z");
    CHECK(after.status == "voting closed 2030-01-10 17:00 UTC; a lead records the outcome");
    CHECK_FALSE(after.mayVote);
    CHECK(after.whyNotVote == "voting on this proposal closed at 2030-01-10T17:00:00Z");
}

TEST_CASE("a proposal card marks a vote cast on an earlier version of the map as stale") {
    Network n;
    n.ws.publish(n.map);
    forum::ProposalRequest r;
    r.title = "Maidstone's CT pathway";
    r.adoptMap = n.map;
    const ProposalId p = forum::openProposal(n.ws, n.ruth, r);
    forum::castVote(n.ws, p, n.mark, forum::VoteChoice::Agree, "");
    MapContent relabelled = n.ws.content(n.map);
    relabelled.nodes[1].label += " (daily)";
    n.ws.applyChange(n.map, diffContent(n.ws.content(n.map), relabelled));
    n.ws.publish(n.map);
    const std::string now = nowUtc();
    const editor::ProposalCard card =
        editor::proposalCard(n.ws, forum::viewProposal(n.ws, p, now), n.mark, now);
    CHECK(card.adopts ==
          "map " + std::to_string(n.map.value) + ", version 2, as the standard for its process");
    REQUIRE(card.votes.size() == 1);
    CHECK(card.votes[0].stale);
    CHECK(card.myVote == "agree (stale)");
    CHECK(card.tally == "0 agree, 0 abstain, 0 disagree, 0 block");
}
