// A trust's log exported as XES or CSV (exporters/log_export.h) and read back
// through the normal import into a fresh workspace: the same cases, events,
// variants and attributes; the cases the diff's options choose; no patient
// identifier and no half-written file.
#include "map_fixtures.h"
#include "recording_progress.h"
#include "temp_path.h"

#include "exporters/csv_log_writer.h"
#include "exporters/log_export.h"
#include "exporters/output_file.h"
#include "exporters/xes_writer.h"
#include "model/analysis/log_filter.h"
#include "model/analysis/variants.h"
#include "model/core/error.h"
#include "model/events/readers/local_time.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"
#include "model/use_cases/case_choice.h"
#include "model/use_cases/import_file.h"
#include "model/use_cases/trust_diff.h"
#include "sample/generator.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::model;

namespace {

// A workspace file with the trust RPA and a key file of its own beside it.
struct Network {
    test::TempDir dir;
    Workspace ws = Workspace::create(dir.file("net.strawman"));
    TrustId rpa = ws.addTrust("RPA", "Medway");

    ImportReport import(const std::string& file, const std::string& columns = "") {
        ImportRequest r;
        r.file = file;
        r.trust = "RPA";
        r.columns = columns;
        r.keyFile = dir.file("network.key");
        r.importedBy = "test";
        return importFile(ws, r);
    }
    EventLog log() const { return ws.events().load(rpa); }
};

// RPA's RIS extract from the sample generator: accession numbers, NHS numbers,
// names and free text, of which only the mapped columns are imported.
struct SampleExtract {
    std::string text;
    explicit SampleExtract(std::int64_t cases) {
        sample::GeneratorOptions options;
        options.trust = "RPA";
        options.cases = cases;
        options.seed = 7;
        std::ostringstream out;
        sample::generate(options, out);
        text = out.str();
    }
    // The first column's and the NHS number column's values.
    std::vector<std::string> identifiers() const {
        std::istringstream in(text);
        std::string line;
        std::getline(in, line); // header
        std::vector<std::string> ids;
        while (std::getline(in, line)) {
            const auto comma = line.find(',');
            ids.push_back(line.substr(0, comma));
            const auto nhs = line.find(",999");
            if (nhs != std::string::npos) ids.push_back(line.substr(nhs + 1, 10));
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids;
    }
};

// RPA's network with the sample extract imported, its local codes mapped.
struct SampleNetwork : Network {
    SampleExtract extract{150};
    SampleNetwork() {
        for (const auto& [local, code] : sample::localCodes("RPA"))
            ws.events().changeCodeMapping(rpa, local, CodeMappingChange::mapTo(code));
        const std::string file = dir.file("extract.csv");
        test::writeFile(file, extract.text);
        const ImportReport report = import(file, sample::csvColumnSpec("RPA"));
        REQUIRE(report.imported);
        REQUIRE(report.rowsRejected == 0);
    }
};

// A case as what it holds, not its pseudonym (which another workspace's key
// makes differently): each event's activity, instant, offset, resource and
// attributes, in order.
std::string caseText(const EventLog& log, std::uint32_t c) {
    std::string text;
    for (const LoggedEvent& e : log.caseEvents(c)) {
        const EventAttributes& a = log.attributeSets[e.attributes];
        text += log.activities[e.activity] + "|" + std::to_string(e.time) + "|" +
                std::to_string(e.offsetMinutes) + "|" + log.resources[e.resource] + "|" +
                a.modality + "|" + a.priority + "|" + a.patientSource + "|" + a.site + "|" +
                a.examination + "\n";
    }
    return text;
}

std::vector<std::uint32_t> allCases(const EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0U);
    return cases;
}

std::vector<std::string> caseTexts(const EventLog& log, const std::vector<std::uint32_t>& cases) {
    std::vector<std::string> texts;
    for (const std::uint32_t c : cases) texts.push_back(caseText(log, c));
    std::sort(texts.begin(), texts.end());
    return texts;
}

// Each variant as its activity codes, with its number of cases.
std::map<std::string, std::size_t> variantCounts(const EventLog& log,
                                                 const std::vector<std::uint32_t>& cases) {
    std::map<std::string, std::size_t> counts;
    for (const Variant& v : rankedVariants(log, cases)) {
        std::string name;
        for (const std::uint32_t a : v.activities) name += log.activities[a] + " ";
        counts[name] = v.cases.size();
    }
    return counts;
}

// Exports through OutputFile, as `strawman log export -o` does.
exporters::LogExportSummary exportTo(const Workspace& ws, const std::string& path,
                                     exporters::LogFormat format, const CaseChoice& choice = {}) {
    exporters::LogExportRequest request;
    request.trust = "RPA";
    request.format = format;
    request.choice = choice;
    exporters::OutputFile file(path);
    const auto summary = exporters::exportLog(ws, request, file.stream());
    file.commit();
    return summary;
}

void checkRoundTrip(exporters::LogFormat format, const std::string& name) {
    SampleNetwork source;
    const EventLog before = source.log();
    REQUIRE(before.caseCount() == 150);
    const std::string file = source.dir.file(name);
    const auto summary = exportTo(source.ws, file, format);
    CHECK(summary.cases == 150);
    CHECK(summary.events == static_cast<std::int64_t>(before.events.size()));
    CHECK(summary.bytes == std::filesystem::file_size(file));

    Network fresh;
    const ImportReport report = fresh.import(file);
    CHECK(report.imported);
    CHECK(report.rowsRejected == 0);
    CHECK(report.unmappedCodes.empty());
    const EventLog after = fresh.log();
    CHECK(after.caseCount() == before.caseCount());
    CHECK(after.events.size() == before.events.size());
    CHECK(caseTexts(after, allCases(after)) == caseTexts(before, allCases(before)));
    CHECK(variantCounts(after, allCases(after)) == variantCounts(before, allCases(before)));
}

} // namespace

