// Map edits (model/maps/map_edit.h), their changes (model/maps/map_change.h) and how the
// workspace stores them: one transaction each, ids kept, stale changes refused.
#include "map_fixtures.h"
#include "temp_path.h"

#include "model/core/error.h"
#include "model/maps/map_change.h"
#include "model/maps/map_edit.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace strawman;
using namespace strawman::model;

namespace {

// A map's content in a form that compares by meaning: nodes by key, edges by
// their ends' keys, ids left out.
struct Shape {
    std::map<std::string, Node> nodes;
    std::multiset<std::tuple<std::string, std::string, std::string>> edges;
};
Shape shapeOf(const MapContent& c) {
    Shape s;
    for (Node n : c.nodes) {
        n.id = {};
        s.nodes.emplace(n.key, n);
    }
    for (const Edge& e : c.edges)
        s.edges.insert({c.findNode(e.from)->key, c.findNode(e.to)->key, e.label});
    return s;
}
bool same(const MapContent& a, const MapContent& b) {
    const Shape x = shapeOf(a), y = shapeOf(b);
    if (x.edges != y.edges || x.nodes.size() != y.nodes.size()) return false;
    for (const auto& [key, n] : x.nodes) {
        auto it = y.nodes.find(key);
        if (it == y.nodes.end() || !sameNode(n, it->second)) return false;
    }
    return true;
}

MapId storeMap(Workspace& ws, const MapContent& content, const char* name = "CT pathway") {
    const ProcessId p = ws.findProcess("CT") ? ws.findProcess("CT")->id : ws.addProcess("CT");
    return ws.createMap(p, std::nullopt, name, content);
}

} // namespace

TEST_CASE("a connection is refused with the reason a workshop would give") {
    MapContent m = test::ctPathway();
    CHECK(connectionRefusal(m, "end", "vet") == "an end has no way out");
    CHECK(connectionRefusal(m, "vet", "start") == "nothing leads into a start");
    CHECK(connectionRefusal(m, "vet", "vet")->find("through a decision") != std::string::npos);
    CHECK(connectionRefusal(m, "rcv", "vet") == "these two are already connected");
    const std::string note = addNode(m, NodeKind::Note, 0, 0);
    CHECK(connectionRefusal(m, note, "vet")->find("notes") != std::string::npos);
    CHECK(connectionRefusal(m, "vet", "gone")->find("no longer") != std::string::npos);
    // Against the flow is allowed: a repeat goes back through a decision.
    CHECK_FALSE(connectionRefusal(m, "accepted", "vet"));
    CHECK_FALSE(connectionRefusal(m, "vet", "rcv"));

    const std::size_t edges = m.edges.size();
    CHECK_THROWS_WITH_AS(connect(m, "end", "vet"), "an end has no way out", Error);
    CHECK(m.edges.size() == edges);
    connect(m, "accepted", "vet", "more information needed");
    REQUIRE(m.edges.size() == edges + 1);
    CHECK(m.edges.back().label == "more information needed");
}

TEST_CASE("new nodes get fresh keys, their kind's label and size") {
    MapContent m = test::ctPathway();
    const std::string a = addNode(m, NodeKind::Activity, 100, 50);
    const std::string b = addNode(m, NodeKind::Activity, 300, 50);
    const std::string d = addNode(m, NodeKind::Decision, 0, 0);
    CHECK(a == "step1");
    CHECK(b == "step2");
    CHECK(d == "decision1");
    const Node* n = m.findNodeByKey(a);
    REQUIRE(n);
    CHECK(n->label == "New step");
    CHECK(n->x == 100);
    CHECK(n->width > 0);
    CHECK(n->height > 0);
    // Ids stay distinct, so edges can refer to the new nodes at once.
    CHECK(m.findNodeByKey(b)->id != n->id);
}

TEST_CASE("removing a node takes its arrows with it, removing an arrow leaves the nodes") {
    MapContent m = test::ctPathway();
    removeItems(m, {"vet"}, {});
    CHECK_FALSE(m.findNodeByKey("vet"));
    CHECK(m.edges.size() == 7); // rcv->vet and vet->accepted went
    removeItems(m, {}, {{"bkd", "cmp"}});
    CHECK(m.edges.size() == 6);
    CHECK(m.findNodeByKey("bkd"));
    CHECK(m.findNodeByKey("cmp"));
}

