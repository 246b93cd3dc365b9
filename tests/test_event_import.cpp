#include "recording_progress.h"
#include "store_access.h"
#include "temp_path.h"

#include "model/core/error.h"
#include "model/core/progress.h"
#include "model/events/event_import.h"
#include "model/events/event_log.h"
#include "model/events/readers/csv_reader.h"
#include "model/store/database.h"
#include "model/store/event_store.h"
#include "model/store/migrations.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace strawman;
using namespace strawman::model;

namespace {

using strawman::test::readFile;

const PseudonymKey& testKey() {
    static const PseudonymKey key = PseudonymKey::fromBytes("0123456789abcdef0123456789abcdef");
    return key;
}

SourceEvent ev(std::string caseKey, std::string code, TimeMs minutes, std::int64_t line = 0,
               std::string patient = {}) {
    SourceEvent e;
    e.caseKey = std::move(caseKey);
    e.code = std::move(code);
    e.time = minutes * 60'000;
    e.line = line;
    e.patientKey = std::move(patient);
    e.attributes.modality = "CT";
    return e;
}

ImportSettings settingsFor(TrustId trust, std::string sha = "sha-1") {
    ImportSettings s;
    s.trust = trust;
    s.fileName = "extract.csv";
    s.sha256 = std::move(sha);
    s.format = "csv";
    s.importedBy = "test";
    return s;
}

ImportReport importEvents(Workspace& ws, ImportSettings settings, std::vector<SourceEvent> events) {
    EventImport import(ws.events(), testKey(), std::move(settings));
    for (auto& e : events) {
        import.rowRead();
        import.event(std::move(e));
    }
    return import.finish();
}

std::vector<std::string> codesOf(const EventLog& log, std::size_t caseIndex) {
    std::vector<std::string> out;
    for (const auto& e : log.caseEvents(caseIndex)) out.push_back(log.activities[e.activity]);
    return out;
}

} // namespace

TEST_CASE("imported events load back per case in time order, ties in file order") {
    auto ws = Workspace::createInMemory();
    const TrustId rpa = ws.addTrust("RPA", "Medway");
    const auto report =
        importEvents(ws, settingsFor(rpa),
                     {ev("A1", "VER", 300), ev("A2", "REQ", 5), ev("A1", "REQ", 10),
                      ev("A1", "CMP", 100), ev("A1", "REP", 100), ev("A2", "CMP", 50)});
    CHECK(report.imported);
    CHECK(report.rowsRead == 6);
    CHECK(report.eventsAccepted == 6);
    CHECK(report.cases == 2);

    const EventLog log = ws.events().load(rpa);
    REQUIRE(log.caseCount() == 2);
    CHECK(log.events.size() == 6);
    // CMP and REP share a time: they stay in file order.
    CHECK(codesOf(log, 0) == std::vector<std::string>{"REQ", "CMP", "REP", "VER"});
    CHECK(codesOf(log, 1) == std::vector<std::string>{"REQ", "CMP"});
    CHECK(log.attributeSets[log.events[0].attributes].modality == "CT");
}

TEST_CASE("a case split over several chunks and imports loads as one, in order") {
    auto ws = Workspace::createInMemory();
    const TrustId rpa = ws.addTrust("RPA", "Medway");
    auto small = settingsFor(rpa);
    small.blockEvents = 2;
    importEvents(ws, small,
                 {ev("A1", "REQ", 1), ev("B", "REQ", 2), ev("A1", "VER", 90), ev("A1", "RCV", 3)});
    importEvents(ws, settingsFor(rpa, "sha-2"), {ev("A1", "CMP", 50)});
    const EventLog log = ws.events().load(rpa);
    REQUIRE(log.caseCount() == 2);
    const std::size_t a1 = log.caseStart[1] - log.caseStart[0] == 4 ? 0 : 1;
    CHECK(codesOf(log, a1) == std::vector<std::string>{"REQ", "RCV", "CMP", "VER"});
}

