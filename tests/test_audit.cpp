// The audit record (model/store/audit_log.h): every door of the store writes
// one entry in its change's transaction, and the SHA-256 chain shows a changed
// entry or a deleted tail.
#include "map_fixtures.h"
#include "store_access.h"
#include "temp_path.h"

#include "model/core/error.h"
#include "model/events/event_import.h"
#include "model/maps/map_change.h"
#include "model/store/audit_log.h"
#include "model/store/migrations.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::model;

namespace {

std::vector<std::string> actions(const Workspace& ws) {
    std::vector<std::string> out;
    for (const AuditEntry& e : ws.audit().entries()) out.push_back(e.action);
    return out;
}

nlohmann::json lastDetail(const Workspace& ws) {
    return nlohmann::json::parse(ws.audit().entries().back().detail);
}

ImportReport importTwoEvents(Workspace& ws, TrustId trust) {
    static const PseudonymKey key = PseudonymKey::fromBytes("0123456789abcdef0123456789abcdef");
    ImportSettings settings;
    settings.trust = trust;
    settings.fileName = "rwf.csv";
    settings.sha256 = "sha-rwf";
    settings.format = "csv";
    settings.importedBy = "test";
    EventImport import(ws.events(), key, settings);
    for (const char* code : {"RCV", "VET"}) {
        SourceEvent e;
        e.caseKey = "A1";
        e.code = code;
        e.time = code[0] == 'R' ? 0 : 60'000;
        import.rowRead();
        import.event(std::move(e));
    }
    return import.finish();
}

} // namespace

TEST_CASE("every door of the store records who changed what, in order") {
    auto ws = Workspace::createInMemory();
    CHECK(actions(ws) == std::vector<std::string>{"workspace created"});
    CHECK(ws.audit().entries()[0].actor == currentUser());

    ws.audit().actAs("Dr Ada Byrne");
    const TrustId rwf = ws.addTrust("RWF", "Maidstone");
    CHECK(lastDetail(ws) == nlohmann::json{{"trust", "RWF"}, {"name", "Maidstone"}});
    ws.addMember("Ada Byrne", rwf, Role::Lead);
    const ProcessId ct = ws.addProcess("CT outpatient pathway");
    ws.addActivity("TRI", "triaged");
    const MapId map = ws.createMap(ct, rwf, "CT (RWF)", test::ctPathway());
    MapContent moved = ws.content(map);
    moved.nodes[1].x += 40;
    moved.nodes[1].label = "Request in";
    ws.applyChange(map, diffContent(ws.content(map), moved));
    CHECK(lastDetail(ws)["nodes changed"] == nlohmann::json::array({moved.nodes[1].key}));
    ws.rename(map, "CT outpatient (RWF)");
    ws.setStatus(map, MapStatus::StrawMan);
    const std::string hash = ws.publish(map);
    CHECK(lastDetail(ws)["hash"] == hash);
    ws.events().changeCodeMapping(rwf, "BOOK", CodeMappingChange::mapTo("BKD"));
    CHECK(lastDetail(ws)["to"] == "BKD");
    ws.events().changeCodeMapping(rwf, "BOOK", CodeMappingChange::unset());
    // Unsetting a mapping there is not changes nothing, and records nothing.
    CHECK_FALSE(ws.events().changeCodeMapping(rwf, "BOOK", CodeMappingChange::unset()));
    const ImportReport report = importTwoEvents(ws, rwf);
    REQUIRE(report.imported);
    CHECK(lastDetail(ws)["events"] == 2);
    CHECK(lastDetail(ws)["file"] == "rwf.csv");
    ws.events().removeImport(report.importId);

    CHECK(actions(ws) == std::vector<std::string>{
                             "workspace created", "trust added", "member added", "process added",
                             "activity added", "map created", "map changed", "map renamed",
                             "map status set", "map published", "code mapping changed",
                             "code mapping changed", "import", "import removed"});
    const auto entries = ws.audit().entries();
    for (std::size_t i = 1; i < entries.size(); ++i) {
        CHECK(entries[i].actor == "Dr Ada Byrne");
        CHECK(entries[i].before == entries[i - 1].hash);
        CHECK(entries[i].at.size() == 20); // 2026-12-06T10:00:00Z
    }
    CHECK(ws.audit().verify().ok());
    CHECK(ws.audit().verify().entries == 14);
    CHECK(ws.audit().verify().head == entries.back().hash);
}

