// Proposals, votes and standards as they are stored and decided
// (forum/decisions.h, model/store/proposal_store.h), and mentions and unread
// posts (forum/discussion.h): every refusal is an error that changes nothing,
// a changed vote keeps its history, a new version of a map makes earlier votes
// stale, and an adopted proposal becomes a standard.
#include "map_fixtures.h"
#include "temp_path.h"

#include "forum/decisions.h"
#include "forum/discussion.h"
#include "forum/rule_json.h"
#include "forum/standards.h"
#include "forum/threads.h"
#include "model/core/error.h"
#include "model/maps/map_change.h"
#include "model/store/workspace.h"
#include "model/use_cases/import_file.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::model;
using forum::VoteChoice;

namespace {

// Two trusts, each with a manager, a forum member and a lead.
struct Network {
    Workspace ws = Workspace::createInMemory();
    TrustId rwf = ws.addTrust("RWF", "Maidstone");
    TrustId rpa = ws.addTrust("RPA", "Medway");
    Member claire = member("Claire Dunn", rwf, Role::Manager);
    Member mark = member("Mark Ellis", rwf, Role::ForumMember);
    Member ruth = member("Dr Ruth Webb", rwf, Role::Lead);
    Member lucy = member("Lucy Grant", rpa, Role::ForumMember);
    Member alan = member("Dr Alan Frost", rpa, Role::Lead);
    ProcessId ct = ws.addProcess("CT outpatient pathway");
    MapId map = ws.createMap(ct, rwf, "CT (RWF)", test::ctPathway());

    Member member(const std::string& name, TrustId trust, Role role) {
        return {ws.addMember(name, trust, role), name, trust, role};
    }

    ProposalId propose(const std::string& quorum = "50%") {
        forum::ProposalRequest r;
        r.title = "Vetting within 2 days";
        r.rule = "RCV->VET p90 <= 2d";
        r.quorum = quorum;
        return forum::openProposal(ws, ruth, r);
    }

