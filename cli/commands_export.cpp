// strawman export WS MAP --format svg|png|pdf|dot|json|bpmn (also `strawman map export`)
#include "commands.h"

#include "case_options.h"
#include "exporters/map_export.h"
#include "exporters/output_file.h"
#include "model/core/error.h"
#include "model/store/workspace.h"
#include "output.h"

#include <memory>

namespace strawman::cli {

namespace {

struct ExportArgs : CaseOptions {
    std::string ws, format, output, diffTrust;
    std::int64_t map = 0;
    bool standards = false, title = false;
    double dpi = 96;
};

// The format asked for, else the one the output file's extension names, else
// DOT: the map's own text, which `map import` reads back.
exporters::ExportFormat formatOf(const ExportArgs& a) {
    if (!a.format.empty()) return *exporters::exportFormatNamed(a.format);
    if (!a.output.empty() && a.output != "-") {
        if (auto byName = exporters::exportFormatOfPath(a.output)) return *byName;
        throw model::Error("cannot tell the format from the name " + a.output +
                           ": give --format (" + exporters::exportFormatList() + ")");
    }
    return exporters::ExportFormat::Dot;
}

int runExport(const ExportArgs& a) {
    const auto ws = model::Workspace::open(a.ws);
    exporters::MapExportRequest request;
    request.map = model::MapId{a.map};
    request.format = formatOf(a);
    request.diffTrust = a.diffTrust;
    request.choice = a.choice();
    request.diffOptions.ignoreUnmodelled = a.ignoreUnmodelled;
    request.standards = a.standards;
    request.dpi = a.dpi;
    request.title = a.title;
    const std::string bytes = exporters::exportMap(ws, request);
    writeOutput(a.output, bytes);
    return 0;
}

} // namespace

void addExportCommand(CLI::App& parent, Invocation& inv) {
    auto a = std::make_shared<ExportArgs>();
    auto* cmd = parent.add_subcommand(
        "export", "Export a map: a picture (svg, png, pdf) for a paper, its dot or json, or "
                  "bpmn for BPMN tools");
    cmd->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    cmd->add_option("MAP", a->map, "Map id (see strawman map list)")->required();
    std::vector<std::string> names;
    for (exporters::ExportFormat f : exporters::exportFormats())
        names.emplace_back(exporters::exportFormatName(f));
    cmd->add_option("--format", a->format,
                    exporters::exportFormatList() +
                        " (default: from the -o file's extension, else dot)")
        ->check(CLI::IsMember(names));
    cmd->add_option("-o,--output", a->output, "Output file (default: standard output)");
    cmd->add_option("--diff-trust", a->diffTrust,
                    "Draw this trust's data on the map, as the editor's Diff tab does (pictures)");
    addCaseOptions(*cmd, *a);
    cmd->add_flag("--standards", a->standards,
                  "Draw the agreed standards' badges: the map's, and each rule's on its step");
    cmd->add_option("--dpi", a->dpi, "Pixels per inch of a PNG")->capture_default_str();
    cmd->add_flag("--title", a->title,
                  "A footer with the map's name, version, content hash and the date");
    cmd->callback([&inv, a] { inv.run = [a] { return runExport(*a); }; });
}

} // namespace strawman::cli
