#include "proposal.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>

namespace strawman::forum {

namespace {

using model::Error;
using model::Member;
using model::Role;

std::string percentText(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g%%", v);
    return text;
}

const Member* memberWithId(const std::vector<Member>& members, model::MemberId id) {
    for (const Member& m : members)
        if (m.id == id) return &m;
    return nullptr;
}

} // namespace

std::string_view choiceName(VoteChoice choice) {
    switch (choice) {
    case VoteChoice::Agree:
        return "agree";
    case VoteChoice::Abstain:
        return "abstain";
    case VoteChoice::Disagree:
        return "disagree";
    case VoteChoice::Block:
        return "block";
    }
    return "agree";
}

std::optional<VoteChoice> choiceNamed(std::string_view name) {
    for (VoteChoice c :
         {VoteChoice::Agree, VoteChoice::Abstain, VoteChoice::Disagree, VoteChoice::Block})
        if (choiceName(c) == name) return c;
    return std::nullopt;
}

Quorum parseQuorum(std::string_view text) {
    if (text == "each-trust") return {Quorum::Kind::EachTrust, 0};
    double share = -1;
    if (!text.empty() && text.back() == '%') {
        const auto body = text.substr(0, text.size() - 1);
        const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), share);
        if (body.empty() || ec != std::errc() || end != body.data() + body.size()) share = -1;
    }
    if (!(share > 0 && share <= 100))
        throw Error("the quorum \"" + std::string(text) +
                    "\" is neither a share of the members who may vote, from 1% to 100% "
                    "(e.g. 60%), nor each-trust");
    return {Quorum::Kind::Share, share};
}

std::string quorumText(const Quorum& q) {
    return q.kind == Quorum::Kind::EachTrust ? "each-trust" : percentText(q.share);
}

std::string_view statusName(ProposalStatus status) {
    switch (status) {
    case ProposalStatus::Discussion:
        return "discussion";
    case ProposalStatus::Voting:
        return "voting";
    case ProposalStatus::Closed:
        return "closed";
    }
    return "voting";
}

ProposalStatus statusAt(const ProposalState& p, std::string_view now) {
    if (p.closed || (!p.closesAt.empty() && now >= p.closesAt)) return ProposalStatus::Closed;
    if (!p.opensAt.empty() && now < p.opensAt) return ProposalStatus::Discussion;
    return ProposalStatus::Voting;
}

bool mayVote(const Member& member) {
    return member.role == Role::ForumMember || member.role == Role::Lead;
}

void checkVote(const ProposalState& p, const Member& voter, VoteChoice choice,
               std::string_view reason, std::string_view now) {
    if (!mayVote(voter))
        throw Error(voter.name + " is a " + model::toText(voter.role) +
                    ": only forum members and leads vote");
    switch (statusAt(p, now)) {
    case ProposalStatus::Discussion:
        throw Error("voting on this proposal opens at " + p.opensAt +
                    "; until then it is in discussion");
    case ProposalStatus::Closed:
        throw Error(p.closed ? std::string("this proposal is closed: no more votes")
                             : "voting on this proposal closed at " + p.closesAt);
    case ProposalStatus::Voting:
        break;
    }
    if ((choice == VoteChoice::Disagree || choice == VoteChoice::Block) &&
        reason.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw Error("a vote to " + std::string(choiceName(choice)) +
                    " needs a reason, so the others can answer it");
}

void checkOpen(const Member& opener) {
    if (opener.role != Role::Lead)
        throw Error(opener.name + " is a " + model::toText(opener.role) +
                    ": only a lead opens a proposal");
}

void checkClose(const ProposalState& p, const Member& closer) {
    if (closer.role != Role::Lead)
        throw Error(closer.name + " is a " + model::toText(closer.role) +
                    ": only a lead closes a proposal");
    if (p.closed) throw Error("this proposal is already closed");
}

Tally tally(const ProposalState& p, const std::vector<Vote>& votes,
            const std::vector<Member>& members, const std::vector<model::Trust>& trusts) {
    Tally t;
    std::set<model::MemberId> voted;
    std::set<model::TrustId> trustsVoting;
    std::vector<std::string> blocks;
    for (const Vote& v : votes) {
        const Member* m = memberWithId(members, v.member);
        if (!m || !mayVote(*m)) continue; // left the network, or no longer one who votes
        voted.insert(v.member);
        if (!p.adoptsHash.empty() && v.onHash != p.adoptsHash) {
            t.stale.push_back(v.member);
            continue;
        }
        trustsVoting.insert(m->trust);
        switch (v.choice) {
        case VoteChoice::Agree:
            ++t.agree;
            break;
        case VoteChoice::Abstain:
            ++t.abstain;
            break;
        case VoteChoice::Disagree:
            ++t.disagree;
            break;
        case VoteChoice::Block:
            ++t.block;
            blocks.push_back(m->name + ": " + v.reason);
            break;
        }
    }
    for (const Member& m : members) {
        if (!mayVote(m)) continue;
        ++t.eligible;
        if (!voted.count(m.id)) t.notVoted.push_back(m.id);
    }
    const std::int64_t counted = t.agree + t.abstain + t.disagree + t.block;
    std::string quorumShort;
    if (p.quorum.kind == Quorum::Kind::Share) {
        t.quorumMet = t.eligible > 0 && 100.0 * static_cast<double>(counted) >=
                                            p.quorum.share * static_cast<double>(t.eligible);
        quorumShort = std::to_string(counted) + " of " + std::to_string(t.eligible) +
                      " members who may vote have a counted vote; " + percentText(p.quorum.share) +
                      " needed";
    } else {
        std::vector<std::string> missing;
        for (const model::Trust& trust : trusts)
            if (!trustsVoting.count(trust.id)) missing.push_back(trust.code);
        t.quorumMet = !trusts.empty() && missing.empty();
        std::string list;
        for (const std::string& code : missing) list += (list.empty() ? "" : ", ") + code;
        quorumShort = "no counted vote from " + (list.empty() ? std::string("any trust") : list);
    }
    if (!t.quorumMet)
        t.reason = "the quorum is not met: " + quorumShort;
    else if (t.block > 0) {
        t.reason = "a block stands (";
        for (std::size_t i = 0; i < blocks.size(); ++i) t.reason += (i ? "; " : "") + blocks[i];
        t.reason += ")";
    } else if (t.agree <= t.disagree)
        t.reason = "no more agree than disagree (" + std::to_string(t.agree) + " agree, " +
                   std::to_string(t.disagree) + " disagree)";
    t.adopted = t.reason.empty();
    return t;
}

} // namespace strawman::forum