    // A refusal: the error, and nothing stored.
    void refused(const std::function<void()>& act, const std::string& message) {
        const auto entries = ws.audit().entries().size();
        CHECK_THROWS_WITH_AS(act(), message.c_str(), Error);
        CHECK(ws.audit().entries().size() == entries);
    }
};

std::vector<MemberId> sorted(std::vector<MemberId> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

TEST_CASE("a proposal is stored with its rule parsed, and a thread for its discussion") {
    Network n;
    forum::ProposalRequest r;
    r.title = "Vetting within 2 days";
    r.details = "Routine CT only.";
    r.rule = "RCV->VET p90 <= 48h";
    r.where = "priority=routine";
    r.process = "CT outpatient pathway";
    r.quorum = "each-trust";
    r.opens = "2030-01-05";
    r.closes = "2030-01-19T17:00";
    const ProposalId id = forum::openProposal(n.ws, n.ruth, r, "2030-01-01T00:00:00Z");
    const ProposalRecord p = n.ws.proposals().proposal(id);
    CHECK(p.draft.kind == ProposalKind::Rule);
    const forum::Rule rule = forum::ruleFromJson(p.draft.rule);
    CHECK(rule == forum::parseRule("RCV->VET p90 <= 2d", "priority=routine"));
    CHECK(p.draft.opensAt == "2030-01-05T00:00:00Z");
    CHECK(p.draft.closesAt == "2030-01-19T17:00:00Z");
    CHECK(p.draft.quorum == "each-trust");
    CHECK(p.openedBy == n.ruth.id);
    const ThreadRecord t = n.ws.forum().thread(p.thread);
    CHECK(t.anchor.kind == ThreadAnchor::Kind::Process);
    CHECK(n.ws.forum().posts(p.thread).front().texts.back().text.find("RCV->VET p90 <= 2d") !=
          std::string::npos);
    CHECK(forum::viewProposal(n.ws, id, "2030-01-02T00:00:00Z").status ==
          forum::ProposalStatus::Discussion);
    CHECK(forum::viewProposal(n.ws, id, "2030-01-06T00:00:00Z").status ==
          forum::ProposalStatus::Voting);
    CHECK(n.ws.audit().entries().back().action == "proposal opened");
    CHECK(n.ws.audit().entries().back().actor == "Dr Ruth Webb");
}

TEST_CASE("opening a proposal is refused, changing nothing, when it is not a lead's or not "
          "well formed") {
    Network n;
    forum::ProposalRequest r;
    r.title = "Vetting within 2 days";
    r.rule = "RCV->VET p90 <= 2d";
    n.refused([&] { forum::openProposal(n.ws, n.mark, r); },
              "Mark Ellis is a forum member: only a lead opens a proposal");
    forum::ProposalRequest bad = r;
    bad.rule = "RCV->VTE p90 <= 2d";
    const auto entries = n.ws.audit().entries().size();
    CHECK_THROWS_AS(forum::openProposal(n.ws, n.ruth, bad), forum::RuleError);
    forum::ProposalRequest two = r;
    two.text = "Vet daily";
    n.refused([&] { forum::openProposal(n.ws, n.ruth, two); },
              "a proposal adopts exactly one thing: a map version (--adopt-map), a rule "
              "(--rule) or a written standard (--text)");
    forum::ProposalRequest unpublished;
    unpublished.title = "The RWF map";
    unpublished.adoptMap = n.map;
    n.refused([&] { forum::openProposal(n.ws, n.ruth, unpublished); },
              "map " + std::to_string(n.map.value) +
                  " has no published version to adopt: publish it first");
    forum::ProposalRequest late = r;
    late.closes = "2020-01-01";
    n.refused([&] { forum::openProposal(n.ws, n.ruth, late); },
              "voting would close at 2020-01-01T00:00:00Z, which has passed");
    forum::ProposalRequest badTime = r;
    badTime.opens = "next week";
    CHECK_THROWS_AS(forum::openProposal(n.ws, n.ruth, badTime), Error);
    CHECK(n.ws.proposals().proposals().empty());
    CHECK(n.ws.audit().entries().size() == entries);
}

TEST_CASE("a member has one current vote, voting again keeps the history") {
    Network n;
    const ProposalId p = n.propose();
    forum::castVote(n.ws, p, n.mark, VoteChoice::Disagree, "Three days is reachable, two is not");
    forum::castVote(n.ws, p, n.mark, VoteChoice::Agree, "");
    const forum::ProposalView v = forum::viewProposal(n.ws, p);
    REQUIRE(v.current.size() == 1);
    CHECK(v.current[0].choice == VoteChoice::Agree);
    REQUIRE(v.history.size() == 2);
    CHECK(v.history[0].choice == "disagree");
    CHECK(v.history[0].reason == "Three days is reachable, two is not");
    CHECK(v.history[1].choice == "agree");
    CHECK(v.tally.agree == 1);
    CHECK(v.tally.disagree == 0);
    // Not voted: the three others who may vote; the manager is not one of them.
    CHECK(sorted(v.tally.notVoted) == sorted({n.ruth.id, n.lucy.id, n.alan.id}));
}

TEST_CASE("votes are refused, changing nothing, for a manager, without a reason, after closing "
          "and before voting opens") {
    Network n;
    const ProposalId p = n.propose();
    n.refused([&] { forum::castVote(n.ws, p, n.claire, VoteChoice::Agree, ""); },
              "Claire Dunn is a manager: only forum members and leads vote");
    n.refused([&] { forum::castVote(n.ws, p, n.mark, VoteChoice::Block, " "); },
              "a vote to block needs a reason, so the others can answer it");
    n.refused([&] { forum::castVote(n.ws, p, n.mark, VoteChoice::Disagree, ""); },
              "a vote to disagree needs a reason, so the others can answer it");
    CHECK_THROWS_WITH_AS(forum::memberNamed(n.ws, "Somebody Else"),
                         "\"Somebody Else\" is not a member of this network", Error);
    forum::castVote(n.ws, p, n.mark, VoteChoice::Agree, "");
    forum::castVote(n.ws, p, n.lucy, VoteChoice::Agree, "");
    forum::closeProposal(n.ws, p, n.ruth, "Agreed");
    n.refused([&] { forum::castVote(n.ws, p, n.alan, VoteChoice::Agree, ""); },
              "this proposal is closed: no more votes");

    forum::ProposalRequest later;
    later.title = "Later";
    later.text = "Vet daily";
    later.opens = "2030-02-01";
    later.closes = "2030-02-15";
    const ProposalId q = forum::openProposal(n.ws, n.ruth, later, "2030-01-01T00:00:00Z");
    n.refused(
        [&] { forum::castVote(n.ws, q, n.mark, VoteChoice::Agree, "", "2030-01-10T00:00:00Z"); },
        "voting on this proposal opens at 2030-02-01T00:00:00Z; until then it is in discussion");
    n.refused(
        [&] { forum::castVote(n.ws, q, n.mark, VoteChoice::Agree, "", "2030-02-15T00:00:00Z"); },
        "voting on this proposal closed at 2030-02-15T00:00:00Z");
    CHECK(forum::viewProposal(n.ws, q, "2030-02-16T00:00:00Z").outcomePending());
}

TEST_CASE("only a lead closes, once, a closed proposal's result and outcome are recorded") {
    Network n;
    const ProposalId p = n.propose();
    forum::castVote(n.ws, p, n.mark, VoteChoice::Agree, "");
    forum::castVote(n.ws, p, n.lucy, VoteChoice::Agree, "");
    forum::castVote(n.ws, p, n.alan, VoteChoice::Disagree, "Not with our rota");
    n.refused([&] { forum::closeProposal(n.ws, p, n.claire, "Done"); },
              "Claire Dunn is a manager: only a lead closes a proposal");
    n.refused([&] { forum::closeProposal(n.ws, p, n.mark, "Done"); },
              "Mark Ellis is a forum member: only a lead closes a proposal");
    n.refused([&] { forum::closeProposal(n.ws, p, n.ruth, ""); },
              "closing a proposal records an outcome statement");
    const auto standard = forum::closeProposal(n.ws, p, n.ruth, "Adopted for every trust");
    REQUIRE(standard);
    const ProposalRecord r = n.ws.proposals().proposal(p);
    CHECK(r.closedBy == n.ruth.id);
    CHECK(r.adopted);
    CHECK(r.outcome == "Adopted for every trust");
    n.refused([&] { forum::closeProposal(n.ws, p, n.alan, "Again"); },
              "this proposal is already closed");
    const auto standards = forum::agreedStandards(n.ws);
    REQUIRE(standards.size() == 1);
    CHECK(standards[0].record.id == *standard);
    CHECK(standards[0].record.proposal.id == p);
    CHECK(standards[0].rule == forum::parseRule("RCV->VET p90 <= 2d"));
    CHECK(n.ws.audit().verify().ok());
}

TEST_CASE("a block, a quorum not met, or no more agree than disagree: not adopted, with the "
          "reason") {
    SUBCASE("a block stands") {
        Network n;
        const ProposalId p = n.propose();
        for (const Member* m : {&n.mark, &n.lucy, &n.ruth})
            forum::castVote(n.ws, p, *m, VoteChoice::Agree, "");
        forum::castVote(n.ws, p, n.alan, VoteChoice::Block, "Breaks our contract with the GPs");
        CHECK_FALSE(forum::closeProposal(n.ws, p, n.ruth, "Not agreed"));
        const ProposalRecord r = n.ws.proposals().proposal(p);
        CHECK_FALSE(r.adopted);
        CHECK(r.resultReason == "a block stands (Dr Alan Frost: Breaks our contract with the GPs)");
        CHECK(n.ws.proposals().standards().empty());
    }
    SUBCASE("each trust: one trust has not voted") {
        Network n;
        const ProposalId p = n.propose("each-trust");
        forum::castVote(n.ws, p, n.mark, VoteChoice::Agree, "");
        forum::castVote(n.ws, p, n.ruth, VoteChoice::Agree, "");
        const forum::ProposalView v = forum::viewProposal(n.ws, p);
        CHECK_FALSE(v.tally.quorumMet);
        CHECK(v.tally.reason == "the quorum is not met: no counted vote from RPA");
        forum::castVote(n.ws, p, n.lucy, VoteChoice::Abstain, "");
        CHECK(forum::viewProposal(n.ws, p).tally.quorumMet);
        CHECK(forum::closeProposal(n.ws, p, n.alan, "Adopted"));
    }
    SUBCASE("a share: 3 of 4 who may vote is under 80%") {
        Network n;
        const ProposalId p = n.propose("80%");
        for (const Member* m : {&n.mark, &n.lucy, &n.ruth})
            forum::castVote(n.ws, p, *m, VoteChoice::Agree, "");
        CHECK_FALSE(forum::closeProposal(n.ws, p, n.ruth, "Short of the quorum"));
        CHECK(n.ws.proposals().proposal(p).resultReason ==
              "the quorum is not met: 3 of 4 members who may vote have a counted vote; 80% "
              "needed");
    }
}

TEST_CASE("a vote on a map proposal is cast on its version, publishing again makes it stale") {
    Network n;
    n.ws.publish(n.map);
    forum::ProposalRequest r;
    r.title = "Maidstone's CT pathway as the network's";
    r.adoptMap = n.map;
    const ProposalId p = forum::openProposal(n.ws, n.ruth, r);
    forum::castVote(n.ws, p, n.mark, VoteChoice::Agree, "");
    forum::castVote(n.ws, p, n.lucy, VoteChoice::Agree, "");
    const std::string first = forum::viewProposal(n.ws, p).mapHash;
    CHECK(forum::viewProposal(n.ws, p).tally.agree == 2);

    MapContent relabelled = n.ws.content(n.map);
    relabelled.nodes[1].label += " (daily)";
    n.ws.applyChange(n.map, diffContent(n.ws.content(n.map), relabelled));
    // A draft does not change what is voted on; publishing it does.
    CHECK(forum::viewProposal(n.ws, p).mapHash == first);
    const std::string second = n.ws.publish(n.map);
    CHECK(second != first);
    forum::ProposalView v = forum::viewProposal(n.ws, p);
    CHECK(v.mapVersion == 2);
    CHECK(v.tally.agree == 0);
    CHECK(v.tally.stale == std::vector<MemberId>{n.mark.id, n.lucy.id});
    CHECK(sorted(v.tally.notVoted) == sorted({n.ruth.id, n.alan.id}));

    forum::castVote(n.ws, p, n.mark, VoteChoice::Agree, ""); // cast again, on version 2
    v = forum::viewProposal(n.ws, p);
    CHECK(v.tally.agree == 1);
    CHECK(v.tally.stale == std::vector<MemberId>{n.lucy.id});
    forum::castVote(n.ws, p, n.alan, VoteChoice::Agree, "");
    const auto standard = forum::closeProposal(n.ws, p, n.ruth, "Adopted");
    REQUIRE(standard);
    const StandardRecord s = n.ws.proposals().standard(*standard);
    CHECK(s.mapVersion == 2);
    CHECK(s.mapHash == second);
    const auto agreed = forum::agreedStandards(n.ws);
    const forum::StandardView* ofMap = forum::mapStandardOf(agreed, n.map);
    REQUIRE(ofMap);
    CHECK(ofMap->record.id == *standard);
    CHECK_FALSE(forum::mapStandardOf(agreed, MapId{n.map.value + 1}));
    // The straw men held against it (trusts by code): RPA has none, RWF's own
    // map is the standard's map.
    const forum::StandardComparison c = forum::compareWithStandard(n.ws, *standard);
    REQUIRE(c.trusts.size() == 2);
    CHECK(c.trusts[0].trust.code == "RPA");
    CHECK_FALSE(c.trusts[0].map);
    CHECK(c.trusts[1].map);
    CHECK(c.trusts[1].comparison.same());
}

TEST_CASE("a rule standard is checked on every trust's data") {
    Network n;
    // Two cases at RWF: vetted after 1 day and after 3 days.
    const test::TempDir dir;
    const std::string csv = dir.file("rwf.csv");
    std::ofstream(csv) << "Accession,Status,Event Time\n"
                          "A1,RCV,2025-03-03 09:00\n"
                          "A1,VET,2025-03-04 09:00\n"
                          "A2,RCV,2025-03-10 09:00\n"
                          "A2,VET,2025-03-13 09:00\n";
    ImportRequest request;
    request.file = csv;
    request.trust = "RWF";
    request.keyFile = dir.file("network.key");
    request.importedBy = "test";
    REQUIRE(importFile(n.ws, request).imported);
    const ProposalId p = n.propose();
    for (const Member* m : {&n.mark, &n.lucy, &n.ruth})
        forum::castVote(n.ws, p, *m, VoteChoice::Agree, "");
    const auto standard = forum::closeProposal(n.ws, p, n.ruth, "Adopted");
    REQUIRE(standard);
    const auto rows = forum::checkStandards(n.ws);
    REQUIRE(rows.size() == 2); // the trusts in the network's order, by code
    CHECK(rows[0].trust.code == "RPA");
    CHECK(rows[0].check.overall.cases == 0);
    CHECK_FALSE(rows[0].check.overall.compliant);
    CHECK(rows[1].trust.code == "RWF");
    CHECK(rows[1].check.overall.cases == 2);
    CHECK_FALSE(rows[1].check.overall.compliant);
    CHECK(rows[1].check.overall.shareWithin == doctest::Approx(50)); // 1 day of 2 and 3 days
    REQUIRE(rows[1].check.byMonth.size() == 1);
    CHECK(rows[1].check.byMonth[0].month == "2025-03");
    CHECK(forum::checkStandards(n.ws, standard, n.rpa).size() == 1);
    CHECK_THROWS_WITH_AS(forum::checkStandards(n.ws, StandardId{99}), "no standard with id 99",
                         Error);
}

TEST_CASE("@Name mentions a member, unread counts what a member has not read") {
    Network n;
    const std::vector<Member> members = n.ws.members();
    CHECK(forum::mentionsIn(members, "@Mark Ellis and @dr ruth webb, see this") ==
          std::vector<MemberId>{n.mark.id, n.ruth.id});
    CHECK(forum::mentionsIn(members, "mark@ellis.nhs.uk, @Mark Ellisson, @Nobody").empty());
    CHECK(forum::mentionsIn(members, "@Lucy Grant: @Lucy Grant again") ==
          std::vector<MemberId>{n.lucy.id});

    const auto t = forum::startThread(n.ws, ThreadAnchor{}, n.mark, "Who vets at Medway?");
    CHECK(n.ws.forum().readState(t.thread, n.mark.id).unread == 0); // their own post
    CHECK(n.ws.forum().readState(t.thread, n.lucy.id).unread == 1);
    forum::reply(n.ws, t.thread, n.ruth, "@Lucy Grant will know");
    ReadState lucy = n.ws.forum().readState(t.thread, n.lucy.id);
    CHECK(lucy.unread == 2);
    CHECK(lucy.mentions == 1);
    const auto posts = forum::readThread(n.ws, t.thread, n.lucy);
    CHECK(posts.back().mentions == std::vector<MemberId>{n.lucy.id});
    lucy = n.ws.forum().readState(t.thread, n.lucy.id);
    CHECK(lucy.unread == 0);
    CHECK(lucy.mentions == 0);
    CHECK(n.ws.forum().readState(t.thread, n.mark.id).unread == 1);
    // An edit finds its mentions again.
    forum::editPost(n.ws, posts.back().id, n.ruth, "@Dr Alan Frost will know");
    CHECK(n.ws.forum().posts(t.thread).back().mentions == std::vector<MemberId>{n.alan.id});
}
