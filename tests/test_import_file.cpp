// One event file imported for a trust through importFile, the call `strawman
// import` and the editor's Data panel share: what it stores, what it refuses
// before reading, all or nothing under strict, and a cancel that stores nothing.
#include "recording_progress.h"
#include "temp_path.h"

#include "model/core/error.h"
#include "model/core/progress.h"
#include "model/events/event_log.h"
#include "model/events/readers/local_time.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"
#include "model/use_cases/import_file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::model;

namespace {

// A workspace file with one trust, and a key file beside it (never the user's own).
struct Network {
    test::TempDir dir;
    Workspace ws = Workspace::create(dir.file("net.strawman"));
    TrustId rpa = ws.addTrust("RPA", "Medway");
    std::string key = dir.file("network.key");

    std::string write(const std::string& name, const std::string& text) const {
        const std::string path = dir.file(name);
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    ImportRequest request(const std::string& file) const {
        ImportRequest r;
        r.file = file;
        r.trust = "RPA";
        r.keyFile = key;
        r.importedBy = "test";
        return r;
    }
    std::size_t importCount() const { return ws.events().imports().size(); }
    std::size_t eventCount() const { return ws.events().load(rpa).events.size(); }
};

constexpr const char* kExtract = "Accession,Status,Event Time,Modality\n"
                                 "A1,REQ,2025-03-03 09:00,CT\n"
                                 "A1,RCV,2025-03-03 10:30,CT\n"
                                 "A1,VET,not a time,CT\n"
                                 "A2,REQ,2025-03-04 11:15,MR\n"
                                 "A2,SCANNED,2025-03-05 09:00,MR\n";

} // namespace

TEST_CASE("a CSV file is imported for a trust with its report, the key made on first use") {
    Network net;
    const auto file = net.write("extract.csv", kExtract);
    ImportRequest request = net.request(file);
    request.unmapped = UnmappedCodes::Ignore;
    const ImportReport report = importFile(net.ws, request);

    CHECK(report.imported);
    CHECK_FALSE(report.refusedAsStrict);
    CHECK(report.importId);
    CHECK(report.file == file);
    CHECK(report.format == "csv"); // from the name
    CHECK(report.rowsRead == 5);
    CHECK(report.eventsAccepted == 3);
    CHECK(report.rowsRejected == 1);
    REQUIRE(report.rejected.size() == 1);
    CHECK(report.rejected[0].line == 4);
    CHECK(report.unmappedCodes.at("SCANNED").count == 1);
    CHECK(report.cases == 2);
    CHECK(std::filesystem::exists(net.key));
    bool keyNoted = false;
    for (const auto& note : report.notes)
        keyNoted =
            keyNoted || note.starts_with("a new pseudonymisation key was made at " + net.key);
    CHECK(keyNoted);

    const auto stored = net.ws.events().imports();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].id == report.importId);
    CHECK(stored[0].importedBy == "test");
    CHECK(stored[0].sha256.size() == 64);
    CHECK(net.eventCount() == 3);

    SUBCASE("the same file again is refused, and taken when forced") {
        CHECK_THROWS_WITH_AS(importFile(net.ws, request),
                             doctest::Contains("extract.csv was imported for RPA already"), Error);
        CHECK(net.importCount() == 1);
        request.force = true;
        CHECK(importFile(net.ws, request).imported);
        CHECK(net.importCount() == 2);
    }
    SUBCASE("unmapped codes stop the import by default") {
        request.unmapped = UnmappedCodes::Abort;
        request.force = true;
        const ImportReport refused = importFile(net.ws, request);
        CHECK_FALSE(refused.imported);
        CHECK_FALSE(refused.importId);
        CHECK(net.importCount() == 1);
    }
}

TEST_CASE("the options a file is read with: columns, delimiter, format chosen, time zone") {
    Network net;
    const auto file = net.write("semicolons.txt", "Acc;Code, local;When\n"
                                                  "A1;REQ;2025-07-01 09:00\n"
                                                  "A1;RCV;2025-07-01 10:30\n");
    ImportRequest request = net.request(file);
    request.format = "csv"; // the name does not tell
    request.columns = "case=Acc,activity='Code, local',timestamp=When";
    request.delimiter = ';';
    request.timeZone = "UTC";
    const ImportReport report = importFile(net.ws, request);
    CHECK(report.imported);
    CHECK(report.eventsAccepted == 2);
    const EventLog log = net.ws.events().load(net.rpa);
    REQUIRE(log.events.size() == 2);
    CHECK(formatUtc(log.events[0].time) == "2025-07-01T09:00:00Z"); // read as UTC, not BST
}

