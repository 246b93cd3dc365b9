// `strawman gen` and `strawman import` end to end, as an analyst would use them.
#include "cli_runner.h"
#include "gzip_file.h"

#include "model/store/database.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

using nlohmann::json;
using strawman::test::cli;
using strawman::test::jsonOf;
using strawman::test::readFile;
using strawman::test::RunResult;
using strawman::test::TempDir;
using strawman::test::writeFile;

namespace {

// A workspace with the five trusts and no data, and a key file in the temp dir.
struct Network {
    TempDir dir;
    std::string ws = dir.file("net.strawman");
    std::string key = dir.file("network.key");
    Network() { REQUIRE(cli({"demo", ws, "--cases", "0", "--key-file", key}).exitCode == 0); }
    RunResult import(std::vector<std::string> args) {
        std::vector<std::string> all{"import", ws};
        all.insert(all.end(), args.begin(), args.end());
        all.push_back("--key-file");
        all.push_back(key);
        return cli(all);
    }
};

// Every field of the generated file that identifies a patient or holds free text.
std::set<std::string> identifiersIn(const std::string& csv, const std::vector<int>& columns) {
    std::set<std::string> out;
    std::size_t lineStart = csv.find('\n') + 1; // skip the header
    while (lineStart < csv.size() && out.size() < 400) {
        const std::size_t lineEnd = csv.find('\n', lineStart);
        std::vector<std::string> fields;
        std::string field;
        bool quoted = false;
        for (std::size_t i = lineStart; i < lineEnd; ++i) {
            const char c = csv[i];
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted) {
                fields.push_back(field);
                field.clear();
            } else if (c != '\r')
                field += c;
        }
        fields.push_back(field);
        for (int col : columns)
            if (col < static_cast<int>(fields.size()) && fields[col].size() >= 6)
                out.insert(fields[col]);
        lineStart = lineEnd + 1;
    }
    return out;
}

int columnOf(const std::string& csv, const std::string& name) {
    const std::string header = csv.substr(0, csv.find('\n'));
    int col = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = header.find(',', start);
        std::string h =
            header.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!h.empty() && h.back() == '\r') h.pop_back();
        if (h == name) return col;
        if (comma == std::string::npos) return -1;
        start = comma + 1;
        ++col;
    }
}

// RWF's local status codes, as its RIS (and the sample generator) writes them.
void mapRwfCodes(const Network& net) {
    for (const auto& [local, activity] :
         std::vector<std::pair<std::string, std::string>>{{"RQ", "REQ"},
                                                          {"RC", "RCV"},
                                                          {"JV", "VET"},
                                                          {"JR", "REJ"},
                                                          {"PR", "PRO"},
                                                          {"BK", "BKD"},
                                                          {"DA", "DNA"},
                                                          {"AR", "ARR"},
                                                          {"ST", "STA"},
                                                          {"CO", "CMP"},
                                                          {"PV", "REP"},
                                                          {"VF", "VER"},
                                                          {"AD", "ADD"},
                                                          {"CX", "CAN"}})
        REQUIRE(cli({"codes", "set", net.ws, "--trust", "RWF", local, activity}).exitCode == 0);
}

// Fields of HL7 segments that must never be kept: PID-3 (identifiers), PID-5
// (name), PID-7 (date of birth), PID-11 (address) and OBX-5 (report text).
std::set<std::string> hl7Identifiers(const std::string& messages) {
    std::set<std::string> out;
    auto fieldsOf = [](const std::string& segment) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        while (true) {
            const std::size_t bar = segment.find('|', start);
            fields.push_back(
                segment.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
            if (bar == std::string::npos) return fields;
            start = bar + 1;
        }
    };
    auto addComponents = [&](const std::string& field) {
        std::size_t start = 0;
        while (start <= field.size()) {
            std::size_t sep = field.find_first_of("^~&", start);
            if (sep == std::string::npos) sep = field.size();
            const std::string value = field.substr(start, sep - start);
            if (value.size() >= 6) out.insert(value);
            start = sep + 1;
        }
    };
    std::size_t at = 0;
    while ((at = messages.find_first_of("\r\n\x0b", at)) != std::string::npos) {
        ++at;
        const std::size_t end = messages.find_first_of("\r\n\x1c", at);
        const std::string segment =
            messages.substr(at, end == std::string::npos ? std::string::npos : end - at);
        const auto f = fieldsOf(segment);
        if (segment.rfind("PID|", 0) == 0) {
            for (std::size_t i : {3u, 5u, 7u, 11u})
                if (i < f.size()) addComponents(f[i]);
        } else if (segment.rfind("OBX|", 0) == 0 && f.size() > 5) {
            addComponents(f[5]);
        }
    }
    return out;
}

} // namespace

