#include "model/core/error.h"
#include "model/events/readers/csv_reader.h"
#include "model/events/readers/local_time.h"

#include "gzip_file.h"
#include "temp_path.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

using namespace strawman::model;
using strawman::test::TempFile;
namespace fs = std::filesystem;

namespace {

// Keeps everything the reader says, in order.
struct CsvSink : EventSink {
    int rows = 0;
    std::vector<SourceEvent> events;
    std::vector<std::pair<std::int64_t, std::string>> rejects;
    std::vector<std::pair<DstCase, std::int64_t>> dsts;
    std::vector<std::string> notes;

    void rowRead() override { ++rows; }
    void event(SourceEvent&& e) override { events.push_back(std::move(e)); }
    void reject(std::int64_t line, std::string reason) override {
        rejects.emplace_back(line, std::move(reason));
    }
    void dst(DstCase which, std::int64_t line) override { dsts.emplace_back(which, line); }
    void note(std::string text) override { notes.push_back(std::move(text)); }

    bool operator==(const CsvSink& o) const {
        if (rows != o.rows || rejects != o.rejects || dsts != o.dsts || notes != o.notes ||
            events.size() != o.events.size())
            return false;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const SourceEvent& a = events[i];
            const SourceEvent& b = o.events[i];
            if (a.caseKey != b.caseKey || a.patientKey != b.patientKey || a.code != b.code ||
                a.time != b.time || a.offsetMinutes != b.offsetMinutes ||
                !(a.attributes == b.attributes) || a.line != b.line)
                return false;
        }
        return true;
    }
};

// Reads the file with the normal block size and again with tiny ones, so every
// field, quote and line break also falls across a block boundary; all must agree.
CsvSink readFile(const fs::path& path, CsvOptions options = {}) {
    CsvSink reference;
    readCsv(path, options, reference);
    for (std::size_t block : {1, 2, 3, 5, 8, 13, 64}) {
        CAPTURE(block);
        options.blockSize = block;
        CsvSink small;
        readCsv(path, options, small);
        CHECK(small == reference);
    }
    return reference;
}

CsvSink read(const std::string& content, CsvOptions options = {}) {
    TempFile f(content, ".csv");
    return readFile(f.path(), std::move(options));
}

fs::path data(const char* name) {
    return fs::path(STRAWMAN_TEST_DATA) / "csv" / name;
}

const std::string kHeader = "Accession,Status,Event Time\n";

} // namespace

TEST_CASE("named columns are read by their header names") {
    CsvOptions options;
    options.columns =
        parseColumnSpec("case=Acc, activity='Status Code', timestamp=\"Time, local\",modality=Mod");
    const CsvSink sink = read("Mod,Acc,Comment,Status Code,\"Time, local\"\n"
                              "CT,RAD1,free text,REQ,2025-01-15 09:00\n",
                              options);
    REQUIRE(sink.events.size() == 1);
    const SourceEvent& e = sink.events[0];
    CHECK(e.caseKey == "RAD1");
    CHECK(e.code == "REQ");
    CHECK(formatUtc(e.time) == "2025-01-15T09:00:00Z");
    CHECK(e.attributes.modality == "CT");
    CHECK(e.line == 2);
    CHECK(sink.rows == 1);
    // Nothing was guessed; the free-text column is reported as not read.
    CHECK(sink.notes == std::vector<std::string>{"columns not read: \"Comment\""});
}

TEST_CASE("a column specification is checked") {
    const CsvColumns c = parseColumnSpec("case=Accession,activity=Status,timestamp=Event Time,"
                                         "patient=NHS No,source=Patient Type,examination=NICIP");
    CHECK(c.caseKey == "Accession");
    CHECK(c.timestamp == "Event Time");
    CHECK(c.patient == "NHS No");
    CHECK(c.patientSource == "Patient Type");
    CHECK(c.examination == "NICIP");
    CHECK(parseColumnSpec("case=\"A \"\"quoted\"\" name\"").caseKey == "A \"quoted\" name");
    CHECK_THROWS_WITH_AS(parseColumnSpec("case=A,colour=B"),
                         doctest::Contains("unknown key \"colour\""), Error);
    CHECK_THROWS_WITH_AS(parseColumnSpec("case=A,case=B"), doctest::Contains("given twice"), Error);
    CHECK_THROWS_AS(parseColumnSpec("case"), Error);
    CHECK_THROWS_AS(parseColumnSpec("case="), Error);
    CHECK_THROWS_AS(parseColumnSpec("case=\"open"), Error);
}

