// The editor's views on the demo network, rendered headless: the diff drawn on
// a trust's map, two maps side by side with their differences, workshop mode.
// Each picture is checked for what only that view puts on the screen.
#include "gui_demo.h"
#include "gui_runner.h"
#include "process_runner.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

using namespace strawman;
using namespace strawman::test;

namespace {

// Colours of the views (editor/panels/theme.h).
constexpr Rgb kNotDrawn{208, 40, 40};  // a step the data shows that the map does not draw
constexpr Rgb kDifferent{214, 110, 0}; // beside another map: only on this one
constexpr Rgb kPanelBackground{246, 248, 250};
constexpr Rgb kTaken{104, 134, 163}; // an arrow of the diff, by its traffic

// A picture, the editor's report on it and the panels it gives, with the
// parts of the map's window these tests look at.
struct View : EditorShot {
    // The map's window below its toolbar, clear of its edges and the splitters.
    Box mapArea() const { return inset(panels["map"], 20, 60); }
    // The map area in two as the beside view shows two maps: one above the
    // other when they are stacked, else left and right.
    std::pair<Box, Box> halves() const {
        const Box a = mapArea();
        if (report.find("beside stacked") != std::string::npos) {
            const int mid = (a.y0 + a.y1) / 2;
            return {{a.x0, a.y0, a.x1, mid - 5}, {a.x0, mid + 5, a.x1, a.y1}};
        }
        const int mid = (a.x0 + a.x1) / 2;
        return {{a.x0, a.y0, mid - 5, a.y1}, {mid + 5, a.y0, a.x1, a.y1}};
    }
};

// Runs the editor with `script` (then a report) and takes the picture.
View render(const std::vector<std::string>& extra, const std::string& name,
            const std::string& script = "") {
    return {renderEditor(demo().dir, demo().ws, extra, name, script)};
}

} // namespace

TEST_CASE(
    "the diff drawn on a trust's map shows the steps its data takes that the map does not draw") {
    const std::string rpa = mapOf("RPA");
    const View plain = render({"--map", rpa}, "plain");
    const View diff = render({"--map", rpa, "--diff-trust", "RPA"}, "diff");
    // RPA skips vetting for part of CT: REQ/RCV straight to protocolling, drawn red and dashed.
    CHECK(plain.image.count(plain.mapArea(), kNotDrawn) == 0);
    CHECK(diff.image.count(diff.mapArea(), kNotDrawn) > 200);
    // Arrows drawn as wide as their traffic, in the diff's own blue-grey. (Not
    // more ink than the plain map overall: the two are fitted differently, the
    // diff's extra arrows making its rows taller.)
    CHECK(plain.image.count(plain.mapArea(), kTaken) == 0);
    CHECK(diff.image.count(diff.mapArea(), kTaken) > 1000);
}

TEST_CASE("two maps side by side highlight what only one of them has") {
    const std::string rpa = mapOf("RPA"), rn7 = mapOf("RN7");
    const View alone = render({"--map", rpa}, "alone");
    const View beside = render({"--map", rpa, "--beside", rn7}, "beside");
    CHECK(alone.image.count({0, 0, alone.image.width(), alone.image.height()}, kDifferent) == 0);
    // Each map's half carries highlights: RN7 books before vetting.
    const auto [main, other] = beside.halves();
    CHECK(beside.image.count(main, kDifferent) > 50);
    CHECK(beside.image.count(other, kDifferent) > 50);
}

TEST_CASE("workshop mode hides the side panels and keeps the map") {
    const std::string rpa = mapOf("RPA");
    const View normal = render({"--map", rpa}, "normal");
    const View workshop = render({"--map", rpa, "--workshop"}, "workshop");
    CHECK_FALSE(workshop.panels.has("network"));
    CHECK_FALSE(workshop.panels.has("side"));
    // Where the Network panel was, the map.
    const Box leftPanel = inset(normal.panels["network"], 10);
    CHECK(normal.image.count(leftPanel, kPanelBackground) > 20000);
    // (The lanes' bands are nearly the panels' colour: the map's own panel
    // says where it is.)
    CHECK(workshop.panels["map"].x0 <= leftPanel.x0);
    // The map keeps its steps, drawn as large as the workshop's text asks.
    const int steps = workshop.image.blobs(workshop.mapArea(), kActivityFill, 200);
    CHECK(steps >= 4);
    CHECK(steps >= normal.image.blobs(normal.mapArea(), kActivityFill, 200) - 2);
}

TEST_CASE("a view of a map or trust the workspace does not have fails with a message") {
    const RunResult r = runGui({demo().ws, "--map", mapOf("RPA"), "--diff-trust", "XYZ",
                                "--screenshot", demo().dir.file("bad.png")});
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("XYZ") != std::string::npos);
    const RunResult beside =
        runGui({demo().ws, "--beside", "999", "--screenshot", demo().dir.file("bad2.png")});
    CHECK(beside.exitCode != 0);
    CHECK(beside.err.find("999") != std::string::npos);
}

TEST_CASE("the Diff panel holds the map against the data on a worker thread and draws the result") {
    const std::string rpa = mapOf("RPA");
    const View shown = render({"--map", rpa}, "diff-panel",
                              "click ui:diff-tab\nwait 2\nclick ui:diff-run\nwait 2\n");
    CHECK(shown.image.count(shown.mapArea(), kNotDrawn) > 200);
}

TEST_CASE("the as-recorded map is drawn from the data, stored as a draft and shown beside the "
          "straw man") {
    const std::string rpa = mapOf("RPA");
    TempDir dir;
    const std::string ws = dir.file("copy.strawman");
    std::filesystem::copy_file(demo().ws, ws);
    const std::string script = dir.file("recorded.script");
    std::ofstream(script)
        << "click ui:diff-tab\nclick ui:diff-run\nclick ui:as-recorded\nwait 3\nreport\n";
    const std::string png = dir.file("recorded.png");
    const RunResult r =
        runGui({ws, "--map", rpa, "--script", script, "--screenshot", png, "--size", "1600x1000"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    const RunResult list = run(STRAWMAN_EXE, {"map", "list", ws});
    // Named as `strawman discover` names it.
    CHECK(list.out.find("CT outpatient pathway (RPA, as recorded)") != std::string::npos);
    const View shown{Image(png), r.out, panelsIn(r.out)};
    REQUIRE(shown.image.loaded());
    // Beside: the discovered map has RPA's unvetted path the straw man lacks, and the other way
    // round.
    CHECK(shown.image.count(shown.halves().second, kDifferent) > 50);
}
