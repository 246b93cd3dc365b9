#include "import_form.h"

#include "error_text.h"

#include "model/core/error.h"
#include "model/events/readers/csv_reader.h"
#include "model/events/readers/local_time.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace strawman::editor {

namespace {

constexpr const char* kDefaultZone = "Europe/London";

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::optional<char> delimiterOf(DelimiterChoice choice) {
    switch (choice) {
    case DelimiterChoice::Detect:
        return std::nullopt;
    case DelimiterChoice::Comma:
        return ',';
    case DelimiterChoice::Semicolon:
        return ';';
    case DelimiterChoice::Tab:
        return '\t';
    case DelimiterChoice::Bar:
        return '|';
    }
    return std::nullopt;
}

std::string zoneOf(const ImportFormFields& fields) {
    const std::string zone = trimmed(fields.timeZone);
    return zone.empty() ? kDefaultZone : zone;
}

} // namespace

std::filesystem::path chosenFile(const std::string& typed, const std::filesystem::path& folder) {
    std::string text = trimmed(typed);
    // A path pasted from a file manager or a shell often comes quoted.
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
        text.back() == text.front())
        text = text.substr(1, text.size() - 2);
    if (text == "~" || text.starts_with("~/"))
        if (const char* home = std::getenv("HOME"); home && *home) text = home + text.substr(1);
    std::filesystem::path path(text);
    return path.is_absolute() || text.empty() ? path : folder / path;
}

std::optional<std::string> formatToRead(const ImportFormFields& fields) {
    switch (fields.format) {
    case FormatChoice::Csv:
        return "csv";
    case FormatChoice::Xes:
        return "xes";
    case FormatChoice::Hl7:
        return "hl7";
    case FormatChoice::Did:
        return "did";
    case FormatChoice::FromName:
        break;
    }
    return model::formatFromName(chosenFile(fields.path, {}).filename());
}

std::string formProblem(const ImportFormFields& fields, const std::filesystem::path& folder) {
    if (trimmed(fields.path).empty()) return "Type the path of an event file, or pick one below.";
    const auto file = chosenFile(fields.path, folder);
    std::error_code error;
    const auto status = std::filesystem::status(file, error);
    if (!std::filesystem::exists(status)) return "There is no file at " + file.string() + ".";
    if (std::filesystem::is_directory(status))
        return file.string() + " is a folder: choose a file in it.";
    const auto format = formatToRead(fields);
    if (!format)
        return "Cannot tell the format of " + file.filename().string() +
               " from its name: choose CSV, XES, HL7 or DID.";
    const bool csv = *format == "csv" || *format == "did";
    if (!csv && fields.delimiter != DelimiterChoice::Detect)
        return "A delimiter is for CSV files; " + file.filename().string() + " is read as " +
               *format + ".";
    try {
        if (csv && !trimmed(fields.columns).empty())
            model::parseColumnSpec(trimmed(fields.columns));
        model::TimeZone::named(zoneOf(fields));
    } catch (const model::Error& e) {
        return errorText(e);
    }
    // A mistyped key path would silently make a new key, and the pseudonyms of
    // this import would then link with nothing already stored.
    const std::string key = trimmed(fields.keyFile);
    if (!key.empty() && !std::filesystem::exists(chosenFile(key, folder), error))
        return "There is no key at " + chosenFile(key, folder).string() +
               ": leave the key empty to use the network's own key.";
    return {};
}

model::ImportRequest importRequest(const ImportFormFields& fields, const std::string& trust,
                                   const std::filesystem::path& folder) {
    if (const std::string problem = formProblem(fields, folder); !problem.empty())
        throw model::Error(problem);
    model::ImportRequest request;
    request.file = chosenFile(fields.path, folder);
    request.trust = trust;
    request.format = fields.format == FormatChoice::FromName ? "" : *formatToRead(fields);
    const bool csv = formatToRead(fields) == "csv" || formatToRead(fields) == "did";
    if (csv) {
        request.columns = trimmed(fields.columns);
        request.delimiter = delimiterOf(fields.delimiter);
    }
    request.timeZone = zoneOf(fields);
    if (!trimmed(fields.keyFile).empty()) request.keyFile = chosenFile(fields.keyFile, folder);
    request.unmapped =
        fields.leaveOutUnmapped ? model::UnmappedCodes::Ignore : model::UnmappedCodes::Abort;
    request.force = fields.importAgain;
    request.dropExactRepeats = fields.dropExactRepeats;
    return request;
}

std::vector<std::filesystem::path> eventFilesIn(const std::filesystem::path& folder,
                                                std::size_t limit) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    std::filesystem::directory_iterator it(folder, error);
    if (error) return files;
    for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
        if (error) break;
        std::error_code typeError;
        if (!it->is_regular_file(typeError)) continue;
        if (model::formatFromName(it->path().filename())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.filename() < b.filename(); });
    if (files.size() > limit) files.resize(limit);
    return files;
}

} // namespace strawman::editor