TEST_CASE("RIS column names are guessed and the guess is reported") {
    const CsvSink sink = readFile(data("ris_extract.csv"));
    REQUIRE(sink.notes.size() == 2);
    CHECK(sink.notes[0] == "columns guessed: case = \"Accession Number\", activity = \"Status\", "
                           "timestamp = \"Event Time\", patient = \"NHS Number\", modality = "
                           "\"Modality\", priority = \"Priority\", source = \"Patient Source\"");
    CHECK(sink.notes[1] == "columns not read: \"Report Text\"");
    REQUIRE(sink.events.size() == 4);
    CHECK(sink.events[0].patientKey == "9990000018");
    CHECK(sink.events[1].code == "ARR");
    CHECK(formatUtc(sink.events[1].time) == "2025-01-15T10:05:30Z");
    CHECK(sink.events[3].attributes.patientSource == "Inpatient");
    CHECK(sink.events[3].attributes.priority == "Urgent");
    CHECK(sink.events[3].offsetMinutes == 60);
    // The report text spans lines 4 to 6, so the next row starts on line 7.
    CHECK(sink.events[2].line == 4);
    CHECK(sink.events[3].line == 7);
    CHECK(sink.rejects.empty());
}

TEST_CASE("pm4py's column names are guessed") {
    const CsvSink sink = readFile(data("pm4py_export.csv"));
    REQUIRE_FALSE(sink.notes.empty());
    CHECK(sink.notes[0] == "columns guessed: case = \"case:concept:name\", activity = "
                           "\"concept:name\", timestamp = \"time:timestamp\", resource = "
                           "\"org:resource\"");
    REQUIRE(sink.events.size() == 2);
    CHECK(sink.events[1].code == "Reported");
    CHECK(sink.events[1].attributes.resource == "radiologist");
}

TEST_CASE("a quoted field with line breaks keeps the following line numbers right") {
    const CsvSink sink = read("Accession,Status,Comment,Event Time\n"
                              "A1,REQ,\"one\ntwo\nthree\",2025-01-15 09:00\n"
                              "A1,ARR,plain,2025-01-15 10:00\n"
                              "A1,BAD,plain,not a time\n");
    REQUIRE(sink.events.size() == 2);
    CHECK(sink.events[0].line == 2);
    CHECK(sink.events[1].line == 5);
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0].first == 6);
    CHECK(sink.rows == 3);
}

TEST_CASE("quoted fields, doubled quotes and a UTF-8 byte order mark") {
    const CsvSink sink = read("\xEF\xBB\xBF\"Accession\",Status,Event Time\n"
                              "\"A,1\",\"say \"\"hi\"\"\",2025-01-15 09:00\n");
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].caseKey == "A,1");
    CHECK(sink.events[0].code == "say \"hi\"");
    CHECK(sink.notes[0].find("case = \"Accession\"") != std::string::npos);
}

TEST_CASE("CRLF line ends and blank lines") {
    const CsvSink sink = read("\r\nAccession,Status,Event Time\r\n\r\n"
                              "A1,REQ,2025-01-15 09:00\r\n"
                              "   \r\n"
                              "A1,ARR,2025-01-15 10:00\r\n\r\n");
    REQUIRE(sink.events.size() == 2);
    CHECK(sink.events[0].code == "REQ");
    CHECK(sink.events[0].line == 4);
    CHECK(sink.events[1].line == 6);
    CHECK(sink.rows == 2); // blank lines are not rows
    CHECK(sink.rejects.empty());
}

TEST_CASE("the last row needs no line break") {
    const CsvSink sink = read(kHeader + "A1,REQ,2025-01-15 09:00");
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].code == "REQ");
}

