// Reads event rows from a CSV extract (RFC 4180, as RIS reports and Excel write
// them; plain or gzip-compressed) and streams them to an EventSink. The user names the columns, or
// they are guessed from the header and the guess is reported as a note. Only the mapped columns are
// read: other columns (report text, names) never reach an event. Memory stays at one block plus the
// longest row, whatever the file's size.
#pragma once

#include "source_event.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace strawman::model {

// Header names of the columns to read. Empty means "not given": a required one
// (case, activity, timestamp) is then guessed, an optional one guessed if the
// header has a likely name.
struct CsvColumns {
    std::string caseKey;   // accession number, order number
    std::string activity;  // status code or activity name
    std::string timestamp; // when that status was reached
    std::string patient;   // NHS or hospital number
    std::string modality;
    std::string priority;
    std::string patientSource;
    std::string site;
    std::string resource;
    std::string examination;

    bool operator==(const CsvColumns&) const = default;
};

// Reads `case=Accession,activity=Status,timestamp="Event Time",modality=Mod`.
// Keys: case, activity, timestamp, patient, modality, priority, source, site,
// resource, examination. Names may be quoted ("..." or '...') to hold a comma or
// an equals sign. Throws Error for an unknown key, a key given twice or a
// missing name.
CsvColumns parseColumnSpec(std::string_view spec);

struct CsvOptions {
    std::optional<CsvColumns> columns;      // nullopt: all guessed from the header
    char delimiter = 0;                     // 0: detected among , ; tab | from the header
    std::string timeZone = "Europe/London"; // for local times without an offset
    std::string timeFormat;                 // empty: the formats parseTimestamp knows
    // The NHS Diagnostic Imaging Dataset layout: one row per examination whose
    // request, received, test and report dates become REQ, RCV, CMP and VER events.
    bool did = false;
    // Tuning, mostly for tests: the read size and the longest row accepted
    // (a longer one is rejected and skipped, so an unterminated quote cannot
    // pull the rest of the file into memory).
    std::size_t blockSize = std::size_t{1} << 20;
    std::size_t maxRowBytes = std::size_t{16} << 20;
};

// Throws InputError(file, line, reason) when the file as a whole cannot be read:
// it cannot be opened, is empty, its header lacks a column (named, with the
// header's columns listed) or the time zone is unknown. A row that cannot be used
// is sink.reject(line, reason) and reading goes on. Values are trimmed of
// surrounding spaces; otherwise codes are passed on exactly as written.
// A timestamp column named "... Time" holding times only ("09:30") is read with
// its "... Date" column, and the same for the DID dates; the note says so.
void readCsv(const std::filesystem::path& file, const CsvOptions& options, EventSink& sink);

// Appends one field, quoted when it holds the delimiter, a quote, a line break or
// surrounding spaces (quotes doubled inside).
void writeCsvField(std::string& out, std::string_view field, char delimiter = ',');

} // namespace strawman::model
