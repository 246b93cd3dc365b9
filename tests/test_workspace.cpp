#include "map_fixtures.h"
#include "store_access.h"
#include "temp_path.h"

#include "model/core/error.h"
#include "model/maps/content_hash.h"
#include "model/maps/map_change.h"
#include "model/store/database.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

using namespace strawman;
using namespace strawman::model;

TEST_CASE("a new workspace has the default radiology vocabulary") {
    auto ws = Workspace::createInMemory();
    const auto acts = ws.activities();
    REQUIRE(acts.size() == 14);
    CHECK(acts.front().code == "REQ");
    CHECK(acts.back().code == "CAN");
    CHECK(ws.hasActivity("VET"));
    CHECK_FALSE(ws.hasActivity("XYZ"));
}

TEST_CASE("trusts, members and processes are stored and listed") {
    test::TempDir dir;
    const auto path = dir.file("network.strawman");
    {
        auto ws = Workspace::create(path);
        const TrustId rpa = ws.addTrust("RPA", "Medway NHS Foundation Trust");
        ws.addTrust("RN7", "Dartford and Gravesham NHS Trust");
        ws.addMember("A. Manager", rpa, Role::Manager);
        ws.addMember("F. Lead", rpa, Role::Lead);
        ws.addProcess("CT outpatient pathway");
        CHECK_THROWS_AS(ws.addTrust("RPA", "again"), Error);
        CHECK_THROWS_AS(ws.addProcess("ct outpatient pathway"), Error);
        CHECK_THROWS_AS(ws.addMember("Nobody", TrustId{99}, Role::Lead), Error);
    }
    auto ws = Workspace::open(path);
    const auto trusts = ws.trusts();
    REQUIRE(trusts.size() == 2);
    CHECK(trusts[0].code == "RN7"); // listed by code
    CHECK(ws.findTrust("RPA")->name == "Medway NHS Foundation Trust");
    const auto members = ws.members();
    REQUIRE(members.size() == 2);
    CHECK(members[1].role == Role::Lead);
    CHECK(ws.findProcess("CT outpatient pathway"));
}

TEST_CASE("create refuses to overwrite an existing file") {
    test::TempDir dir;
    const auto path = dir.file("network.strawman");
    Workspace::create(path);
    CHECK_THROWS_WITH_AS(Workspace::create(path), doctest::Contains("already exists"), Error);
}

TEST_CASE("a map is stored with its nodes, edges and positions") {
    auto ws = Workspace::createInMemory();
    const TrustId rpa = ws.addTrust("RPA", "Medway");
    const ProcessId ct = ws.addProcess("CT outpatient pathway");
    auto content = test::ctPathway();
    content.nodes[1].x = 100;
    content.nodes[1].y = 50;
    content.nodes[1].width = 120;
    content.nodes[1].lane = "Radiographer";
    const MapId id = ws.createMap(ct, rpa, "CT pathway (RPA)", content, MapStatus::StrawMan);

    const MapSummary s = ws.map(id);
    CHECK(s.trustCode == "RPA");
    CHECK(s.processName == "CT outpatient pathway");
    CHECK(s.status == MapStatus::StrawMan);
    CHECK(s.versionNumber == 1);
    CHECK_FALSE(s.published);
    CHECK(s.nodeCount == 10);
    CHECK(s.edgeCount == 9);

    const MapContent stored = ws.content(id);
    REQUIRE(stored.nodes.size() == content.nodes.size());
    CHECK(stored.nodes[1].key == "rcv");
    CHECK(stored.nodes[1].activity == "RCV");
    CHECK(stored.nodes[1].lane == "Radiographer");
    CHECK(stored.nodes[1].x == 100);
    CHECK(stored.nodes[1].width == 120);
    // Edges refer to the stored node ids, in the order they were given.
    const Node* from = stored.findNode(stored.edges[3].from);
    const Node* to = stored.findNode(stored.edges[3].to);
    REQUIRE(from);
    REQUIRE(to);
    CHECK(from->key == "accepted");
    CHECK(to->key == "bkd");
    CHECK(stored.edges[3].label == "yes");
}

TEST_CASE("a network-wide map has no trust") {
    auto ws = Workspace::createInMemory();
    const ProcessId ct = ws.addProcess("CT outpatient pathway");
    const MapId id = ws.createMap(ct, std::nullopt, "Network standard", test::ctPathway());
    CHECK_FALSE(ws.map(id).trust);
    CHECK(ws.map(id).trustCode.empty());
}

TEST_CASE("a map with an unknown activity code is refused and nothing is stored") {
    auto ws = Workspace::createInMemory();
    const ProcessId ct = ws.addProcess("CT");
    test::MapBuilder b;
    b.activity("x", "NOPE");
    CHECK_THROWS_WITH_AS(ws.createMap(ct, std::nullopt, "bad", b.map()), doctest::Contains("NOPE"),
                         Error);
    CHECK(ws.maps().empty());
}