TEST_CASE("repeats across blocks of one import are kept and counted, and orders checked over the "
          "whole case") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    auto small = settingsFor(t);
    small.blockEvents = 2; // every case spans blocks
    const std::vector<SourceEvent> events = {
        ev("A", "REQ", 1), ev("B", "REQ", 1), ev("A", "VER", 5), ev("B", "CMP", 2),
        ev("A", "CMP", 9), ev("A", "REQ", 1), ev("B", "CMP", 2), ev("B", "VER", 3)};
    SUBCASE("kept") {
        const auto report = importEvents(ws, small, events);
        CHECK(report.cases == 2);
        CHECK(report.sameTimeRepeats == 2);
        CHECK(report.exactRepeats == 2);
        CHECK(report.repeatsLeftOut == 0);
        CHECK(report.eventsAccepted == 8);
        REQUIRE(report.impossibleOrder.size() == 1);
        CHECK(report.impossibleOrder.at("report verified before the examination") == 1);
        const EventLog log = ws.events().load(t);
        CHECK(log.events.size() == 8);
        CHECK(log.repeatedEvents == 0);
        std::vector<std::vector<std::string>> cases{codesOf(log, 0), codesOf(log, 1)};
        std::sort(cases.begin(), cases.end());
        CHECK(cases == std::vector<std::vector<std::string>>{{"REQ", "CMP", "CMP", "VER"},
                                                             {"REQ", "REQ", "VER", "CMP"}});
    }
    SUBCASE("exact repeats left out when asked, also across blocks") {
        small.dropExactRepeats = true;
        const auto report = importEvents(ws, small, events);
        CHECK(report.exactRepeats == 2);
        CHECK(report.repeatsLeftOut == 2);
        CHECK(report.eventsAccepted == 6);
        const EventLog log = ws.events().load(t);
        CHECK(log.events.size() == 6);
        CHECK(ws.events().imports().at(0).events == 6);
    }
}

TEST_CASE("the same activity twice at one time is two events, only exact repeats can be left out") {
    // Day-resolution hospital logs: the same test twice on one day, by different
    // departments; and once an event the extract wrote twice.
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    auto byLab = [](SourceEvent e, const char* resource) {
        e.attributes.resource = resource;
        return e;
    };
    const std::vector<SourceEvent> events = {
        ev("A", "REQ", 0), byLab(ev("A", "CMP", 1440), "lab 1"),
        byLab(ev("A", "CMP", 1440), "lab 2"), byLab(ev("A", "CMP", 1440), "lab 2"),
        ev("A", "VER", 2880)};
    auto settings = settingsFor(t);
    SUBCASE("by default every event is kept") {
        const auto report = importEvents(ws, settings, events);
        CHECK(report.eventsAccepted == 5);
        CHECK(report.sameTimeRepeats == 2);
        CHECK(report.exactRepeats == 1);
        CHECK(codesOf(ws.events().load(t), 0) ==
              std::vector<std::string>{"REQ", "CMP", "CMP", "CMP", "VER"});
    }
    SUBCASE("asked, the exact repeat is left out and the other same-time event kept") {
        settings.dropExactRepeats = true;
        const auto report = importEvents(ws, settings, events);
        CHECK(report.eventsAccepted == 4);
        CHECK(report.sameTimeRepeats == 2);
        CHECK(report.exactRepeats == 1);
        CHECK(report.repeatsLeftOut == 1);
        const EventLog log = ws.events().load(t);
        CHECK(codesOf(log, 0) == std::vector<std::string>{"REQ", "CMP", "CMP", "VER"});
        CHECK(log.resources.at(log.events[1].resource) == "lab 1");
        CHECK(log.resources.at(log.events[2].resource) == "lab 2");
    }
}

