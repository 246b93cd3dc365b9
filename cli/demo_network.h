// The demo network: the five Kent & Medway trusts, their people, four processes
// and the straw-man maps of the first workshop. Built from the DOT files in
// assets/demo/ (compiled into the program) through the ordinary DOT import.
#pragma once

#include "model/store/workspace.h"

#include <cstdint>
#include <filesystem>
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
    std::int64_t cases = 0;
    std::int64_t events = 0;
};

struct DemoOptions {
    // A year (2025) of RIS data per trust, made by the sample generator and read
    // through the real importers (CSV for three trusts, XES for RVV, HL7 v2 for
    // RPC). 0 leaves the network without event data.
    std::int64_t casesPerTrust = 3000;
    std::filesystem::path keyFile; // empty: the network's key in the user's config directory
};

// Fills an empty workspace with the demo network, in one transaction.
DemoSummary buildDemoNetwork(model::Workspace& ws, const DemoOptions& options = {});

} // namespace strawman::cli
