// The sub-commands of `strawman`. Each registers itself on the CLI11 app and,
// when chosen, leaves the work to do in Invocation::run; main runs it and turns
// a model::Error into a message on stderr and a non-zero exit code. Each
// function below registers its commands with their sub-commands, in the order
// `strawman --help` lists them.
#pragma once

#include "demo_network.h"
#include "model/maps/network.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace strawman::model {
class Workspace;
}

namespace strawman::cli {

struct Invocation {
    std::function<int()> run; // set by the chosen sub-command
};

void addNetworkCommands(CLI::App& app, Invocation& invocation);
void addMapCommands(CLI::App& app, Invocation& invocation);
void addGenCommands(CLI::App& app, Invocation& invocation);
void addImportCommands(CLI::App& app, Invocation& invocation);
void addCodesCommands(CLI::App& app, Invocation& invocation);
void addLogCommands(CLI::App& app, Invocation& invocation);
void addDiffCommands(CLI::App& app, Invocation& invocation);
void addForumCommands(CLI::App& app, Invocation& invocation);
void addProposalCommands(CLI::App& app, Invocation& invocation);
void addStandardCommands(CLI::App& app, Invocation& invocation);
void addAuditCommands(CLI::App& app, Invocation& invocation);
void addPackCommand(CLI::App& app, Invocation& invocation);
// `export`, registered both as `strawman export` and as `strawman map export`.
void addExportCommand(CLI::App& parent, Invocation& invocation);

// `compare --standard ID`: each trust's straw man against a map standard
// (commands_standard.cpp). A process, when given, must be the standard's.
int compareWithStandard(const std::string& workspace, const std::string& process,
                        std::int64_t standard, bool json);

// Creates the demo network at path (used by `strawman demo` and by the editor's
// first run). Refuses to overwrite an existing file.
void createDemoWorkspace(const std::string& path, const DemoOptions& options, bool quiet);

} // namespace strawman::cli