TEST_CASE("overlapping imports count an event as often as the import holding it most") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    // CMP twice on day 1 in January's extract; March's overlaps it with one of them,
    // and a re-extract of the whole quarter holds it three times.
    const auto jan = importEvents(ws, settingsFor(t, "jan"),
                                  {ev("A", "REQ", 0), ev("A", "CMP", 1440), ev("A", "CMP", 1440)});
    const auto mar =
        importEvents(ws, settingsFor(t, "mar"), {ev("A", "CMP", 1440), ev("A", "VER", 4000)});
    CHECK(jan.heldByEarlierImports == 0);
    CHECK(mar.heldByEarlierImports == 1);
    CHECK(mar.eventsAccepted == 2); // what the import holds; the log counts the overlap once
    {
        const EventLog log = ws.events().load(t);
        CHECK(codesOf(log, 0) == std::vector<std::string>{"REQ", "CMP", "CMP", "VER"});
        CHECK(log.repeatedEvents == 1);
    }
    const auto quarter =
        importEvents(ws, settingsFor(t, "q1"),
                     {ev("A", "REQ", 0), ev("A", "CMP", 1440), ev("A", "CMP", 1440),
                      ev("A", "CMP", 1440), ev("A", "VER", 4000)});
    CHECK(quarter.heldByEarlierImports == 4); // REQ, two of its three CMPs, VER
    {
        const EventLog log = ws.events().load(t);
        CHECK(codesOf(log, 0) == std::vector<std::string>{"REQ", "CMP", "CMP", "CMP", "VER"});
        CHECK(log.repeatedEvents ==
              1 + 2 + 1 + 1); // March's CMP; January's two CMPs; REQ, VER once each
    }
    SUBCASE("re-importing an overlapping extract adds nothing") {
        auto again = settingsFor(t, "mar");
        again.force = true;
        const auto report = importEvents(ws, again, {ev("A", "CMP", 1440), ev("A", "VER", 4000)});
        CHECK(report.heldByEarlierImports == 2);
        CHECK(codesOf(ws.events().load(t), 0) ==
              std::vector<std::string>{"REQ", "CMP", "CMP", "CMP", "VER"});
    }
    SUBCASE("removing an import takes away exactly what only it held") {
        ws.events().removeImport(quarter.importId);
        CHECK(codesOf(ws.events().load(t), 0) ==
              std::vector<std::string>{"REQ", "CMP", "CMP", "VER"});
        ws.events().removeImport(jan.importId);
        const EventLog log = ws.events().load(t);
        CHECK(codesOf(log, 0) == std::vector<std::string>{"CMP", "VER"});
        CHECK(log.repeatedEvents == 0);
    }
}

TEST_CASE("an event two imports both hold is loaded once, and counted") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    // Two monthly extracts that overlap by a day.
    importEvents(ws, settingsFor(t, "jan"),
                 {ev("A", "REQ", 1), ev("A", "RCV", 2), ev("B", "REQ", 3)});
    importEvents(ws, settingsFor(t, "feb"),
                 {ev("A", "RCV", 2), ev("A", "CMP", 4), ev("B", "REQ", 3)});
    const EventLog log = ws.events().load(t);
    REQUIRE(log.caseCount() == 2);
    CHECK(log.events.size() == 4);
    CHECK(log.repeatedEvents == 2);
    const std::size_t a = log.caseStart[1] - log.caseStart[0] == 3 ? 0 : 1;
    CHECK(codesOf(log, a) == std::vector<std::string>{"REQ", "RCV", "CMP"});
}

TEST_CASE("case numbers that differ only in spacing are one case") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    const auto report =
        importEvents(ws, settingsFor(t), {ev("ACC 1001", "REQ", 1), ev("ACC1001", "CMP", 3)});
    CHECK(report.cases == 1);
    const EventLog log = ws.events().load(t);
    REQUIRE(log.caseCount() == 1);
    CHECK(codesOf(log, 0) == std::vector<std::string>{"REQ", "CMP"});
}