TEST_CASE("copy and paste brings the arrows inside the piece and renames taken keys") {
    MapContent m = test::ctPathway();
    const MapContent piece = extract(m, {"bkd", "cmp", "ver"});
    CHECK(piece.nodes.size() == 3);
    CHECK(piece.edges.size() == 2); // bkd->cmp, cmp->ver; not accepted->bkd nor ver->end

    const auto added = paste(m, piece, 40, 40);
    CHECK(added == std::vector<std::string>{"bkd2", "cmp2", "ver2"});
    CHECK(m.edges.size() == 11);
    const Node* copy = m.findNodeByKey("cmp2");
    REQUIRE(copy);
    CHECK(copy->activity == "CMP");
    CHECK(copy->x == m.findNodeByKey("cmp")->x + 40);

    // Into another map the names are free and kept.
    MapContent other = test::parallelBlock();
    CHECK(paste(other, piece, 0, 0) == std::vector<std::string>{"bkd", "cmp", "ver"});
}

TEST_CASE("a change is the difference of two contents, and its inverse undoes it") {
    const MapContent before = test::ctPathway();
    MapContent after = before;
    moveNodes(after, {"vet", "rcv"}, 10, -5);
    after.findNode(after.findNodeByKey("rej")->id)->label = "Rejected";
    removeItems(after, {"cmp"}, {});
    const std::string added = addNode(after, NodeKind::Activity, 5, 5);
    connect(after, "bkd", added);
    connect(after, added, "ver");
    after.edges.front().label = "referral";

    const MapChange change = diffContent(before, after);
    CHECK(change.changedNodes.size() == 3);
    CHECK(change.removedNodes.size() == 1);
    CHECK(change.addedNodes.size() == 1);
    CHECK(change.removedEdges.size() == 2);
    CHECK(change.addedEdges.size() == 2);
    CHECK(change.changedEdges.size() == 1);

    MapContent redone = before;
    applyChange(redone, change);
    CHECK(same(redone, after));
    applyChange(redone, inverse(change));
    CHECK(same(redone, before));
    CHECK(diffContent(before, before).empty());

    // A change made for another state of the map is refused, and says which node.
    MapContent moved = before;
    moveNodes(moved, {"rej"}, 1, 1);
    CHECK_THROWS_WITH_AS(applyChange(moved, change),
                         doctest::Contains("the map was changed elsewhere"), Error);
}

TEST_CASE("random edit sequences: diff then apply reproduces the result, inverse restores") {
    std::mt19937 rng(20261130);
    const std::array kinds{NodeKind::Activity, NodeKind::Decision, NodeKind::Parallel,
                           NodeKind::End, NodeKind::Note};
    for (int round = 0; round < 200; ++round) {
        MapContent before = round % 2 ? test::ctPathway() : test::parallelBlock();
        MapContent after = before;
        const int edits = 1 + static_cast<int>(rng() % 8);
        for (int i = 0; i < edits; ++i) {
            auto pick = [&] { return after.nodes[rng() % after.nodes.size()].key; };
            switch (rng() % 6) {
            case 0:
                addNode(after, kinds[rng() % kinds.size()], double(rng() % 500),
                        double(rng() % 500));
                break;
            case 1:
                if (!after.nodes.empty()) removeItems(after, {pick()}, {});
                break;
            case 2:
                if (!after.nodes.empty()) moveNodes(after, {pick(), pick()}, 3, 4);
                break;
            case 3:
                if (!after.nodes.empty()) {
                    const std::string a = pick(), b = pick();
                    if (!connectionRefusal(after, a, b))
                        connect(after, a, b, rng() % 2 ? "yes" : "");
                }
                break;
            case 4:
                if (!after.edges.empty())
                    after.edges[rng() % after.edges.size()].label = "c" + std::to_string(i);
                break;
            case 5:
                if (!after.nodes.empty()) paste(after, extract(after, {pick(), pick()}), 20, 20);
                break;
            }
        }
        const MapChange change = diffContent(before, after);
        MapContent redone = before;
        applyChange(redone, change);
        REQUIRE(same(redone, after));
        applyChange(redone, inverse(change));
        REQUIRE(same(redone, before));
    }
}

