// The editor's command layer without a window: each command is one step in the
// workspace, undo and redo walk the steps, the selection follows.
#include "map_fixtures.h"
#include "temp_path.h"

#include "editor/core/editor_session.h"
#include "editor/core/map_editor.h"

#include "model/core/error.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace strawman;
using namespace strawman::editor;
using model::NodeKind;

namespace {

// An editor on a workspace file with one empty map and one CT pathway map.
struct Fixture {
    test::TempDir dir;
    std::filesystem::path path = dir.file("network.strawman");
    model::MapId empty, ct;
    std::unique_ptr<EditorSession> session;
    std::unique_ptr<MapEditor> editor;

    Fixture() {
        auto ws = model::Workspace::create(path);
        const auto p = ws.addProcess("CT outpatient");
        empty = ws.createMap(p, std::nullopt, "Blank", {});
        ct = ws.createMap(p, std::nullopt, "CT", test::ctPathway());
        session = std::make_unique<EditorSession>(model::Workspace::open(path));
        editor = std::make_unique<MapEditor>(*session);
    }
    // What another process would read from the file now.
    model::MapContent onDisk(model::MapId id) const {
        return model::Workspace::open(path).content(id);
    }
};

const model::Node& node(const model::MapContent& m, const std::string& key) {
    const model::Node* n = m.findNodeByKey(key);
    REQUIRE(n);
    return *n;
}

} // namespace

TEST_CASE("building a small map command by command, each one stored at once") {
    Fixture f;
    REQUIRE(f.session->select(f.empty));
    MapEditor& ed = *f.editor;
    const std::string start = ed.addNode(NodeKind::Start, 0, 0);
    const std::string step = ed.addNode(NodeKind::Activity, 200, 3); // snaps to the 10 pt grid
    const std::string end = ed.addNode(NodeKind::End, 400, 0);
    CHECK(ed.selection().nodes == std::vector<std::string>{end});
    ed.connect(start, step);
    ed.connect(step, end);
    ed.rename(step, "Vet the request");
    ed.setActivity(step, "VET");

    const model::MapContent disk = f.onDisk(f.empty);
    REQUIRE(disk.nodes.size() == 3);
    CHECK(disk.edges.size() == 2);
    CHECK(node(disk, step).label == "Vet the request");
    CHECK(node(disk, step).activity == "VET");
    CHECK(node(disk, step).y == 0);
    CHECK(f.session->history().doneCount() == 7);
    CHECK(f.session->history().nextUndo()->label == "Set activity code VET");
    CHECK(f.session->lastSaved().has_value());
}

TEST_CASE("a refused request changes nothing and leaves no step") {
    Fixture f;
    REQUIRE(f.session->select(f.ct));
    const std::size_t steps = f.session->history().doneCount();
    CHECK_THROWS_WITH_AS(f.editor->connect("end", "vet"), "an end has no way out", model::Error);
    CHECK_THROWS_WITH_AS(f.editor->setActivity("vet", "NOPE"), doctest::Contains("vocabulary"),
                         model::Error);
    CHECK_THROWS_AS(f.editor->setActivity("accepted", "VET"), model::Error);
    CHECK(f.session->history().doneCount() == steps);
    CHECK(f.onDisk(f.ct).edges.size() == test::ctPathway().edges.size());
}

TEST_CASE("move, delete, undo and redo, with labels and the selection following") {
    Fixture f;
    REQUIRE(f.session->select(f.ct));
    MapEditor& ed = *f.editor;
    const model::MapContent original = f.session->content();

    ed.select({{"vet", "rcv", "bkd"}, {}});
    ed.moveSelection(40, 20);
    CHECK(f.session->history().nextUndo()->label == "Move 3 nodes");
    CHECK(node(f.onDisk(f.ct), "vet").x == node(original, "vet").x + 40);

    ed.select({{"cmp"}, {{"accepted", "rej"}}});
    ed.deleteSelection();
    CHECK(f.session->history().nextUndo()->label == "Delete 1 node and 1 arrow");
    CHECK_FALSE(f.onDisk(f.ct).findNodeByKey("cmp"));
    CHECK(f.onDisk(f.ct).edges.size() == original.edges.size() - 3);
    CHECK(ed.selection().empty());

    ed.undo(); // the delete
    CHECK(f.onDisk(f.ct).edges.size() == original.edges.size());
    CHECK(ed.selection().has(std::string("cmp")));
    CHECK(f.session->history().nextRedo()->label == "Delete 1 node and 1 arrow");
    ed.undo(); // the move
    CHECK(node(f.onDisk(f.ct), "vet").x == node(original, "vet").x);
    CHECK(ed.selection().nodes.size() == 3);
    ed.undo(); // nothing left: no error, nothing changes
    CHECK(f.session->history().doneCount() == 0);

    ed.redo();
    ed.redo();
    CHECK_FALSE(f.onDisk(f.ct).findNodeByKey("cmp"));
    CHECK(node(f.onDisk(f.ct), "vet").x == node(original, "vet").x + 40);
    // A new step after an undo drops what could have been redone.
    ed.undo();
    ed.select({{"end"}, {}});
    ed.moveSelection(0, 10);
    CHECK(f.session->history().undoneCount() == 0);
}

