// The diff and the trust comparison as CSV, as `strawman diff --format csv` and
// `strawman compare --format csv` print them: a table a manager opens in a
// spreadsheet, beside the JSON (model/use_cases/diff_json.h) which stays the
// machine-readable form. The numbers are the JSON's: durations in hours (the
// JSON's seconds / 3600), shares in percent (docs/formats.md, "Diff results as CSV").
//
// RFC 4180 with a comma, CRLF line ends and a UTF-8 byte order mark, which is
// how Excel knows the file is UTF-8 (a map named "CT – outpatient" reads right).
#pragma once

#include "model/maps/network.h"
#include "model/use_cases/trust_comparison.h"
#include "model/use_cases/trust_diff.h"

#include <string>
#include <vector>

namespace strawman::exporters {

// One row per step as recorded (drawn or not), per drawn arrow no case
// follows and per interval asked for. Columns: Trust, Map, Version, What, From,
// To, Cases, Share of cases (%), Times, Median (hours), P90 (hours), Max (hours).
std::string diffCsv(const model::TrustDiff& diff, const model::MapSummary& map,
                    const std::vector<model::IntervalSpec>& intervals);

// One row per trust: Trust, Map, Map name, Cases, Log fitness, Average trace
// fitness, Fitting cases (%), four columns per interval (cases, median, P90,
// without its end), Most common deviations, Problem.
std::string comparisonCsv(const std::vector<model::TrustComparisonRow>& rows,
                          const std::vector<model::IntervalSpec>& intervals);

} // namespace strawman::exporters
