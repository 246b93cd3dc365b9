#include "log_export.h"

#include "csv_log_writer.h"
#include "xes_writer.h"

#include "model/use_cases/trust_cases.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace strawman::exporters {

namespace {

std::string lowerCase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

std::string_view logFormatName(LogFormat format) {
    return format == LogFormat::Xes ? "xes" : "csv";
}

std::optional<LogFormat> logFormatNamed(std::string_view name) {
    const std::string n = lowerCase(name);
    if (n == "xes") return LogFormat::Xes;
    if (n == "csv") return LogFormat::Csv;
    return std::nullopt;
}

std::optional<LogFormat> logFormatOfPath(std::string_view path) {
    const auto dot = path.rfind('.');
    const auto slash = path.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return std::nullopt;
    return logFormatNamed(path.substr(dot + 1));
}

LogExportSummary exportLog(const model::Workspace& ws, const LogExportRequest& request,
                           std::ostream& out, model::Progress* progress) {
    // Loading and writing take about as long as each other.
    model::ProgressPart loading(progress, 0.0, 0.5), writing(progress, 0.5, 1.0);
    const model::TrustCases chosen =
        model::trustCases(ws, request.trust, request.choice, progress ? &loading : nullptr);
    LogExportSummary summary;
    summary.trust = chosen.trust;
    summary.casesInLog = static_cast<std::int64_t>(chosen.log.caseCount());
    summary.cases = static_cast<std::int64_t>(chosen.chosen.size());
    for (const std::uint32_t c : chosen.chosen)
        summary.events += static_cast<std::int64_t>(chosen.log.caseEvents(c).size());
    model::Progress* part = progress ? &writing : nullptr;
    summary.bytes = request.format == LogFormat::Xes
                        ? writeXes(chosen.log, chosen.chosen, chosen.trust.code, out, part)
                        : writeCsvLog(chosen.log, chosen.chosen, out, part);
    return summary;
}

} // namespace strawman::exporters
