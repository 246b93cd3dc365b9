// The Data panel's import form without a window: the fields become the request
// `strawman import` would make, problems are said before anything starts, the
// workspace's folder offers its event files, and the import runs as a
// background job on its own connection that Cancel stops with nothing stored.
#include "temp_path.h"

#include "editor/core/error_text.h"
#include "editor/core/import_form.h"
#include "editor/core/import_job.h"
#include "model/use_cases/case_choice.h"

#include "model/core/error.h"
#include "model/events/event_log.h"
#include "model/events/pseudonym.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace strawman;
using editor::DelimiterChoice;
using editor::FormatChoice;
using editor::ImportFormFields;
using editor::JobState;

namespace {

using strawman::test::writeFile;

constexpr std::chrono::seconds kGenerous{60};

// A workspace with one trust, and the network's key beside it, in a temp folder.
struct Network {
    test::TempDir dir;
    std::filesystem::path folder = dir.path();
    std::filesystem::path ws = folder / "net.strawman";
    std::filesystem::path key = folder / "network.key";
    model::TrustId rpa;
    Network() {
        rpa = model::Workspace::create(ws).addTrust("RPA", "Medway");
        model::PseudonymKey::loadOrCreate(key);
    }
    ImportFormFields fields(const std::string& file) const {
        ImportFormFields f;
        f.path = file;
        f.keyFile = key.string();
        return f;
    }
    std::size_t importCount() const { return model::Workspace::open(ws).events().imports().size(); }
    std::size_t eventCount() const {
        const auto w = model::Workspace::open(ws);
        return w.events().load(rpa).events.size();
    }
};

// `cases` examinations of three events each, in network codes, with UTC times.
void writeExtract(const std::filesystem::path& path, int cases) {
    std::ofstream out(path, std::ios::binary);
    out << "Accession,Status,Event Time\n";
    for (int c = 0; c < cases; ++c) {
        const int day = 1 + c % 28;
        int hour = c % 12;
        for (const char* code : {"REQ", "CMP", "VER"}) {
            out << "ACC" << c << "," << code << ",2024-03-" << (day < 10 ? "0" : "") << day << "T"
                << (hour < 10 ? "0" : "") << hour << ":00:00Z\n";
            hour += 4;
        }
    }
}

} // namespace

// [SECTION] The form's fields

TEST_CASE("a typed path is read against the workspace's folder, quotes and spaces dropped") {
    const std::filesystem::path folder = "/data/network";
    CHECK(editor::chosenFile("extract.csv", folder) == "/data/network/extract.csv");
    CHECK(editor::chosenFile("  trusts/rpa.csv ", folder) == "/data/network/trusts/rpa.csv");
    CHECK(editor::chosenFile("\"/tmp/my extract.csv\"", folder) == "/tmp/my extract.csv");
    CHECK(editor::chosenFile("'/tmp/x.xes'", folder) == "/tmp/x.xes");
    if (const char* home = std::getenv("HOME"); home && *home)
        CHECK(editor::chosenFile("~/ris/x.hl7", folder) ==
              std::filesystem::path(home) / "ris/x.hl7");
    CHECK(editor::chosenFile("   ", folder).empty());
}

TEST_CASE("the format is the one chosen, or the one the file's name tells") {
    ImportFormFields f;
    f.path = "extract.CSV.gz";
    CHECK(editor::formatToRead(f) == "csv");
    f.path = "\"feed.hl7\"";
    CHECK(editor::formatToRead(f) == "hl7");
    f.path = "extract.txt";
    CHECK_FALSE(editor::formatToRead(f));
    f.format = FormatChoice::Did;
    CHECK(editor::formatToRead(f) == "did");
    f.format = FormatChoice::Xes;
    CHECK(editor::formatToRead(f) == "xes");
}

