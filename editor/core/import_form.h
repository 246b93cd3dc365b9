// The Data panel's "Import a file" form, without ImGui: the fields a manager
// fills in, what is wrong with them (said before anything starts), the
// model::ImportRequest they make, and the event files in the workspace's folder
// offered to click, since ImGui has no file dialog.
//
// A path typed without a folder is read against the workspace's folder, where
// trusts usually keep their extracts beside the network file.
#pragma once

#include "model/use_cases/import_file.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

enum class FormatChoice { FromName, Csv, Xes, Hl7, Did };
enum class DelimiterChoice { Detect, Comma, Semicolon, Tab, Bar };

struct ImportFormFields {
    std::string path; // as typed
    FormatChoice format = FormatChoice::FromName;
    DelimiterChoice delimiter = DelimiterChoice::Detect; // CSV only
    std::string columns;  // as `strawman import --columns` takes it; "" = guessed from the header
    std::string timeZone; // "" = Europe/London
    std::string keyFile;  // "" = the network's own key in the user's config folder
    bool leaveOutUnmapped = false; // else a file with an unmapped code is refused whole
    bool importAgain = false;      // take a file that was imported before
    bool dropExactRepeats = false; // leave out events repeated exactly (counted either way)

    bool operator==(const ImportFormFields&) const = default;
};

// The file the typed path names: spaces and quotes around it dropped, ~ for
// the home folder, and a relative path taken from `folder`.
std::filesystem::path chosenFile(const std::string& typed, const std::filesystem::path& folder);

// How the file will be read ("csv", "xes", "hl7", "did"): the format chosen,
// or the one its name tells; nullopt when neither says.
std::optional<std::string> formatToRead(const ImportFormFields& fields);

// What stops the import from starting, as a sentence for the user (no file
// there, a format the name does not tell, a bad column list or time zone, a
// key file that is not there); empty when it can start.
std::string formProblem(const ImportFormFields& fields, const std::filesystem::path& folder);

// The request the form makes for the trust with ODS code `trust`. Throws
// model::Error with formProblem's sentence when the fields are not ready.
model::ImportRequest importRequest(const ImportFormFields& fields, const std::string& trust,
                                   const std::filesystem::path& folder);

// The files directly in `folder` whose names tell an event format (.csv,
// .tsv, .xes, .hl7, .mllp, also .gz), sorted by name, at most `limit`. An
// unreadable or missing folder has none.
std::vector<std::filesystem::path> eventFilesIn(const std::filesystem::path& folder,
                                                std::size_t limit = 50);

} // namespace strawman::editor
