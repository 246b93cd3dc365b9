// strawman pack WORKSPACE --proposal P -o decision.html
#include "commands.h"
#include "output.h"

#include "exporters/decision_pack.h"
#include "model/store/workspace.h"

#include <memory>

namespace strawman::cli {

namespace {

struct PackArgs {
    std::string ws, output;
    std::int64_t proposal = 0;
};

int runPack(const PackArgs& a) {
    const auto ws = model::Workspace::open(a.ws);
    const std::string html = exporters::decisionPack(ws, model::ProposalId{a.proposal});
    writeOutput(a.output, html);
    return 0;
}

} // namespace

void addPackCommand(CLI::App& app, Invocation& inv) {
    auto a = std::make_shared<PackArgs>();
    auto* cmd = app.add_subcommand(
        "pack", "A proposal's decision pack for a board: one HTML file (the map or rule, the "
                "votes, the outcome, each trust's compliance, the audit head) that prints on A4");
    cmd->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    cmd->add_option("--proposal", a->proposal, "Proposal id (see strawman proposal list)")
        ->required();
    cmd->add_option("-o,--output", a->output, "Output file (- for standard output)")->required();
    cmd->callback([&inv, a] { inv.run = [a] { return runPack(*a); }; });
}

} // namespace strawman::cli
