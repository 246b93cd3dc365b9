// The editor's views read at a glance on a 1600 x 1000 window: labels never
// drawn below a legible size at fit (a long map wrapped into rows), workshop
// mode's larger map text and a toolbar that stays inside the window, a compact
// legend that folds away, wide maps stacked when shown beside each other. What
// the view did is read back through an input script's `report` line.
#include "gui_demo.h"
#include "gui_runner.h"
#include "process_runner.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace strawman;
using namespace strawman::test;

namespace {

constexpr double kLegiblePx = 12.0; // EditorFrame::kLegibleTextPx
constexpr double kWorkshopScale = 1.75;
constexpr Rgb kDifferent{214, 110, 0};

// One report: its lines by their first words ("smallest step label" -> "13.2 px").
struct Report {
    std::map<std::string, std::string> facts;
    std::string text;
    bool has(const std::string& key) const { return facts.count(key) > 0; }
    double number(const std::string& key, int index = 0) const {
        REQUIRE_MESSAGE(has(key), "no \"" << key << "\" in the report:\n" << text);
        // The index-th number on the line, words ("open", "px") skipped.
        std::istringstream in(facts.at(key));
        std::string word;
        int seen = 0;
        while (in >> word) {
            char* end = nullptr;
            const double v = std::strtod(word.c_str(), &end);
            if (end == word.c_str()) continue;
            if (seen++ == index) return v;
        }
        FAIL("fewer than " << index + 1 << " numbers in \"" << key << " " << facts.at(key) << "\"");
        return 0;
    }
};

std::vector<Report> reportsOf(const std::string& out) {
    static const char* keys[] = {
        "window",  "workshop",   "canvas", "zoom",  "rows", "smallest step label",
        "toolbar", "status bar", "legend", "beside"};
    std::vector<Report> reports;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        for (const char* key : keys) {
            const std::string k = key;
            if (line.rfind(k + " ", 0) != 0) continue;
            if (k == "window") reports.emplace_back();
            REQUIRE(!reports.empty());
            reports.back().facts[k] = line.substr(k.size() + 1);
            reports.back().text += line + "\n";
            break;
        }
    }
    return reports;
}

struct Shown {
    std::vector<Report> reports;
    Image image;
};

// Opens the demo with `args`, plays `script` (with its `report` lines), takes a picture.
Shown show(std::vector<std::string> args, const std::string& script, const std::string& name,
           const std::string& size = "1600x1000") {
    REQUIRE_MESSAGE(haveXvfbRun(), "the GUI tests need xvfb-run (apt install xvfb)");
    const std::string scriptFile = demo().dir.file(name + ".script");
    std::ofstream(scriptFile) << script;
    const std::string png = demo().dir.file(name + ".png");
    std::vector<std::string> all = {demo().ws,  "--size",       size, "--script",
                                    scriptFile, "--screenshot", png};
    all.insert(all.end(), args.begin(), args.end());
    const RunResult r = runGui(all);
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    Shown shown{reportsOf(r.out), Image(png)};
    REQUIRE(shown.image.loaded());
    REQUIRE(!shown.reports.empty());
    return shown;
}

void checkInsideWindow(const Report& r, const std::string& key) {
    INFO(r.text);
    CHECK(r.number(key, 0) >= 0);
    CHECK(r.number(key, 1) >= 0);
    CHECK(r.number(key, 2) <= r.number("window", 0));
    CHECK(r.number(key, 3) <= r.number("window", 1));
}

} // namespace

TEST_CASE("fitted, the CT map's step labels are drawn at a legible size, the long map wrapped into "
          "rows") {
    const std::string rpa = mapOf("RPA");
    const Shown plain = show({"--map", rpa}, "report\n", "legible-plain");
    const Report& r = plain.reports.front();
    INFO(r.text);
    CHECK(r.number("smallest step label") >= kLegiblePx - 0.05);
    // At 1600 x 1000 with the panels open the pathway, five lanes deep, does
    // not fit one row legibly: it is wrapped into rows read like lines of text
    // (the last ones scrolled to, as a document), and legibility wins over
    // seeing it whole.
    CHECK(r.number("rows") >= 2);
    const Box canvas{
        static_cast<int>(r.number("canvas", 0)), static_cast<int>(r.number("canvas", 1)),
        static_cast<int>(r.number("canvas", 2)), static_cast<int>(r.number("canvas", 3))};
    CHECK(plain.image.blobs(canvas, kActivityFill, 200) >= 5);
}

