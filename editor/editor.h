// The desktop editor: GLFW + OpenGL 3.3 core + Dear ImGui. The only part of
// Strawman that knows ImGui; it reads and changes the network through the model.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace strawman::editor {

struct EditorOptions {
    std::filesystem::path workspace;
    std::optional<std::int64_t> map;                 // map to show first
    std::optional<std::filesystem::path> screenshot; // render headless-ish and write a PNG
    int frames = 3;                                  // frames to render before the screenshot
    int width = 1600;
    int height = 1000;
    std::optional<double> zoom; // 1 = 100%, about the map's centre; default: fit
    // Input events replayed before the screenshot (or before handing over to
    // the user), through ImGui's input like a person's; see input_script.h.
    std::optional<std::filesystem::path> script;
    std::optional<std::string> diffTrust; // hold the map against this trust's data at once
    std::optional<std::int64_t> beside;   // show this map beside it
    bool workshop = false;                // start in workshop mode
    // The right-hand side's tab in front: the Forum, with this thread or this
    // proposal open.
    bool forum = false;
    std::optional<std::int64_t> thread;
    std::optional<std::int64_t> proposal;
    std::optional<std::string> actingAs; // the member written as, by name or id
    bool standards = false;              // the Standards tab in front
    // When the program started; with it, the time to the first frame on screen
    // is printed to stderr (for the start-up benchmark).
    std::optional<std::chrono::steady_clock::time_point> reportStartFrom;
};

// Runs the editor until the window closes (or, with a screenshot, until it is
// written). Returns a process exit code; errors are printed to stderr.
int runEditor(const EditorOptions& options);

} // namespace strawman::editor
