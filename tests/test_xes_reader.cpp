#include "model/core/error.h"
#include "model/events/readers/xes_reader.h"
#include "recording_event_sink.h"
#include "temp_path.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace strawman::model;
using strawman::test::TempDir;
namespace fs = std::filesystem;

namespace {

using strawman::test::readFile;

const fs::path kData = fs::path(STRAWMAN_TEST_DATA) / "xes";

RecordingEventSink read(const fs::path& file, XesOptions options = {}) {
    RecordingEventSink sink;
    readXes(file, options, sink);
    return sink;
}

// 2025-01-02T09:00:00Z in milliseconds.
constexpr TimeMs kJan2At9Utc = 1735808400000;

} // namespace

TEST_CASE("an XES log's traces become cases and its events keep their names and instants") {
    auto sink = read(kData / "radiology.xes");
    REQUIRE(sink.events.size() == 3);
    CHECK(sink.codes() == std::vector<std::string>{"Request received", "Vetted", "Exam completed"});
    CHECK(sink.events[0].caseKey == "ACC1001");
    CHECK(sink.events[1].caseKey == "ACC1001");
    CHECK(sink.events[2].caseKey == "ACC1002");
    // 10:00 at +01:00 is 09:00 UTC, and the offset is kept.
    CHECK(sink.events[0].time == kJan2At9Utc);
    CHECK(sink.events[0].offsetMinutes == 60);
    CHECK(sink.events[1].time == kJan2At9Utc + (2 * 60 + 45) * 60 * 1000);
    CHECK(sink.events[1].offsetMinutes == 0);
}

TEST_CASE("an XES timestamp without an offset is local time in the chosen zone") {
    auto sink = read(kData / "radiology.xes");
    REQUIRE(sink.events.size() == 3);
    // 2025-07-01T09:15 in London is British Summer Time: 08:15 UTC.
    CHECK(sink.events[2].time == 1751357700000);
    CHECK(sink.events[2].offsetMinutes == 60);
}

TEST_CASE("XES lifecycle: complete keeps complete or absent transitions, all keeps every one") {
    SUBCASE("complete") {
        auto sink = read(kData / "radiology.xes");
        CHECK(sink.codes() ==
              std::vector<std::string>{"Request received", "Vetted", "Exam completed"});
        CHECK(sink.events[1].time == kJan2At9Utc + (2 * 60 + 45) * 60 * 1000);
        REQUIRE(sink.notes.size() == 1);
        CHECK(sink.notes[0].find("1 events skipped") == 0);
    }
    SUBCASE("all, with the PM4Py activity+lifecycle naming") {
        XesOptions options;
        options.lifecycle = XesOptions::Lifecycle::All;
        auto sink = read(kData / "radiology.xes", options);
        CHECK(sink.codes() == std::vector<std::string>{"Request received+complete", "Vetted+start",
                                                       "Vetted+COMPLETE", "Exam completed"});
        CHECK(sink.notes.empty());
    }
}

TEST_CASE("XES org:resource gives the resource, org:role when there is no resource") {
    auto sink = read(kData / "radiology.xes");
    REQUIRE(sink.events.size() == 3);
    CHECK(sink.events[0].attributes.resource == "booking clerk 7");
    // The nested list's org:resource is not the event's.
    CHECK(sink.events[1].attributes.resource == "radiologist");
}

TEST_CASE("XES trace-level attributes are inherited by the trace's events") {
    auto sink = read(kData / "radiology.xes");
    REQUIRE(sink.events.size() == 3);
    CHECK(sink.events[0].attributes.modality == "CT");
    CHECK(sink.events[0].attributes.patientSource == "outpatient");
    CHECK(sink.events[1].attributes.modality == "CT");
    CHECK(sink.events[1].attributes.priority == "urgent");
    // The event's own attributes win; a meta-attribute does not rename the event.
    CHECK(sink.events[2].attributes.modality == "MR");
    CHECK(sink.events[2].attributes.site == "Maidstone");
    CHECK(sink.events[2].attributes.examination == "MBRAI");
    CHECK(sink.events[2].code == "Exam completed");
    CHECK(sink.events[2].attributes.patientSource.empty());
}

TEST_CASE("XES events carry the line of their start tag and are counted as rows") {
    XesOptions options;
    options.lifecycle = XesOptions::Lifecycle::All;
    auto sink = read(kData / "radiology.xes", options);
    CHECK(sink.rows == 5);
    REQUIRE(sink.events.size() == 4);
    CHECK(sink.events[0].line == 16);
    CHECK(sink.events[1].line == 22);
    CHECK(sink.events[2].line == 28);
    CHECK(sink.events[3].line == 43);
}

TEST_CASE("an XES event without a timestamp is rejected with its line") {
    auto sink = read(kData / "radiology.xes");
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0].first == 52);
    CHECK(sink.rejects[0].second == "event has no time:timestamp");
}