TEST_CASE("with the diff drawn, the step labels and the count and time pills are legible at fit") {
    const std::string rpa = mapOf("RPA");
    const Shown diff = show({"--map", rpa, "--diff-trust", "RPA"}, "report\n", "legible-diff");
    const Report& r = diff.reports.front();
    INFO(r.text);
    CHECK(r.number("smallest step label") >= kLegiblePx - 0.05);
    // The pills are 12 world units high (OverlayPainter::kPillTextSize): the zoom keeps them
    // legible too.
    CHECK(r.number("zoom") * 12.0 >= kLegiblePx - 0.05);
}

TEST_CASE("workshop mode enlarges the map's text with the panels' and its toolbar stays inside the "
          "window") {
    const std::string rpa = mapOf("RPA");
    for (const std::string size : {"1600x1000", "1280x720"}) {
        CAPTURE(size);
        const Shown normal = show({"--map", rpa}, "report\n", "workshop-normal-" + size, size);
        const Shown workshop =
            show({"--map", rpa, "--workshop"}, "report\n", "workshop-" + size, size);
        const Report& n = normal.reports.front();
        const Report& w = workshop.reports.front();
        INFO(w.text);
        CHECK(w.facts.at("workshop") == "on");
        CHECK(w.number("smallest step label") >= kLegiblePx * kWorkshopScale - 0.05);
        CHECK(w.number("smallest step label") > n.number("smallest step label"));
        checkInsideWindow(w, "toolbar");
        checkInsideWindow(w, "status bar");
        // The toolbar, however many lines it wraps into, ends above the map.
        CHECK(w.number("toolbar", 3) <= w.number("canvas", 1));
    }
}

TEST_CASE("the diff's legend folds away with a click and unfolds with another") {
    const std::string rpa = mapOf("RPA");
    const Shown shown =
        show({"--map", rpa, "--diff-trust", "RPA"},
             "report\nclick ui:legend\nwait 2\nreport\nclick ui:legend\nwait 2\nreport\n"
             "click ui:legend\nwait 2\n",
             "legend");
    REQUIRE(shown.reports.size() == 3);
    const Report &open = shown.reports[0], &folded = shown.reports[1];
    INFO(open.text << folded.text);
    CHECK(open.facts.at("legend").rfind("open", 0) == 0);
    CHECK(folded.facts.at("legend").rfind("folded", 0) == 0);
    CHECK(shown.reports[2].facts.at("legend").rfind("open", 0) == 0);
    // Compact: a small box in the canvas's bottom-left corner, a tenth of it at most.
    const auto box = [](const Report& r) {
        return Box{static_cast<int>(r.number("legend", 0)), static_cast<int>(r.number("legend", 1)),
                   static_cast<int>(r.number("legend", 2)),
                   static_cast<int>(r.number("legend", 3))};
    };
    const Box canvas{
        static_cast<int>(open.number("canvas", 0)), static_cast<int>(open.number("canvas", 1)),
        static_cast<int>(open.number("canvas", 2)), static_cast<int>(open.number("canvas", 3))};
    const Box openBox = box(open), foldedBox = box(folded);
    CHECK(openBox.area() * 10 < canvas.area());
    CHECK(openBox.x0 < canvas.x0 + 20);
    CHECK(openBox.y1 > canvas.y1 - 20);
    // Folded, only its title line is left, in the same corner.
    CHECK((foldedBox.y1 - foldedBox.y0) * 3 < openBox.y1 - openBox.y0);
    CHECK(foldedBox.y1 == openBox.y1);
}

TEST_CASE("two wide maps beside each other are stacked, each the canvas's full width, legible") {
    const std::string rpa = mapOf("RPA"), rn7 = mapOf("RN7");
    const Shown beside = show({"--map", rpa, "--beside", rn7}, "report\n", "stacked");
    const Report& r = beside.reports.front();
    INFO(r.text);
    CHECK(r.facts.at("beside").rfind("stacked", 0) == 0);
    CHECK(r.number("smallest step label") >= kLegiblePx - 0.05);
    // The main map's canvas is the full width of the centre, half its height.
    const double canvasW = r.number("canvas", 2) - r.number("canvas", 0);
    CHECK(canvasW > 900);
    // What only one map has is highlighted in the top half and in the bottom half.
    const int x0 = static_cast<int>(r.number("canvas", 0)),
              x1 = static_cast<int>(r.number("canvas", 2));
    const int top = static_cast<int>(r.number("canvas", 1)),
              mid = static_cast<int>(r.number("canvas", 3));
    CHECK(beside.image.count({x0, top, x1, mid}, kDifferent) > 50);
    CHECK(beside.image.count({x0, mid, x1, mid + (mid - top)}, kDifferent) > 50);
}