TEST_CASE(
    "events stored by an earlier version (a row per case) are kept when the file is upgraded") {
    test::TempDir dir;
    const auto path = dir.file("v3.strawman");
    const Pseudonym a = testKey().caseKey("A"), b = testKey().caseKey("B"),
                    patient = testKey().patientKey("P");
    std::int64_t req = 0, cmp = 0;
    {
        Database db(path, Database::Mode::Create);
        db.exec("PRAGMA application_id = " + std::to_string(Workspace::kApplicationId));
        migrate(db, 3);
        db.exec("INSERT INTO trust(id, code, name) VALUES(1, 'RPA', 'Medway')");
        db.exec("INSERT INTO activity(code, name, position) VALUES('REQ', 'Requested', 1), ('CMP', "
                "'Completed', 2)");
        auto code = db.prepare("SELECT rowid FROM activity WHERE code = :c");
        code.bind(":c", "REQ");
        REQUIRE(code.step());
        req = code.integer(0);
        code.reset();
        code.bind(":c", "CMP");
        REQUIRE(code.step());
        cmp = code.integer(0);
        db.exec(
            "INSERT INTO import(id, trust_id, file_name, sha256, format, imported_at, imported_by) "
            "VALUES(1, 1, 'x.csv', 'x', 'csv', '2025-01-01T00:00:00Z', 'test')");
        auto addCase = db.prepare("INSERT INTO patient_case(id, trust_id, pseudonym, patient) "
                                  "VALUES(:id, 1, :p, :patient)");
        addCase.bind(":id", 1)
            .bindBlob(":p", a.data(), a.size())
            .bindBlob(":patient", patient.data(), patient.size())
            .run();
        addCase.reset();
        addCase.bind(":id", 2).bindBlob(":p", b.data(), b.size()).bindNull(":patient").run();
        auto chunk =
            db.prepare("INSERT INTO event_chunk(trust_id, case_id, import_id, chunk, events) "
                       "VALUES(1, :c, 1, :chunk, :events)");
        const auto put = [&](std::int64_t caseId, int n, std::vector<PackedEvent> events) {
            const std::string blob = packEvents(events);
            chunk.reset();
            chunk.bind(":c", caseId)
                .bind(":chunk", n)
                .bindBlob(":events", blob.data(), blob.size())
                .run();
        };
        const auto u = [](std::int64_t id) { return static_cast<std::uint32_t>(id); };
        put(1, 0, {{60'000, u(cmp), 0, 0, 0, 0}});
        put(1, 1, {{0, u(req), 0, 0, 0, 0}}); // a later chunk, an earlier time
        put(2, 0, {{0, u(req), 0, 0, 60, 0}, {120'000, u(cmp), 0, 0, 60, 0}});
    }
    auto ws = Workspace::open(path);
    const EventLog log = ws.events().load(ws.findTrust("RPA")->id);
    REQUIRE(log.caseCount() == 2);
    const std::size_t ia = log.casePseudonyms[0] == a ? 0 : 1;
    CHECK(log.casePseudonyms[ia] == a);
    CHECK(log.casePseudonyms[1 - ia] == b);
    CHECK(codesOf(log, ia) == std::vector<std::string>{"REQ", "CMP"});
    CHECK(codesOf(log, 1 - ia) == std::vector<std::string>{"REQ", "CMP"});
    CHECK(log.patients[ia] == patient);
    CHECK(log.patients[1 - ia] == Pseudonym{});
    CHECK(log.caseEvents(1 - ia)[0].offsetMinutes == 60);
    CHECK(ws.events().imports().size() == 1);
    auto tables = StoreAccess::database(ws).prepare(
        "SELECT count(*) FROM sqlite_schema WHERE name IN ('event_chunk', 'patient_case')");
    REQUIRE(tables.step());
    CHECK(tables.integer(0) == 0);
}

TEST_CASE("a workspace of schema version 4 keeps its events, reports and maps when upgraded") {
    // tests/data/workspaces/schema4.strawman was written by the version before
    // every event was kept (see its README): January's extract gave A1's RCV
    // twice (that version kept one, and counted it), March's overlaps it.
    test::TempDir dir;
    const auto path = dir.file("schema4.strawman");
    std::filesystem::copy_file(STRAWMAN_TEST_DATA "/workspaces/schema4.strawman", path);
    auto ws = Workspace::open(path);
    CHECK(StoreAccess::database(ws).pragmaInt("user_version") == latestSchemaVersion());
    const TrustId rpa = ws.findTrust("RPA")->id;
    const auto stored = ws.events().imports(rpa);
    REQUIRE(stored.size() == 2);
    const auto jan = ws.events().importReport(stored[0].id);
    REQUIRE(jan);
    CHECK(jan->repeatsLeftOut == 1); // that version's "duplicates"
    CHECK(jan->eventsAccepted == 5);

    EventLog log = ws.events().load(rpa);
    CHECK(log.caseCount() == 3);
    CHECK(log.events.size() == 8);
    CHECK(log.repeatedEvents == 2); // A1's and A2's CMP, in both extracts
    std::vector<std::vector<std::string>> cases;
    for (std::size_t c = 0; c < log.caseCount(); ++c) cases.push_back(codesOf(log, c));
    std::sort(cases.begin(), cases.end());
    CHECK(cases == std::vector<std::vector<std::string>>{
                       {"REQ", "CMP"}, {"REQ", "CMP"}, {"REQ", "RCV", "CMP", "VER"}});
    CHECK(ws.maps().size() == 1);

    // New imports follow the new rule beside the old ones.
    auto settings = settingsFor(rpa, "apr");
    settings.dropExactRepeats = true;
    const auto apr =
        importEvents(ws, settings, {ev("A9", "REQ", 1), ev("A9", "REQ", 1), ev("A9", "CMP", 2)});
    CHECK(apr.exactRepeats == 1);
    CHECK(apr.eventsAccepted == 2);
    log = ws.events().load(rpa);
    CHECK(log.events.size() == 10);
}

TEST_CASE("patient identifiers never reach the workspace file") {
    test::TempDir dir;
    const auto path = dir.file("w.strawman");
    {
        auto ws = Workspace::create(path);
        const TrustId rpa = ws.addTrust("RPA", "Medway");
        const TrustId rn7 = ws.addTrust("RN7", "Dartford");
        importEvents(ws, settingsFor(rpa), {ev("ACC7788123", "REQ", 1, 2, "9434765919")});
        importEvents(ws, settingsFor(rn7), {ev("RN7ACC55501", "REQ", 1, 2, "943 476 5919")});

        // The same patient at two trusts links through the keyed pseudonym.
        const EventLog atRpa = ws.events().load(rpa), atRn7 = ws.events().load(rn7);
        REQUIRE(atRpa.caseCount() == 1);
        REQUIRE(atRn7.caseCount() == 1);
        CHECK(atRpa.patients[0] == atRn7.patients[0]);
        CHECK(atRpa.patients[0] != Pseudonym{});
        CHECK(atRpa.casePseudonyms[0] != atRn7.casePseudonyms[0]);
    }
    const std::string bytes = readFile(path);
    REQUIRE(bytes.size() > 1000);
    for (const char* identifier : {"ACC7788123", "RN7ACC55501", "9434765919", "943 476 5919"})
        CHECK_MESSAGE(bytes.find(identifier) == std::string::npos, identifier);
    CHECK(readFile(path + "-wal").find("9434765919") == std::string::npos);
}

TEST_CASE("a different key gives different pseudonyms") {
    const auto other = PseudonymKey::fromBytes("another key, another network....");
    CHECK(testKey().patientKey("9434765919") != other.patientKey("9434765919"));
    CHECK(testKey().patientKey("9434765919") == testKey().patientKey(" 943-476-5919 "));
    CHECK(testKey().patientKey("9434765919") != testKey().caseKey("9434765919"));
}

TEST_CASE("pseudonyms are standard HMAC-SHA256 values") {
    // Checked against OpenSSL's own one-shot HMAC, so another tool with the key
    // can link to the same pseudonyms.
    const std::string key = "0123456789abcdef0123456789abcdef";
    for (const char* nhs : {"9434765919", "4010232137", ""}) {
        const std::string message = std::string("patient") + '\0' + nhs;
        unsigned char expected[32];
        unsigned int n = 0;
        HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(), expected, &n);
        const Pseudonym got = testKey().patientKey(nhs);
        CHECK(std::equal(got.begin(), got.end(), expected));
    }
    const std::string longKey(100, 'k');
    const std::string message = std::string("case") + '\0' + "ACC1";
    unsigned char expected[32];
    unsigned int n = 0;
    HMAC(EVP_sha256(), longKey.data(), 100, reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), expected, &n);
    const Pseudonym got = PseudonymKey::fromBytes(longKey).caseKey("ACC1");
    CHECK(std::equal(got.begin(), got.end(), expected));
}

TEST_CASE("the key is created once, outside the workspace, and refused when malformed") {
    test::TempDir dir;
    const auto path = dir.file("keys/network.key");
    const auto a = PseudonymKey::loadOrCreate(path);
    const auto b = PseudonymKey::loadOrCreate(path);
    CHECK(a.caseKey("X1") == b.caseKey("X1"));
    CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);
    std::ofstream(dir.file("bad.key")) << "not a key\n";
    CHECK_THROWS_WITH_AS(PseudonymKey::loadOrCreate(dir.file("bad.key")),
                         doctest::Contains("not a Strawman pseudonymisation key"), Error);
}

TEST_CASE("local codes map through the trust's mapping, which wins over network codes") {
    auto ws = Workspace::createInMemory();
    const TrustId rwf = ws.addTrust("RWF", "Maidstone");
    ws.events().changeCodeMapping(rwf, "BOOK", CodeMappingChange::mapTo("BKD"));
    // This RIS says VER for its preliminary report.
    ws.events().changeCodeMapping(rwf, "VER", CodeMappingChange::mapTo("REP"));
    // Not part of the pathway.
    ws.events().changeCodeMapping(rwf, "PRINTED", CodeMappingChange::ignore());
    const auto report = importEvents(
        ws, settingsFor(rwf),
        {ev("A", "BOOK", 1), ev("A", "VER", 2), ev("A", "PRINTED", 3), ev("A", " CMP ", 4)});
    CHECK(report.imported);
    CHECK(report.ignoredCodes.at("PRINTED") == 1);
    const EventLog log = ws.events().load(rwf);
    CHECK(codesOf(log, 0) == std::vector<std::string>{"BKD", "REP", "CMP"});
    CHECK(ws.events().codeMappings(rwf).size() == 3);
    CHECK(ws.events().changeCodeMapping(rwf, "BOOK", CodeMappingChange::unset()));
    CHECK_FALSE(ws.events().changeCodeMapping(rwf, "BOOK", CodeMappingChange::unset()));
    CHECK(ws.events().codeMappings(rwf).size() == 2);
    // Stored as an import looks it up, so " PRINTED\t" is the mapping of PRINTED.
    CHECK(ws.events().changeCodeMapping(rwf, " PRINTED\t", CodeMappingChange::mapTo("CMP")));
    CHECK(ws.events().codeMappings(rwf).size() == 2);
    CHECK_THROWS_AS(ws.events().changeCodeMapping(rwf, "X", CodeMappingChange::mapTo("NOPE")),
                    Error);
    CHECK_THROWS_AS(ws.events().changeCodeMapping(rwf, "", CodeMappingChange::ignore()), Error);
    CHECK(ws.events().codeMappings(rwf).size() == 2);
}

TEST_CASE("unmapped codes stop the import unless the user chooses to leave them out") {
    auto ws = Workspace::createInMemory();
    const TrustId rpa = ws.addTrust("RPA", "Medway");
    std::vector<SourceEvent> events{ev("A", "REQ", 1, 2), ev("A", "SCANNED", 2, 3),
                                    ev("B", "SCANNED", 2, 4), ev("B", "WEIRD", 3, 5)};

    const auto aborted = importEvents(ws, settingsFor(rpa), events);
    CHECK_FALSE(aborted.imported);
    CHECK(aborted.unmappedCodes.at("SCANNED").count == 2);
    CHECK(aborted.unmappedCodes.at("SCANNED").exampleLines == std::vector<std::int64_t>{3, 4});
    CHECK(aborted.outcome.find("no network activity") != std::string::npos);
    CHECK(aborted.remedies == std::vector<Remedy>{Remedy::MapCodes, Remedy::IgnoreUnmapped});
    CHECK(ws.events().imports().empty());
    CHECK(ws.events().load(rpa).events.empty());

    auto ignore = settingsFor(rpa);
    ignore.unmapped = UnmappedCodes::Ignore;
    const auto kept = importEvents(ws, ignore, events);
    CHECK(kept.imported);
    CHECK(kept.eventsAccepted == 1);
    CHECK(kept.unmappedCodes.size() == 2); // still counted and listed
}

TEST_CASE("--add-activities takes the log's own activity names into the vocabulary") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    auto settings = settingsFor(t);
    settings.addActivities = true;
    const auto report = importEvents(
        ws, settings, {ev("PO1", "Create purchase order", 1), ev("PO1", "Approve", 2)});
    CHECK(report.imported);
    CHECK(ws.hasActivity("Approve"));
    CHECK(codesOf(ws.events().load(t), 0) ==
          std::vector<std::string>{"Create purchase order", "Approve"});
}

TEST_CASE("the same file is refused a second time unless forced") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    importEvents(ws, settingsFor(t), {ev("A", "REQ", 1)});
    try {
        importEvents(ws, settingsFor(t), {ev("A", "REQ", 1)});
        FAIL("a file imported before was taken again");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("imported for RPA already") != std::string::npos);
        // What to do is named, for each front end to word: the CLI's --force,
        // the editor's "Import again".
        CHECK(e.remedy() == Remedy::ImportAgain);
    }
    auto forced = settingsFor(t);
    forced.force = true;
    const auto again = importEvents(ws, forced, {ev("A", "REQ", 1)});
    CHECK(again.imported);
    CHECK(ws.events().imports().size() == 2);
}

