// The Export dialog's form, without ImGui: the format (from the exporters'
// own list), the options that apply to it, where the file goes, what is wrong
// before anything starts, and the exporters::MapExportRequest it makes. The
// same use case as `strawman export`, with its defaults and its words.
//
// The path starts as the suggested file name in the last folder exported to,
// else the workspace's folder. Until the user types a name of their own, the
// name follows the map and the format; once they have, only a format's
// extension on it follows the format ("board.svg" becomes "board.png"), so the
// name never says one format while the file holds another.
#pragma once

#include "diff_view.h"

#include "exporters/map_export.h"
#include "model/maps/process_map.h"
#include "model/store/workspace.h"

#include <filesystem>
#include <string>

namespace strawman::editor {

class ExportForm {
  public:
    // Shows the form for `map`; `workspaceFolder` is the folder of the
    // workspace file, where a first export goes.
    void open(const model::MapSummary& map, const std::filesystem::path& workspaceFolder);

    model::MapId map() const { return m_map.id; }
    const model::MapSummary& mapSummary() const { return m_map; }

    exporters::ExportFormat format() const { return m_format; }
    void setFormat(exporters::ExportFormat format);
    // Which options the format takes: the picture options for SVG, PNG and
    // PDF, the DPI for PNG alone. The others are not asked for.
    bool takesPictureOptions() const { return exporters::isPicture(m_format); }
    bool takesDpi() const { return m_format == exporters::ExportFormat::Png; }

    // The picture options, as `strawman export` takes them.
    bool drawDiff = false; // --diff-trust
    DiffChoice diff;       // the trust and which of its cases, as the Diff tab chooses them
    bool standards = false;
    double dpi = 96;
    bool title = false;

    // The path as shown and typed.
    const std::string& path() const { return m_path; }
    // The user's own path: from now on only a format's extension follows the format.
    void setPath(std::string typed);
    bool namedByUser() const { return m_namedByUser; }
    // The file the path names (~ for home, a relative path from the workspace's folder).
    std::filesystem::path file() const;

    // What stops the export from starting, as a sentence; empty when it can
    // start. The request's own problems are worded as `strawman export`
    // words them (exporters::requestProblem).
    std::string problem(const model::Workspace& ws) const;

    // The request the form makes: options the format does not take are left
    // at their defaults, as the CLI leaves an option not given.
    exporters::MapExportRequest request() const;

    // After a successful export: the next one starts in the same folder.
    void exported();
    const std::filesystem::path& lastFolder() const { return m_lastFolder; }

  private:
    void suggestName(const std::filesystem::path& folder);

    model::MapSummary m_map;
    exporters::ExportFormat m_format = exporters::ExportFormat::Svg;
    std::filesystem::path m_workspaceFolder, m_lastFolder;
    std::string m_path;
    bool m_namedByUser = false;
};

// A small picture of what the export will draw, for the dialog's preview: the
// request as a PNG at a DPI that makes `map` about `widthPx` pixels wide (a
// picture format), or the request unchanged (a text format: its first lines
// are the preview).
exporters::MapExportRequest previewRequest(const exporters::MapExportRequest& request,
                                           const model::MapContent& map, double widthPx = 720);

// The first `lines` lines of an export's text, for the preview of DOT, JSON
// and the other text formats.
std::string firstLines(const std::string& text, int lines);

} // namespace strawman::editor
