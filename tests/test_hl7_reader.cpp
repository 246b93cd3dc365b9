#include "gzip_file.h"
#include "model/core/error.h"
#include "model/events/readers/hl7_message.h"
#include "model/events/readers/hl7_reader.h"
#include "model/events/readers/local_time.h"
#include "recording_event_sink.h"
#include "temp_path.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace strawman::model;
using strawman::test::TempDir;
namespace fs = std::filesystem;

namespace {

using strawman::test::readFile;

const fs::path kLifecycle = fs::path(STRAWMAN_TEST_DATA) / "hl7" / "order_lifecycle.hl7";

TimeMs utc(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
    using namespace std::chrono;
    auto t = sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} + seconds{ss};
    return duration_cast<milliseconds>(t.time_since_epoch()).count();
}

RecordingEventSink read(const fs::path& file) {
    RecordingEventSink sink;
    readHl7(file, Hl7Options{}, sink);
    return sink;
}

// Writes messages (segments separated by '\n' in the text) with \r between
// segments, as a RIS does, and reads them.
RecordingEventSink readText(std::string text) {
    for (char& c : text)
        if (c == '\n') c = '\r';
    const TempDir dir;
    std::ofstream(dir / "feed.hl7", std::ios::binary) << text;
    return read(dir / "feed.hl7");
}

std::vector<std::string> segmentsOf(const std::string& message) {
    std::vector<std::string> out;
    std::istringstream in(message);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

// The lifecycle file's messages, each as its list of segments.
std::vector<std::vector<std::string>> lifecycleMessages() {
    std::vector<std::vector<std::string>> messages;
    for (const std::string& s : segmentsOf(readFile(kLifecycle))) {
        if (s.rfind("MSH", 0) == 0) messages.emplace_back();
        messages.back().push_back(s);
    }
    return messages;
}

} // namespace

TEST_CASE("an order's lifecycle from request to final report is one case, even when later "
          "messages carry only the accession number") {
    auto sink = read(kLifecycle);
    CHECK(sink.rejects.empty());
    REQUIRE(sink.events.size() == 6);
    CHECK(sink.codes() == std::vector<std::string>{"ORC-1:NW", "ORC-5:SC", "ORC-5:IP", "ORC-5:CM",
                                                   "OBR-25:P", "OBR-25:F"});
    for (const auto& e : sink.events) {
        CHECK(e.caseKey == "PL1001");
        CHECK(e.patientKey == "9434765919");
        CHECK(e.attributes.modality == "CT");
        CHECK(e.attributes.examination == "CTHEAD");
        CHECK(e.attributes.patientSource == "outpatient");
        CHECK(e.attributes.site == "CT1");
    }
    // Message numbers: the ACK is message 3.
    CHECK(sink.events[0].line == 1);
    CHECK(sink.events[1].line == 2);
    CHECK(sink.events[2].line == 4);
    CHECK(sink.events[5].line == 7);

    // Request at ORC-9; booking when it was made, not at the appointment in
    // OBR-27; start at OBR-7, end at OBR-8, reports at OBR-22. January: GMT.
    CHECK(sink.events[0].time == utc(2025, 1, 2, 9, 55));
    CHECK(sink.events[1].time == utc(2025, 1, 3, 11, 0));
    CHECK(sink.events[2].time == utc(2025, 1, 10, 9, 35));
    CHECK(sink.events[3].time == utc(2025, 1, 10, 9, 50));
    CHECK(sink.events[4].time == utc(2025, 1, 10, 12, 0));
    CHECK(sink.events[5].time == utc(2025, 1, 10, 14, 30));

    CHECK(sink.events[0].attributes.priority == "R");
    CHECK(sink.events[0].attributes.resource == "CLK7");
    CHECK(sink.events[4].attributes.resource == "RAD9");
}

TEST_CASE("an HL7 ACK is counted as a row and noted, not rejected") {
    auto sink = read(kLifecycle);
    CHECK(sink.rows == 7);
    CHECK(sink.rejects.empty());
    REQUIRE(sink.notes.size() == 1);
    CHECK(sink.notes[0].find("ACK^O01 1") != std::string::npos);
}

