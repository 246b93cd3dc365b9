// The Export dialog driven as a person would: Ctrl+E, a format chosen, a path
// typed, Export; the file checked as the CLI's tests check theirs, and the
// dialog's picture looked at for its preview.
#include "gui_demo.h"
#include "gui_runner.h"
#include "process_runner.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>

using namespace strawman;
using namespace strawman::test;

namespace {

// Opens the dialog, chooses `format`, types `name` (a file name is saved
// beside the workspace: short to type, each character a frame) and exports.
std::string exportScript(const std::string& format, const std::string& name,
                         const std::string& options = "") {
    return "key ctrl+e\n"
           "click ui:export-format-" +
           format + "\n" + options +
           "click ui:export-path\n"
           "key ctrl+a\n"
           "type " +
           name +
           "\n"
           "click ui:export-run\n";
}

} // namespace

TEST_CASE("Ctrl+E opens the Export dialog and a PNG written from it decodes") {
    const TempDir dir;
    const std::string png = demo().dir.file("board paper.png");
    const EditorShot shot = renderEditor(dir, demo().ws, {"--map", mapOf("RPA")}, "png",
                                         exportScript("png", "board paper.png"));
    INFO(shot.report);
    CHECK(shot.says("export done Exported to " + png + " ("));
    CHECK_FALSE(shot.says("export dialog open")); // closed once written
    CHECK_FALSE(std::filesystem::exists(png + ".part"));
    const Image written(png);
    REQUIRE(written.loaded());
    CHECK(written.width() > 400);
    // The map's steps, in their fill, at 96 DPI.
    CHECK(written.blobs({0, 0, written.width(), written.height()}, kActivityFill, 150) >= 8);
}

TEST_CASE("an SVG exported from the dialog with a trust's data carries the diff's overlay") {
    const TempDir dir;
    const std::string svg = demo().dir.file("rpa-diff.svg");
    const std::string rpa = mapOf("RPA");
    const EditorShot shot =
        renderEditor(dir, demo().ws, {"--map", rpa}, "svg",
                     exportScript("svg", "rpa-diff.svg", "click ui:export-diff\n"));
    INFO(shot.report);
    REQUIRE(shot.says("export done Exported to " + svg));
    const std::string text = readFile(svg);
    CHECK(text.find("<svg") != std::string::npos);
    // The steps RPA's data takes that the map does not draw, red; arrows by traffic.
    CHECK(text.find("#d02828") != std::string::npos);
    CHECK(text.find("#6886a3") != std::string::npos);
    CHECK(text.find("RPA") != std::string::npos);
    // Without the diff, as `strawman export` draws the same map, neither colour.
    const RunResult plain = run(STRAWMAN_EXE, {"export", demo().ws, rpa, "--format", "svg"});
    REQUIRE(plain.exitCode == 0);
    CHECK(plain.out.find("#d02828") == std::string::npos);
}

TEST_CASE("the canvas's menu opens the Export dialog, which shows a preview of the picture") {
    const TempDir dir;
    // A right-click near the bottom-right corner of the map's window (1600 x
    // 1000): empty canvas, clear of the fitted map and its legend.
    const EditorShot shot = renderEditor(dir, demo().ws, {"--map", mapOf("RPA")}, "dialog",
                                         "click 1250,700 right\nclick ui:canvas-menu-export\n"
                                         "click ui:export-format-pdf\n");
    INFO(shot.report);
    CHECK(shot.says("export dialog open pdf "));
    // The preview is drawn where the report says, with the map's steps in it.
    const std::string line = "export preview picture ";
    const auto at = ("\n" + shot.report).find("\n" + line);
    REQUIRE(at != std::string::npos);
    std::istringstream words(shot.report.substr(at + line.size()));
    int w = 0, h = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::string word;
    words >> w >> h >> word >> x0 >> y0 >> x1 >> y1;
    CHECK(w > 300);
    REQUIRE(x1 - x0 > 300);
    REQUIRE(y1 > y0);
    const Box preview{x0, y0, x1, y1};
    CHECK(shot.image.blobs(preview, kActivityFill, 4) >= 8);
    CHECK(shot.image.count(preview, kStartFill) > 0);
}

TEST_CASE("the File menu opens the Export dialog on the map shown") {
    const TempDir dir;
    const EditorShot shot = renderEditor(dir, demo().ws, {"--map", mapOf("RPA")}, "file-menu",
                                         // A menu at the window's foot opens upwards,
                                         // in its place from its second frame.
                                         "click ui:file-menu\nwait 1\nclick ui:file-menu-export\n");
    INFO(shot.report);
    CHECK(shot.says("export dialog open svg "));
}
