// The options that choose a trust's cases, the same on every command that
// holds data against a map (`diff`, `compare`, `discover`, `export
// --diff-trust`) and on `log export`, which writes those cases out: --from,
// --to, --tz, --modality, --priority, --source, --site and --ignore-unmodelled
// (not on `log export`: it is how a diff counts events against a map).
#pragma once

#include "model/use_cases/case_choice.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace strawman::cli {

struct CaseOptions {
    std::string from, to, tz = "Europe/London";
    std::vector<std::string> modalities, priorities, sources, sites;
    bool ignoreUnmodelled = false;

    model::CaseChoice choice() const;
};

void addCaseOptions(CLI::App& cmd, CaseOptions& options);

} // namespace strawman::cli