TEST_CASE("MLLP-framed, newline-separated and carriage-return-separated HL7 files give the same "
          "events") {
    auto messages = lifecycleMessages();
    REQUIRE(messages.size() == 7);
    const TempDir dir;
    std::string mllp, cr, crlf;
    for (const auto& m : messages) {
        mllp += '\x0b';
        for (const auto& s : m) {
            mllp += s + "\r";
            cr += s + "\r";
            crlf += s + "\r\n";
        }
        mllp += "\x1c\r";
    }
    std::ofstream(dir / "mllp.hl7", std::ios::binary) << mllp;
    std::ofstream(dir / "cr.hl7", std::ios::binary) << cr;
    std::ofstream(dir / "crlf.hl7", std::ios::binary) << crlf;

    auto plain = read(kLifecycle);
    for (const char* name : {"mllp.hl7", "cr.hl7", "crlf.hl7"}) {
        CAPTURE(name);
        auto other = read(dir / name);
        CHECK(other.rows == plain.rows);
        CHECK(other.rejects.empty());
        REQUIRE(other.events.size() == plain.events.size());
        for (std::size_t i = 0; i < plain.events.size(); ++i) {
            CHECK(other.events[i].caseKey == plain.events[i].caseKey);
            CHECK(other.events[i].patientKey == plain.events[i].patientKey);
            CHECK(other.events[i].code == plain.events[i].code);
            CHECK(other.events[i].time == plain.events[i].time);
            CHECK(other.events[i].line == plain.events[i].line);
            CHECK(other.events[i].attributes == plain.events[i].attributes);
        }
    }
}

TEST_CASE("a gzip-compressed HL7 file gives the same events as the plain one") {
    // Enough copies of the lifecycle to take more than one read block.
    std::string feed, one = readFile(kLifecycle);
    if (one.back() != '\r' && one.back() != '\n') one += '\r';
    for (int i = 0; i < 200; ++i) feed += one;
    const TempDir dir;
    std::ofstream(dir / "feed.hl7", std::ios::binary) << feed;
    strawman::test::writeGzip(dir / "feed.hl7.gz", feed);

    auto plain = read(dir / "feed.hl7");
    auto compressed = read(dir / "feed.hl7.gz");
    REQUIRE(plain.events.size() == 200 * 6);
    CHECK(compressed.rows == plain.rows);
    CHECK(compressed.rejects == plain.rejects);
    CHECK(compressed.notes == plain.notes);
    REQUIRE(compressed.events.size() == plain.events.size());
    for (std::size_t i = 0; i < plain.events.size(); ++i) {
        CHECK(compressed.events[i].caseKey == plain.events[i].caseKey);
        CHECK(compressed.events[i].patientKey == plain.events[i].patientKey);
        CHECK(compressed.events[i].code == plain.events[i].code);
        CHECK(compressed.events[i].time == plain.events[i].time);
        CHECK(compressed.events[i].line == plain.events[i].line);
        CHECK(compressed.events[i].attributes == plain.events[i].attributes);
    }

    SUBCASE("a gzip HL7 file cut short is an error naming the file, not fewer messages") {
        std::string bytes = readFile(dir / "feed.hl7.gz");
        std::ofstream(dir / "cut.hl7.gz", std::ios::binary)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size() * 2 / 3));
        const std::string cut = (dir / "cut.hl7.gz").string();
        const std::string error = cut + ": the gzip data is damaged or cut short";
        CHECK_THROWS_WITH_AS(read(cut), doctest::Contains(error.c_str()), InputError);
    }
}