TEST_CASE("the workspace stores a change in place, keeping the ids of what it does not touch") {
    auto ws = Workspace::createInMemory();
    const MapId id = storeMap(ws, test::ctPathway());
    const MapContent before = ws.content(id);

    MapContent after = before;
    moveNodes(after, {"vet"}, 25, 0);
    removeItems(after, {"rej"}, {});
    const std::string added = addNode(after, NodeKind::Activity, 1, 2);
    connect(after, "accepted", added, "no");
    ws.applyChange(id, diffContent(before, after));

    const MapContent stored = ws.content(id);
    CHECK(same(stored, after));
    for (const Node& n : before.nodes)
        if (n.key != "rej") CHECK(stored.findNodeByKey(n.key)->id == n.id);
    CHECK(stored.findNodeByKey("vet")->x == before.findNodeByKey("vet")->x + 25);
    // The new node comes last, as the map's order is kept.
    CHECK(stored.nodes.back().key == added);
    CHECK(ws.map(id).versionNumber == 1);

    // Undo: the inverse brings back the removed step, with its arrows.
    ws.applyChange(id, inverse(diffContent(before, after)));
    CHECK(same(ws.content(id), before));
}

TEST_CASE("a change made for an older state of the map is refused and nothing is written") {
    test::TempDir dir;
    const auto path = dir.file("network.strawman");
    MapId id;
    {
        auto ws = Workspace::create(path);
        id = storeMap(ws, test::ctPathway());
    }
    auto first = Workspace::open(path);
    auto second = Workspace::open(path); // a second window on the same file
    const MapContent seen = first.content(id);

    MapContent moved = second.content(id);
    moveNodes(moved, {"vet"}, 0, 30);
    second.applyChange(id, diffContent(second.content(id), moved));

    // The first window moves the same node from where it saw it, and renames another.
    MapContent mine = seen;
    moveNodes(mine, {"vet"}, 50, 0);
    mine.findNode(mine.findNodeByKey("bkd")->id)->label = "Booked";
    CHECK_THROWS_WITH_AS(first.applyChange(id, diffContent(seen, mine)),
                         doctest::Contains("\"vet\""), Error);
    const MapContent now = first.content(id);
    CHECK(same(now, moved)); // the rename was not half-written either
    CHECK(now.findNodeByKey("bkd")->label.empty());

    // A change to other nodes still goes through: the second window's move is kept.
    MapContent rename = now;
    rename.findNode(rename.findNodeByKey("bkd")->id)->label = "Booked";
    first.applyChange(id, diffContent(now, rename));
    CHECK(second.content(id).findNodeByKey("bkd")->label == "Booked");
    CHECK(second.content(id).findNodeByKey("vet")->y == seen.findNodeByKey("vet")->y + 30);
}

TEST_CASE("a change to a published map opens a new draft and leaves the published version") {
    auto ws = Workspace::createInMemory();
    const MapId id = storeMap(ws, test::ctPathway());
    const std::string hash = ws.publish(id);
    const VersionId published = ws.map(id).version;
    const MapContent before = ws.content(id);
    MapContent after = before;
    moveNodes(after, {"cmp"}, 0, 10);
    ws.applyChange(id, diffContent(before, after));
    CHECK(ws.map(id).versionNumber == 2);
    CHECK_FALSE(ws.map(id).published);
    CHECK(same(ws.content(published), before));
    CHECK(same(ws.content(id), after));
    CHECK(ws.versions(id).front().hash == hash);
}

TEST_CASE("a change naming an unknown activity code is refused whole") {
    auto ws = Workspace::createInMemory();
    const MapId id = storeMap(ws, test::ctPathway());
    const MapContent before = ws.content(id);
    MapContent after = before;
    moveNodes(after, {"rcv"}, 5, 5);
    after.findNode(after.findNodeByKey("vet")->id)->activity = "XYZ";
    CHECK_THROWS_WITH_AS(ws.applyChange(id, diffContent(before, after)), doctest::Contains("XYZ"),
                         Error);
    CHECK(same(ws.content(id), before));
}
