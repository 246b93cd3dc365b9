// Exporting a map: `strawman export` and the editor's Export dialog call this one
// use case, with the same defaults and names. A picture (SVG, PNG, PDF), the
// map's DOT or JSON, or BPMN 2.0 XML for other modelling tools; a picture may carry the diff of one
// trust's data (chosen as `strawman diff` chooses it), the standards' badges and
// a footer saying what it is (name, version, content hash, date).
#pragma once

#include "output_file.h" // writeFileWhole, how an export's bytes reach their file

#include "model/conformance/diff.h"
#include "model/core/progress.h"
#include "model/store/workspace.h"
#include "model/use_cases/case_choice.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::exporters {

enum class ExportFormat { Svg, Png, Pdf, Dot, Json, Bpmn };

// "svg", "png", "pdf", "dot", "json", "bpmn"; the names the CLI and the dialog
// offer, and the files' extensions.
std::string_view exportFormatName(ExportFormat format);
// Every name, for messages: "svg, png, pdf, dot, json or bpmn".
std::string exportFormatList();
std::optional<ExportFormat> exportFormatNamed(std::string_view name);
// The format a file name's extension says (".svg", ".bpmn", ...), if any.
std::optional<ExportFormat> exportFormatOfPath(std::string_view path);
const std::vector<ExportFormat>& exportFormats();
// Whether the format is a picture, which takes the picture options below.
bool isPicture(ExportFormat format);

struct MapExportRequest {
    model::MapId map;
    // The version drawn, by number: a decision pack draws the version voted
    // on, which need not be the map's current one. None: the current version.
    std::optional<int> version;
    ExportFormat format = ExportFormat::Svg;
    // Pictures only:
    std::string diffTrust;    // a trust's code: its diff drawn on the map; empty for none
    model::CaseChoice choice; // which of its cases
    model::DiffOptions diffOptions;
    bool standards = false; // standard badges
    double dpi = 96;        // PNG
    bool title = false;     // the footer
};

// What a picture's footer says: the map's name and trust, its version and
// status, its content hash, and the day it was exported.
std::vector<std::string> pictureFooter(const model::MapSummary& map,
                                       const model::MapContent& content, std::string_view today);

// What is wrong with the request's own options, in the words `strawman export`
// and the editor's Export dialog both show: options a format does not take, a
// DPI out of range. Empty when nothing is.
std::string optionsProblem(const MapExportRequest& request);

// What stops the request before any work starts: optionsProblem, then a map or
// trust the workspace does not have, or a day or time zone that cannot be read;
// worded as exportMap would throw it. Empty when nothing does.
std::string requestProblem(const model::Workspace& ws, const MapExportRequest& request);

// The export's bytes. A map never laid out is laid out first (left to right), as
// the editor shows it; the workspace is not changed. Throws model::Error for an
// unknown map or trust, a DPI out of range, or options the format does not take.
std::string exportMap(const model::Workspace& ws, const MapExportRequest& request,
                      model::Progress* progress = nullptr);

// A name for the file: the map's name in lower case with dashes, its version
// and the format's extension ("ct-outpatient-pathway-rpa-v1.svg").
std::string suggestedFileName(const model::MapSummary& map, ExportFormat format);

} // namespace strawman::exporters
