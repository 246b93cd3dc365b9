// GUI smoke tests: build a workspace through the model, render the editor with
// `strawman gui --screenshot` under xvfb-run, and look at the picture.
//
// The colours (gui_runner.h) are the editor's theme (editor/panels/theme.h); the checks
// look for flat fills, which anti-aliasing does not touch away from shape edges.
#include "gui_runner.h"
#include "process_runner.h"

#include "model/maps/layout.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::test;
using model::NodeKind;

namespace {

constexpr int kWidth = 1600, kHeight = 1000;

// Where to look, from the panels the editor reports: inside the Network panel
// clear of its border, and the map's window below its toolbar, clear of its
// edges and the splitters.
Box treeArea(const Panels& panels) {
    return inset(panels["network"], 10);
}
Box canvasArea(const Panels& panels) {
    return inset(panels["map"], 20, 80);
}

// [SECTION] Workspaces

// A CT outpatient pathway with one of every kind that matters: start, end,
// activities, a decision with conditions, and a parallel split and join, laid
// out by the model (Graphviz dot, left to right) as `strawman map layout` does.
model::MapContent ctPathway() {
    model::MapContent map;
    auto node = [&](NodeKind kind, const char* key, const char* label, const char* code) {
        model::Node n;
        n.id = model::NodeId{static_cast<std::int64_t>(map.nodes.size() + 1)};
        n.kind = kind;
        n.key = key;
        n.label = label;
        n.activity = code;
        map.nodes.push_back(n);
        return n.id;
    };
    auto edge = [&](model::NodeId a, model::NodeId b, const char* label = "") {
        map.edges.push_back(
            {model::EdgeId{static_cast<std::int64_t>(map.edges.size() + 1)}, a, b, label});
    };
    const auto start = node(NodeKind::Start, "start", "Request made", "");
    const auto rcv = node(NodeKind::Activity, "rcv", "Request received", "RCV");
    const auto vet = node(NodeKind::Activity, "vet", "Vetted", "VET");
    const auto ok = node(NodeKind::Decision, "ok", "Justified?", "");
    const auto rej = node(NodeKind::Activity, "rej", "Rejected at vetting", "REJ");
    const auto split = node(NodeKind::Parallel, "split", "", "");
    const auto pro = node(NodeKind::Activity, "pro", "Protocolled", "PRO");
    const auto bkd = node(NodeKind::Activity, "bkd", "Booked", "BKD");
    const auto join = node(NodeKind::Parallel, "join", "", "");
    const auto cmp = node(NodeKind::Activity, "cmp", "Exam completed", "CMP");
    const auto end = node(NodeKind::End, "end", "Reported", "");
    edge(start, rcv);
    edge(rcv, vet);
    edge(vet, ok);
    edge(ok, split, "yes");
    edge(ok, rej, "no");
    edge(split, pro);
    edge(split, bkd);
    edge(pro, join);
    edge(bkd, join);
    edge(join, cmp);
    edge(cmp, end);
    model::layout(map);
    return map;
}

struct Fixture {
    test::TempDir dir;
    std::string workspace = dir.file("network.strawman");
    model::MapId pathway, emptyMap;

    Fixture() {
        auto ws = model::Workspace::create(workspace);
        const auto rpa = ws.addTrust("RPA", "Medway NHS Foundation Trust");
        ws.addTrust("RN7", "Dartford and Gravesham NHS Trust");
        const auto ct = ws.addProcess("CT outpatient pathway");
        pathway =
            ws.createMap(ct, rpa, "CT outpatient pathway", ctPathway(), model::MapStatus::StrawMan);
        emptyMap = ws.createMap(ct, std::nullopt, "CT pathway (network standard)", {});
    }
};

// Takes the picture; the run's output is the view report, for the panels.
test::RunResult screenshot(const std::string& workspace, std::optional<model::MapId> map,
                           const std::string& png) {
    REQUIRE_MESSAGE(haveXvfbRun(), "the GUI tests need xvfb-run (apt install xvfb)");
    const std::string script = png + ".script";
    std::ofstream(script) << "report\n";
    std::vector<std::string> args = {workspace};
    if (map) args.insert(args.end(), {"--map", std::to_string(map->value)});
    args.insert(args.end(), {"--script", script, "--screenshot", png, "--size", "1600x1000"});
    return runGui(args);
}

} // namespace

// [SECTION] Tests

