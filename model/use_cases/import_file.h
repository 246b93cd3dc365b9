// Importing one event file for a trust, as `strawman import` and the editor's
// Data panel both do it: the reader chosen by the format, the CSV columns and
// delimiter, the time zone, the pseudonymisation key (the network's default
// one unless a key file is named), the file's SHA-256 computed beside the
// import, the policy for unmapped codes, and all or nothing under `strict`.
//
// The caller parses its own input (command-line options, form fields) into an
// ImportRequest and shows the ImportReport. Given a Progress, the import
// reports how far it has got and stops when asked, throwing Cancelled and
// storing nothing; an import that has committed is not undone by a late cancel.
#pragma once

#include "model/events/event_import.h"
#include "model/events/import_report.h"
#include "model/store/workspace.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace strawman::model {

class Progress;

struct ImportRequest {
    std::filesystem::path file;
    std::string trust;                      // ODS code, e.g. RPA
    std::string format;                     // csv, xes, hl7 or did; "" = from the file's name
    std::string columns;                    // CSV: as parseColumnSpec reads it; "" = guessed
    std::optional<char> delimiter;          // CSV: , ; | or tab; nullopt = detected
    std::string timeZone = "Europe/London"; // of local times without an offset
    std::string timeFormat;                 // "" = the formats parseTimestamp knows
    std::filesystem::path keyFile;          // "" = PseudonymKey::defaultPath(the network)
    bool allLifecycle = false;              // XES: every transition, not completions only
    UnmappedCodes unmapped = UnmappedCodes::Abort;
    bool addActivities = false;    // take the log's activity names into the vocabulary
    bool force = false;            // import a file that was imported before
    bool dropExactRepeats = false; // leave out events repeated exactly (counted either way)
    bool strict = false;           // store nothing when any row is rejected
    std::string importedBy;        // "" = the user running the program
};

// Imports request.file into ws and returns its report (report.file is the
// path as given). Throws Error, having stored nothing, for an unknown trust,
// format or time zone, a delimiter given for a file that is not CSV, a bad
// column list, or a file that cannot be read as a whole (InputError: file,
// line, reason); Cancelled when progress asks it to stop.
ImportReport importFile(Workspace& ws, const ImportRequest& request, Progress* progress = nullptr);

// The format a file's name suggests (csv, xes or hl7; a .gz after the
// extension allowed), or nullopt when the name does not tell.
std::optional<std::string> formatFromName(const std::filesystem::path& file);

} // namespace strawman::model
