// A trust's stored events as a CSV file (RFC 4180, comma, UTF-8, one row per
// event in case order), which a spreadsheet opens and `strawman import` reads
// back: its header names are ones the CSV reader guesses
// (model/events/readers/csv_reader.h), and kCsvLogColumns is the column list
// that says them outright.
//
// Columns: case (the case's pseudonym, 64 hex digits), activity (the network's
// code), timestamp (local time with its UTC offset, ISO 8601), modality,
// priority, patient source, site, resource, examination; empty where the event
// has no value. A field holding a comma, a quote, a line break or spaces at its
// ends is quoted. Streams, as the XES writer does.
#pragma once

#include "model/core/progress.h"
#include "model/events/event_log.h"

#include <cstdint>
#include <ostream>
#include <span>
#include <string_view>

namespace strawman::exporters {

// The `--columns` an import of the file may give (the header's guess is the same).
inline constexpr std::string_view kCsvLogColumns =
    "case=case,activity=activity,timestamp=timestamp,modality=modality,priority=priority,"
    "source=\"patient source\",site=site,resource=resource,examination=examination";

std::uint64_t writeCsvLog(const model::EventLog& log, std::span<const std::uint32_t> cases,
                          std::ostream& out, model::Progress* progress = nullptr);

} // namespace strawman::exporters