TEST_CASE("a rejected HL7 message names its number, its first line and the field") {
    auto sink = readText(R"(MSH|^~\&|RIS|RWF|||20250102100000||ORM^O01|1|P|2.4
ORC|NW|PL1|||||||20250102095500
MSH|^~\&|RIS|RWF|||20250102110000||ORM^O01|2|P|2.4
PID|1||H1^^^RWF^MR
ORC|SC|PL1|||||||20250102105500
OBR|1|PL1||XCHES
MSH|^~\&|RIS|RWF|||20250102120000|||3|P|2.4
)");
    CHECK(sink.rows == 3);
    CHECK(sink.events.size() == 1);
    REQUIRE(sink.rejects.size() == 2);
    CHECK(sink.rejects[0].first == 2);
    CHECK(sink.rejects[0].second == "message 2 (line 3): ORC-5 (order status) is empty");
    CHECK(sink.rejects[1].first == 3);
    CHECK(sink.rejects[1].second == "message 3 (line 7): MSH-9 (message type) is empty");
}

TEST_CASE("HL7 separators declared in MSH are used, not assumed") {
    auto sink = readText(R"(MSH#$~\&#RIS#RWF###20250102100000##ORM$O01#1#P#2.4
PID#1##H1$$$RWF$MR~9434765919$$$NHS$NH
ORC#NW#PL7$RIS#######20250102095500#CLK7$BOOKER
OBR#1#PL7$RIS##XCHES$XR Chest#
)");
    CHECK(sink.rejects.empty());
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].code == "ORC-1:NW");
    CHECK(sink.events[0].caseKey == "PL7");
    CHECK(sink.events[0].patientKey == "9434765919");
    CHECK(sink.events[0].attributes.examination == "XCHES");
    CHECK(sink.events[0].attributes.resource == "CLK7");
}

TEST_CASE("HL7 escape sequences are decoded in the fields read") {
    auto sink = readText(R"(MSH|^~\&|RIS|RWF|||20250102100000||ORM^O01|1|P|2.4
PID|1||H\T\1^^^RWF^MR
PV1|1|O|X\F\RAY 2\E\B
ORC|NW|PL\S\8|||||||20250102095500
OBR|1|||\X4354\HEAD\H\X\N\^CT head
)");
    CHECK(sink.rejects.empty());
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].caseKey == "PL^8");
    CHECK(sink.events[0].patientKey == "H&1");
    CHECK(sink.events[0].attributes.site == "X|RAY 2\\B");
    CHECK(sink.events[0].attributes.examination == "CTHEADX");
    // The modality comes from the exam code's prefix when OBR-24 is empty.
    CHECK(sink.events[0].attributes.modality == "CT");
}

TEST_CASE("a repeated PID-3 gives the NHS number, else the first identifier") {
    SUBCASE("NHS number second, by assigning authority") {
        auto sink = readText(R"(MSH|^~\&|RIS|RWF|||20250102100000||ORM^O01|1|P|2.4
PID|1||RWF123^^^RWF^MR~4010232137^^^NHS
ORC|NW|PL1|||||||20250102095500
)");
        REQUIRE(sink.events.size() == 1);
        CHECK(sink.events[0].patientKey == "4010232137");
    }
    SUBCASE("NHS number by identifier type NH") {
        auto sink = readText(R"(MSH|^~\&|RIS|RWF|||20250102100000||ORM^O01|1|P|2.4
PID|1||RWF123^^^RWF^MR~~4010232137^^^X^NH
ORC|NW|PL1|||||||20250102095500
)");
        REQUIRE(sink.events.size() == 1);
        CHECK(sink.events[0].patientKey == "4010232137");
    }
    SUBCASE("no NHS number") {
        auto sink = readText(R"(MSH|^~\&|RIS|RWF|||20250102100000||ORM^O01|1|P|2.4
PID|1||RWF123^^^RWF^MR~K998^^^KENT^PI
ORC|NW|PL1|||||||20250102095500
)");
        REQUIRE(sink.events.size() == 1);
        CHECK(sink.events[0].patientKey == "RWF123");
    }
}