TEST_CASE("a log exported as XES imports into a fresh workspace as the same cases, events, "
          "variants and attributes") {
    checkRoundTrip(exporters::LogFormat::Xes, "rpa.xes");
}

TEST_CASE("a log exported as CSV imports into a fresh workspace as the same cases, events, "
          "variants and attributes") {
    checkRoundTrip(exporters::LogFormat::Csv, "rpa.csv");
}

TEST_CASE("values with commas, quotes, ampersands and line breaks, and both UTC offsets, come "
          "back whole") {
    Network source;
    const std::string extract = source.dir.file("awkward.csv");
    test::writeFile(extract, "Accession,Status,Event Time,Modality,Site,User\n"
                             "A1,REQ,2025-03-29 09:00,CT,\"Ward 3, \"\"East\"\"\",A&E <triage>\n"
                             "A1,RCV,2025-03-31 10:30,CT,\"Line one\nline two\",Clerk\n"
                             "A2,REQ,2025-10-25 23:59:59.250,MR,Site\twith tab,\n");
    REQUIRE(source.import(extract).eventsAccepted == 3);
    const EventLog before = source.log();
    for (const auto& [format, name] : std::vector<std::pair<exporters::LogFormat, std::string>>{
             {exporters::LogFormat::Xes, "out.xes"}, {exporters::LogFormat::Csv, "out.csv"}}) {
        CAPTURE(name);
        const std::string file = source.dir.file(name);
        exportTo(source.ws, file, format);
        Network fresh;
        CHECK(fresh.import(file).rowsRejected == 0);
        const EventLog after = fresh.log();
        CHECK(caseTexts(after, allCases(after)) == caseTexts(before, allCases(before)));
    }
}

TEST_CASE("a value XML cannot carry is refused by name for XES and kept by CSV") {
    Network source;
    const std::string extract = source.dir.file("control.csv");
    test::writeFile(extract, "Accession,Status,Event Time,Modality,Site\n"
                             "A1,REQ,2025-03-03 09:00,CT,Ward\x01\n"
                             "A2,REQ,2025-03-03 09:00,CT,Caf\xE9\n");
    REQUIRE(source.import(extract).eventsAccepted == 2);
    exporters::LogExportRequest request;
    request.trust = "RPA";
    std::ostringstream xes;
    CHECK_THROWS_WITH_AS(exporters::exportLog(source.ws, request, xes),
                         doctest::Contains("as CSV instead"), Error);
    request.format = exporters::LogFormat::Csv;
    std::ostringstream csv;
    exporters::exportLog(source.ws, request, csv);
    CHECK(csv.str().find("Ward\x01") != std::string::npos);
    CHECK(csv.str().find("Caf\xE9") != std::string::npos);
}

TEST_CASE("an export takes the cases the diff takes with the same options") {
    SampleNetwork source;
    CaseChoice choice;
    choice.modalities = {"CT", "MR"};
    choice.from = "2025-03-01";
    choice.to = "2025-09-30";
    const EventLog log = source.log();
    const std::vector<std::uint32_t> chosen = selectCases(log, caseFilter(choice));
    REQUIRE(!chosen.empty());
    REQUIRE(chosen.size() < log.caseCount());

    const std::string file = source.dir.file("chosen.xes");
    const auto summary = exportTo(source.ws, file, exporters::LogFormat::Xes, choice);
    CHECK(summary.casesInLog == 150);
    CHECK(summary.cases == static_cast<std::int64_t>(chosen.size()));

    test::MapBuilder b; // any map will do: only the cases the diff counts are compared
    const NodeId request = b.activity("req", "REQ");
    b.edge(b.node(NodeKind::Start, "s"), request).edge(request, b.node(NodeKind::End, "e"));
    const TrustDiff d = diffTrust(source.ws, b.map(), "RPA", choice, {});
    CHECK(d.result.cases == summary.cases);

    Network fresh;
    fresh.import(file);
    const EventLog after = fresh.log();
    CHECK(caseTexts(after, allCases(after)) == caseTexts(log, chosen));
    for (std::uint32_t c = 0; c < after.caseCount(); ++c) {
        const std::string modality = caseAttributes(after, c).modality;
        CHECK((modality == "CT" || modality == "MR"));
    }
}

