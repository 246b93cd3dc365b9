// The Export dialog's form (editor/core/export_form.h): the same defaults,
// options and words as `strawman export`, the path following the format, and
// the request it makes, checked against the CLI itself.
#include "map_fixtures.h"
#include "process_runner.h"
#include "temp_path.h"

#include "editor/core/export_form.h"
#include "editor/core/export_job.h"

#include "exporters/map_export.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>

using namespace strawman;
using namespace strawman::editor;
using exporters::ExportFormat;

namespace {

struct Fixture {
    test::TempDir dir;
    std::string path = dir.file("network.strawman");
    model::MapId ct, blank;
    Fixture() {
        auto ws = model::Workspace::create(path);
        const auto p = ws.addProcess("CT outpatient");
        const auto rpa = ws.addTrust("RPA", "Medway");
        ct = ws.createMap(p, rpa, "CT outpatient pathway", test::ctPathway());
        blank = ws.createMap(p, std::nullopt, "Blank", {});
    }
    model::Workspace open() const { return model::Workspace::open(path); }
    ExportForm formFor(model::MapId id) const {
        ExportForm form;
        form.open(open().map(id), dir.path());
        return form;
    }
    // `strawman export WS MAP ARGS...`
    test::RunResult cli(model::MapId id, std::vector<std::string> args) const {
        args.insert(args.begin(), {"export", path, std::to_string(id.value)});
        return test::run(STRAWMAN_EXE, args);
    }
};

} // namespace

TEST_CASE("the export form starts with the CLI's defaults and its suggested file name") {
    const Fixture f;
    const ExportForm form = f.formFor(f.ct);
    const exporters::MapExportRequest r = form.request();
    CHECK(r.map == f.ct);
    CHECK(r.format == ExportFormat::Svg);
    CHECK(r.diffTrust.empty());
    CHECK_FALSE(r.standards);
    CHECK_FALSE(r.title);
    CHECK(r.dpi == 96);
    CHECK(r.choice == model::CaseChoice{});
    CHECK_FALSE(r.diffOptions.ignoreUnmodelled);
    CHECK(form.file() == f.dir / "ct-outpatient-pathway-v1.svg");
    CHECK_FALSE(form.namedByUser());
    CHECK(form.problem(f.open()).empty());
    // The same picture as `strawman export --format svg` with no other option.
    const test::RunResult cli = f.cli(f.ct, {"--format", "svg"});
    REQUIRE(cli.exitCode == 0);
    CHECK(exporters::exportMap(f.open(), r) == cli.out);
}

TEST_CASE("switching the format changes the file's extension") {
    const Fixture f;
    ExportForm form = f.formFor(f.ct);
    for (ExportFormat format : exporters::exportFormats()) {
        form.setFormat(format);
        CHECK(form.file() == f.dir / ("ct-outpatient-pathway-v1." +
                                      std::string(exporters::exportFormatName(format))));
    }
    // A name of the user's own keeps its stem; only a format's extension follows.
    const test::TempDir other;
    form.setFormat(ExportFormat::Svg);
    form.setPath(other.file("board.svg"));
    CHECK(form.namedByUser());
    form.setFormat(ExportFormat::Png);
    CHECK(form.file() == other / "board.png");
    form.setPath(other.file("board-paper"));
    form.setFormat(ExportFormat::Pdf);
    CHECK(form.file() == other / "board-paper");
    // A relative name is read from the workspace's folder.
    form.setPath("picture.pdf");
    CHECK(form.file() == f.dir / "picture.pdf");
}

TEST_CASE("the DPI is for PNG alone, the picture options for pictures alone") {
    const Fixture f;
    ExportForm form = f.formFor(f.ct);
    form.dpi = 300;
    form.standards = true;
    form.title = true;
    form.drawDiff = true;
    form.diff.trust = "RPA";
    CHECK_FALSE(form.takesDpi());
    CHECK(form.request().dpi == 96);
    CHECK(form.request().standards);
    form.setFormat(ExportFormat::Png);
    CHECK(form.takesDpi());
    CHECK(form.request().dpi == 300);
    CHECK(form.problem(f.open()).empty());
    for (ExportFormat format : exporters::exportFormats()) {
        if (exporters::isPicture(format)) continue;
        form.setFormat(format);
        CHECK_FALSE(form.takesPictureOptions());
        const exporters::MapExportRequest r = form.request();
        CHECK(r.diffTrust.empty());
        CHECK_FALSE(r.standards);
        CHECK_FALSE(r.title);
        CHECK(r.dpi == 96);
        CHECK(form.problem(f.open()).empty());
    }
}