TEST_CASE("an import report lists what was read, kept and rejected, as JSON") {
    Network net;
    writeFile(net.dir.file("extract.csv"), "Accession,Status,Event Time,Modality\n"
                                           "A1,REQ,2025-03-03 09:00,CT\n"
                                           "A1,RCV,03/03/2025 10:30,CT\n"
                                           "A1,VET,not a time,CT\n"
                                           "A2,REQ,2025-10-26 01:30,MR\n"
                                           "A2,REQ,2025-10-26 01:30,MR\n"
                                           "A2,SCANNED,2025-10-27 09:00,MR\n");
    const auto r = net.import(
        {net.dir.file("extract.csv"), "--trust", "RPA", "--json", "--unmapped", "ignore"});
    const json report = jsonOf(r);
    CHECK(report["rows_read"] == 6);
    CHECK(report["events_accepted"] == 4); // A2's request given twice: both kept
    CHECK(report["rows_rejected"] == 1);
    REQUIRE(report["rejected"].size() == 1);
    CHECK(report["rejected"][0]["line"] == 4);
    CHECK(report["unmapped_codes"]["SCANNED"] == 1);
    CHECK(report["same_time_repeats"] == 1);
    CHECK(report["exact_repeats"] == 1);
    CHECK(report["repeats_left_out"] == 0);
    CHECK(report["held_by_earlier_imports"] == 0);
    CHECK(report["dst_ambiguous"] == 2);
    CHECK(report["dst_nonexistent"] == 0);
    CHECK(report["cases"] == 2);
    CHECK(report["imported"] == true);

    const json stats = jsonOf(cli({"log", "stats", net.ws, "--trust", "RPA", "--json"}));
    CHECK(stats["events"] == 4);
    CHECK(stats["first"] == "2025-03-03T09:00:00Z");
    CHECK(stats["last"] == "2025-10-26T00:30:00Z"); // 01:30 BST, the earlier of the two
}

TEST_CASE("unmapped codes stop an import until they are mapped") {
    Network net;
    writeFile(net.dir.file("x.csv"),
              "case,status,time\nA,Booked on RIS,2025-01-06 10:00\nA,REQ,2025-01-02 10:00\n");
    const auto refused = net.import({net.dir.file("x.csv"), "--trust", "RN7"});
    CHECK(refused.exitCode != 0);
    CHECK(refused.out.find("Booked on RIS") != std::string::npos);
    CHECK(jsonOf(cli({"import", "list", net.ws, "--json"})).empty());

    REQUIRE(cli({"codes", "set", net.ws, "--trust", "RN7", "Booked on RIS", "BKD"}).exitCode == 0);
    CHECK(jsonOf(cli({"codes", "list", net.ws, "--trust", "RN7", "--json"}))[0]["activity"] ==
          "BKD");
    const json ok = jsonOf(net.import({net.dir.file("x.csv"), "--trust", "RN7", "--json"}));
    CHECK(ok["events_accepted"] == 2);
    const json stats = jsonOf(cli({"log", "stats", net.ws, "--trust", "RN7", "--json"}));
    CHECK(stats["activities"]["BKD"] == 1);

    // Re-importing the same bytes under another name is recognised.
    std::filesystem::copy_file(net.dir.file("x.csv"), net.dir.file("renamed.csv"));
    const auto again = net.import({net.dir.file("renamed.csv"), "--trust", "RN7"});
    CHECK(again.exitCode != 0);
    CHECK(again.err.find("--force") != std::string::npos);

    const json list = jsonOf(cli({"import", "list", net.ws, "--json"}));
    REQUIRE(list.size() == 1);
    REQUIRE(cli({"import", "remove", net.ws, std::to_string(list[0]["id"].get<int>())}).exitCode ==
            0);
    CHECK(jsonOf(cli({"log", "stats", net.ws, "--trust", "RN7", "--json"}))["events"] == 0);
}