TEST_CASE("an SIU no-show is the scheduling status SCH-25:Noshow of the order") {
    auto sink = readText(R"(MSH|^~\&|RIS|RWF|||20250102100000||ORM^O01|1|P|2.4
ORC|SC|PL9|ACC9||SC||||20250102095500
MSH|^~\&|RIS|RWF|||20250110103000||SIU^S26|2|P|2.4
SCH|APPT1|APPT1F|||||||||^^^20250110093000||||||||||||||Noshow||ACC9
PID|1||H1^^^RWF^MR
MSH|^~\&|RIS|RWF|||20250111103000||SIU^S15|3|P|2.4
SCH|APPT2||||||||||||||||||||||||Cancelled^Cancelled by patient
)");
    CHECK(sink.rejects.empty());
    REQUIRE(sink.events.size() == 3);
    CHECK(sink.events[1].code == "SCH-25:Noshow");
    CHECK(sink.events[1].caseKey == "PL9"); // through the accession number in SCH-27
    CHECK(sink.events[1].time == utc(2025, 1, 10, 10, 30));
    CHECK(sink.events[1].patientKey == "H1");
    CHECK(sink.events[2].code == "SCH-25:Cancelled");
    CHECK(sink.events[2].caseKey == "APPT2");
}

TEST_CASE("HL7 timestamps: with an offset absolute, without local in the zone, DST reported") {
    auto sink = readText(R"(MSH|^~\&|RIS|RWF|||20250701120000+0100||ORM^O01|1|P|2.4
ORC|NW|PL1|||||||20250701120000+0100
MSH|^~\&|RIS|RWF|||20250701120000||ORM^O01|2|P|2.4
ORC|NW|PL2|||||||20250701120000
MSH|^~\&|RIS|RWF|||20251026013000||ORM^O01|3|P|2.4
ORC|NW|PL3|||||||20251026013000
MSH|^~\&|RIS|RWF|||20250102||ORM^O01|4|P|2.4
ORC|NW|PL4|||||||20250132
MSH|^~\&|RIS|RWF|||20250102103000.25-0500||ORM^O01|5|P|2.4
ORC|NW|PL5
)");
    REQUIRE(sink.events.size() == 4);
    CHECK(sink.events[0].time == utc(2025, 7, 1, 11, 0));
    CHECK(sink.events[0].offsetMinutes == 60);
    CHECK(sink.events[1].time == utc(2025, 7, 1, 11, 0)); // BST
    CHECK(sink.events[1].offsetMinutes == 60);
    // 01:30 on 26 October 2025 happened twice in London: the earlier (BST) is taken.
    CHECK(sink.events[2].time == utc(2025, 10, 26, 0, 30));
    REQUIRE(sink.dsts.size() == 1);
    CHECK(sink.dsts[0] == std::pair<DstCase, std::int64_t>{DstCase::Ambiguous, 3});
    CHECK(sink.events[3].time == utc(2025, 1, 2, 15, 30) + 250);
    CHECK(sink.events[3].offsetMinutes == -300);
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0].first == 4);
    CHECK(sink.rejects[0].second.find("message 4 (line 7): ORC-9 (transaction date/time) "
                                      "\"20250132\" is not an HL7 timestamp") == 0);
}

TEST_CASE("HL7 DTM precision runs from a year to ten-thousandths of a second") {
    auto zone = TimeZone::named("Europe/London");
    std::string error;
    CHECK(hl7::parseTimestamp("2025", zone, &error)->time == utc(2025, 1, 1, 0, 0));
    CHECK(hl7::parseTimestamp("202502", zone, &error)->time == utc(2025, 2, 1, 0, 0));
    CHECK(hl7::parseTimestamp("2025020314", zone, &error)->time == utc(2025, 2, 3, 14, 0));
    CHECK(hl7::parseTimestamp("202502031405+0000", zone, &error)->time == utc(2025, 2, 3, 14, 5));
    CHECK(hl7::parseTimestamp("20250203140506.1234", zone, &error)->time ==
          utc(2025, 2, 3, 14, 5, 6) + 123);
    for (const char* bad : {"", "25", "2025013", "20250229", "20250101246000", "20250101120000.",
                            "202501011200+01", "2025-01-01", "20250101 1200"}) {
        CAPTURE(bad);
        CHECK_FALSE(hl7::parseTimestamp(bad, zone, &error));
        CHECK_FALSE(error.empty());
    }
}

