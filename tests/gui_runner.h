// Running the editor headless for tests, and looking at what it drew: the
// picture read back (picture_reader.h), with counts of theme colours, ink and
// blobs, in the panels where the editor's view report says it put them.
#pragma once

#include "picture_reader.h"
#include "process_runner.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace strawman::test {

// The editor's windows as its view report lays them out: one line
// `panel NAME X Y W H` per window shown (EditorFrame::viewReport), read into
// boxes by name, from the first report in a run's output.
struct Panels {
    std::map<std::string, Box> boxes;
    std::string text; // the panel lines, for messages

    bool has(const std::string& name) const { return boxes.count(name) > 0; }
    const Box& operator[](const std::string& name) const {
        REQUIRE_MESSAGE(has(name), "no panel \"" << name << "\" in the report:\n" << text);
        return boxes.at(name);
    }
};

inline Panels panelsIn(const std::string& out) {
    Panels panels;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string word, name;
        double x = 0, y = 0, w = 0, h = 0;
        if (!(words >> word) || word != "panel" || !(words >> name >> x >> y >> w >> h)) continue;
        if (panels.has(name)) break; // a second report
        panels.boxes[name] = Box{static_cast<int>(x), static_cast<int>(y), static_cast<int>(x + w),
                                 static_cast<int>(y + h)};
        panels.text += line + "\n";
    }
    return panels;
}

// A box shrunk by `by` pixels on each side, `top` at the top: clear of a
// panel's border, tab bar or toolbar, and of the splitters between panels.
inline Box inset(const Box& b, int by, int top = -1) {
    return {b.x0 + by, b.y0 + (top < 0 ? by : top), b.x1 - by, b.y1 - by};
}

inline bool haveXvfbRun() {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        const std::size_t colon = std::min(dirs.find(':', start), dirs.size());
        if (std::filesystem::exists(std::filesystem::path(dirs.substr(start, colon - start)) /
                                    "xvfb-run"))
            return true;
        start = colon + 1;
    }
    return false;
}

// Runs `strawman gui ARGS…` under xvfb-run on a 1600 x 1000 screen.
inline RunResult runGui(const std::vector<std::string>& guiArgs) {
    std::vector<std::string> args = {"-a", "-s", "-screen 0 1600x1000x24", STRAWMAN_EXE, "gui"};
    args.insert(args.end(), guiArgs.begin(), guiArgs.end());
    return run("xvfb-run", args);
}

// What one headless run of the editor showed: the picture, the view report its
// script asked for, and where the frame put its panels.
struct EditorShot {
    Image image;
    std::string report;
    Panels panels;
    // A whole line of the report.
    bool has(const std::string& line) const {
        return ("\n" + report).find("\n" + line + "\n") != std::string::npos;
    }
    // A line of the report that starts so.
    bool says(const std::string& start) const {
        return ("\n" + report).find("\n" + start) != std::string::npos;
    }
};

// Runs the editor on the workspace `ws` with `extra` options, plays `script`
// and then a report, and takes the picture; its files, named `name`, are
// written in `dir`.
inline EditorShot renderEditor(const TempDir& dir, const std::string& ws,
                               const std::vector<std::string>& extra, const std::string& name,
                               const std::string& script = "") {
    REQUIRE_MESSAGE(haveXvfbRun(), "the GUI tests need xvfb-run (apt install xvfb)");
    const std::string scriptFile = dir.file(name + ".script");
    std::ofstream(scriptFile) << script << "report\n";
    const std::string png = dir.file(name + ".png");
    std::vector<std::string> args = {ws,  "--script", scriptFile, "--screenshot",
                                     png, "--size",   "1600x1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = runGui(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    EditorShot shown{Image(png), r.out, panelsIn(r.out)};
    REQUIRE(shown.image.loaded());
    return shown;
}

} // namespace strawman::test