TEST_CASE("repeats and impossible orders are counted") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPC", "QVH");
    const auto report =
        importEvents(ws, settingsFor(t),
                     {ev("A", "REQ", 1), ev("A", "REQ", 1), ev("A", "VER", 5), ev("A", "CMP", 9),
                      ev("B", "REQ", 1), ev("B", "CMP", 2), ev("B", "VER", 3)});
    CHECK(report.sameTimeRepeats == 1);
    CHECK(report.exactRepeats == 1);
    CHECK(report.eventsAccepted == 7);
    CHECK(report.impossibleOrder.size() == 1);
    CHECK(report.impossibleOrder.at("report verified before the examination") == 1);
}

TEST_CASE("an import is removed as a unit, and cases only it brought go with it") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    const auto first =
        importEvents(ws, settingsFor(t, "one"), {ev("A", "REQ", 1), ev("B", "REQ", 1)});
    importEvents(ws, settingsFor(t, "two"), {ev("A", "CMP", 5)});
    REQUIRE(ws.events().imports().size() == 2);
    ws.events().removeImport(first.importId);
    CHECK(ws.events().imports().size() == 1);
    const EventLog log = ws.events().load(t);
    CHECK(log.caseCount() == 1);
    CHECK(codesOf(log, 0) == std::vector<std::string>{"CMP"});
    CHECK_THROWS_AS(ws.events().removeImport(ImportId{999}), Error);
}

