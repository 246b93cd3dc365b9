#include "map_export.h"

#include "bpmn_writer.h"
#include "dot_format.h"
#include "map_json.h"
#include "picture.h"

#include "editor/geometry/diff_overlay.h"
#include "forum/standards.h"
#include "model/core/clock.h"
#include "model/core/error.h"
#include "model/maps/content_hash.h"
#include "model/maps/layout.h"
#include "model/use_cases/trust_diff.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>

namespace strawman::exporters {

namespace {

struct FormatName {
    ExportFormat format;
    std::string_view name;
};
constexpr FormatName kFormats[] = {
    {ExportFormat::Svg, "svg"}, {ExportFormat::Png, "png"},   {ExportFormat::Pdf, "pdf"},
    {ExportFormat::Dot, "dot"}, {ExportFormat::Json, "json"}, {ExportFormat::Bpmn, "bpmn"},
};

PictureFormat pictureFormat(ExportFormat format) {
    switch (format) {
    case ExportFormat::Png:
        return PictureFormat::Png;
    case ExportFormat::Pdf:
        return PictureFormat::Pdf;
    default:
        return PictureFormat::Svg;
    }
}

bool laidOut(const model::MapContent& map) {
    return std::all_of(map.nodes.begin(), map.nodes.end(),
                       [](const model::Node& n) { return n.width > 0 && n.height > 0; });
}

// Which activity a rule standard is about on the map: the step it ends at.
std::string stepOf(const forum::Rule& rule) {
    return rule.kind == forum::RuleKind::Presence ? rule.first : rule.second;
}

// The map standard's badge above the map, and each rule standard of the
// process above the step it measures; with a trust, whether that trust keeps it.
std::vector<PictureBadge> standardBadges(const model::Workspace& ws, const model::MapSummary& map,
                                         const model::MapContent& content,
                                         const std::string& trust) {
    const std::vector<forum::StandardView> standards = forum::agreedStandards(ws);
    std::vector<PictureBadge> badges;
    if (const forum::StandardBadge b = forum::standardBadge(standards, map); !b.empty())
        badges.push_back({b.text, b.current, ""});
    const auto rules = forum::ruleStandardsOf(standards, map.process);
    if (rules.empty()) return badges;
    std::map<std::int64_t, const forum::StandardCheck*> byStandard;
    std::vector<forum::StandardCheck> checks;
    if (!trust.empty()) {
        checks = forum::checkStandards(ws, std::nullopt, ws.trust(trust).id);
        for (const forum::StandardCheck& c : checks) byStandard[c.standard.value] = &c;
    }
    for (const forum::StandardView* s : rules) {
        PictureBadge badge{"Standard: " + forum::standardText(*s), true, stepOf(*s->rule)};
        const bool onMap =
            std::any_of(content.nodes.begin(), content.nodes.end(),
                        [&](const model::Node& n) { return n.activity == badge.activity; });
        if (!onMap) badge.activity.clear();
        if (auto c = byStandard.find(s->record.id.value); c != byStandard.end()) {
            const forum::RuleValue& v = c->second->check.overall;
            badge.kept = v.compliant;
            badge.text += "  \xC2\xB7  " + trust + " " +
                          (v.cases ? forum::valueText(*s->rule, v.value) : "no cases") + ", " +
                          (v.compliant ? "kept" : "not kept");
        }
        badges.push_back(std::move(badge));
    }
    return badges;
}

} // namespace

std::string_view exportFormatName(ExportFormat format) {
    for (const FormatName& f : kFormats)
        if (f.format == format) return f.name;
    return "svg";
}

std::string exportFormatList() {
    std::string out;
    for (std::size_t i = 0; i < std::size(kFormats); ++i) {
        if (i > 0) out += i + 1 == std::size(kFormats) ? " or " : ", ";
        out += kFormats[i].name;
    }
    return out;
}

std::optional<ExportFormat> exportFormatNamed(std::string_view name) {
    for (const FormatName& f : kFormats)
        if (f.name == name) return f.format;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatOfPath(std::string_view path) {
    std::string extension = std::filesystem::path(path).extension().string();
    if (extension.size() < 2) return std::nullopt;
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return exportFormatNamed(std::string_view(extension).substr(1));
}

const std::vector<ExportFormat>& exportFormats() {
    static const std::vector<ExportFormat> all = [] {
        std::vector<ExportFormat> out;
        for (const FormatName& f : kFormats) out.push_back(f.format);
        return out;
    }();
    return all;
}

bool isPicture(ExportFormat format) {
    return format == ExportFormat::Svg || format == ExportFormat::Png ||
           format == ExportFormat::Pdf;
}

std::vector<std::string> pictureFooter(const model::MapSummary& map,
                                       const model::MapContent& content, std::string_view today) {
    std::string first = map.name;
    if (!map.trustCode.empty() && map.name.find(map.trustCode) == std::string::npos)
        first += "  \xC2\xB7  " + map.trustCode;
    first += "  \xC2\xB7  version " + std::to_string(map.versionNumber) + " (" +
             (map.published ? "published" : model::toText(map.status)) + ")";
    // A draft has no stored hash yet: the hash of what is drawn says which
    // content this is all the same.
    const std::string hash = map.published ? map.hash : model::contentHash(content);
    return {first, "content " + hash + "  \xC2\xB7  exported " + std::string(today)};
}

namespace {

// The map as of the version asked for: its content, and its summary saying
// that version (the footer reads it). Throws model::Error for a version the map
// does not have.
std::pair<model::MapSummary, model::MapContent> mapAt(const model::Workspace& ws, model::MapId map,
                                                      std::optional<int> number) {
    model::MapSummary summary = ws.map(map);
    if (!number || *number == summary.versionNumber) return {summary, ws.content(map)};
    for (const model::MapVersionInfo& v : ws.versions(map))
        if (v.number == *number) {
            summary.version = v.id;
            summary.versionNumber = v.number;
            summary.published = v.published;
            summary.hash = v.hash;
            return {summary, ws.content(v.id)};
        }
    throw model::Error("map " + std::to_string(map.value) + " has no version " +
                       std::to_string(*number));
}

} // namespace

std::string optionsProblem(const MapExportRequest& request) {
    const std::string name(exportFormatName(request.format));
    if (!isPicture(request.format) &&
        (!request.diffTrust.empty() || request.standards || request.title || request.dpi != 96))
        return "a diff, standard badges, a DPI and a title are for pictures (svg, png, pdf), "
               "not " +
               name;
    if (!(request.dpi >= 24 && request.dpi <= 1200))
        return "the DPI must be between 24 and 1200, not " +
               std::to_string(static_cast<long>(request.dpi));
    // SVG and PDF are drawn in points and scale without loss: a DPI would be
    // ignored, and the user who gave one is told rather than left to wonder.
    if (request.format != ExportFormat::Png && request.dpi != 96)
        return "a DPI is for PNG pictures, not " + name;
    return {};
}

std::string requestProblem(const model::Workspace& ws, const MapExportRequest& request) {
    if (std::string problem = optionsProblem(request); !problem.empty()) return problem;
    try {
        mapAt(ws, request.map, request.version);
        if (!request.diffTrust.empty()) {
            ws.trust(request.diffTrust);
            model::caseFilter(request.choice);
        }
    } catch (const model::Error& e) {
        return e.what();
    }
    return {};
}

std::string exportMap(const model::Workspace& ws, const MapExportRequest& request,
                      model::Progress* progress) {
    auto [summary, content] = mapAt(ws, request.map, request.version);
    if (const std::string problem = optionsProblem(request); !problem.empty())
        throw model::Error(problem);

    switch (request.format) {
    case ExportFormat::Dot:
        return toDot(content, summary.name);
    case ExportFormat::Json:
        return mapJson(summary, content);
    default:
        break;
    }

    if (!laidOut(content)) model::layout(content);
    // BPMN tools draw from the diagram interchange: shapes and lines where the map has them.
    if (request.format == ExportFormat::Bpmn) return toBpmn(content, summary.name);
    PictureOptions options;
    options.format = pictureFormat(request.format);
    options.dpi = request.dpi;
    std::optional<model::TrustDiff> diff;
    if (!request.diffTrust.empty()) {
        model::ProgressPart part(progress, 0, 0.8);
        diff = model::diffTrust(ws, content, request.diffTrust, request.choice, request.diffOptions,
                                {}, progress ? &part : nullptr);
        options.diff = &diff->result;
        options.diffHeading = editor::legendTitle(diff->trust.code, diff->result);
    }
    if (request.standards) options.badges = standardBadges(ws, summary, content, request.diffTrust);
    if (request.title)
        options.footer = pictureFooter(summary, content, model::nowUtc().substr(0, 10));
    if (progress) progress->report(0.9, "drawing the picture");
    std::string bytes = drawMap(content, options);
    if (progress) progress->report(1.0, "drawing the picture");
    return bytes;
}

std::string suggestedFileName(const model::MapSummary& map, ExportFormat format) {
    std::string stem;
    for (unsigned char c : map.name) {
        if (std::isalnum(c)) {
            stem += static_cast<char>(std::tolower(c));
        } else if (!stem.empty() && stem.back() != '-') {
            stem += '-';
        }
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    if (stem.empty()) stem = "map-" + std::to_string(map.id.value);
    return stem + "-v" + std::to_string(map.versionNumber) + "." +
           std::string(exportFormatName(format));
}

} // namespace strawman::exporters
