// strawman: with no sub-command, the editor; with one, the same work headless.
#include "commands.h"
#include "messages.h"

#include "model/core/error.h"
#include "model/store/workspace.h"

#ifdef STRAWMAN_WITH_EDITOR
#include "editor/editor.h"
#endif

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace {

// Where `strawman` with no arguments keeps its demo network.
std::filesystem::path defaultDemoPath() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = std::filesystem::temp_directory_path();
    return base / "strawman" / "demo.strawman";
}

struct GuiArgs {
    std::string workspace;
    std::int64_t map = 0;
    std::string screenshot;
    int frames = 3;
    std::string size = "1600x1000";
    std::string script;
    std::string diffTrust;
    std::int64_t beside = 0;
    bool workshop = false;
    bool forum = false;
    std::int64_t thread = 0;
    std::int64_t proposal = 0;
    std::string as;
    bool standards = false;
    bool reportStartup = false;
    std::chrono::steady_clock::time_point started;
};

int openEditor(const GuiArgs& args) {
#ifdef STRAWMAN_WITH_EDITOR
    strawman::editor::EditorOptions options;
    options.workspace = args.workspace;
    if (args.map) options.map = args.map;
    if (!args.screenshot.empty()) options.screenshot = args.screenshot;
    options.frames = args.frames;
    if (!args.script.empty()) options.script = args.script;
    if (!args.diffTrust.empty()) options.diffTrust = args.diffTrust;
    if (args.beside) options.beside = args.beside;
    options.workshop = args.workshop;
    options.forum = args.forum;
    if (args.thread) options.thread = args.thread;
    if (args.proposal) options.proposal = args.proposal;
    if (!args.as.empty()) options.actingAs = args.as;
    options.standards = args.standards;
    if (args.reportStartup) options.reportStartFrom = args.started;
    int w = 0, h = 0;
    if (std::sscanf(args.size.c_str(), "%dx%d", &w, &h) != 2 || w < 200 || h < 200)
        throw strawman::model::Error("--size takes WIDTHxHEIGHT, e.g. 1600x1000");
    options.width = w;
    options.height = h;
    // Opening validates the file before a window appears.
    strawman::model::Workspace::open(args.workspace);
    return strawman::editor::runEditor(options);
#else
    (void)args;
    std::cerr << "strawman: this build has no editor (configured with STRAWMAN_EDITOR=OFF)\n";
    return 1;
#endif
}

// `strawman gui`: its options fill args, which main also uses to open the
// editor when no sub-command is given.
void addGuiCommand(CLI::App& app, strawman::cli::Invocation& invocation, GuiArgs& args) {
    auto* guiCmd =
        app.add_subcommand("gui", "Open the editor (or render it to a PNG with --screenshot)");
    guiCmd->add_option("WORKSPACE", args.workspace, "Workspace file")->required();
    guiCmd->add_option("--map", args.map, "Map id to show first");
    guiCmd->add_option("--screenshot", args.screenshot,
                       "Render a few frames, write this PNG and exit");
    guiCmd->add_option("--frames", args.frames, "Frames to render before the screenshot")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    guiCmd->add_option("--size", args.size, "Window size for the screenshot")
        ->capture_default_str();
    guiCmd
        ->add_option(
            "--script", args.script,
            "Replay a file of mouse and keyboard events first (see editor/core/input_script.h)")
        ->check(CLI::ExistingFile);
    guiCmd->add_option("--diff-trust", args.diffTrust,
                       "Hold the map against this trust's data and draw the diff on it");
    guiCmd->add_option("--beside", args.beside, "Show this map beside it, differences highlighted");
    guiCmd->add_flag("--workshop", args.workshop,
                     "Start in workshop mode: large type, panels hidden");
    // Which tab the right-hand side opens on: --forum (and --thread or
    // --proposal); the bottom panel's standards take their own option.
    guiCmd->add_flag("--forum", args.forum, "Open with the Forum tab in front");
    guiCmd->add_option("--thread", args.thread, "Open with this forum thread shown");
    guiCmd
        ->add_option("--proposal", args.proposal, "Open with this proposal shown in the Forum tab")
        ->excludes("--thread");
    guiCmd->add_option("--as", args.as,
                       "Write in the forum as this member (by name or id), as Acting as does");
    guiCmd->add_flag("--standards", args.standards,
                     "Open with the Standards tab in front: each agreed standard at every trust");
    guiCmd->add_flag("--report-startup", args.reportStartup,
                     "Print the time from start to the first frame on screen (stderr)");
    guiCmd->callback(
        [&invocation, &args] { invocation.run = [&args] { return openEditor(args); }; });
}

} // namespace

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    using namespace strawman;
    CLI::App app{"Strawman: process maps of a radiology network, held against the data",
                 "strawman"};
    app.set_version_flag("--version", std::string("strawman ") + STRAWMAN_VERSION);
    app.require_subcommand(0, 1);

    cli::Invocation invocation;
    cli::addNetworkCommands(app, invocation);
    cli::addMapCommands(app, invocation);
    cli::addExportCommand(app, invocation);
    cli::addGenCommands(app, invocation);
    cli::addImportCommands(app, invocation);
    cli::addCodesCommands(app, invocation);
    cli::addLogCommands(app, invocation);
    cli::addDiffCommands(app, invocation);
    cli::addForumCommands(app, invocation);
    cli::addProposalCommands(app, invocation);
    cli::addStandardCommands(app, invocation);
    cli::addAuditCommands(app, invocation);
    cli::addPackCommand(app, invocation);

    GuiArgs gui;
    gui.started = started;
    addGuiCommand(app, invocation, gui);

    std::string workspace;
    app.add_option("WORKSPACE", workspace, "Open this workspace in the editor");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    try {
        if (invocation.run) return invocation.run();
        // No sub-command: the editor, on the demo network unless a file is named.
        if (workspace.empty()) {
            const auto demo = defaultDemoPath();
            if (!std::filesystem::exists(demo)) {
                std::filesystem::create_directories(demo.parent_path());
                cli::createDemoWorkspace(demo.string(), {}, false);
            }
            workspace = demo.string();
        }
        gui.workspace = workspace;
        return openEditor(gui);
    } catch (const model::Error& e) {
        std::cerr << "strawman: " << cli::messageOf(e) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "strawman: unexpected error: " << e.what() << "\n";
        return 70;
    }
}
