// The Data panel's code table without a window: a trust's mappings and the
// codes its stored imports met unmapped, read from a real workspace after real
// CSV imports.
#include "temp_path.h"

#include "editor/core/code_table.h"

#include "model/core/error.h"
#include "model/events/code_mapper.h"
#include "model/events/event_import.h"
#include "model/events/pseudonym.h"
#include "model/events/readers/csv_reader.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace strawman;
using namespace strawman::editor;

namespace {

const model::PseudonymKey& testKey() {
    static const model::PseudonymKey key =
        model::PseudonymKey::fromBytes("0123456789abcdef0123456789abcdef");
    return key;
}

// Medway's extract: REQ is a network code used as is, "Vetted" and "Pt cancelled"
// are mapped before the import (the second to be ignored), SCANNED is not.
constexpr const char* kExtract = "Accession,Status,Event Time\n"
                                 "A1,REQ,2025-03-03 09:00\n"
                                 "A1,Vetted,2025-03-03 11:00\n"
                                 "A1,SCANNED,2025-03-04 10:00\n"
                                 "A2,REQ,2025-03-03 09:30\n"
                                 "A2,Pt cancelled,2025-03-05 08:00\n"
                                 "A3,REQ,2025-03-03 10:00\n"
                                 "A3,REQ,2025-03-03 10:00\n"
                                 "A3, SCANNED ,2025-03-06 14:00\n";

struct Fixture {
    test::TempDir dir;
    std::string csv = dir.file("medway.csv");
    model::Workspace ws = model::Workspace::createInMemory();
    model::TrustId rpa = ws.addTrust("RPA", "Medway NHS Foundation Trust");

    Fixture() {
        std::ofstream(csv) << kExtract;
        ws.events().changeCodeMapping(rpa, "Vetted", model::CodeMappingChange::mapTo("VET"));
        ws.events().changeCodeMapping(rpa, "Pt cancelled", model::CodeMappingChange::ignore());
    }

    model::ImportReport import(model::UnmappedCodes unmapped = model::UnmappedCodes::Ignore) {
        model::ImportSettings settings;
        settings.trust = rpa;
        settings.fileName = "medway.csv";
        settings.sha256 = "sha-medway";
        settings.format = "csv";
        settings.importedBy = "test";
        settings.force = true; // the same file again, after a mapping changed
        settings.unmapped = unmapped;
        model::EventImport import(ws.events(), testKey(), settings);
        model::readCsv(csv, {}, import);
        return import.finish();
    }
};

const CodeRow& row(const TrustData& data, const std::string& code) {
    for (const CodeRow& r : data.codes)
        if (r.localCode == code) return r;
    FAIL("no row for \"" << code << "\"");
    throw std::logic_error("unreachable");
}

std::vector<std::string> codesOf(const TrustData& data) {
    std::vector<std::string> out;
    for (const CodeRow& r : data.codes) out.push_back(r.localCode);
    return out;
}

} // namespace

TEST_CASE("a code an import met without a mapping is listed, flagged, with the events left out") {
    Fixture f;
    const model::ImportReport report = f.import();
    REQUIRE(report.imported);

    const TrustData data = readTrustData(f.ws, f.rpa);
    REQUIRE(data.imports.size() == 1);
    const ImportWithReport& imp = data.imports[0];
    CHECK(imp.record.id == report.importId);
    CHECK(imp.record.fileName == "medway.csv");
    CHECK(imp.record.events == 5); // A3's request given twice: both kept
    CHECK(imp.record.cases == 3);
    REQUIRE(imp.report);
    CHECK(imp.report->sameTimeRepeats == 1);
    CHECK(imp.report->exactRepeats == 1);
    CHECK(imp.report->unmappedCodes.at("SCANNED").count == 2);
    // The panel shows the report the import produced, read back from the workspace.
    const auto words = [](model::Remedy r) { return std::string(model::remedyName(r)); };
    CHECK(model::toText(*imp.report, words) == model::toText(report, words));

    // Unmapped first; REQ, a network code used as is, needs no row.
    CHECK(codesOf(data) == std::vector<std::string>{"SCANNED", "Pt cancelled", "Vetted"});
    const CodeRow& scanned = row(data, "SCANNED");
    CHECK(scanned.unmapped);
    CHECK_FALSE(scanned.activity);
    CHECK(scanned.eventsLeftOut == 2); // " SCANNED " is the same code once trimmed
    CHECK(scanned.importsLeavingOut == std::vector<model::ImportId>{report.importId});

    const CodeRow& vetted = row(data, "Vetted");
    CHECK_FALSE(vetted.unmapped);
    CHECK(vetted.activity == "VET");
    CHECK(vetted.eventsLeftOut == 0); // kept events are stored under VET, not counted by code

    const CodeRow& cancelled = row(data, "Pt cancelled");
    CHECK_FALSE(cancelled.unmapped);
    CHECK(cancelled.ignored());
    CHECK(cancelled.eventsLeftOut == 1);
}