TEST_CASE("patient identifiers and free text from every format never reach the workspace file") {
    Network net;
    // RWF's layout has NHS numbers, patient names and clinical details.
    const auto csvPath = net.dir.file("rwf.csv");
    REQUIRE(cli({"gen", "--trust", "RWF", "--cases", "300", "--format", "csv", "-o", csvPath})
                .exitCode == 0);
    const std::string csv = readFile(csvPath);
    const auto identifiers =
        identifiersIn(csv, {columnOf(csv, "Accession Number"), columnOf(csv, "NHS Number"),
                            columnOf(csv, "Patient Name"), columnOf(csv, "Clinical Details")});
    REQUIRE(identifiers.size() > 100);
    mapRwfCodes(net);
    REQUIRE(net.import({csvPath, "--trust", "RWF"}).exitCode == 0);

    // HL7: names, dates of birth and report text are in the messages.
    const auto hl7Path = net.dir.file("rpc.hl7");
    REQUIRE(cli({"gen", "--trust", "RPC", "--cases", "100", "--format", "hl7", "-o", hl7Path})
                .exitCode == 0);
    const auto hl7 = net.import({hl7Path, "--trust", "RPC", "--unmapped", "ignore", "--json"});
    REQUIRE(hl7.exitCode == 0);
    CHECK(json::parse(hl7.out)["events_accepted"].get<int>() > 100);
    const auto hl7Ids = hl7Identifiers(readFile(hl7Path));
    REQUIRE(hl7Ids.size() > 50);

    cli({"trust", "list", net.ws}); // a reader closes the file, folding the write-ahead log in
    const std::string bytes = readFile(net.ws) + readFile(net.ws + "-wal");
    int found = 0;
    for (const auto& id : identifiers)
        if (bytes.find(id) != std::string::npos && ++found < 5)
            MESSAGE("found in workspace: " << id);
    for (const auto& id : hl7Ids)
        if (bytes.find(id) != std::string::npos && ++found < 5)
            MESSAGE("found in workspace: " << id);
    CHECK(found == 0);
}

TEST_CASE("an import killed at any moment leaves the workspace whole, with all or none of it") {
    Network net;
    const auto csvPath = net.dir.file("rwf.csv");
    REQUIRE(cli({"gen", "--trust", "RWF", "--cases", "4000", "--format", "csv", "-o", csvPath})
                .exitCode == 0);
    mapRwfCodes(net);
    const std::vector<std::string> args{"import", net.ws,    csvPath,      "--trust",
                                        "RWF",    "--force", "--key-file", net.key};

    const auto started = std::chrono::steady_clock::now();
    REQUIRE(cli(args).exitCode == 0);
    const auto full = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    const json one = jsonOf(cli({"log", "stats", net.ws, "--trust", "RWF", "--json"}));
    const int eventsPerImport = one["events"];
    REQUIRE(eventsPerImport > 1000);

    int imports = 1, killedPartWay = 0;
    const int runs = 16;
    for (int i = 0; i < runs; ++i) {
        if (!strawman::test::runAndKill(STRAWMAN_EXE, args, full * (i + 1) / runs)) {
            ++imports; // it finished before the kill
            continue;
        }
        {
            strawman::model::Database db(net.ws, strawman::model::Database::Mode::Open);
            auto check = db.prepare("PRAGMA integrity_check");
            REQUIRE(check.step());
            CHECK(check.text(0) == "ok");
        }
        const json list = jsonOf(cli({"import", "list", net.ws, "--json"}));
        if (static_cast<int>(list.size()) == imports + 1)
            ++imports; // killed after its commit
        else
            ++killedPartWay;
        CHECK(static_cast<int>(list.size()) == imports);
        // Each import holds the same events again: loaded once, the rest counted as repeats.
        const json stats = jsonOf(cli({"log", "stats", net.ws, "--trust", "RWF", "--json"}));
        CHECK(stats["events"] == eventsPerImport);
        CHECK(stats["repeated_events"] == eventsPerImport * (imports - 1));
    }
    MESSAGE("killed mid-import " << killedPartWay << " of " << runs << " times");
    CHECK(killedPartWay > 0);
}