TEST_CASE("a refused change leaves no entry behind") {
    auto ws = Workspace::createInMemory();
    const TrustId rwf = ws.addTrust("RWF", "Maidstone");
    const auto before = ws.audit().entries().size();
    CHECK_THROWS_AS(ws.addTrust("RWF", "again"), Error);
    CHECK_THROWS_AS(ws.events().changeCodeMapping(rwf, "X", CodeMappingChange::mapTo("NOPE")),
                    Error);
    const MapId map = ws.createMap(ws.addProcess("CT"), rwf, "CT", test::ctPathway());
    const auto afterMap = ws.audit().entries().size();
    CHECK(afterMap == before + 2);
    // A change made for another state of the map is refused, with no entry.
    MapContent stale = ws.content(map);
    stale.nodes[0].key = "gone";
    MapContent edited = stale;
    edited.nodes[0].label = "x";
    CHECK_THROWS_AS(ws.applyChange(map, diffContent(stale, edited)), Error);
    CHECK(ws.audit().entries().size() == afterMap);
    // Inside a larger unit of work that fails, the entries go with the changes.
    CHECK_THROWS(ws.transaction([&] {
        ws.addProcess("MR");
        throw Error("stop");
    }));
    CHECK(ws.audit().entries().size() == afterMap);
    CHECK_FALSE(ws.findProcess("MR"));
}

TEST_CASE("the chain names the first entry changed, and a recorded head catches a deleted tail") {
    test::TempDir dir;
    const auto path = dir / "network.strawman";
    std::string head;
    {
        auto ws = Workspace::create(path);
        const TrustId rwf = ws.addTrust("RWF", "Maidstone");
        ws.addProcess("CT");
        ws.addActivity("TRI", "triaged");
        ws.addMember("Ada", rwf, Role::Lead);
        head = ws.audit().verify().head;
        CHECK(ws.audit().verify().entries == 5);
    }
    {
        auto ws = Workspace::open(path);
        CHECK(ws.audit().verify(head).ok());
        Database& db = StoreAccess::database(ws);
        db.exec("UPDATE audit SET detail = '{\"trust\":\"RXX\",\"name\":\"Maidstone\"}' "
                "WHERE id = 2");
        const AuditCheck changed = ws.audit().verify();
        CHECK_FALSE(changed.ok());
        CHECK(changed.firstBad == 2);
        CHECK(changed.problem.find("contents") != std::string::npos);
    }
    {
        // Rewriting the changed entry's hash too breaks the link from the next.
        auto ws = Workspace::open(path);
        Database& db = StoreAccess::database(ws);
        AuditEntry second = ws.audit().entries()[1];
        db.exec("UPDATE audit SET hash = '" + AuditLog::hashOf(second) + "' WHERE id = 2");
        CHECK(ws.audit().verify().firstBad == 3);
    }
    {
        test::TempDir other;
        const auto clean = other / "tail.strawman";
        auto ws = Workspace::create(clean);
        ws.addTrust("RWF", "Maidstone");
        ws.addProcess("CT");
        const std::string recorded = ws.audit().verify().head;
        StoreAccess::database(ws).exec("DELETE FROM audit WHERE id = 3");
        // What is left is a whole chain; only the head recorded earlier shows the loss.
        CHECK(ws.audit().verify().ok());
        const AuditCheck cut = ws.audit().verify(recorded);
        CHECK_FALSE(cut.ok());
        CHECK_FALSE(cut.headFound);
        CHECK_FALSE(cut.firstBad);
        // An entry missing from the middle is named.
        ws.addProcess("MR");
        ws.addProcess("US");
        ws.addProcess("NM");
        StoreAccess::database(ws).exec("DELETE FROM audit WHERE id = 4");
        const AuditCheck gap = ws.audit().verify();
        CHECK(gap.firstBad == 5);
        CHECK(gap.problem == "entry 4 is missing");
    }
}

TEST_CASE("an entry's hash is SHA-256 of its fields as documented") {
    AuditEntry e;
    e.id = 1;
    e.at = "2026-12-06T10:00:00Z";
    e.actor = "ada";
    e.action = "trust added";
    e.detail = "{}";
    // printf '\n1\n2026-12-06T10:00:00Z\nada\ntrust added\n{}\n' | sha256sum
    CHECK(AuditLog::hashOf(e) ==
          "f6d67a666afbee3e5ffc949a047d8ca7e312ee761e64e469507e1304675ab6bc");
}