TEST_CASE("what is wrong with the form is said before anything starts") {
    Network net;
    writeFile(net.folder / "extract.csv", "case,code,time\n");
    writeFile(net.folder / "extract.txt", "case,code,time\n");
    writeFile(net.folder / "feed.hl7", "MSH|^~\\&|RIS\n");
    std::filesystem::create_directory(net.folder / "old.csv");

    CHECK(editor::formProblem(net.fields("extract.csv"), net.folder).empty());
    CHECK(editor::formProblem(net.fields(""), net.folder) ==
          "Type the path of an event file, or pick one below.");
    CHECK(editor::formProblem(net.fields("gone.csv"), net.folder) ==
          "There is no file at " + (net.folder / "gone.csv").string() + ".");
    CHECK(editor::formProblem(net.fields("old.csv"), net.folder) ==
          (net.folder / "old.csv").string() + " is a folder: choose a file in it.");
    CHECK(editor::formProblem(net.fields("extract.txt"), net.folder) ==
          "Cannot tell the format of extract.txt from its name: choose CSV, XES, HL7 or DID.");
    auto chosen = net.fields("extract.txt");
    chosen.format = FormatChoice::Csv;
    CHECK(editor::formProblem(chosen, net.folder).empty());

    auto delimited = net.fields("feed.hl7");
    delimited.delimiter = DelimiterChoice::Semicolon;
    CHECK(editor::formProblem(delimited, net.folder) ==
          "A delimiter is for CSV files; feed.hl7 is read as hl7.");
    auto columns = net.fields("extract.csv");
    columns.columns = "case=Accession,colour=Status";
    CHECK(editor::formProblem(columns, net.folder).find("unknown key \"colour\"") !=
          std::string::npos);
    auto zone = net.fields("extract.csv");
    zone.timeZone = "Europe/Atlantis";
    CHECK(editor::formProblem(zone, net.folder).find("unknown time zone") != std::string::npos);
    auto key = net.fields("extract.csv");
    key.keyFile = "typo.key";
    CHECK(editor::formProblem(key, net.folder)
              .starts_with("There is no key at " + (net.folder / "typo.key").string()));
    key.keyFile = "";
    CHECK(editor::formProblem(key, net.folder).empty()); // the network's own key

    CHECK_THROWS_WITH_AS(editor::importRequest(net.fields("gone.csv"), "RPA", net.folder),
                         doctest::Contains("There is no file at"), model::Error);
}

TEST_CASE("the form makes the request strawman import would make from its options") {
    Network net;
    writeFile(net.folder / "extract.txt", "Acc;Code;When\n");
    ImportFormFields f = net.fields("extract.txt");
    f.format = FormatChoice::Csv;
    f.delimiter = DelimiterChoice::Semicolon;
    f.columns = " case=Acc,activity=Code,timestamp=When ";
    f.leaveOutUnmapped = true;
    f.importAgain = true;
    f.dropExactRepeats = true;
    model::ImportRequest r = editor::importRequest(f, "RPA", net.folder);
    CHECK(r.file == net.folder / "extract.txt");
    CHECK(r.trust == "RPA");
    CHECK(r.format == "csv");
    CHECK(r.delimiter == ';');
    CHECK(r.columns == "case=Acc,activity=Code,timestamp=When");
    CHECK(r.timeZone == "Europe/London"); // left empty
    CHECK(r.keyFile == net.key);
    CHECK(r.unmapped == model::UnmappedCodes::Ignore);
    CHECK(r.force);
    CHECK(r.dropExactRepeats);
    CHECK_FALSE(r.strict);

    SUBCASE("format from the name, and what only CSV takes left out for other formats") {
        writeFile(net.folder / "log.xes", "<log/>");
        ImportFormFields x = net.fields("log.xes");
        x.columns = "case=Acc"; // typed for an earlier CSV; XES has no columns
        x.timeZone = "UTC";
        x.keyFile.clear();
        r = editor::importRequest(x, "RVV", net.folder);
        CHECK(r.format.empty()); // importFile tells it by the name, as the CLI does
        CHECK(r.columns.empty());
        CHECK_FALSE(r.delimiter);
        CHECK(r.timeZone == "UTC");
        CHECK(r.keyFile.empty()); // the network's default key
        CHECK(r.unmapped == model::UnmappedCodes::Abort);
        CHECK_FALSE(r.force);
    }
}

TEST_CASE("the workspace's folder offers its event files by name") {
    test::TempDir dir;
    const std::filesystem::path folder = dir.path();
    for (const char* name : {"rpa.csv", "b.XES", "c.hl7.gz", "notes.txt", "net.strawman", "d.mllp"})
        writeFile(folder / name, "x");
    std::filesystem::create_directory(folder / "old.csv"); // a folder, however named
    std::vector<std::string> names;
    for (const auto& p : editor::eventFilesIn(folder)) names.push_back(p.filename().string());
    CHECK(names == std::vector<std::string>{"b.XES", "c.hl7.gz", "d.mllp", "rpa.csv"});
    CHECK(editor::eventFilesIn(folder, 2).size() == 2);
    CHECK(editor::eventFilesIn(folder / "missing").empty());
}