TEST_CASE("malformed XML stops the XES import with the line and the reason") {
    try {
        read(kData / "malformed.xes");
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(e.line() == 11);
        CHECK(e.reason().find("mismatched tag") != std::string::npos);
        CHECK(e.file().find("malformed.xes") != std::string::npos);
    }
}

TEST_CASE("a file that is not an XES log is refused") {
    const TempDir dir;
    std::ofstream(dir / "feed.xml") << "<?xml version=\"1.0\"?>\n<feed><entry/></feed>\n";
    CHECK_THROWS_AS(read(dir / "feed.xml"), InputError);
    std::ofstream(dir / "empty.xes") << "";
    CHECK_THROWS_AS(read(dir / "empty.xes"), InputError);
    CHECK_THROWS_AS(read(dir / "missing.xes"), InputError);
}

TEST_CASE("a gzip-compressed XES file gives the same events as the plain one") {
    const TempDir dir;
    fs::path gz = dir / "radiology.xes.gz";
    std::string text = readFile(kData / "radiology.xes");
    gzFile out = gzopen(gz.c_str(), "wb");
    REQUIRE(out != nullptr);
    REQUIRE(gzwrite(out, text.data(), static_cast<unsigned>(text.size())) ==
            static_cast<int>(text.size()));
    REQUIRE(gzclose(out) == Z_OK);
    {
        std::ifstream in(gz, std::ios::binary);
        char magic[2] = {};
        in.read(magic, 2);
        REQUIRE(static_cast<unsigned char>(magic[0]) == 0x1f);
        REQUIRE(static_cast<unsigned char>(magic[1]) == 0x8b);
    }
    auto plain = read(kData / "radiology.xes");
    auto compressed = read(gz);
    REQUIRE(compressed.events.size() == plain.events.size());
    for (std::size_t i = 0; i < plain.events.size(); ++i) {
        CHECK(compressed.events[i].caseKey == plain.events[i].caseKey);
        CHECK(compressed.events[i].code == plain.events[i].code);
        CHECK(compressed.events[i].time == plain.events[i].time);
        CHECK(compressed.events[i].line == plain.events[i].line);
        CHECK(compressed.events[i].attributes == plain.events[i].attributes);
    }
    CHECK(compressed.rejects == plain.rejects);

    SUBCASE("a truncated gzip file is an error, not a short log") {
        std::string bytes = readFile(gz);
        std::ofstream(dir / "cut.xes.gz", std::ios::binary)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
        CHECK_THROWS_AS(read(dir / "cut.xes.gz"), InputError);
    }
}

TEST_CASE("a non-radiology XES log (purchase orders) reads fine") {
    auto sink = read(kData / "purchase_orders.xes");
    CHECK(sink.rows == 4);
    CHECK(sink.rejects.empty());
    CHECK(sink.codes() == std::vector<std::string>{"Create purchase requisition",
                                                   "Approve requisition", "Send purchase order",
                                                   "Create purchase requisition"});
    CHECK(sink.events[0].caseKey == "PO-2025-0001");
    CHECK(sink.events[3].caseKey == "PO-2025-0002");
    CHECK(sink.events[1].attributes.resource == "Budget holder");
    CHECK(sink.events[2].attributes == EventAttributes{});
}

TEST_CASE("XES attributes after a trace's events still apply to them") {
    const TempDir dir;
    std::ofstream(dir / "late.xes") << R"(<log>
<trace>
  <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2025-01-02T09:00:00Z"/></event>
  <string key="concept:name" value="CASE-9"/>
  <string key="modality" value="US"/>
</trace>
<trace>
  <event><string key="concept:name" value="B"/><date key="time:timestamp" value="2025-01-02T09:00:00Z"/></event>
</trace>
</log>
)";
    auto sink = read(dir / "late.xes");
    REQUIRE(sink.events.size() == 1);
    CHECK(sink.events[0].caseKey == "CASE-9");
    CHECK(sink.events[0].attributes.modality == "US");
    REQUIRE(sink.rejects.size() == 1);
    CHECK(sink.rejects[0] ==
          std::pair<std::int64_t, std::string>{8, "its trace has no concept:name"});
}

namespace {

// A log of `traces` traces whose events have the given transitions, one trace
// after another, each event named E<n>.
std::string logWithTransitions(const std::vector<std::vector<std::string>>& traces) {
    std::string text = "<log>\n";
    int n = 0;
    for (std::size_t t = 0; t < traces.size(); ++t) {
        text += "<trace><string key=\"concept:name\" value=\"C" + std::to_string(t) + "\"/>\n";
        for (const std::string& transition : traces[t]) {
            text += "<event><string key=\"concept:name\" value=\"E" + std::to_string(n++) +
                    "\"/><date key=\"time:timestamp\" value=\"2025-01-02T09:00:00Z\"/>";
            if (!transition.empty())
                text += "<string key=\"lifecycle:transition\" value=\"" + transition + "\"/>";
            text += "</event>\n";
        }
        text += "</trace>\n";
    }
    return text + "</log>\n";
}

} // namespace

