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

using namespace strawman;
using namespace strawman::test;

namespace {

// Colours of the views (editor/panels/theme.h).
constexpr Rgb kNotDrawn{208, 40, 40};  // a step the data shows that the map does not draw
constexpr Rgb kDifferent{214, 110, 0}; // beside another map: only on this one
constexpr Rgb kPanelBackground{246, 248, 250};
constexpr Rgb kTaken{104, 134, 163}; // an arrow of the diff, by its traffic

Image render(const std::vector<std::string>& extra, const std::string& name) {
    REQUIRE_MESSAGE(haveXvfbRun(), "the GUI tests need xvfb-run (apt install xvfb)");
    const std::string png = demo().dir.file(name + ".png");
    std::vector<std::string> args = {demo().ws, "--screenshot", png, "--size", "1600x1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = runGui(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    Image image(png);
    REQUIRE(image.loaded());
    return image;
}

constexpr Box kMapArea{320, 60, 1250, 760};

} // namespace

TEST_CASE(
    "the diff drawn on a trust's map shows the steps its data takes that the map does not draw") {
    const std::string rpa = mapOf("RPA");
    const Image plain = render({"--map", rpa}, "plain");
    const Image diff = render({"--map", rpa, "--diff-trust", "RPA"}, "diff");
    // RPA skips vetting for part of CT: REQ/RCV straight to protocolling, drawn red and dashed.
    CHECK(plain.count(kMapArea, kNotDrawn) == 0);
    CHECK(diff.count(kMapArea, kNotDrawn) > 200);
    // Arrows drawn as wide as their traffic, in the diff's own blue-grey. (Not
    // more ink than the plain map overall: the two are fitted differently, the
    // diff's extra arrows making its rows taller.)
    CHECK(plain.count(kMapArea, kTaken) == 0);
    CHECK(diff.count(kMapArea, kTaken) > 1000);
}

TEST_CASE("two maps side by side highlight what only one of them has") {
    const std::string rpa = mapOf("RPA"), rn7 = mapOf("RN7");
    const Image alone = render({"--map", rpa}, "alone");
    const Image beside = render({"--map", rpa, "--beside", rn7}, "beside");
    CHECK(alone.count({0, 0, 1600, 1000}, kDifferent) == 0);
    // Left half and right half each carry highlights: RN7 books before vetting.
    CHECK(beside.count({320, 60, 780, 760}, kDifferent) > 50);
    CHECK(beside.count({790, 60, 1250, 760}, kDifferent) > 50);
}

TEST_CASE("workshop mode hides the side panels and keeps the map") {
    const std::string rpa = mapOf("RPA");
    const Image normal = render({"--map", rpa}, "normal");
    const Image workshop = render({"--map", rpa, "--workshop"}, "workshop");
    const Box leftPanel{10, 200, 250, 700};
    CHECK(normal.count(leftPanel, kPanelBackground) > 20000);
    CHECK(workshop.count(leftPanel, kPanelBackground) < 1000);
    CHECK(workshop.blobs({0, 60, 1600, 940}, kActivityFill, 200) >= 8);
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
    const std::string script = demo().dir.file("diff.script");
    {
        std::ofstream out(script);
        out << "click ui:diff-tab\nwait 2\nclick ui:diff-run\nwait 2\n";
    }
    const Image image = render({"--map", rpa, "--script", script}, "diff-panel");
    CHECK(image.count(kMapArea, kNotDrawn) > 200);
}

TEST_CASE("the as-recorded map is drawn from the data, stored as a draft and shown beside the "
          "straw man") {
    const std::string rpa = mapOf("RPA");
    TempDir dir;
    const std::string ws = dir.file("copy.strawman");
    std::filesystem::copy_file(demo().ws, ws);
    const std::string script = dir.file("recorded.script");
    std::ofstream(script) << "click ui:diff-tab\nclick ui:diff-run\nclick ui:as-recorded\nwait 3\n";
    const std::string png = dir.file("recorded.png");
    const RunResult r =
        runGui({ws, "--map", rpa, "--script", script, "--screenshot", png, "--size", "1600x1000"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    const RunResult list = run(STRAWMAN_EXE, {"map", "list", ws});
    // Named as `strawman discover` names it.
    CHECK(list.out.find("CT outpatient pathway (RPA, as recorded)") != std::string::npos);
    const Image image(png);
    REQUIRE(image.loaded());
    // Beside: the discovered map has RPA's unvetted path the straw man lacks, and the other way
    // round.
    CHECK(image.count({790, 60, 1250, 760}, kDifferent) > 50);
}