// [SECTION] The import as a background job

TEST_CASE("an import started from the form runs off the UI thread and stores its events") {
    Network net;
    writeExtract(net.folder / "extract.csv", 200);
    auto job = editor::startImport(
        net.ws, editor::importRequest(net.fields("extract.csv"), "RPA", net.folder));
    REQUIRE(job->waitFor(kGenerous));
    INFO(job->error());
    REQUIRE(job->state() == JobState::Done);
    CHECK(job->fraction() == 1);
    CHECK(job->stage() == "imported");
    const auto report = job->takeResult();
    REQUIRE(report);
    CHECK(report->imported);
    CHECK(report->eventsAccepted == 600);
    CHECK(report->cases == 200);
    CHECK(model::toText(*report, editor::remedyText)
              .find("imported as import " + std::to_string(report->importId.value)) !=
          std::string::npos);
    CHECK(net.importCount() == 1);
    CHECK(net.eventCount() == 600);

    SUBCASE("the same file again fails the job with the reason, and is taken when asked") {
        auto fields = net.fields("extract.csv");
        auto again = editor::startImport(net.ws, editor::importRequest(fields, "RPA", net.folder));
        REQUIRE(again->waitFor(kGenerous));
        CHECK(again->state() == JobState::Failed);
        CHECK(again->error().find("extract.csv was imported for RPA already") != std::string::npos);
        CHECK(net.importCount() == 1);
        fields.importAgain = true;
        auto forced = editor::startImport(net.ws, editor::importRequest(fields, "RPA", net.folder));
        REQUIRE(forced->waitFor(kGenerous));
        CHECK(forced->state() == JobState::Done);
        CHECK(net.importCount() == 2);
    }
    SUBCASE("a trust the workspace lacks fails the job with the reason") {
        auto failed = editor::startImport(
            net.ws, editor::importRequest(net.fields("extract.csv"), "XYZ", net.folder));
        REQUIRE(failed->waitFor(kGenerous));
        CHECK(failed->state() == JobState::Failed);
        CHECK(failed->error() == "no trust with code XYZ");
    }
}

TEST_CASE("Cancel stops an import from the form, and nothing is stored") {
    Network net;
    writeExtract(net.folder / "extract.csv", 40'000); // several read blocks
    const auto request = editor::importRequest(net.fields("extract.csv"), "RPA", net.folder);

    SUBCASE("at once") {
        auto job = editor::startImport(net.ws, request);
        job->cancel();
        REQUIRE(job->waitFor(kGenerous));
        CHECK(job->state() == JobState::Cancelled);
    }
    SUBCASE("once the bar has moved") {
        auto job = editor::startImport(net.ws, request);
        const auto deadline = std::chrono::steady_clock::now() + kGenerous;
        while (job->fraction() == 0 && job->running() &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        CHECK(job->stage() == "reading extract.csv");
        job->cancel();
        REQUIRE(job->waitFor(kGenerous));
        CHECK(job->state() == JobState::Cancelled);
        CHECK(job->error().find("nothing was stored") != std::string::npos);
    }
    SUBCASE("by closing the editor, which destroys the job") {
        auto job = editor::startImport(net.ws, request);
        job.reset();
    }
    CHECK(net.importCount() == 0);
    CHECK(net.eventCount() == 0);
}

TEST_CASE(
    "the editor words what to do about an error in its own controls, never a command-line option") {
    for (const model::Remedy r :
         {model::Remedy::ImportAgain, model::Remedy::MapCodes, model::Remedy::IgnoreUnmapped,
          model::Remedy::AddActivity, model::Remedy::AddActivities, model::Remedy::GiveKeyFile,
          model::Remedy::NameColumns, model::Remedy::ImportWithoutStrict}) {
        const std::string text = editor::remedyText(r);
        INFO(model::remedyName(r) << ": " << text);
        CHECK_FALSE(text.empty());
        CHECK(text.find("--") == std::string::npos);
        CHECK(text.find("strawman ") == std::string::npos);
    }
    const model::Error again("rwf.csv was imported for RWF already", model::Remedy::ImportAgain);
    CHECK(editor::errorText(again) == "rwf.csv was imported for RWF already; tick \"Import again "
                                      "if imported before\" to import it again");
    CHECK(editor::errorText(model::BadDay(model::BadDay::Bound::To, "31/12/2025")) ==
          "the last date must be written YYYY-MM-DD, not \"31/12/2025\"");
}
