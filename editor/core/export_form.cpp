#include "export_form.h"

#include "import_form.h"

#include <algorithm>
#include <system_error>

namespace strawman::editor {

void ExportForm::open(const model::MapSummary& map, const std::filesystem::path& workspaceFolder) {
    const bool sameMap = map.id == m_map.id;
    m_map = map;
    m_workspaceFolder = workspaceFolder;
    // Another map starts from a suggested name again; the same map keeps a
    // name the user typed, and follows a new version otherwise.
    if (!sameMap) m_namedByUser = false;
    if (!m_namedByUser) suggestName(m_lastFolder.empty() ? m_workspaceFolder : m_lastFolder);
}

void ExportForm::suggestName(const std::filesystem::path& folder) {
    m_path = (folder / exporters::suggestedFileName(m_map, m_format)).string();
}

void ExportForm::setFormat(exporters::ExportFormat format) {
    if (format == m_format) return;
    m_format = format;
    if (!m_namedByUser) {
        suggestName(file().parent_path());
        return;
    }
    // The user's own name keeps its stem; an export format's extension on it
    // becomes the new format's.
    if (exporters::exportFormatOfPath(m_path)) {
        std::filesystem::path p(m_path);
        p.replace_extension(std::string(exporters::exportFormatName(format)));
        m_path = p.string();
    }
}

void ExportForm::setPath(std::string typed) {
    if (typed == m_path) return;
    m_path = std::move(typed);
    m_namedByUser = true;
}

std::filesystem::path ExportForm::file() const {
    return chosenFile(m_path, m_workspaceFolder);
}

std::string ExportForm::problem(const model::Workspace& ws) const {
    if (m_map.id.value == 0) return "open a map first";
    const std::filesystem::path target = file();
    if (target.empty() || !target.has_filename()) return "name the file to write";
    std::error_code ec;
    if (std::filesystem::is_directory(target, ec))
        return target.string() + " is a folder: name a file in it";
    const std::filesystem::path folder = target.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
        return "cannot write " + target.string() + ": there is no folder " + folder.string();
    return exporters::requestProblem(ws, request());
}

exporters::MapExportRequest ExportForm::request() const {
    exporters::MapExportRequest r;
    r.map = m_map.id;
    r.format = m_format;
    if (!takesPictureOptions()) return r;
    if (drawDiff) {
        r.diffTrust = diff.trust;
        r.choice = diff; // the cases: days, time zone and the filters
        r.diffOptions.ignoreUnmodelled = diff.ignoreUnmodelled;
    }
    r.standards = standards;
    r.title = title;
    if (takesDpi()) r.dpi = dpi;
    return r;
}

void ExportForm::exported() {
    m_lastFolder = file().parent_path();
}

exporters::MapExportRequest previewRequest(const exporters::MapExportRequest& request,
                                           const model::MapContent& map, double widthPx) {
    exporters::MapExportRequest preview = request;
    if (!exporters::isPicture(request.format)) return preview;
    preview.format = exporters::ExportFormat::Png;
    // The map's width in points (72 to the inch); a map not laid out yet is
    // drawn at the smallest size.
    double right = 0, left = 0;
    bool any = false;
    for (const model::Node& n : map.nodes) {
        if (n.width <= 0) continue;
        left = any ? std::min(left, n.x - n.width / 2) : n.x - n.width / 2;
        right = any ? std::max(right, n.x + n.width / 2) : n.x + n.width / 2;
        any = true;
    }
    const double points = any ? right - left + 80 : 0; // the picture's margins
    preview.dpi = points > 0 ? std::clamp(widthPx * 72 / points, 24.0, 96.0) : 24.0;
    return preview;
}

std::string firstLines(const std::string& text, int lines) {
    std::size_t end = 0;
    for (int i = 0; i < lines && end < text.size(); ++i) {
        const std::size_t nl = text.find('\n', end);
        end = nl == std::string::npos ? text.size() : nl + 1;
    }
    return text.substr(0, end);
}

} // namespace strawman::editor