TEST_CASE("a bad DPI and an unknown trust are refused in the CLI's words") {
    const Fixture f;
    ExportForm form = f.formFor(f.ct);
    form.setFormat(ExportFormat::Png);
    form.dpi = 5;
    const std::string dpi = form.problem(f.open());
    CHECK(dpi == "the DPI must be between 24 and 1200, not 5");
    const test::RunResult cliDpi = f.cli(f.ct, {"--format", "png", "--dpi", "5"});
    CHECK(cliDpi.exitCode != 0);
    CHECK(cliDpi.err.find(dpi) != std::string::npos);

    form.dpi = 96;
    form.drawDiff = true;
    form.diff.trust = "XXX";
    const std::string trust = form.problem(f.open());
    CHECK(trust == "no trust with code XXX");
    const test::RunResult cliTrust = f.cli(f.ct, {"--format", "png", "--diff-trust", "XXX"});
    CHECK(cliTrust.exitCode != 0);
    CHECK(cliTrust.err.find(trust) != std::string::npos);

    form.diff.trust = "RPA";
    form.diff.from = "1 May";
    CHECK(form.problem(f.open()).find("YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("the export form says what stops the file being written") {
    const Fixture f;
    ExportForm form = f.formFor(f.ct);
    form.setPath("");
    CHECK(form.problem(f.open()) == "name the file to write");
    form.setPath(f.dir.path().string());
    CHECK(form.problem(f.open()).find("is a folder") != std::string::npos);
    form.setPath(f.dir.file("no-such-folder/map.svg"));
    CHECK(form.problem(f.open()).find("there is no folder") != std::string::npos);
    CHECK(ExportForm{}.problem(f.open()) == "open a map first");
}

TEST_CASE("the request carries the diff's trust and cases, and the next export starts in the "
          "last folder") {
    const Fixture f;
    ExportForm form = f.formFor(f.ct);
    form.setFormat(ExportFormat::Pdf);
    form.drawDiff = true;
    form.diff.trust = "RPA";
    form.diff.from = "2024-01-01";
    form.diff.to = "2024-03-31";
    form.diff.modalities = {"CT"};
    form.diff.ignoreUnmodelled = true;
    form.title = true;
    const exporters::MapExportRequest r = form.request();
    CHECK(r.format == ExportFormat::Pdf);
    CHECK(r.diffTrust == "RPA");
    CHECK(r.choice.from == "2024-01-01");
    CHECK(r.choice.to == "2024-03-31");
    CHECK(r.choice.modalities == std::set<std::string>{"CT"});
    CHECK(r.choice.timeZone == "Europe/London");
    CHECK(r.diffOptions.ignoreUnmodelled);
    CHECK(r.title);
    CHECK(form.problem(f.open()).empty());

    const test::TempDir papers;
    form.setPath(papers.file("board.pdf"));
    form.exported();
    form.open(f.open().map(f.blank), f.dir.path());
    CHECK_FALSE(form.namedByUser());
    CHECK(form.file() == papers / "blank-v1.pdf");
    // Drawing the diff is off: the trust chosen stays for when it is turned on.
    form.drawDiff = false;
    CHECK(form.request().diffTrust.empty());
}

TEST_CASE("the preview of a picture is a small PNG, of a text its first lines") {
    const Fixture f;
    ExportForm form = f.formFor(f.ct);
    form.setFormat(ExportFormat::Pdf);
    model::MapContent wide;
    model::Node n;
    n.x = 1000;
    n.width = 2000;
    n.height = 40;
    wide.nodes.push_back(n);
    const exporters::MapExportRequest p = previewRequest(form.request(), wide, 720);
    CHECK(p.format == ExportFormat::Png);
    CHECK(p.dpi == doctest::Approx(720.0 * 72 / 2080));
    CHECK(previewRequest(form.request(), model::MapContent{}).dpi == 24);
    form.setFormat(ExportFormat::Dot);
    CHECK(previewRequest(form.request(), wide).format == ExportFormat::Dot);
    CHECK(firstLines("a\nb\nc\n", 2) == "a\nb\n");
    CHECK(firstLines("a\nb", 5) == "a\nb");
}

TEST_CASE("an export job writes the file whole off the UI thread, or says why it could not") {
    const Fixture f;
    ExportForm form = f.formFor(f.ct);
    form.setFormat(ExportFormat::Json);
    auto job = startExport(f.path, form.request(), form.file());
    REQUIRE(job->waitFor(std::chrono::seconds(30)));
    REQUIRE(job->state() == JobState::Done);
    const auto done = job->takeResult();
    REQUIRE(done);
    CHECK(done->file == form.file());
    const std::string written = test::readFile(form.file());
    CHECK(written == exporters::exportMap(f.open(), form.request()));
    CHECK(done->bytes == written.size());
    CHECK(exportedText(*done).starts_with("Exported to " + form.file().string() + " ("));

    auto refused = startExport(f.path, form.request(), f.dir / "no-such-folder" / "map.json");
    REQUIRE(refused->waitFor(std::chrono::seconds(30)));
    CHECK(refused->state() == JobState::Failed);
    CHECK(refused->error().find("cannot write") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.dir / "no-such-folder"));

    auto preview = startPreview(f.path, previewRequest(form.request(), f.open().content(f.ct)));
    REQUIRE(preview->waitFor(std::chrono::seconds(30)));
    REQUIRE(preview->state() == JobState::Done);
    CHECK(preview->takeResult()->starts_with("{"));
}