TEST_CASE("mapping a code takes its flag away, its events come in with the next import") {
    Fixture f;
    const model::ImportReport first = f.import();
    REQUIRE(first.imported);

    f.ws.events().changeCodeMapping(f.rpa, "SCANNED", model::CodeMappingChange::mapTo("CMP"));
    TrustData data = readTrustData(f.ws, f.rpa);
    const CodeRow& mapped = row(data, "SCANNED");
    CHECK_FALSE(mapped.unmapped);
    CHECK(mapped.activity == "CMP");
    // Mappings apply at import: the first import still left those events out.
    CHECK(mapped.eventsLeftOut == 2);
    CHECK(data.imports.at(0).record.events == 5);

    SUBCASE("removing the import and importing the file again brings them in") {
        f.ws.events().removeImport(first.importId);
        const model::ImportReport second = f.import();
        REQUIRE(second.imported);
        data = readTrustData(f.ws, f.rpa);
        REQUIRE(data.imports.size() == 1);
        CHECK(data.imports[0].record.id == second.importId);
        CHECK(data.imports[0].record.events == 7);
        CHECK(row(data, "SCANNED").eventsLeftOut == 0);
        CHECK_FALSE(row(data, "SCANNED").unmapped);
    }
    SUBCASE("unsetting the mapping flags the code again") {
        CHECK(f.ws.events().changeCodeMapping(f.rpa, "SCANNED", model::CodeMappingChange::unset()));
        data = readTrustData(f.ws, f.rpa);
        CHECK(row(data, "SCANNED").unmapped);
        CHECK(codesOf(data).front() == "SCANNED");
    }
}

TEST_CASE("an import refused for unmapped codes leaves nothing behind to list") {
    Fixture f;
    const model::ImportReport report = f.import(model::UnmappedCodes::Abort);
    CHECK_FALSE(report.imported);
    CHECK(report.unmappedCodes.count("SCANNED") == 1);

    const TrustData data = readTrustData(f.ws, f.rpa);
    CHECK(data.imports.empty());
    CHECK(codesOf(data) == std::vector<std::string>{"Pt cancelled", "Vetted"});
    CHECK(row(data, "Vetted").eventsLeftOut == 0);
}

TEST_CASE("codes left out by several imports add up, each import named once") {
    model::ImportReport a, b;
    a.importId = model::ImportId{3};
    a.unmappedCodes["SCANNED"].count = 2;
    a.unmappedCodes["ZZ"].count = 1;
    a.ignoredCodes["Pt cancelled"] = 4;
    b.importId = model::ImportId{5};
    b.unmappedCodes["SCANNED"].count = 3;
    b.ignoredCodes["SCANNED"] = 1; // ignored by a mapping since removed
    const std::vector<model::CodeMapping> mappings{{"Pt cancelled", std::nullopt},
                                                   {"Arrived", "ARR"}};

    const std::vector<CodeRow> rows = codeTable(mappings, {a, b});
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].localCode == "SCANNED");
    CHECK(rows[0].unmapped);
    CHECK(rows[0].eventsLeftOut == 6);
    CHECK(rows[0].importsLeavingOut == (std::vector{model::ImportId{3}, model::ImportId{5}}));
    CHECK(rows[1].localCode == "ZZ");
    CHECK(rows[1].unmapped);
    CHECK(rows[2].localCode == "Arrived");
    CHECK(rows[2].activity == "ARR");
    CHECK(rows[2].importsLeavingOut.empty());
    CHECK(rows[3].localCode == "Pt cancelled");
    CHECK(rows[3].ignored());
    CHECK(rows[3].eventsLeftOut == 4);

    CHECK(codeTable({}, {}).empty());
}

TEST_CASE("a typed local code is trimmed as an import trims it") {
    CHECK(model::trimmedCode("  SCANNED\t") == "SCANNED");
    CHECK(model::trimmedCode("Pt cancelled") == "Pt cancelled");
    CHECK(model::trimmedCode(" \r\n").empty());
}

TEST_CASE("a stored report is read back as written, an unknown import is an error") {
    Fixture f;
    const model::ImportReport report = f.import();
    const auto stored = f.ws.events().importReport(report.importId);
    REQUIRE(stored);
    CHECK(model::toJson(*stored) == model::toJson(report));
    CHECK_THROWS_AS(f.ws.events().importReport(model::ImportId{report.importId.value + 100}),
                    model::Error);
    CHECK_THROWS_AS(model::importReportFromJson("not json"), model::Error);
    // A report stored before some fields existed keeps their defaults.
    const model::ImportReport old =
        model::importReportFromJson(R"({"file":"x.csv","rows_read":4})");
    CHECK(old.file == "x.csv");
    CHECK(old.rowsRead == 4);
    CHECK(old.unmappedCodes.empty());
}

TEST_CASE("every remedy a stored report names is read back, one a later version names is left "
          "out") {
    model::ImportReport report;
    for (int i = 1; i <= static_cast<int>(model::kLastRemedy); ++i)
        report.remedies.push_back(static_cast<model::Remedy>(i));
    CHECK(model::importReportFromJson(model::toJson(report)).remedies == report.remedies);
    CHECK(model::importReportFromJson(R"({"remedies":["map-codes","ask-the-moon"]})").remedies ==
          std::vector{model::Remedy::MapCodes});
}