TEST_CASE("semicolon, tab and bar delimiters are detected from the header") {
    for (const char* d : {";", "\t", "|"}) {
        CAPTURE(d);
        const std::string s = d;
        const CsvSink sink = read("Accession" + s + "Status" + s + "\"Event, Time\"\n" + "A1" + s +
                                  "REQ,x" + s + "2025-01-15 09:00\n");
        REQUIRE(sink.events.size() == 1);
        CHECK(sink.events[0].code == "REQ,x");
    }
    CsvOptions given;
    given.delimiter = ';';
    given.columns = parseColumnSpec("case=\"a,x,y\",activity=b,timestamp=c");
    const CsvSink sink = read("a,x,y;b;c\nA1,y;REQ;2025-01-15 09:00\n", given);
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].caseKey == "A1,y");
}

TEST_CASE("rows with too few or too many fields are rejected with their line") {
    const CsvSink sink = read(kHeader + "A1,REQ\n" + "A1,REQ,2025-01-15 09:00,extra\n" +
                              "A1,ARR,2025-01-15 09:00\n");
    REQUIRE(sink.rejects.size() == 2);
    CHECK(sink.rejects[0] ==
          std::pair<std::int64_t, std::string>{2, "2 fields where the header has 3"});
    CHECK(sink.rejects[1] ==
          std::pair<std::int64_t, std::string>{3, "4 fields where the header has 3"});
    CHECK(sink.events.size() == 1);
    CHECK(sink.rows == 3);
}

TEST_CASE("an unterminated quote is rejected at the line where it opens") {
    const CsvSink sink = read(kHeader + "A1,REQ,2025-01-15 09:00\n" +
                              "A2,\"REQ,2025-01-15 09:00\nA3,REQ,2025-01-15 09:00\n");
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0].first == 3);
    CHECK(sink.rejects[0].second.find("not closed") != std::string::npos);
    CHECK(sink.events.size() == 1);
    CHECK(sink.rows == 2);
}

TEST_CASE("a row longer than the limit is rejected and skipped without holding it") {
    CsvOptions options;
    options.maxRowBytes = 64;
    const std::string longText(500, 'x');
    const CsvSink sink =
        read(kHeader + "A1,\"" + longText + "\n" + longText + "\",2025-01-15 09:00\n" +
                 "A2,REQ,2025-01-15 09:00\n" + "A3,\"" + longText + "\n",
             options);
    REQUIRE(sink.rejects.size() == 2);
    CHECK(sink.rejects[0].first == 2);
    CHECK(sink.rejects[0].second.find("longer than 64 bytes") != std::string::npos);
    CHECK(sink.rejects[1].first == 5);
    CHECK(sink.rejects[1].second.find("not closed") != std::string::npos);
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].caseKey == "A2");
    CHECK(sink.events[0].line == 4);
}

TEST_CASE("text after a closing quote is rejected") {
    const CsvSink sink = read(kHeader + "\"A1\"x,REQ,2025-01-15 09:00\n");
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0].second == "text after the closing quote of field 1");
}

TEST_CASE("a bad timestamp or an empty case is rejected with line and reason") {
    const CsvSink sink =
        read(kHeader + "A1,REQ,31/04/2025 09:00\n" + "A1,REQ,\n" + ",REQ,2025-01-15 09:00\n" +
             "A1, ,2025-01-15 09:00\n" + "A1,REQ,2025-01-15 09:00\n");
    REQUIRE(sink.rejects.size() == 4);
    CHECK(sink.rejects[0] ==
          std::pair<std::int64_t, std::string>{
              2, "cannot read \"31/04/2025 09:00\" as a time: day 31: April has 30 days"});
    CHECK(sink.rejects[1].first == 3);
    CHECK(sink.rejects[1].second == "no time (column \"Event Time\" is empty)");
    CHECK(sink.rejects[2].second == "no case (column \"Accession\" is empty)");
    CHECK(sink.rejects[3].second == "no activity (column \"Status\" is empty)");
    CHECK(sink.events.size() == 1);
    CHECK(sink.rows == 5);
}

TEST_CASE("an explicit time format and another time zone") {
    CsvOptions options;
    options.timeFormat = "%d-%b-%Y %H:%M";
    options.timeZone = "America/New_York";
    const CsvSink sink = read(kHeader + "A1,REQ,15-Jan-2025 09:00\n");
    CHECK(sink.rejects.size() == 1); // the general formats do not know month names
    const CsvSink withFormat = read(kHeader + "A1,REQ,15-Jan-2025 09:00\n", options);
    REQUIRE(withFormat.events.size() == 1);
    CHECK(formatUtc(withFormat.events[0].time) == "2025-01-15T14:00:00Z");
    CHECK(withFormat.events[0].offsetMinutes == -300);
}