TEST_CASE("nodes without a name get one") {
    auto ws = Workspace::createInMemory();
    const ProcessId ct = ws.addProcess("CT");
    test::MapBuilder b;
    b.node(NodeKind::Start, "");
    b.node(NodeKind::End, "n1"); // taken already: the generated name must differ
    const MapId id = ws.createMap(ct, std::nullopt, "m", b.map());
    const auto c = ws.content(id);
    CHECK(c.nodes[0].key != c.nodes[1].key);
    CHECK_FALSE(c.nodes[0].key.empty());
}

TEST_CASE("publishing freezes a version and records its content hash") {
    auto ws = Workspace::createInMemory();
    const ProcessId ct = ws.addProcess("CT");
    const MapId id = ws.createMap(ct, std::nullopt, "m", test::ctPathway());
    const std::string hash = ws.publish(id);
    CHECK(hash.rfind("sha256:", 0) == 0);
    CHECK(hash == contentHash(ws.content(id)));
    CHECK(ws.publish(id) == hash); // publishing again changes nothing

    const auto versions = ws.versions(id);
    REQUIRE(versions.size() == 1);
    CHECK(versions[0].published);
    CHECK_FALSE(versions[0].publishedAt.empty());

    SUBCASE("the file itself refuses changes to a published version") {
        CHECK_THROWS_WITH_AS(StoreAccess::database(ws).exec("UPDATE node SET label = 'changed'"),
                             doctest::Contains("published"), Error);
        CHECK_THROWS_AS(StoreAccess::database(ws).exec("DELETE FROM edge"), Error);
        CHECK_THROWS_AS(StoreAccess::database(ws).exec("UPDATE map_version SET hash = 'x'"), Error);
    }

    SUBCASE("editing after publishing opens a new draft version") {
        MapContent moved = ws.content(id);
        moved.nodes[0].x = 999;
        ws.applyChange(id, diffContent(ws.content(id), moved));
        const MapSummary s = ws.map(id);
        CHECK(s.versionNumber == 2);
        CHECK_FALSE(s.published);
        CHECK(ws.content(id).nodes[0].x == 999);
        // Version 1 is as it was published.
        CHECK(ws.content(ws.versions(id)[0].id).nodes[0].x == 0);
        CHECK(contentHash(ws.content(ws.versions(id)[0].id)) == hash);
        // Only geometry changed, so the draft's content hash is the same.
        CHECK(contentHash(ws.content(id)) == hash);
    }

    SUBCASE("a changed step gives a different hash") {
        MapContent changed = ws.content(id);
        changed.nodes[2].activity = "PRO";
        ws.applyChange(id, diffContent(ws.content(id), changed));
        CHECK(ws.publish(id) != hash);
        CHECK(ws.versions(id).size() == 2);
    }
}

TEST_CASE("an error from the store names the workspace file") {
    test::TempDir dir;
    const std::string path = dir.file("kent.strawman");
    {
        auto ws = Workspace::create(path);
        const ProcessId ct = ws.addProcess("CT");
        ws.publish(ws.createMap(ct, std::nullopt, "m", test::ctPathway()));
    }
    auto ws = Workspace::open(path);
    // The file's own trigger refuses the change; the message says which file.
    CHECK_THROWS_WITH_AS(StoreAccess::database(ws).exec("UPDATE node SET label = 'changed'"),
                         doctest::Contains("kent.strawman: "), Error);
    CHECK_THROWS_WITH_AS(StoreAccess::database(ws).prepare("SELECT nothing FROM nowhere"),
                         doctest::Contains("kent.strawman: "), Error);
}

TEST_CASE("a failed change inside a transaction leaves nothing behind") {
    auto ws = Workspace::createInMemory();
    CHECK_THROWS(ws.transaction([&] {
        ws.addTrust("RPA", "Medway");
        ws.addTrust("RPA", "again"); // refused: the first is rolled back too
    }));
    CHECK(ws.trusts().empty());
}

TEST_CASE("map status and name can change") {
    auto ws = Workspace::createInMemory();
    const ProcessId ct = ws.addProcess("CT");
    const MapId id = ws.createMap(ct, std::nullopt, "m", test::ctPathway());
    ws.setStatus(id, MapStatus::Proposed);
    ws.rename(id, "Network CT standard");
    CHECK(ws.map(id).status == MapStatus::Proposed);
    CHECK(ws.map(id).name == "Network CT standard");
    CHECK_THROWS_AS(ws.map(MapId{42}), Error);
}

TEST_CASE("a nested change that fails is undone alone") {
    auto ws = Workspace::createInMemory();
    ws.transaction([&] {
        ws.addTrust("RPA", "Medway");
        CHECK_THROWS(ws.transaction([&] {
            ws.addTrust("RN7", "Dartford");
            ws.addTrust("RN7", "again");
        }));
        ws.addTrust("RVV", "East Kent");
    });
    std::vector<std::string> codes;
    for (const auto& t : ws.trusts()) codes.push_back(t.code);
    CHECK(codes == std::vector<std::string>{"RPA", "RVV"});
}
