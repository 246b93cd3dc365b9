// strawman import | import list | import remove
#include "commands.h"
#include "messages.h"

#include "model/core/error.h"
#include "model/events/readers/local_time.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"
#include "model/use_cases/import_file.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <optional>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

namespace {

// [SECTION] import

// --delimiter: one of the separators the CSV reader would otherwise detect, tab
// also spelled out (a literal tab is awkward to type in a shell).
std::optional<char> parseDelimiter(const std::string& value) {
    if (value == "," || value == ";" || value == "|" || value == "\t") return value[0];
    if (value == "tab" || value == "TAB" || value == "\\t") return '\t';
    return std::nullopt;
}

struct ImportArgs {
    std::string ws, file, trust, format, columns, delimiterText, tz = "Europe/London", timeFormat,
                                                                 keyFile;
    std::optional<char> delimiter; // --delimiter, checked
    std::string lifecycle = "complete", unmapped = "abort";
    bool addActivities = false, force = false, strict = false, json = false,
         dropExactRepeats = false;
};

// The format named by --format, else the one the file's name says.
std::string formatOf(const ImportArgs& a) {
    if (!a.format.empty()) return a.format;
    const auto named = model::formatFromName(a.file);
    if (!named)
        throw model::Error("cannot tell the format of " + a.file +
                           " from its name: give --format csv, xes, hl7 or did");
    return *named;
}

model::ImportRequest importRequest(const ImportArgs& a, const std::string& format) {
    model::ImportRequest request;
    request.file = a.file;
    request.trust = a.trust;
    request.format = format;
    request.columns = a.columns;
    request.delimiter = a.delimiter;
    request.timeZone = a.tz;
    request.timeFormat = a.timeFormat;
    request.keyFile = a.keyFile;
    request.allLifecycle = a.lifecycle == "all";
    request.unmapped =
        a.unmapped == "ignore" ? model::UnmappedCodes::Ignore : model::UnmappedCodes::Abort;
    request.addActivities = a.addActivities;
    request.force = a.force;
    request.dropExactRepeats = a.dropExactRepeats;
    request.strict = a.strict;
    return request;
}

int runImport(const ImportArgs& a) {
    auto ws = Workspace::open(a.ws);
    // Mistakes in the options are refused here in the options' own words, in
    // the order the user meets them, before importFile checks them again.
    ws.trust(a.trust);
    const std::string format = formatOf(a);
    model::TimeZone::named(a.tz); // an unknown zone is refused before anything starts
    if (a.delimiter && format != "csv" && format != "did")
        throw model::Error("--delimiter is for CSV files; " + a.file + " is read as " + format);

    const model::ImportReport report = model::importFile(ws, importRequest(a, format));

    std::cout << (a.json ? model::toJson(report) + "\n" : model::toText(report, remedyText));
    if (report.refusedAsStrict) {
        std::cerr << "strawman: " << report.rowsRejected
                  << (report.rowsRejected == 1 ? " row was" : " rows were")
                  << " rejected (--strict): nothing was stored; correct the rows listed in the "
                     "report, or "
                     "import without --strict to keep the other rows\n";
        return 1;
    }
    return report.imported ? 0 : 1;
}

CLI::App* addImportCommand(CLI::App& app, Invocation& inv) {
    auto* command =
        app.add_subcommand("import", "Import RIS event data (CSV, XES, HL7 v2, DID) for a trust");
    command->require_subcommand(0, 1);
    auto a = std::make_shared<ImportArgs>();
    command->add_option("WORKSPACE", a->ws, "Workspace file");
    command->add_option("FILE", a->file, "Event file")->check(CLI::ExistingFile);
    command->add_option("--trust", a->trust, "ODS code of the trust the data is from");
    command->add_option("--format", a->format, "csv, xes, hl7 or did (default: from the file name)")
        ->check(CLI::IsMember({"csv", "xes", "hl7", "did"}));
    command->add_option(
        "--columns", a->columns,
        "CSV columns: case=…,activity=…,timestamp=…[,patient=…,modality=…,priority=…,"
        "source=…,site=…,resource=…,examination=…] (default: guessed from the header)");
    auto* delimiter = command->add_option(
        "--delimiter", a->delimiterText,
        "CSV field separator: , ; | or tab (default: detected from the header)");
    command->add_option("--tz", a->tz, "Time zone of local times without an offset")
        ->capture_default_str();
    command->add_option("--time-format", a->timeFormat, "Timestamp format, e.g. %d.%m.%Y %H:%M");
    command->add_option(
        "--key-file", a->keyFile,
        "Pseudonymisation key (default: in ~/.config/strawman/keys/, made on first use)");
    command
        ->add_option("--lifecycle", a->lifecycle,
                     "XES: complete (completions only; a log with no standard transition is read "
                     "as all) or all")
        ->capture_default_str()
        ->check(CLI::IsMember({"complete", "all"}));
    command
        ->add_option(
            "--unmapped", a->unmapped,
            "Local codes with no mapping: abort (store nothing) or ignore (leave those events out)")
        ->capture_default_str()
        ->check(CLI::IsMember({"abort", "ignore"}));
    command->add_flag(
        "--add-activities", a->addActivities,
        "Take every activity name the log uses into the vocabulary (non-radiology logs)");
    command->add_flag("--force", a->force, "Import a file that was imported before");
    command->add_flag(
        "--drop-exact-repeats", a->dropExactRepeats,
        "Leave out events that repeat another of their case exactly, every field equal "
        "(they are counted either way; same-time events that differ are always kept)");
    command->add_flag(
        "--strict", a->strict,
        "All or nothing: store nothing, and exit non-zero, when any row was rejected");
    command->add_flag("--json", a->json, "Print the import report as JSON");

    command->callback([&inv, command, a, delimiter] {
        if (!command->get_subcommands().empty()) return; // import list or remove does the work
        if (a->ws.empty() || a->file.empty() || a->trust.empty())
            throw CLI::ValidationError(
                "import", "give WORKSPACE, FILE and --trust CODE (see strawman import --help)");
        if (delimiter->count() > 0) {
            a->delimiter = parseDelimiter(a->delimiterText);
            if (!a->delimiter)
                throw CLI::ValidationError("--delimiter",
                                           "takes , ; | or tab, not \"" + a->delimiterText + "\"");
        }
        inv.run = [a] { return runImport(*a); };
    });
    return command;
}

// [SECTION] import list

struct ImportListArgs {
    std::string ws, trust;
    bool json = false;
};

int runImportList(const ImportListArgs& a) {
    const auto ws = Workspace::open(a.ws);
    std::optional<model::TrustId> trust;
    if (!a.trust.empty()) trust = ws.trust(a.trust).id;
    json out = json::array();
    for (const auto& r : ws.events().imports(trust)) {
        if (a.json)
            out.push_back({{"id", r.id.value},
                           {"trust", r.trustCode},
                           {"file", r.fileName},
                           {"sha256", r.sha256},
                           {"format", r.format},
                           {"imported_at", r.importedAt},
                           {"imported_by", r.importedBy},
                           {"rows_read", r.rowsRead},
                           {"events", r.events},
                           {"rows_rejected", r.rowsRejected},
                           {"cases", r.cases}});
        else
            std::cout << r.id.value << "\t" << r.trustCode << "\t" << r.importedAt << "\t"
                      << r.format << "\t" << r.events << " events\t" << r.cases << " cases\t"
                      << r.fileName << "\n";
    }
    if (a.json) std::cout << out.dump(2) << "\n";
    return 0;
}

void addImportListCommand(CLI::App& importCommand, Invocation& inv) {
    auto a = std::make_shared<ImportListArgs>();
    auto* list = importCommand.add_subcommand("list", "List the imports");
    list->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    list->add_option("--trust", a->trust, "Only this trust's imports");
    list->add_flag("--json", a->json, "Print JSON");
    list->callback([&inv, a] { inv.run = [a] { return runImportList(*a); }; });
}

// [SECTION] import remove

struct ImportRemoveArgs {
    std::string ws;
    std::int64_t id = 0;
};

int runImportRemove(const ImportRemoveArgs& a) {
    auto ws = Workspace::open(a.ws);
    ws.events().removeImport(model::ImportId{a.id});
    std::cout << "removed import " << a.id << "\n";
    return 0;
}

void addImportRemoveCommand(CLI::App& importCommand, Invocation& inv) {
    auto a = std::make_shared<ImportRemoveArgs>();
    auto* remove =
        importCommand.add_subcommand("remove", "Remove an import and every event it brought");
    remove->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    remove->add_option("IMPORT", a->id, "Import id (see strawman import list)")->required();
    remove->callback([&inv, a] { inv.run = [a] { return runImportRemove(*a); }; });
}

} // namespace

void addImportCommands(CLI::App& app, Invocation& inv) {
    CLI::App* importCommand = addImportCommand(app, inv);
    addImportListCommand(*importCommand, inv);
    addImportRemoveCommand(*importCommand, inv);
}

} // namespace strawman::cli