TEST_CASE("same-time and exact repeats are kept and counted in CSV and XES, --drop-exact-repeats "
          "leaves out the exact ones") {
    // Day-resolution logs, as hospital logs are: a lab test done twice on one
    // day by two departments, and once written twice by the extract.
    const std::string csv = "case,activity,timestamp,resource\n"
                            "A,REQ,2025-03-03,ward\n"
                            "A,CMP,2025-03-04,lab 1\n"
                            "A,CMP,2025-03-04,lab 2\n"
                            "A,CMP,2025-03-04,lab 2\n"
                            "A,VER,2025-03-05,lab 1\n";
    const auto event = [](const char* activity, const char* day, const char* resource) {
        return std::string("<event><string key=\"concept:name\" value=\"") + activity +
               "\"/><string key=\"org:resource\" value=\"" + resource +
               "\"/><date key=\"time:timestamp\" value=\"" + day + "T00:00:00+01:00\"/></event>";
    };
    const std::string xes =
        std::string("<?xml version=\"1.0\"?>\n<log xes.version=\"1.0\"><trace>") +
        "<string key=\"concept:name\" value=\"A\"/>" + event("REQ", "2025-03-03", "ward") +
        event("CMP", "2025-03-04", "lab 1") + event("CMP", "2025-03-04", "lab 2") +
        event("CMP", "2025-03-04", "lab 2") + event("VER", "2025-03-05", "lab 1") +
        "</trace></log>\n";
    for (const auto& [name, text] : {std::pair{"labs.csv", csv}, std::pair{"labs.xes", xes}}) {
        CAPTURE(name);
        for (const bool drop : {false, true}) {
            CAPTURE(drop);
            Network net;
            writeFile(net.dir.file(name), text);
            std::vector<std::string> args{net.dir.file(name), "--trust", "RPA", "--json"};
            if (drop) args.push_back("--drop-exact-repeats");
            const json report = jsonOf(net.import(args));
            CHECK(report["same_time_repeats"] == 2);
            CHECK(report["exact_repeats"] == 1);
            CHECK(report["repeats_left_out"] == (drop ? 1 : 0));
            CHECK(report["events_accepted"] == (drop ? 4 : 5));
            const json stats = jsonOf(cli({"log", "stats", net.ws, "--trust", "RPA", "--json"}));
            CHECK(stats["events"] == (drop ? 4 : 5));
            CHECK(stats["activities"]["CMP"] == (drop ? 2 : 3));
        }
    }
}

TEST_CASE("each demo trust's own RIS layout is read with the columns guessed") {
    // Five RIS extracts, five header styles (RN7's "Status Date Time", RPA's
    // STATUS_DTTM, RPC's "Acc No" and "Status Changed"...): no --columns needed.
    Network net;
    for (const char* trust : {"RN7", "RVV", "RWF", "RPA", "RPC"}) {
        INFO(trust);
        const auto file = net.dir.file(std::string(trust) + ".csv");
        REQUIRE(cli({"gen", "--trust", trust, "--cases", "50", "--format", "csv", "-o", file})
                    .exitCode == 0);
        // The trust's local codes are not mapped here: the report (printed even
        // though nothing is stored) shows every row read and none rejected.
        const auto r = net.import({file, "--trust", trust, "--json"});
        const json report = json::parse(r.out);
        CHECK(report["rows_read"].get<int>() >= 50 * 3);
        CHECK(report["rows_rejected"] == 0);
        CHECK(report["unmapped_codes"].size() >= 8);
        const std::string notes = report["notes"].dump();
        CHECK(notes.find("columns guessed") != std::string::npos);
        for (const char* role :
             {"patient = ", "modality = ", "priority = ", "source = ", "site = ", "resource = "})
            CHECK_MESSAGE(notes.find(role) != std::string::npos, role);
    }
}

TEST_CASE(
    "--strict stores nothing when a row is rejected, and without it the other rows are kept") {
    Network net;
    const auto file = net.dir.file("extract.csv");
    writeFile(file, "Accession,Status,Event Time\n"
                    "A1,REQ,2025-03-03 09:00\n"
                    "A1,RCV,3rd of March\n"
                    "A2,REQ,2025-03-04 11:15\n");

    const auto strict = net.import({file, "--trust", "RPA", "--strict", "--json"});
    INFO("stdout: " << strict.out << "\nstderr: " << strict.err);
    CHECK(strict.exitCode != 0);
    CHECK(strict.err.find("1 row was rejected (--strict): nothing was stored") !=
          std::string::npos);
    const json refused = json::parse(strict.out);
    CHECK(refused["imported"] == false);
    CHECK(refused["import_id"].is_null());
    CHECK(refused["rows_rejected"] == 1);
    CHECK(refused["outcome"].get<std::string>().find("strict import stores nothing") !=
          std::string::npos);
    CHECK(refused["remedies"] == json::array({"import-without-strict"}));
    CHECK(jsonOf(cli({"import", "list", net.ws, "--json"})).empty());
    CHECK(jsonOf(cli({"log", "stats", net.ws, "--trust", "RPA", "--json"}))["events"] == 0);

    // The same file without --strict: the good rows are stored and the bad one
    // is listed with its line.
    const auto lenient = net.import({file, "--trust", "RPA"});
    INFO("stdout: " << lenient.out << "\nstderr: " << lenient.err);
    CHECK(lenient.exitCode == 0);
    CHECK(lenient.out.find("imported as import") != std::string::npos);
    CHECK(lenient.out.find("rows rejected    1") != std::string::npos);
    CHECK(lenient.out.find("line 3: ") != std::string::npos);
    CHECK(lenient.out.find("3rd of March") != std::string::npos);
    CHECK(jsonOf(cli({"import", "list", net.ws, "--json"})).size() == 1);
    CHECK(jsonOf(cli({"log", "stats", net.ws, "--trust", "RPA", "--json"}))["events"] == 2);
}

