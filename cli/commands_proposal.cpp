// strawman proposal open | vote | close | show | list
#include "commands.h"

#include "forum/decisions.h"
#include "forum/threads.h"
#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

namespace {

struct ProposalArgs {
    std::string ws, as, choice, reason, outcome;
    std::int64_t id = 0;
    std::optional<std::int64_t> adoptMap;
    forum::ProposalRequest request;
    bool json = false;
};

json namesOf(const std::vector<model::MemberId>& ids, const forum::MemberNames& names) {
    json out = json::array();
    for (model::MemberId id : ids) out.push_back(names(id));
    return out;
}

// What it would adopt, as `standard list` also shows it.
json adoptsJson(const forum::ProposalView& v) {
    const model::ProposalDraft& d = v.record.draft;
    switch (d.kind) {
    case model::ProposalKind::Map:
        return {{"map", d.map.value},
                {"version", v.mapVersion},
                {"hash", v.mapHash.empty() ? json(nullptr) : json(v.mapHash)}};
    case model::ProposalKind::Rule:
        return {{"rule", forum::ruleText(*v.rule)}, {"where", forum::whereText(v.rule->where)}};
    case model::ProposalKind::Text:
        return {{"text", d.text}};
    }
    return nullptr;
}

json proposalJson(const Workspace& ws, const forum::ProposalView& v) {
    const forum::MemberNames names(ws);
    const model::ProposalRecord& r = v.record;
    json votes = json::array();
    for (const forum::Vote& vote : v.current)
        votes.push_back({{"member", names(vote.member)},
                         {"choice", forum::choiceName(vote.choice)},
                         {"reason", vote.reason},
                         {"at", vote.at},
                         {"stale", !v.mapHash.empty() && vote.onHash != v.mapHash}});
    json history = json::array();
    for (const model::VoteRecord& h : v.history)
        history.push_back({{"vote", h.id.value},
                           {"member", names(h.member)},
                           {"choice", h.choice},
                           {"reason", h.reason},
                           {"at", h.castAt}});
    const bool closed = r.closedBy.has_value();
    return {{"id", r.id.value},
            {"title", r.draft.title},
            {"details", r.draft.details},
            {"kind", model::proposalKindName(r.draft.kind)},
            {"adopts", adoptsJson(v)},
            {"quorum", r.draft.quorum},
            {"opens", r.draft.opensAt.empty() ? json(nullptr) : json(r.draft.opensAt)},
            {"closes", r.draft.closesAt.empty() ? json(nullptr) : json(r.draft.closesAt)},
            {"opened_by", names(r.openedBy)},
            {"opened_at", r.openedAt},
            {"thread", r.thread.value},
            {"status", forum::statusName(v.status)},
            {"outcome_pending", v.outcomePending()},
            {"closed_by", closed ? json(names(*r.closedBy)) : json(nullptr)},
            {"closed_at", closed ? json(r.closedAt) : json(nullptr)},
            {"outcome", closed ? json(r.outcome) : json(nullptr)},
            // Closed: the result recorded. Open: false, with what the votes
            // cast so far would give in `would_adopt`.
            {"adopted", closed && r.adopted},
            {"would_adopt", v.tally.adopted},
            {"reason", closed ? r.resultReason : v.tally.reason},
            {"tally",
             {{"agree", v.tally.agree},
              {"abstain", v.tally.abstain},
              {"disagree", v.tally.disagree},
              {"block", v.tally.block}}},
            {"eligible", v.tally.eligible},
            {"quorum_met", v.tally.quorumMet},
            {"stale", namesOf(v.tally.stale, names)},
            {"not_voted", namesOf(v.tally.notVoted, names)},
            {"votes", votes},
            {"history", history}};
}

// [SECTION] proposal open | vote | close

int runOpen(const ProposalArgs& a) {
    auto ws = Workspace::open(a.ws);
    forum::ProposalRequest request = a.request;
    if (a.adoptMap) request.adoptMap = model::MapId{*a.adoptMap};
    const model::ProposalId id = forum::openProposal(ws, forum::memberNamed(ws, a.as), request);
    const forum::ProposalView v = forum::viewProposal(ws, id);
    if (a.json)
        std::cout << proposalJson(ws, v).dump(2) << "\n";
    else
        std::cout << id.value << "\tproposal opened: " << v.record.draft.title << " ("
                  << forum::statusName(v.status) << "; discussion in thread "
                  << v.record.thread.value << ")\n";
    return 0;
}

int runVote(const ProposalArgs& a) {
    auto ws = Workspace::open(a.ws);
    const auto choice = forum::choiceNamed(a.choice);
    if (!choice)
        throw model::Error("\"" + a.choice + "\" is not a vote: agree, abstain, disagree or block");
    const model::Member voter = forum::memberNamed(ws, a.as);
    const model::ProposalId id{a.id};
    const model::VoteId vote = forum::castVote(ws, id, voter, *choice, a.reason);
    const forum::ProposalView v = forum::viewProposal(ws, id);
    if (a.json) {
        json out = proposalJson(ws, v);
        out["vote"] = vote.value;
        std::cout << out.dump(2) << "\n";
    } else
        std::cout << vote.value << "\t" << voter.name << " votes " << a.choice << " on proposal "
                  << a.id << "; now " << forum::tallyText(v.tally) << "\n";
    return 0;
}

int runClose(const ProposalArgs& a) {
    auto ws = Workspace::open(a.ws);
    const model::ProposalId id{a.id};
    const auto standard = forum::closeProposal(ws, id, forum::memberNamed(ws, a.as), a.outcome);
    const forum::ProposalView v = forum::viewProposal(ws, id);
    if (a.json) {
        json out = proposalJson(ws, v);
        out["standard"] = standard ? json(standard->value) : json(nullptr);
        std::cout << out.dump(2) << "\n";
    } else if (standard)
        std::cout << a.id << "\tadopted (" << forum::tallyText(v.tally) << "): now agreed standard "
                  << standard->value << "\n";
    else
        std::cout << a.id << "\tnot adopted: " << v.record.resultReason << "\n";
    return 0;
}

void addDecidingCommands(CLI::App& proposal, Invocation& inv) {
    auto open = std::make_shared<ProposalArgs>();
    auto* o = proposal.add_subcommand("open", "Open a proposal (a lead): a map version, a rule or "
                                              "a written standard, put to the vote");
    o->add_option("WORKSPACE", open->ws, "Workspace file")->required();
    o->add_option("--as", open->as, "The lead opening it, by name or id")->required();
    o->add_option("--title", open->request.title, "What it is, in a line")->required();
    o->add_option("--details", open->request.details, "Why, and what it changes");
    auto* adopt = o->add_option("--adopt-map", open->adoptMap,
                                "Adopt this map's published version as the process's standard");
    auto* rule = o->add_option("--rule", open->request.rule,
                               "Adopt a measurable rule, e.g. 'RCV->VET p90 "
                               "<= 2d', 'VET before BKD >= 95%'");
    auto* text = o->add_option("--text", open->request.text, "Adopt a written standard");
    adopt->excludes(rule)->excludes(text);
    rule->excludes(text);
    o->add_option("--where", open->request.where,
                  "The rule's cases, e.g. modality=CT,priority=routine")
        ->needs(rule);
    o->add_option("--process", open->request.process, "The process it is about, by name");
    o->add_option("--quorum", open->request.quorum,
                  "A share of the members who may vote (60%), or each-trust")
        ->capture_default_str();
    o->add_option("--opens", open->request.opens,
                  "Voting opens (UTC, 2026-12-10 or 2026-12-10T09:00); discussion until then");
    o->add_option("--closes", open->request.closes,
                  "Voting closes (UTC); without it, when a lead closes it");
    o->add_flag("--json", open->json, "Print JSON");
    o->callback([&inv, open] { inv.run = [open] { return runOpen(*open); }; });

    auto vote = std::make_shared<ProposalArgs>();
    auto* v = proposal.add_subcommand("vote", "Vote on a proposal; voting again replaces your "
                                              "vote and keeps the earlier one in its history");
    v->add_option("WORKSPACE", vote->ws, "Workspace file")->required();
    v->add_option("PROPOSAL", vote->id, "Proposal id")->required();
    v->add_option("CHOICE", vote->choice, "agree, abstain, disagree or block")->required();
    v->add_option("--as", vote->as, "The member voting, by name or id")->required();
    v->add_option("--reason", vote->reason, "Why (needed to disagree or block)");
    v->add_flag("--json", vote->json, "Print JSON");
    v->callback([&inv, vote] { inv.run = [vote] { return runVote(*vote); }; });

    auto close = std::make_shared<ProposalArgs>();
    auto* c = proposal.add_subcommand("close", "Close a proposal (a lead) with its outcome; "
                                               "adopted, it becomes an agreed standard");
    c->add_option("WORKSPACE", close->ws, "Workspace file")->required();
    c->add_option("PROPOSAL", close->id, "Proposal id")->required();
    c->add_option("--as", close->as, "The lead closing it, by name or id")->required();
    c->add_option("--outcome", close->outcome, "The outcome statement")->required();
    c->add_flag("--json", close->json, "Print JSON");
    c->callback([&inv, close] { inv.run = [close] { return runClose(*close); }; });
}

// [SECTION] proposal show | list

int runShow(const ProposalArgs& a) {
    const auto ws = Workspace::open(a.ws);
    const forum::ProposalView v = forum::viewProposal(ws, model::ProposalId{a.id});
    const json j = proposalJson(ws, v);
    if (a.json) {
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << "Proposal " << a.id << ": " << v.record.draft.title << "\n"
              << "Adopts: " << forum::adoptsText(v) << "\n"
              << "Status: " << j["status"].get<std::string>()
              << (v.outcomePending() ? " (outcome to record)" : "")
              << (v.status == forum::ProposalStatus::Discussion
                      ? "; voting opens " + v.record.draft.opensAt
                      : "")
              << (v.status != forum::ProposalStatus::Closed && !v.record.draft.closesAt.empty()
                      ? "; voting closes " + v.record.draft.closesAt
                      : "")
              << "; quorum " << v.record.draft.quorum << (v.tally.quorumMet ? " met" : " not met")
              << "\n"
              << "Votes: " << forum::tallyText(v.tally) << "\n";
    for (const json& vote : j["votes"])
        std::cout << "  " << vote["member"].get<std::string>() << ": "
                  << vote["choice"].get<std::string>()
                  << (vote["stale"] == true ? " (stale: cast on an earlier version)" : "")
                  << (vote["reason"] == "" ? "" : " - " + vote["reason"].get<std::string>())
                  << "\n";
    if (!v.tally.notVoted.empty()) {
        std::string names;
        for (const json& n : j["not_voted"])
            names += (names.empty() ? "" : ", ") + n.get<std::string>();
        std::cout << "Not voted: " << names << "\n";
    }
    if (v.record.closedBy)
        std::cout << (v.record.adopted ? "Adopted" : "Not adopted: " + v.record.resultReason)
                  << "\nOutcome: " << v.record.outcome << "\n";
    else if (!v.tally.reason.empty())
        std::cout << "As it stands: " << v.tally.reason << "\n";
    return 0;
}

int runList(const ProposalArgs& a) {
    const auto ws = Workspace::open(a.ws);
    json out = json::array();
    for (const model::ProposalRecord& r : ws.proposals().proposals()) {
        const forum::ProposalView v = forum::viewProposal(ws, r.id);
        const json j = proposalJson(ws, v);
        if (a.json) {
            out.push_back(j);
            continue;
        }
        std::cout << r.id.value << "\t" << r.draft.title << "\t" << j["status"].get<std::string>()
                  << "\t"
                  << (r.closedBy ? (r.adopted ? "adopted" : "not adopted")
                                 : forum::tallyText(v.tally))
                  << "\n";
    }
    if (a.json) std::cout << out.dump(2) << "\n";
    return 0;
}

void addReadingCommands(CLI::App& proposal, Invocation& inv) {
    auto show = std::make_shared<ProposalArgs>();
    auto* s = proposal.add_subcommand(
        "show", "A proposal: what it adopts, its status, the live tally, who has not voted");
    s->add_option("WORKSPACE", show->ws, "Workspace file")->required();
    s->add_option("PROPOSAL", show->id, "Proposal id")->required();
    s->add_flag("--json", show->json, "Print JSON");
    s->callback([&inv, show] { inv.run = [show] { return runShow(*show); }; });

    auto list = std::make_shared<ProposalArgs>();
    auto* l = proposal.add_subcommand("list", "The proposals, open and closed");
    l->add_option("WORKSPACE", list->ws, "Workspace file")->required();
    l->add_flag("--json", list->json, "Print JSON");
    l->callback([&inv, list] { inv.run = [list] { return runList(*list); }; });
}

} // namespace

void addProposalCommands(CLI::App& app, Invocation& inv) {
    auto* proposal =
        app.add_subcommand("proposal", "Proposed standards: open, vote, close, show, list");
    proposal->require_subcommand(1);
    addDecidingCommands(*proposal, inv);
    addReadingCommands(*proposal, inv);
}

} // namespace strawman::cli
