// The demo network (cli/demo_forum.cpp: proposal 1 is the vetting rule,
// adopted; proposal 2 is still open) with, on top, a decided map proposal as a
// network decides one: the network's CT pathway published and put to the vote,
// then published again with a step renamed, so the votes cast before are stale
// until cast again; one reason holds markup, another is long. For the decision
// pack's tests, in the library and in a browser. Header-only.
#pragma once

#include "temp_path.h"

#include "cli/commands.h"
#include "forum/decisions.h"
#include "forum/threads.h"
#include "model/maps/map_change.h"
#include "model/store/workspace.h"

#include <string>

namespace strawman::test {

struct DecisionPackNetwork {
    static constexpr model::ProposalId kRule{1}, kOpen{2};
    static constexpr model::MapId kNetworkCt{1};
    static inline const std::string kMarkup =
        "Protocol <script>alert(\"x\")</script> & book 'after' vetting";
    static inline const std::string kLastReason =
        "Queen Victoria has booked after vetting for a year; our returned requests no longer "
        "cost a slot, and the last word of this reason is pineapple";

    TempDir dir;
    std::string path = dir.file("network.strawman");
    model::Workspace ws = make(dir, path);
    model::ProposalId map;

    DecisionPackNetwork() {
        const auto who = [&](std::string_view name) { return forum::memberNamed(ws, name); };
        ws.publish(kNetworkCt);
        forum::ProposalRequest r;
        r.title = "The network's CT outpatient pathway as the standard";
        r.details = "Every trust's straw man is held against this map from April.\n\n"
                    "Agreed at the second workshop.";
        r.adoptMap = kNetworkCt;
        map = forum::openProposal(ws, who("Dr Simon Pike"), r);
        using forum::VoteChoice;
        forum::castVote(ws, map, who("Aisha Rahman"), VoteChoice::Agree,
                        "As drawn at the workshop.");
        forum::castVote(ws, map, who("Tom Hughes"), VoteChoice::Agree, "");

        // A step renamed and published again: the two votes above are stale.
        model::MapContent renamed = ws.content(kNetworkCt);
        for (model::Node& n : renamed.nodes)
            if (n.activity == "VET") n.label += " (daily)";
        ws.applyChange(kNetworkCt, model::diffContent(ws.content(kNetworkCt), renamed));
        ws.publish(kNetworkCt);

        forum::castVote(ws, map, who("Tom Hughes"), VoteChoice::Agree, "Daily vetting it is.");
        forum::castVote(ws, map, who("Mark Ellis"), VoteChoice::Disagree, kMarkup);
        forum::castVote(ws, map, who("Lucy Grant"), VoteChoice::Agree, "");
        forum::castVote(ws, map, who("Dr Ruth Webb"), VoteChoice::Agree, "");
        forum::castVote(ws, map, who("Dr Helen Marsh"), VoteChoice::Agree, "");
        forum::castVote(ws, map, who("Dr Alan Frost"), VoteChoice::Abstain, "");
        forum::castVote(ws, map, who("Dr Fiona Reid"), VoteChoice::Agree, kLastReason);
        forum::closeProposal(ws, map, who("Dr Simon Pike"),
                             "Adopted: version 2, with vetting daily, is the network's CT "
                             "pathway. Each trust reports against it at the next forum.");
    }

  private:
    static model::Workspace make(const TempDir& dir, const std::string& path) {
        cli::DemoOptions options;
        options.casesPerTrust = 300;
        options.keyFile = dir.file("network.key");
        cli::createDemoWorkspace(path, options, true);
        return model::Workspace::open(path);
    }
};

} // namespace strawman::test