TEST_CASE("copy, cut and paste, also into another map, duplicate, select all") {
    Fixture f;
    REQUIRE(f.session->select(f.ct));
    MapEditor& ed = *f.editor;
    ed.select({{"bkd", "cmp", "ver"}, {}});
    ed.copy();
    ed.paste();
    CHECK(f.session->history().nextUndo()->label == "Paste 3 nodes");
    CHECK(ed.selection().nodes == std::vector<std::string>{"bkd2", "cmp2", "ver2"});
    CHECK(f.onDisk(f.ct).nodes.size() == 13);

    ed.duplicate();
    CHECK(ed.selection().nodes == std::vector<std::string>{"bkd3", "cmp3", "ver3"});
    CHECK(f.onDisk(f.ct).edges.size() == test::ctPathway().edges.size() + 4);

    ed.cut();
    CHECK(f.onDisk(f.ct).nodes.size() == 13);
    REQUIRE(f.session->select(f.empty));
    ed.paste(100, 100);
    const model::MapContent other = f.onDisk(f.empty);
    REQUIRE(other.nodes.size() == 3);
    CHECK(other.edges.size() == 2);
    CHECK(other.findNodeByKey("bkd3"));
    // The piece's top-left corner lands on the point asked for.
    double left = 1e9;
    for (const auto& n : other.nodes) left = std::min(left, n.x - n.width / 2);
    CHECK(left == doctest::Approx(100).epsilon(0.05));

    ed.selectAll();
    CHECK(ed.selection().nodes.size() == 3);
    // Histories are kept per map: undo here undoes the paste, not the cut.
    ed.undo();
    CHECK(f.onDisk(f.empty).nodes.empty());
    REQUIRE(f.session->select(f.ct));
    CHECK(f.session->history().nextUndo()->label == "Cut 3 nodes");
}

TEST_CASE("auto-layout is one step that undo takes back whole") {
    Fixture f;
    REQUIRE(f.session->select(f.ct));
    const model::MapContent before = f.session->content();
    f.editor->autoLayout(model::LayoutDirection::TopBottom);
    CHECK(f.session->history().nextUndo()->label == "Auto-layout");
    const model::MapContent laid = f.onDisk(f.ct);
    // Top to bottom: the start is above the first step.
    CHECK(node(laid, "start").y < node(laid, "rcv").y);
    CHECK(f.session->history().doneCount() == 1);
    f.editor->undo();
    for (const auto& n : before.nodes) CHECK(node(f.onDisk(f.ct), n.key).y == n.y);
}

TEST_CASE("a step dragged across the flow stays out of another role's lane") {
    Fixture f;
    REQUIRE(f.session->select(f.ct));
    MapEditor& ed = *f.editor;
    ed.setLane("rcv", "Booking clerk");
    ed.setLane("vet", "Radiologist");
    ed.setLane("bkd", "Booking clerk");
    ed.autoLayout(model::LayoutDirection::LeftRight);
    const model::MapContent laid = f.onDisk(f.ct);
    const model::Node& vet = node(laid, "vet");
    const double gap = std::abs(vet.y - node(laid, "rcv").y);
    REQUIRE(gap > 0);
    // Dragged far towards the radiologist's lane (past it): stopped short of
    // its steps; along the flow the move is whole.
    const double towards = vet.y > node(laid, "rcv").y ? 1.0 : -1.0;
    ed.select({{"rcv"}, {}});
    const Vec2 allowed = ed.allowedMove(25, towards * 3 * gap);
    CHECK(allowed.x == 25);
    CHECK(std::abs(allowed.y) < 3 * gap);
    ed.moveSelection(25, towards * 3 * gap);
    const model::Node& moved = node(f.onDisk(f.ct), "rcv");
    CHECK(moved.x == doctest::Approx(node(laid, "rcv").x + 25));
    CHECK(moved.y == doctest::Approx(node(laid, "rcv").y + allowed.y));
    CHECK(std::abs(moved.y - vet.y) >= (moved.height + vet.height) / 2);
    // The whole map together slides freely.
    std::vector<std::string> all;
    for (const model::Node& n : laid.nodes) all.push_back(n.key);
    ed.select({all, {}});
    CHECK(ed.allowedMove(0, towards * 3 * gap).y == doctest::Approx(towards * 3 * gap));
}

TEST_CASE("a change made in another window meanwhile is seen and never overwritten") {
    Fixture f;
    REQUIRE(f.session->select(f.ct));
    f.editor->select({{"vet"}, {}});
    f.editor->moveSelection(10, 0);

    { // another window moves the same node
        auto other = model::Workspace::open(f.path);
        model::MapContent c = other.content(f.ct);
        model::MapContent moved = c;
        model::moveNodes(moved, {"vet"}, 0, 55);
        other.applyChange(f.ct, model::diffContent(c, moved));
    }
    // Undoing our move would put back an old position over theirs: refused.
    CHECK_THROWS_WITH_AS(f.editor->undo(), doctest::Contains("cannot undo \"Move 1 node\""),
                         model::Error);
    // …and the session has re-read, so it shows their move.
    const double y = node(f.session->content(), "vet").y;
    CHECK(y == node(test::ctPathway(), "vet").y + 55);
    // Editing goes on from what is there.
    f.editor->select({{"vet"}, {}});
    f.editor->moveSelection(0, 5);
    CHECK(node(f.onDisk(f.ct), "vet").y == y + 5);
}

TEST_CASE("labels count what a step acts on") {
    CHECK(countLabel("Move", 1) == "Move 1 node");
    CHECK(countLabel("Delete", 2, 1) == "Delete 2 nodes and 1 arrow");
    CHECK(countLabel("Delete", 0, 3) == "Delete 3 arrows");
}