TEST_CASE("a reader that fails half-way leaves nothing behind") {
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    auto settings = settingsFor(t);
    settings.blockEvents = 1; // so events were already written when the failure comes
    CHECK_THROWS_AS(([&] {
                        EventImport import(ws.events(), testKey(), settings);
                        import.event(ev("A", "REQ", 1));
                        import.event(ev("A", "CMP", 2));
                        throw InputError("extract.csv", 3, "unterminated quote");
                    }()),
                    InputError);
    CHECK(ws.events().imports().empty());
    CHECK(ws.events().load(t).events.empty());
    auto s = StoreAccess::database(ws).prepare("SELECT count(*) FROM event_block");
    REQUIRE(s.step());
    CHECK(s.integer(0) == 0);
}

// [SECTION] Progress and cancelling

namespace {

// An extract of `cases` examinations, three events each, in network codes.
std::string writeExtract(const test::TempDir& dir, int cases) {
    const std::string path = dir.file("extract.csv");
    std::ofstream out(path, std::ios::binary);
    out << "case,code,time\n";
    for (int c = 0; c < cases; ++c) {
        const int day = 1 + c % 28;
        int hour = c % 12;
        for (const char* code : {"REQ", "CMP", "VER"}) {
            out << "ACC" << c << "," << code << ",2024-03-" << (day < 10 ? "0" : "") << day << "T"
                << (hour < 10 ? "0" : "") << hour << ":00:00Z\n";
            hour += 4;
        }
    }
    return path;
}

// Reads the extract through a small read block, so there are many blocks to report.
ImportReport importExtract(Workspace& ws, ImportSettings settings, const std::string& file,
                           Progress* progress) {
    settings.blockEvents = 1000;
    EventImport import(ws.events(), testKey(), std::move(settings), progress);
    CsvOptions csv;
    csv.columns = parseColumnSpec("case=case,activity=code,timestamp=time");
    csv.blockSize = 16 * 1024;
    readCsv(file, csv, import);
    return import.finish();
}

std::int64_t storedBlocks(const Workspace& ws) {
    auto s = StoreAccess::database(ws).prepare("SELECT count(*) FROM event_block");
    REQUIRE(s.step());
    return s.integer(0);
}

std::vector<ImportId> importIds(const Workspace& ws) {
    std::vector<ImportId> ids;
    for (const auto& r : ws.events().imports()) ids.push_back(r.id);
    return ids;
}

} // namespace