TEST_CASE("the editor draws a map under xvfb-run and saves it as a PNG") {
    Fixture f;
    const std::string png = f.dir.file("pathway.png");
    const auto result = screenshot(f.workspace, f.pathway, png);
    INFO("stderr: " << result.err);
    REQUIRE(result.exitCode == 0);
    const Image image(png);
    REQUIRE(image.loaded());
    const Panels panels = panelsIn(result.out);
    const Box tree = treeArea(panels), mapArea = canvasArea(panels);
    CHECK(image.width() == kWidth);
    CHECK(image.height() == kHeight);

    // A real frame, not a cleared buffer: many colours, and the panel looks
    // different from the canvas.
    const Box whole{0, 0, kWidth, kHeight};
    CHECK(image.distinctColours(whole) > 50);
    CHECK(image.commonest(mapArea) == kCanvas);
    CHECK_FALSE(image.commonest(tree) == image.commonest(mapArea));
    CHECK(image.ink(tree) > 500); // the tree's text

    // Six activity boxes, each its own patch of fill; together a plausible
    // share of the canvas (fitted to view, so neither specks nor a flood).
    const int boxes = image.blobs(mapArea, kActivityFill, 400);
    CHECK(boxes >= 5);
    CHECK(boxes <= 6);
    const double coverage = static_cast<double>(image.count(mapArea, kActivityFill)) /
                            static_cast<double>(mapArea.area());
    CHECK(coverage > 0.01);
    CHECK(coverage < 0.4);

    // Every other kind of node is drawn too.
    CHECK(image.blobs(mapArea, kDecisionFill, 100) == 1);
    CHECK(image.blobs(mapArea, kParallelFill, 100) == 2);
    CHECK(image.count(mapArea, kStartFill) > 100);
    CHECK(image.count(mapArea, kEndFill) > 100);
}

TEST_CASE("a map with nodes puts more on the canvas than an empty map") {
    Fixture f;
    const std::string full = f.dir.file("full.png"), empty = f.dir.file("empty.png");
    const auto shown = screenshot(f.workspace, f.pathway, full);
    REQUIRE(shown.exitCode == 0);
    REQUIRE(screenshot(f.workspace, f.emptyMap, empty).exitCode == 0);
    const Box mapArea = canvasArea(panelsIn(shown.out));
    const Image fullImage(full), emptyImage(empty);
    REQUIRE(fullImage.loaded());
    REQUIRE(emptyImage.loaded());
    CHECK(emptyImage.count(mapArea, kActivityFill) == 0);
    CHECK(emptyImage.ink(mapArea) > 0); // it says the map is empty
    CHECK(fullImage.ink(mapArea) > 4 * emptyImage.ink(mapArea));
}

TEST_CASE("a workspace with no maps opens and shows no map") {
    test::TempDir dir;
    const std::string workspace = dir.file("new.strawman");
    model::Workspace::create(workspace);
    const std::string png = dir.file("nothing.png");
    const auto result = screenshot(workspace, std::nullopt, png);
    INFO("stderr: " << result.err);
    REQUIRE(result.exitCode == 0);
    const Image image(png);
    REQUIRE(image.loaded());
    const Box mapArea = canvasArea(panelsIn(result.out));
    CHECK(image.count(mapArea, kActivityFill) == 0);
    CHECK(image.ink(mapArea) > 0); // it says there are no maps
}

TEST_CASE("asking for a map the workspace does not have fails") {
    Fixture f;
    const auto result = screenshot(f.workspace, model::MapId{9999}, f.dir.file("no.png"));
    CHECK(result.exitCode != 0);
    CHECK(result.err.find("9999") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.dir.file("no.png")));
}

TEST_CASE("without a display the editor fails and says to use xvfb-run") {
    Fixture f;
    // Take the display away from the child only for this run.
    struct Unset {
        std::string name;
        std::optional<std::string> old;
        explicit Unset(std::string n) : name(std::move(n)) {
            if (const char* v = std::getenv(name.c_str())) old = v;
            unsetenv(name.c_str());
        }
        ~Unset() {
            if (old) setenv(name.c_str(), old->c_str(), 1);
        }
    } display("DISPLAY"), wayland("WAYLAND_DISPLAY");
    const auto result =
        test::run(STRAWMAN_EXE, {"gui", f.workspace, "--screenshot", f.dir.file("never.png")});
    CHECK(result.exitCode != 0);
    CHECK(result.err.find("xvfb-run") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.dir.file("never.png")));
}