TEST_CASE("a date column beside a time-only column is read with it") {
    const CsvSink sink = read("Accession,Status,Status Date,Status Time\n"
                              "A1,REQ,15/07/2025,09:30\n"
                              "A1,ARR,,10:00\n"
                              "A1,CMP,15/07/2025,2025-07-15 11:00\n");
    REQUIRE_FALSE(sink.notes.empty());
    CHECK(sink.notes[0] == "columns guessed: case = \"Accession\", activity = \"Status\", "
                           "timestamp = \"Status Time\", date = \"Status Date\"");
    REQUIRE(sink.events.size() == 2);
    CHECK(formatUtc(sink.events[0].time) == "2025-07-15T08:30:00Z");
    CHECK(formatUtc(sink.events[1].time) == "2025-07-15T10:00:00Z"); // already a full time
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0] ==
          std::pair<std::int64_t, std::string>{3, "no date (column \"Status Date\" is empty)"});
}

TEST_CASE("a missing column stops the import, naming it and listing the header") {
    TempFile f("Accession,State,When\nA1,REQ,2025-01-15 09:00\n", ".csv");
    CsvSink sink;
    try {
        readCsv(f.path(), {}, sink);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.line() == 1);
        CHECK(e.reason().find("cannot tell which column holds the activity and timestamp") == 0);
        CHECK(e.reason().find("\"Accession\", \"State\", \"When\"") != std::string::npos);
    }
    CsvOptions options;
    options.columns = parseColumnSpec("case=Accession,activity=State,timestamp=Time");
    try {
        readCsv(f.path(), options, sink);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.reason() == "the header has no column \"Time\" (for timestamp); its columns are: "
                            "\"Accession\", \"State\", \"When\"");
    }
    options.columns = parseColumnSpec("case=accession,activity=state,timestamp=when");
    CHECK(read("Accession,State,When\nA1,REQ,2025-01-15 09:00\n", options).events.size() == 1);
    CHECK(sink.events.empty());
}

TEST_CASE("whole-file problems: no file, an empty file, an unknown zone") {
    CsvSink sink;
    CHECK_THROWS_WITH_AS(readCsv("/nonexistent/x.csv", {}, sink),
                         doctest::Contains("/nonexistent/x.csv: cannot open"), InputError);
    TempFile empty("\r\n\n", ".csv");
    CHECK_THROWS_WITH_AS(readCsv(empty.path(), {}, sink), doctest::Contains("the file is empty"),
                         InputError);
    CsvOptions options;
    options.timeZone = "Mars/Olympus";
    TempFile ok(kHeader, ".csv");
    CHECK_THROWS_WITH_AS(readCsv(ok.path(), options, sink),
                         doctest::Contains("unknown time zone \"Mars/Olympus\""), InputError);
    // A header alone is a file with no rows.
    readCsv(ok.path(), {}, sink);
    CHECK(sink.rows == 0);
}

TEST_CASE("daylight-saving cases are reported and the events still kept") {
    const CsvSink sink = read(kHeader + "A1,REQ,26/10/2025 01:30\n" + "A1,ARR,30/03/2025 01:15\n" +
                              "A1,CMP,2025-10-26T01:30:00+00:00\n");
    CHECK(sink.events.size() == 3);
    REQUIRE(sink.dsts.size() == 2);
    CHECK(sink.dsts[0] == std::pair<DstCase, std::int64_t>{DstCase::Ambiguous, 2});
    CHECK(sink.dsts[1] == std::pair<DstCase, std::int64_t>{DstCase::Nonexistent, 3});
    CHECK(formatUtc(sink.events[1].time) == "2025-03-30T01:15:00Z");
}