TEST_CASE("a log with no standard lifecycle transition (BPIC 2013's sub-states) is read as all, "
          "with a note") {
    auto sink = read(kData / "incidents_substates.xes");
    CHECK(sink.rows == 7);
    CHECK(sink.rejects.empty());
    CHECK(sink.codes() ==
          std::vector<std::string>{"Accepted+In Progress", "Queued+Awaiting Assignment",
                                   "Accepted+In Progress", "Completed+Resolved", "Completed+Closed",
                                   "Accepted+Wait - User", "Completed+Closed"});
    CHECK(sink.events[0].caseKey == "1-364285768");
    CHECK(sink.events[5].caseKey == "1-109135791");
    CHECK(sink.events[1].attributes.resource == "Frederic");
    REQUIRE(sink.notes.size() == 1);
    CHECK(sink.notes[0].find("read with lifecycle \"all\"") == 0);
    CHECK(sink.notes[0].find("\"Accepted+In Progress\"") != std::string::npos);
    CHECK(sink.notes[0].find("\"Awaiting Assignment\"") != std::string::npos);

    // The same as asking for all.
    XesOptions all;
    all.lifecycle = XesOptions::Lifecycle::All;
    CHECK(read(kData / "incidents_substates.xes", all).codes() == sink.codes());
}

TEST_CASE("a log with standard transitions keeps its completions, however many non-standard "
          "ones come first") {
    SUBCASE("a mix: the standard model is in use, the other transitions are skipped and named") {
        const TempDir dir;
        std::ofstream(dir / "mix.xes") << logWithTransitions(
            {{"", "Accepted", "In Progress"}, {"Accepted", "start", "complete", "Queued"}});
        auto sink = read(dir / "mix.xes");
        CHECK(sink.rows == 7);
        CHECK(sink.codes() == std::vector<std::string>{"E0", "E5"});
        REQUIRE(sink.notes.size() == 1);
        CHECK(sink.notes[0] == "5 events skipped: lifecycle:transition is not \"complete\"; 4 of "
                               "them have a transition outside the XES standard (\"Accepted\", "
                               "\"In Progress\", \"Queued\") (read with lifecycle \"all\" to keep "
                               "them)");
    }
    SUBCASE("held in a temporary file past the memory limit, with nothing lost either way") {
        std::vector<std::vector<std::string>> traces(300, {"Accepted", "", "Queued"});
        const TempDir dir;
        std::ofstream(dir / "none.xes") << logWithTransitions(traces);
        traces.push_back({"complete"});
        std::ofstream(dir / "late.xes") << logWithTransitions(traces);
        XesOptions small;
        small.holdInMemory = 512;

        auto none = read(dir / "none.xes", small);
        REQUIRE(none.events.size() == 900);
        CHECK(none.events[0].code == "E0+Accepted");
        CHECK(none.events[1].code == "E1");
        CHECK(none.events[899].code == "E899+Queued");
        CHECK(none.events[899].caseKey == "C299");
        CHECK(none.events[899].time == kJan2At9Utc);
        XesOptions all;
        all.lifecycle = XesOptions::Lifecycle::All;
        CHECK(none.codes() == read(dir / "none.xes", all).codes());

        auto late = read(dir / "late.xes", small);
        REQUIRE(late.events.size() == 301); // the 300 without a transition, and the completion
        CHECK(late.events[0].code == "E1");
        CHECK(late.events[300].code == "E900");
        REQUIRE(late.notes.size() == 1);
        CHECK(late.notes[0].find("600 events skipped") == 0);
    }
    SUBCASE("a log without any transition is read as it is, with no note") {
        auto sink = read(kData / "purchase_orders.xes");
        CHECK(sink.notes.empty());
    }
}

TEST_CASE("a sink that stops the reading (a cancelled import) stops it at once, and the error "
          "of bad XML comes after the events before it") {
    const TempDir dir;
    std::string text = "<log>\n";
    for (int t = 0; t < 20000; ++t)
        text += "<trace><string key=\"concept:name\" value=\"C" + std::to_string(t) +
                "\"/><event><string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" "
                "value=\"2025-01-02T09:00:00Z\"/></event></trace>\n";
    std::ofstream(dir / "long.xes") << text << "</log>\n";
    std::ofstream(dir / "cut.xes") << text << "<trace></log>\n";

    struct StopAfterOneBlock : RecordingEventSink {
        int blocks = 0;
        void bytesRead(std::uint64_t, std::uint64_t) override {
            if (++blocks == 2) throw std::runtime_error("cancelled");
        }
    };
    StopAfterOneBlock stopping;
    CHECK_THROWS_WITH(readXes(dir / "long.xes", XesOptions{}, stopping), "cancelled");
    CHECK(stopping.blocks == 2);
    CHECK(stopping.events.size() < 20000);

    RecordingEventSink cut;
    try {
        readXes(dir / "cut.xes", XesOptions{}, cut);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(e.line() == 20002);
        CHECK(e.reason() == "malformed XML: mismatched tag: </log> where </trace> was expected");
    }
    CHECK(cut.events.size() == 20000);
}