TEST_CASE("--strict stores a file with no rejected row as usual") {
    Network net;
    const auto file = net.dir.file("clean.csv");
    writeFile(file,
              "Accession,Status,Event Time\nA1,REQ,2025-03-03 09:00\nA1,RCV,2025-03-03 10:30\n");
    const json report = jsonOf(net.import({file, "--trust", "RPA", "--strict", "--json"}));
    CHECK(report["imported"] == true);
    CHECK(report["import_id"].get<int>() > 0);
    const json list = jsonOf(cli({"import", "list", net.ws, "--json"}));
    REQUIRE(list.size() == 1);
    CHECK(list[0]["id"] == report["import_id"]);
    CHECK(jsonOf(cli({"log", "stats", net.ws, "--trust", "RPA", "--json"}))["events"] == 2);
}

TEST_CASE("--delimiter reads a file whose header would suggest another separator") {
    Network net;
    // More commas than semicolons on the header line, so detection would take the comma.
    const auto file = net.dir.file("semicolons.csv");
    writeFile(file, "Accession;Status, local code;Event date, time;Note, if any, free text\n"
                    "A1;REQ;2025-03-03 09:00;seen, then booked, later\n"
                    "A1;RCV;2025-03-03 10:30;none, none\n");
    const std::string columns =
        "case=Accession,activity='Status, local code',timestamp='Event date, time'";

    const auto guessed = net.import({file, "--trust", "RPA", "--columns", columns, "--json"});
    CHECK(guessed.exitCode != 0);

    const json report = jsonOf(
        net.import({file, "--trust", "RPA", "--columns", columns, "--delimiter", ";", "--json"}));
    CHECK(report["rows_read"] == 2);
    CHECK(report["events_accepted"] == 2);
    CHECK(report["rows_rejected"] == 0);

    SUBCASE("tab, spelled out or as \\t") {
        const auto tsv = net.dir.file("tabs.tsv");
        writeFile(tsv, "Accession\tStatus, local code\tEvent date, time\tNote, if any, free text\n"
                       "B1\tREQ\t2025-03-05 09:00\tseen, then booked, later\n");
        for (const char* spelling : {"tab", "\\t"}) {
            CAPTURE(spelling);
            const json tabbed = jsonOf(net.import({tsv, "--trust", "RVV", "--columns", columns,
                                                   "--delimiter", spelling, "--force", "--json"}));
            CHECK(tabbed["events_accepted"] == 1);
            CHECK(tabbed["rows_rejected"] == 0);
        }
    }
}

TEST_CASE(
    "a --delimiter other than comma, semicolon, bar or tab is refused before anything is read") {
    Network net;
    const auto file = net.dir.file("x.csv");
    writeFile(file, "Accession:Status:Event Time\nA1:REQ:2025-03-03 09:00\n");
    for (const char* bad : {":", ";;", "comma", ""}) {
        CAPTURE(bad);
        const auto r = net.import({file, "--trust", "RPA", "--delimiter", bad});
        CHECK(r.exitCode != 0);
        CHECK(r.err.find("--delimiter") != std::string::npos);
        CHECK(r.err.find("takes , ; | or tab") != std::string::npos);
    }
    CHECK(jsonOf(cli({"import", "list", net.ws, "--json"})).empty());

    // Only CSV has a delimiter.
    const auto hl7 = net.dir.file("feed.hl7");
    REQUIRE(cli({"gen", "--trust", "RPC", "--cases", "5", "--format", "hl7", "-o", hl7}).exitCode ==
            0);
    const auto r = net.import({hl7, "--trust", "RPC", "--delimiter", ","});
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("--delimiter is for CSV files") != std::string::npos);
}

