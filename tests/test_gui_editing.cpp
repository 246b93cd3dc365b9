// Scripted GUI tests: input events replayed through ImGui's input (strawman gui
// --script) edit maps on the canvas as a person would, and the test reads the
// workspace file afterwards to see what was stored.
#include "gui_runner.h"
#include "map_fixtures.h"
#include "process_runner.h"

#include "model/maps/layout.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

using namespace strawman;
using namespace strawman::test;

namespace {

struct Fixture {
    TempDir dir;
    std::string workspace = dir.file("network.strawman");
    model::MapId blank, pathway;

    Fixture() {
        auto ws = model::Workspace::create(workspace);
        const auto ct = ws.addProcess("CT outpatient pathway");
        blank = ws.createMap(ct, std::nullopt, "Blank", {});
        model::MapContent laid = ctPathway();
        model::layout(laid);
        pathway = ws.createMap(ct, std::nullopt, "CT", laid);
    }

    // Plays `script` on `map` and writes a screenshot; the run must succeed.
    // The script ends with a report, so the run's output gives the panels.
    struct Played {
        std::string png;
        Panels panels;
    };
    Played play(model::MapId map, const std::string& script, const std::string& name) {
        REQUIRE_MESSAGE(haveXvfbRun(), "the GUI tests need xvfb-run (apt install xvfb)");
        const std::string file = dir.file(name + ".script");
        std::ofstream(file) << script << "report\n";
        const std::string png = dir.file(name + ".png");
        const RunResult r = runGui({workspace, "--map", std::to_string(map.value), "--script", file,
                                    "--screenshot", png, "--size", "1600x1000"});
        INFO("stderr: " << r.err);
        REQUIRE(r.exitCode == 0);
        return {png, panelsIn(r.out)};
    }

    model::MapContent content(model::MapId map) const {
        return model::Workspace::open(workspace).content(map);
    }
};

std::string edgeList(const model::MapContent& m) {
    std::string out;
    for (const model::Edge& e : m.edges)
        out += m.findNode(e.from)->key + ">" + m.findNode(e.to)->key + " ";
    return out;
}

} // namespace

TEST_CASE("a small map built with the mouse and keyboard, undone and redone, is what is stored") {
    Fixture f;
    const auto played = f.play(f.blank, R"(# start -> "Vet the request" -> end
dclick 700,450
type Vet the request
key enter
key escape
move 500,450
key s
key escape
move 900,450
key e
key escape
drag handle:start1 node:step1
drag handle:step1 node:end1
# an end has no way out: refused, nothing stored
drag handle:end1 node:step1
# undo both connections, then redo the first
key ctrl+z
key ctrl+z
key ctrl+y
wait 2
)",
                               "build");

    const model::MapContent m = f.content(f.blank);
    REQUIRE(m.nodes.size() == 3);
    const model::Node* step = m.findNodeByKey("step1");
    REQUIRE(step);
    CHECK(step->label == "Vet the request");
    CHECK(step->kind == model::NodeKind::Activity);
    REQUIRE(m.findNodeByKey("start1"));
    REQUIRE(m.findNodeByKey("end1"));
    CHECK(m.findNodeByKey("start1")->x < step->x);
    CHECK(step->x < m.findNodeByKey("end1")->x);
    CHECK(edgeList(m) == "start1>step1 ");

    const Image image(played.png);
    REQUIRE(image.loaded());
    // On the map, below its toolbar.
    const Box mapArea = inset(played.panels["map"], 0, 80);
    CHECK(image.blobs(mapArea, kActivityFill, 400) == 1);
    CHECK(image.blobs(mapArea, kStartFill, 100) == 1);
}

TEST_CASE("a node dragged is moved by one step, which undo takes back") {
    Fixture f;
    const model::MapContent before = f.content(f.pathway);
    f.play(f.pathway, R"(drag node:vet world:0,0
key escape
drag node:cmp world:0,0
key ctrl+z
)",
           "move");
    const model::MapContent after = f.content(f.pathway);
    // vet moved (to the grid, where the world origin is), cmp moved and was undone.
    CHECK(after.findNodeByKey("vet")->x == 0);
    CHECK(after.findNodeByKey("vet")->y == 0);
    CHECK(after.findNodeByKey("cmp")->x == before.findNodeByKey("cmp")->x);
    CHECK(after.findNodeByKey("cmp")->y == before.findNodeByKey("cmp")->y);
    CHECK(after.findNodeByKey("rcv")->x == before.findNodeByKey("rcv")->x);
}

TEST_CASE("box select, delete, and copy and paste with the keyboard") {
    Fixture f;
    const model::MapContent before = f.content(f.pathway);
    f.play(f.pathway, R"(click node:bkd
key ctrl+c
key ctrl+v
key escape
click node:rej
key delete
)",
           "keys");
    const model::MapContent after = f.content(f.pathway);
    CHECK_FALSE(after.findNodeByKey("rej"));
    CHECK(after.findNodeByKey("bkd2"));
    CHECK(after.findNodeByKey("bkd2")->activity == "BKD");
    CHECK(after.nodes.size() == before.nodes.size());
    CHECK(after.edges.size() == before.edges.size() - 2);
}

TEST_CASE("a script that names a node the map does not have fails with its line") {
    Fixture f;
    const std::string file = f.dir.file("bad.script");
    std::ofstream(file) << "wait 1\nclick node:nowhere\n";
    const RunResult r = runGui({f.workspace, "--map", std::to_string(f.blank.value), "--script",
                                file, "--screenshot", f.dir.file("bad.png")});
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("bad.script:2") != std::string::npos);
    CHECK(r.err.find("nowhere") != std::string::npos);
}

TEST_CASE("a script with an unknown command is refused before any window opens") {
    Fixture f;
    const std::string file = f.dir.file("typo.script");
    std::ofstream(file) << "# fine\nclik 10,10\n";
    const RunResult r =
        runGui({f.workspace, "--script", file, "--screenshot", f.dir.file("t.png")});
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("typo.script:2: unknown command \"clik\"") != std::string::npos);
}