TEST_CASE("an exported log holds no accession or NHS number, only the cases' pseudonyms") {
    SampleNetwork source;
    const std::vector<std::string> identifiers = source.extract.identifiers();
    REQUIRE(identifiers.size() > 150); // accession and NHS numbers both
    for (const auto format : {exporters::LogFormat::Xes, exporters::LogFormat::Csv}) {
        std::ostringstream out;
        exporters::LogExportRequest request;
        request.trust = "RPA";
        request.format = format;
        exporters::exportLog(source.ws, request, out);
        const std::string text = out.str();
        REQUIRE(text.size() > 10'000);
        for (const std::string& id : identifiers) {
            INFO("identifier " << id);
            CHECK(text.find(id) == std::string::npos);
        }
    }
}

TEST_CASE("an unknown trust or a directory that cannot be written is refused by name and leaves "
          "no file") {
    SampleNetwork source;
    exporters::LogExportRequest request;
    request.trust = "XXX";
    const std::string file = source.dir.file("out.xes");
    {
        exporters::OutputFile out(file);
        CHECK_THROWS_WITH_AS(exporters::exportLog(source.ws, request, out.stream()),
                             doctest::Contains("XXX"), Error);
    }
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK_FALSE(std::filesystem::exists(file + ".part"));

    const std::string nowhere = source.dir.file("missing/out.xes");
    CHECK_THROWS_WITH_AS(exporters::OutputFile{nowhere}, doctest::Contains(nowhere.c_str()), Error);
    CHECK_FALSE(std::filesystem::exists(source.dir.path() / "missing"));
}

TEST_CASE("an output that refuses the data stops the export with an error") {
    SampleNetwork source;
    std::ostream refusing(nullptr); // no buffer: every write fails
    exporters::LogExportRequest request;
    request.trust = "RPA";
    CHECK_THROWS_WITH_AS(exporters::exportLog(source.ws, request, refusing),
                         doctest::Contains("refused the data"), Error);
}

TEST_CASE("a cancelled export stops and leaves no file") {
    SampleNetwork source;
    struct CancelAtOnce final : Progress {
        void report(double, std::string_view) override {}
        bool cancelled() const override { return true; }
    } cancel;
    const std::string file = source.dir.file("out.csv");
    {
        exporters::OutputFile out(file);
        exporters::LogExportRequest request;
        request.trust = "RPA";
        request.format = exporters::LogFormat::Csv;
        CHECK_THROWS_AS(exporters::exportLog(source.ws, request, out.stream(), &cancel), Cancelled);
    }
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK_FALSE(std::filesystem::exists(file + ".part"));
}

TEST_CASE("an export reports loading, then writing, rising to the end") {
    SampleNetwork source;
    test::RecordingProgress progress;
    std::ostringstream out;
    exporters::LogExportRequest request;
    request.trust = "RPA";
    exporters::exportLog(source.ws, request, out, &progress);
    CHECK(progress.rising());
    CHECK(progress.sawStage("writing the log"));
    REQUIRE(!progress.fractions.empty());
    CHECK(progress.fractions.back() == 1.0);
}

TEST_CASE("the log formats are named by option and by file extension") {
    CHECK(exporters::logFormatNamed("XES") == exporters::LogFormat::Xes);
    CHECK(exporters::logFormatNamed("csv") == exporters::LogFormat::Csv);
    CHECK_FALSE(exporters::logFormatNamed("json"));
    CHECK(exporters::logFormatOfPath("out/rpa.xes") == exporters::LogFormat::Xes);
    CHECK(exporters::logFormatOfPath("rpa.CSV") == exporters::LogFormat::Csv);
    CHECK_FALSE(exporters::logFormatOfPath("dir.xes/rpa"));
}

TEST_CASE("an event's time is written local with its UTC offset and read back to the instant") {
    std::string text;
    appendLocalIso(text, 1'743'238'800'250, 60); // 2025-03-29T09:00:00.250Z
    CHECK(text == "2025-03-29T10:00:00.250+01:00");
    text.clear();
    appendLocalIso(text, 0, -330);
    CHECK(text == "1969-12-31T18:30:00.000-05:30");
    const auto parsed = parseTimestamp(text, TimeZone{});
    REQUIRE(parsed);
    CHECK(parsed->time == 0);
    CHECK(parsed->offsetMinutes == -330);
}