TEST_CASE("an import reports how much of the file it has read, then its check, rising to 1") {
    test::TempDir dir;
    const std::string file = writeExtract(dir, 5000);
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");

    test::RecordingProgress progress;
    const ImportReport report = importExtract(ws, settingsFor(t), file, &progress);
    REQUIRE(report.imported);
    CHECK(report.eventsAccepted == 15'000);
    CHECK(progress.rising());
    REQUIRE_FALSE(progress.fractions.empty());
    CHECK(progress.fractions.back() == 1);
    CHECK(progress.stages.back() == "imported");
    CHECK(progress.sawStage("reading extract.csv"));
    CHECK(progress.sawStage("checking the import"));
    // Reading is measured by bytes: it gets near its share before the check starts.
    const auto checking =
        std::find(progress.stages.begin(), progress.stages.end(), "checking the import");
    const auto lastRead = static_cast<std::size_t>(checking - progress.stages.begin()) - 1;
    CHECK(progress.fractions[lastRead] == doctest::Approx(0.9));
    // Once a block of the file (16 KiB here), not once an event.
    const auto fileBlocks = std::filesystem::file_size(file) / (16 * 1024) + 1;
    CHECK(progress.fractions.size() >= fileBlocks);
    CHECK(progress.fractions.size() <= fileBlocks + 10);
}

TEST_CASE("a cancelled import stores nothing, and the workspace keeps what it had") {
    test::TempDir dir;
    const std::string file = writeExtract(dir, 5000);
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    REQUIRE(importEvents(ws, settingsFor(t, "earlier"), {ev("E1", "REQ", 1), ev("E1", "CMP", 9)})
                .imported);
    const auto idsBefore = importIds(ws);
    const auto blocksBefore = storedBlocks(ws);
    const auto eventsBefore = ws.events().load(t).events.size();

    std::size_t cancelAt = 0;
    SUBCASE("while reading the file, after some blocks were written") {
        cancelAt = 10;
    }
    SUBCASE("while checking what was stored") {
        auto scratch = Workspace::createInMemory();
        test::RecordingProgress whole;
        importExtract(scratch, settingsFor(scratch.addTrust("RPA", "Medway")), file, &whole);
        const auto checking =
            std::find(whole.stages.begin(), whole.stages.end(), "checking the import");
        REQUIRE(checking != whole.stages.end());
        cancelAt = static_cast<std::size_t>(checking - whole.stages.begin()) + 1;
    }
    test::RecordingProgress progress(cancelAt);
    std::int64_t blocksWhenCancelled = 0;
    progress.atCancel = [&] { blocksWhenCancelled = storedBlocks(ws); };
    try {
        importExtract(ws, settingsFor(t), file, &progress);
        FAIL("the import was not stopped");
    } catch (const Cancelled& e) {
        CHECK(std::string(e.what()).starts_with("stopped: the import of extract.csv"));
    }
    CHECK(blocksWhenCancelled > blocksBefore);    // there was something to roll back
    CHECK(progress.fractions.size() == cancelAt); // it stopped at the next check
    CHECK(importIds(ws) == idsBefore);
    CHECK(storedBlocks(ws) == blocksBefore);
    CHECK(ws.events().load(t).events.size() == eventsBefore);
    // And the workspace takes the same file afterwards.
    CHECK(importExtract(ws, settingsFor(t), file, nullptr).imported);
}

TEST_CASE("loading a trust's events reports its progress and can be stopped") {
    test::TempDir dir;
    const std::string file = writeExtract(dir, 5000);
    auto ws = Workspace::createInMemory();
    const TrustId t = ws.addTrust("RPA", "Medway");
    REQUIRE(importExtract(ws, settingsFor(t), file, nullptr).imported);

    test::RecordingProgress progress;
    CHECK(ws.events().load(t, &progress).events.size() == 15'000);
    CHECK(progress.rising());
    CHECK(progress.fractions.size() >= 2);
    CHECK(progress.fractions.back() == 1);
    CHECK(progress.sawStage("loading the events"));

    test::RecordingProgress stopping(1);
    CHECK_THROWS_AS(ws.events().load(t, &stopping), Cancelled);
}
