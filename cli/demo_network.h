// The demo network: the five Kent & Medway trusts, their people, four processes
// and the straw-man maps of the first workshop. Built from the DOT files in
// assets/demo/ (compiled into the program) through the ordinary DOT import.
#pragma once

#include "model/workspace.h"

#include <string_view>
#include <vector>

namespace strawman::cli {

struct DemoAsset {
    std::string_view fileName;
    std::string_view text;
};
const std::vector<DemoAsset>& demoAssets(); // generated from assets/demo at build time

struct DemoSummary {
    int trusts = 0;
    int members = 0;
    int processes = 0;
    int maps = 0;
};

// Fills an empty workspace with the demo network, in one transaction.
DemoSummary buildDemoNetwork(model::Workspace& ws);

} // namespace strawman::cli
