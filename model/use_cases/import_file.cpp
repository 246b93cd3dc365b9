#include "import_file.h"

#include "model/core/error.h"
#include "model/core/progress.h"
#include "model/events/file_digest.h"
#include "model/events/pseudonym.h"
#include "model/events/readers/csv_reader.h"
#include "model/events/readers/hl7_reader.h"
#include "model/events/readers/local_time.h"
#include "model/events/readers/xes_reader.h"
#include "model/store/audit_log.h"
#include "model/store/event_store.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <future>

namespace strawman::model {

std::optional<std::string> formatFromName(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    auto endsWith = [&](std::string_view suffix) {
        return name.size() >= suffix.size() &&
               std::equal(suffix.rbegin(), suffix.rend(), name.rbegin(), [](char a, char b) {
                   return a == std::tolower(static_cast<unsigned char>(b));
               });
    };
    // The readers take gzip-compressed files whatever their name; these names say so.
    for (const char* csv : {".csv", ".tsv", ".csv.gz", ".tsv.gz"})
        if (endsWith(csv)) return "csv";
    for (const char* xes : {".xes", ".xes.gz"})
        if (endsWith(xes)) return "xes";
    for (const char* hl7 : {".hl7", ".mllp", ".hl7.gz", ".mllp.gz"})
        if (endsWith(hl7)) return "hl7";
    return std::nullopt;
}

namespace {

// The request's format, checked; every other check that needs no reading too,
// so a mistake is refused before the key is made or anything is stored.
std::string checkedFormat(const ImportRequest& request) {
    const std::string file = request.file.string();
    std::string format = request.format;
    if (format.empty()) {
        const auto named = formatFromName(request.file);
        if (!named)
            throw Error("cannot tell the format of " + file +
                        " from its name: choose csv, xes, hl7 or did");
        format = *named;
    }
    if (format != "csv" && format != "xes" && format != "hl7" && format != "did")
        throw Error("unknown format \"" + format + "\" for " + file +
                    ": choose csv, xes, hl7 or did");
    TimeZone::named(request.timeZone); // an unknown zone is refused before anything starts
    const bool csv = format == "csv" || format == "did";
    if (request.delimiter && !csv)
        throw Error("a delimiter is for CSV files; " + file + " is read as " + format);
    if (request.delimiter &&
        std::string_view(",;|\t").find(*request.delimiter) == std::string_view::npos)
        throw Error("a CSV delimiter is , ; | or tab");
    if (!request.columns.empty() && csv) parseColumnSpec(request.columns);
    return format;
}

void readInto(EventImport& import, const ImportRequest& request, const std::string& format) {
    if (format == "csv" || format == "did") {
        CsvOptions options;
        if (!request.columns.empty()) options.columns = parseColumnSpec(request.columns);
        if (request.delimiter) options.delimiter = *request.delimiter;
        options.timeZone = request.timeZone;
        options.timeFormat = request.timeFormat;
        options.did = format == "did";
        readCsv(request.file, options, import);
    } else if (format == "xes") {
        XesOptions options;
        options.timeZone = request.timeZone;
        options.lifecycle =
            request.allLifecycle ? XesOptions::Lifecycle::All : XesOptions::Lifecycle::Complete;
        readXes(request.file, options, import);
    } else {
        Hl7Options options;
        options.timeZone = request.timeZone;
        readHl7(request.file, options, import);
    }
}

} // namespace

ImportReport importFile(Workspace& ws, const ImportRequest& request, Progress* progress) {
    const Trust trust = ws.trust(request.trust);
    const std::string format = checkedFormat(request);
    const std::string file = request.file.string();
    stopIfCancelled(progress, "the import of " + request.file.filename().string() +
                                  " was cancelled; nothing was stored");

    const auto keyPath = request.keyFile.empty()
                             ? PseudonymKey::defaultPath(ws.events().networkId())
                             : request.keyFile;
    const bool newKey = !std::filesystem::exists(keyPath);
    const auto key = PseudonymKey::loadOrCreate(keyPath);

    ImportSettings settings;
    settings.trust = trust.id;
    settings.fileName = request.file.filename().string();
    // The digest is a whole pass over the file: it runs beside the import.
    settings.sha256Later =
        std::async(std::launch::async, [path = request.file] { return fileSha256(path); }).share();
    settings.format = format;
    settings.importedBy = request.importedBy.empty() ? currentUser() : request.importedBy;
    settings.force = request.force;
    settings.dropExactRepeats = request.dropExactRepeats;
    settings.addActivities = request.addActivities;
    settings.unmapped = request.unmapped;
    if (format == "hl7") settings.formatCodes = defaultHl7Codes();

    settings.strict = request.strict;

    EventImport import(ws.events(), key, settings, progress);
    if (newKey)
        import.note("a new pseudonymisation key was made at " + keyPath.string() +
                    ": keep it safe and give the same key wherever this network's "
                    "data is imported");
    readInto(import, request, format);
    ImportReport report = import.finish();
    report.file = file;
    return report;
}

} // namespace strawman::model