TEST_CASE(
    "gzip-compressed HL7 and CSV files are imported like the plain ones, a cut one is refused") {
    Network net;
    mapRwfCodes(net);
    struct Format {
        const char* trust;
        const char* format;
        const char* plain;
        const char* packed;
    };
    for (const Format f : {Format{"RPC", "hl7", "rpc.hl7", "rpc.hl7.gz"},
                           Format{"RWF", "csv", "rwf.csv", "rwf.csv.gz"}}) {
        CAPTURE(f.format);
        const auto plain = net.dir.file(f.plain), packed = net.dir.file(f.packed);
        REQUIRE(
            cli({"gen", "--trust", f.trust, "--cases", "200", "--format", f.format, "-o", plain})
                .exitCode == 0);
        const std::string text = readFile(plain);
        strawman::test::writeGzip(packed, text);

        const json a =
            jsonOf(net.import({plain, "--trust", f.trust, "--unmapped", "ignore", "--json"}));
        const json b =
            jsonOf(net.import({packed, "--trust", f.trust, "--unmapped", "ignore", "--json"}));
        CHECK(b["format"] == f.format); // told by the name
        CHECK(a["rows_read"].get<int>() > 200);
        for (const char* key :
             {"rows_read", "events_accepted", "rows_rejected", "cases", "same_time_repeats",
              "unmapped_codes", "dst_ambiguous", "impossible_order"})
            CHECK_MESSAGE(b[key] == a[key], key);

        const std::string bytes = readFile(packed);
        const auto cut = net.dir.file(std::string("cut-") + f.packed);
        std::ofstream(cut, std::ios::binary)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
        const auto before = jsonOf(cli({"import", "list", net.ws, "--json"})).size();
        const auto r = net.import({cut, "--trust", f.trust, "--unmapped", "ignore"});
        CHECK(r.exitCode != 0);
        CHECK(r.err.find(cut + ": the gzip data is damaged or cut short") != std::string::npos);
        CHECK(jsonOf(cli({"import", "list", net.ws, "--json"})).size() == before);
    }
}

TEST_CASE("an XES log whose lifecycle holds sub-states, not standard transitions, is imported "
          "as --lifecycle all, and the report says so") {
    Network net;
    const std::string log = std::string(STRAWMAN_TEST_DATA) + "/xes/incidents_substates.xes";
    const json report = jsonOf(net.import({log, "--trust", "RPA", "--add-activities", "--json"}));
    CHECK(report["rows_read"] == 7);
    CHECK(report["events_accepted"] == 7);
    REQUIRE(report["notes"].is_array());
    bool noted = false;
    for (const auto& note : report["notes"])
        noted = noted || note.get<std::string>().find("read with lifecycle \"all\"") == 0;
    CHECK(noted);
    const json stats = jsonOf(cli({"log", "stats", net.ws, "--trust", "RPA", "--json"}));
    CHECK(stats["activities"] == json{{"Accepted+In Progress", 2},
                                      {"Accepted+Wait - User", 1},
                                      {"Completed+Closed", 2},
                                      {"Completed+Resolved", 1},
                                      {"Queued+Awaiting Assignment", 1}});

    // Asked for all, the same events and no note.
    const json asked = jsonOf(net.import(
        {log, "--trust", "RWF", "--add-activities", "--lifecycle", "all", "--force", "--json"}));
    CHECK(asked["events_accepted"] == 7);
    for (const auto& note : asked["notes"])
        CHECK(note.get<std::string>().find("read with lifecycle") == std::string::npos);
}

TEST_CASE("an XES log with standard transitions keeps its completions by default") {
    Network net;
    const std::string log = std::string(STRAWMAN_TEST_DATA) + "/xes/radiology.xes";
    const json report = jsonOf(
        net.import({log, "--trust", "RPA", "--add-activities", "--unmapped", "ignore", "--json"}));
    CHECK(report["rows_read"] == 5);
    CHECK(report["events_accepted"] == 3);
    const json stats = jsonOf(cli({"log", "stats", net.ws, "--trust", "RPA", "--json"}));
    for (const auto& [activity, count] : stats["activities"].items())
        CHECK(activity.find('+') == std::string::npos);
}