TEST_CASE("fields spanning the 1 MiB block boundary are read whole") {
    // About 3 MiB of rows with varied lengths, so boundaries fall everywhere:
    // inside values, quotes, doubled quotes and CRLF pairs.
    std::string content = "Accession,Status,Note,Event Time\r\n";
    const int rowCount = 40000;
    for (int i = 0; i < rowCount; ++i) {
        content += "RAD" + std::to_string(i) + ",\"S" + std::to_string(i % 7) + "\",\"" +
                   std::string(static_cast<std::size_t>(i % 97), 'n') + "\"\"q\"\"\n" +
                   std::string(static_cast<std::size_t>(i % 13), 'm') +
                   "\",2025-01-15 09:" + (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + "\r\n";
    }
    TempFile f(content, ".csv");
    CsvSink sink;
    readCsv(f.path(), {}, sink);
    REQUIRE(sink.events.size() == rowCount);
    CHECK(sink.rejects.empty());
    for (int i = 0; i < rowCount; ++i) {
        const SourceEvent& e = sink.events[static_cast<std::size_t>(i)];
        if (e.caseKey != "RAD" + std::to_string(i) || e.code != "S" + std::to_string(i % 7) ||
            e.line != 2 + 2 * i || e.time % 3600000 != (i % 60) * 60000) {
            FAIL("row " << i << " read as " << e.caseKey << " " << e.code << " line " << e.line);
        }
    }
}

TEST_CASE("a gzip-compressed CSV extract gives the same rows as the plain one") {
    // A byte order mark, quoted line breaks and about 500 KiB, so the rows span
    // several of zlib's reads and, with the small blocks of readFile, every boundary.
    std::string content = "\xEF\xBB\xBF"
                          "Accession;Status;Note;Event Time\r\n";
    for (int i = 0; i < 6000; ++i)
        content += "RAD" + std::to_string(i) + ";S" + std::to_string(i % 7) + ";\"" +
                   std::string(static_cast<std::size_t>(i % 89), 'n') +
                   "\nsee above\";2025-01-15 09:" + (i % 60 < 10 ? "0" : "") +
                   std::to_string(i % 60) + "\r\n";
    content += "RAD-last;S1;;not a time\r\n";
    TempFile plain(content, ".csv");
    TempFile gz("", ".csv");
    strawman::test::writeGzip(gz.path(), content);

    const CsvSink fromPlain = readFile(plain.path());
    const CsvSink fromGzip = readFile(gz.path());
    REQUIRE(fromPlain.events.size() == 6000);
    REQUIRE(fromPlain.rejects.size() == 1);
    CHECK(fromPlain.rejects[0].first == 2 + 2 * 6000);
    CHECK(fromGzip == fromPlain);

    SUBCASE("a gzip CSV file cut short is an error naming the file, not fewer rows") {
        std::ifstream in(gz.path(), std::ios::binary);
        std::string bytes{std::istreambuf_iterator<char>(in), {}};
        TempFile cut(bytes.substr(0, bytes.size() / 2), ".csv");
        CsvSink sink;
        const std::string error = cut.path().string() + ": the gzip data is damaged or cut short";
        CHECK_THROWS_WITH_AS(readCsv(cut.path(), {}, sink), doctest::Contains(error.c_str()),
                             InputError);
    }
}

TEST_CASE("random damage never crashes the reader and every block size agrees") {
    // Rows built from the characters that steer the scanner; whatever comes out,
    // the reading must not depend on where the blocks end.
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    static constexpr const char* kPieces[] = {
        "A1", "REQ", "2025-01-15 09:00", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ",
        ";",  "x",   "\xEF\xBB\xBF"};
    for (int file = 0; file < 200; ++file) {
        std::string content = file % 3 == 0 ? "" : kHeader;
        const auto pieces = 5 + next() % 60;
        for (std::uint32_t i = 0; i < pieces; ++i) content += kPieces[next() % std::size(kPieces)];
        CAPTURE(content);
        CsvOptions options;
        options.maxRowBytes = 8 + next() % 40;
        options.columns = parseColumnSpec("case=Accession,activity=Status,timestamp=Event Time");
        TempFile f(content, ".csv");
        std::string firstError;
        CsvSink first;
        for (std::size_t block :
             {std::size_t{1} << 20, std::size_t{1}, std::size_t{2}, std::size_t{7}}) {
            CAPTURE(block);
            options.blockSize = block;
            CsvSink sink;
            std::string error;
            try {
                readCsv(f.path(), options, sink); // a damaged header is an InputError
            } catch (const InputError& e) {
                error = e.what();
            }
            CHECK(sink.rows == static_cast<int>(sink.events.size() + sink.rejects.size()));
            if (block == std::size_t{1} << 20) {
                first = std::move(sink);
                firstError = error;
            } else {
                CHECK(error == firstError);
                CHECK(sink == first);
            }
        }
    }
}

TEST_CASE("DID preset: one row gives request, received, test and report events") {
    CsvOptions options;
    options.did = true;
    const CsvSink sink = readFile(data("did_extract.tsv"), options);
    REQUIRE_FALSE(sink.notes.empty());
    CHECK(sink.notes[0] ==
          "columns guessed: case = \"Accession Number\", request date = \"Diagnostic Test Request "
          "Date\", received date = \"Diagnostic Test Request Received Date\", test date = "
          "\"Diagnostic Test Date\", report issued date = \"Service Report Issue Date\", patient "
          "= \"NHS Number\", modality = \"Modality\", source = \"Patient Source Setting Type\", "
          "site = \"Site Code of Imaging\", examination = \"Imaging Code (NICIP)\"");
    CHECK(sink.rows == 3);
    REQUIRE(sink.events.size() == 6);
    std::vector<std::string> codes;
    for (const auto& e : sink.events) codes.push_back(e.code);
    CHECK(codes == std::vector<std::string>{"REQ", "RCV", "CMP", "VER", "REQ", "CMP"});
    const SourceEvent& first = sink.events[0];
    CHECK(first.caseKey == "RAD0001");
    CHECK(first.patientKey == "9990000018");
    CHECK(first.attributes.examination == "CCHAPC");
    CHECK(first.attributes.site == "RX1RA");
    CHECK(first.attributes.patientSource == "03");
    CHECK(formatUtc(first.time) == "2025-01-13T00:00:00Z"); // a date alone: local midnight
    CHECK(formatUtc(sink.events[3].time) == "2025-01-22T00:00:00Z");
    CHECK(formatUtc(sink.events[4].time) == "2025-06-30T23:00:00Z"); // BST midnight
    CHECK(sink.events[4].line == 3);
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0] ==
          std::pair<std::int64_t, std::string>{4, "no request, received, test or report date"});
}