TEST_CASE("a request that cannot be right is refused before anything is read or made") {
    Network net;
    const auto csv = net.write("extract.csv", kExtract);
    const auto hl7 = net.write("feed.hl7", "MSH|^~\\&|RIS\n");
    const auto odd = net.write("extract.txt", kExtract);
    struct Case {
        const char* what;
        ImportRequest request;
        std::string message;
    };
    ImportRequest noTrust = net.request(csv);
    noTrust.trust = "XYZ";
    ImportRequest noFormat = net.request(odd);
    ImportRequest badZone = net.request(csv);
    badZone.timeZone = "Europe/Atlantis";
    ImportRequest delimiterForHl7 = net.request(hl7);
    delimiterForHl7.delimiter = ',';
    ImportRequest badColumns = net.request(csv);
    badColumns.columns = "case=Accession,colour=Status";
    for (const Case& c :
         {Case{"unknown trust", noTrust, "no trust with code XYZ"},
          Case{"format untold", noFormat, "cannot tell the format of " + odd + " from its name"},
          Case{"unknown zone", badZone, "unknown time zone"},
          Case{"delimiter for HL7", delimiterForHl7,
               "a delimiter is for CSV files; " + hl7 + " is read as hl7"},
          Case{"bad columns", badColumns, "colour"}}) {
        CAPTURE(c.what);
        try {
            importFile(net.ws, c.request);
            FAIL("not refused");
        } catch (const Error& e) {
            CHECK_MESSAGE(std::string(e.what()).find(c.message) != std::string::npos, e.what());
        }
    }
    CHECK(net.importCount() == 0);
    CHECK_FALSE(std::filesystem::exists(net.key)); // no key made for nothing
}

TEST_CASE("a missing file is refused with its name, and nothing is stored") {
    Network net;
    const std::string missing = net.dir.file("gone.csv");
    CHECK_THROWS_WITH_AS(importFile(net.ws, net.request(missing)),
                         doctest::Contains(missing.c_str()), Error);
    CHECK(net.importCount() == 0);
}

TEST_CASE("strict stores nothing when a row is rejected, and says so in the report") {
    Network net;
    const auto file = net.write("extract.csv", kExtract);
    ImportRequest request = net.request(file);
    request.unmapped = UnmappedCodes::Ignore;
    request.strict = true;
    const ImportReport report = importFile(net.ws, request);
    CHECK_FALSE(report.imported);
    CHECK(report.refusedAsStrict);
    CHECK_FALSE(report.importId);
    CHECK(report.outcome ==
          "not imported: 1 row was rejected, and a strict import stores nothing then");
    CHECK(report.remedies == std::vector<Remedy>{Remedy::ImportWithoutStrict});
    CHECK(net.importCount() == 0);
    CHECK(net.eventCount() == 0);

    // Refused for another reason (unmapped codes), it is not a strict refusal.
    request.unmapped = UnmappedCodes::Abort;
    const ImportReport unmapped = importFile(net.ws, request);
    CHECK_FALSE(unmapped.imported);
    CHECK_FALSE(unmapped.refusedAsStrict);
}

TEST_CASE("an import cancelled after its first report stores nothing") {
    Network net;
    const auto earlier =
        net.write("earlier.csv", "Accession,Status,Event Time\nE1,REQ,2025-01-02T09:00:00Z\n");
    REQUIRE(importFile(net.ws, net.request(earlier)).imported);
    const auto file = net.write("extract.csv", kExtract);
    ImportRequest request = net.request(file);
    request.unmapped = UnmappedCodes::Ignore;

    for (const bool strict : {false, true}) {
        CAPTURE(strict);
        request.strict = strict;
        test::RecordingProgress progress(1);
        CHECK_THROWS_AS(importFile(net.ws, request, &progress), Cancelled);
        CHECK(progress.fractions.size() == 1);
        CHECK(net.importCount() == 1);
        CHECK(net.eventCount() == 1);
    }
    // Cancelled before it began, it does not even make a key.
    Network fresh;
    test::RecordingProgress already(0);
    CHECK_THROWS_AS(importFile(fresh.ws, fresh.request(fresh.write("x.csv", kExtract)), &already),
                    Cancelled);
    CHECK_FALSE(std::filesystem::exists(fresh.key));

    // And the file is taken afterwards, with its progress rising to the end.
    request.strict = false;
    test::RecordingProgress progress;
    CHECK(importFile(net.ws, request, &progress).imported);
    CHECK(progress.rising());
    CHECK(progress.fractions.back() == 1);
}

TEST_CASE("the format is told by the file's name, compressed or not, in any case") {
    CHECK(formatFromName("extract.csv") == "csv");
    CHECK(formatFromName("/data/RPA 2024.TSV") == "csv");
    CHECK(formatFromName("extract.csv.gz") == "csv");
    CHECK(formatFromName("log.xes") == "xes");
    CHECK(formatFromName("log.XES.GZ") == "xes");
    CHECK(formatFromName("feed.hl7") == "hl7");
    CHECK(formatFromName("feed.mllp.gz") == "hl7");
    CHECK_FALSE(formatFromName("extract.txt"));
    CHECK_FALSE(formatFromName("csv"));
    CHECK_FALSE(formatFromName("extract.gz"));
    CHECK_FALSE(formatFromName("a.csv/notes")); // the folder's name does not count
}