TEST_CASE("no patient name, birth date, address or report text reaches any HL7 event field") {
    auto sink = read(kLifecycle);
    REQUIRE(sink.events.size() == 6);
    const char* secrets[] = {"SMITHSON", "ALICE",        "19610314",   "HIGH STREET",
                             "ME14",     "intracranial", "Smithson",   "Discussed",
                             "BOOKER",   "DOCTOR",       "RADIOLOGIST"};
    auto clean = [&](const std::string& field) {
        for (const char* s : secrets)
            if (field.find(s) != std::string::npos) return false;
        return true;
    };
    for (const auto& e : sink.events) {
        CAPTURE(e.code);
        for (const std::string* f :
             {&e.caseKey, &e.patientKey, &e.code, &e.attributes.modality, &e.attributes.priority,
              &e.attributes.patientSource, &e.attributes.site, &e.attributes.resource,
              &e.attributes.examination})
            CHECK(clean(*f));
    }
    for (const auto& n : sink.notes) CHECK(clean(n));
    for (const auto& r : sink.rejects) CHECK(clean(r.second));
}

TEST_CASE("HL7 lines that do not start with MSH are rejected as a message, not skipped") {
    auto sink = readText(R"(PID|1||H1
ORC|NW|PL1|||||||20250102095500
MSH|^~\&|RIS|RWF|||20250102100000||ORM^O01|1|P|2.4
ORC|NW|PL2|||||||20250102095500
)");
    CHECK(sink.rows == 2);
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0].second == "message 1 (line 1): does not start with an MSH segment");
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].line == 2);
}

TEST_CASE("the default HL7 code mapping names network activities") {
    const auto& codes = defaultHl7Codes();
    auto find = [&](const std::string& code) {
        for (const auto& [local, network] : codes)
            if (local == code) return network;
        return std::string();
    };
    CHECK(find("ORC-1:NW") == "REQ");
    CHECK(find("ORC-5:SC") == "BKD");
    CHECK(find("ORC-5:IP") == "STA");
    CHECK(find("ORC-5:CM") == "CMP");
    CHECK(find("ORC-1:CA") == "CAN");
    CHECK(find("OBR-25:P") == "REP");
    CHECK(find("OBR-25:F") == "VER");
    CHECK(find("OBR-25:C") == "ADD");
    CHECK(find("SCH-25:Booked") == "BKD");
    CHECK(find("SCH-25:Noshow") == "DNA");
    CHECK(find("SCH-25:Cancelled") == "CAN");
}

TEST_CASE("HL7 cancellations keep their order control code and each ORC group is an event") {
    auto sink = readText(R"(MSH|^~\&|RIS|RWF|||20250102100000||ORM^O01|1|P|2.4
PID|1||H1^^^RWF^MR
ORC|NW|PL1|||||||20250102095500
OBR|1|PL1||USABDO^US Abdomen
ORC|NW|PL2|||||||20250102095600
OBR|1|PL2||MBRAI^MR Brain||||||||||||||||||||MR
MSH|^~\&|RIS|RWF|||20250103100000||OMI^O23|2|P|2.4
ORC|CA|PL1
MSH|^~\&|RIS|RWF|||20250103110000||ORM^O01|3|P|2.4
ORC|DC||ACC2||||||20250103105900
OBR|1|PL2|ACC2
MSH|^~\&|RIS|RWF|||20250103120000||ORM^O01|4|P|2.4
ORC|XO|PL2||||||||20250103115900
)");
    REQUIRE(sink.events.size() == 4);
    CHECK(sink.codes() == std::vector<std::string>{"ORC-1:NW", "ORC-1:NW", "ORC-1:CA", "ORC-1:DC"});
    CHECK(sink.events[0].attributes.modality == "US"); // from the exam code
    CHECK(sink.events[1].attributes.modality == "MR"); // OBR-24
    CHECK(sink.events[2].caseKey == "PL1");
    CHECK(sink.events[2].time == utc(2025, 1, 3, 10, 0)); // no ORC-9: MSH-7
    CHECK(sink.events[3].caseKey == "PL2");
    CHECK(sink.events[3].time == utc(2025, 1, 3, 10, 59));
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0].second == "message 4 (line 12): ORC-5 (order status) is empty");
}
