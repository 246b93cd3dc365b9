// Exporting a trust's event log: `strawman log export` calls this one use
// case. The cases are chosen exactly as the diff chooses them
// (model/use_cases/trust_cases.h); every stored event of those cases is written
// with every stored attribute, the case named by its pseudonym only. Patient
// pseudonyms are not written: a file that leaves the workspace should not link
// a patient's cases, across trusts or with another export.
#pragma once

#include "model/core/progress.h"
#include "model/store/workspace.h"
#include "model/use_cases/case_choice.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace strawman::exporters {

enum class LogFormat { Xes, Csv };

// "xes", "csv": the names the CLI offers.
std::string_view logFormatName(LogFormat format);
std::optional<LogFormat> logFormatNamed(std::string_view name);
// The format a file name's extension says (".xes", ".csv"), if any.
std::optional<LogFormat> logFormatOfPath(std::string_view path);

struct LogExportRequest {
    std::string trust;        // ODS code
    model::CaseChoice choice; // which of its cases, as `strawman diff` takes them
    LogFormat format = LogFormat::Xes;
};

struct LogExportSummary {
    model::Trust trust;
    std::int64_t casesInLog = 0; // before the choice
    std::int64_t cases = 0, events = 0;
    std::uint64_t bytes = 0;
};

// Writes the log to out as it goes. Throws model::Error for an unknown trust or
// time zone, BadDay, and Cancelled when progress asks to stop (the caller then
// discards what was written: OutputFile does).
LogExportSummary exportLog(const model::Workspace& ws, const LogExportRequest& request,
                           std::ostream& out, model::Progress* progress = nullptr);

} // namespace strawman::exporters