TEST_CASE("DID preset: short date names, times beside dates and bad dates") {
    CsvOptions options;
    options.did = true;
    const CsvSink sink = read("Accession,Request Date,Request Received Date,Test Date,Test Time,"
                              "Report Issued Date\n"
                              "A1,13/01/2025,14/01/2025 08:15,20/01/2025,10:30,22/01/2025 16:45\n"
                              "A2,13/01/2025,,32/01/2025,,\n",
                              options);
    REQUIRE(sink.events.size() == 4);
    CHECK(formatUtc(sink.events[1].time) == "2025-01-14T08:15:00Z");
    CHECK(formatUtc(sink.events[2].time) == "2025-01-20T10:30:00Z");
    CHECK(formatUtc(sink.events[3].time) == "2025-01-22T16:45:00Z");
    REQUIRE(sink.rejects.size() == 1); // the whole row, not half of it
    CHECK(sink.rejects[0].first == 3);
    CHECK(sink.rejects[0].second == "test date: cannot read \"32/01/2025\" as a time: day 32");

    TempFile noDates("Accession,Modality\nA1,CT\n", ".csv");
    CsvSink s;
    CHECK_THROWS_WITH_AS(readCsv(noDates.path(), options, s),
                         doctest::Contains("request, received, test or report date"), InputError);
}

TEST_CASE("writeCsvField quotes only when it must, and reads back") {
    std::string out;
    writeCsvField(out, "plain");
    out += ',';
    writeCsvField(out, "a,b");
    out += ',';
    writeCsvField(out, "say \"hi\"\nbye");
    CHECK(out == "plain,\"a,b\",\"say \"\"hi\"\"\nbye\"");
    std::string semi;
    writeCsvField(semi, "a,b", ';');
    CHECK(semi == "a,b");

    CsvOptions options;
    options.columns = parseColumnSpec("case=c,activity=a,timestamp=t");
    const CsvSink sink = read("c,a,n,t\n" + out + ",2025-01-15 09:00\n", options);
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].caseKey == "plain");
    CHECK(sink.events[0].code == "a,b");
}
