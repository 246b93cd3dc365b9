// strawman import | import list | import remove | codes | log stats
#include "commands.h"
#include "messages.h"

#include "model/analysis/log_stats.h"
#include "model/core/error.h"
#include "model/events/event_log.h"
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

int runImport(const ImportArgs& a) {
    auto ws = Workspace::open(a.ws);
    // Mistakes in the options are refused here in the options' own words, in
    // the order the user meets them, before importFile checks them again.
    ws.trust(a.trust);
    std::string format = a.format;
    if (format.empty()) {
        const auto named = model::formatFromName(a.file);
        if (!named)
            throw model::Error("cannot tell the format of " + a.file +
                               " from its name: give --format csv, xes, hl7 or did");
        format = *named;
    }
    model::TimeZone::named(a.tz); // an unknown zone is refused before anything starts
    if (a.delimiter && format != "csv" && format != "did")
        throw model::Error("--delimiter is for CSV files; " + a.file + " is read as " + format);

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
    const model::ImportReport report = model::importFile(ws, request);

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

} // namespace

void addImportCommands(CLI::App& app, Invocation& inv) {
    // [SECTION] import
    auto* import =
        app.add_subcommand("import", "Import RIS event data (CSV, XES, HL7 v2, DID) for a trust");
    import->require_subcommand(0, 1);
    auto a = std::make_shared<ImportArgs>();
    import->add_option("WORKSPACE", a->ws, "Workspace file");
    import->add_option("FILE", a->file, "Event file")->check(CLI::ExistingFile);
    import->add_option("--trust", a->trust, "ODS code of the trust the data is from");
    import->add_option("--format", a->format, "csv, xes, hl7 or did (default: from the file name)")
        ->check(CLI::IsMember({"csv", "xes", "hl7", "did"}));
    import->add_option(
        "--columns", a->columns,
        "CSV columns: case=…,activity=…,timestamp=…[,patient=…,modality=…,priority=…,"
        "source=…,site=…,resource=…,examination=…] (default: guessed from the header)");
    auto* delimiter =
        import->add_option("--delimiter", a->delimiterText,
                           "CSV field separator: , ; | or tab (default: detected from the header)");
    import->add_option("--tz", a->tz, "Time zone of local times without an offset")
        ->capture_default_str();
    import->add_option("--time-format", a->timeFormat, "Timestamp format, e.g. %d.%m.%Y %H:%M");
    import->add_option(
        "--key-file", a->keyFile,
        "Pseudonymisation key (default: in ~/.config/strawman/keys/, made on first use)");
    import
        ->add_option("--lifecycle", a->lifecycle,
                     "XES: complete (completions only; a log with no standard transition is read "
                     "as all) or all")
        ->capture_default_str()
        ->check(CLI::IsMember({"complete", "all"}));
    import
        ->add_option(
            "--unmapped", a->unmapped,
            "Local codes with no mapping: abort (store nothing) or ignore (leave those events out)")
        ->capture_default_str()
        ->check(CLI::IsMember({"abort", "ignore"}));
    import->add_flag(
        "--add-activities", a->addActivities,
        "Take every activity name the log uses into the vocabulary (non-radiology logs)");
    import->add_flag("--force", a->force, "Import a file that was imported before");
    import->add_flag(
        "--drop-exact-repeats", a->dropExactRepeats,
        "Leave out events that repeat another of their case exactly, every field equal "
        "(they are counted either way; same-time events that differ are always kept)");
    import->add_flag("--strict", a->strict,
                     "All or nothing: store nothing, and exit non-zero, when any row was rejected");
    import->add_flag("--json", a->json, "Print the import report as JSON");

    struct ListArgs {
        std::string ws, trust;
        std::int64_t id = 0;
        bool json = false;
    };
    auto l = std::make_shared<ListArgs>();
    auto* list = import->add_subcommand("list", "List the imports");
    list->add_option("WORKSPACE", l->ws, "Workspace file")->required();
    list->add_option("--trust", l->trust, "Only this trust's imports");
    list->add_flag("--json", l->json, "Print JSON");
    list->callback([&inv, l] {
        inv.run = [l] {
            const auto ws = Workspace::open(l->ws);
            std::optional<model::TrustId> trust;
            if (!l->trust.empty()) trust = ws.trust(l->trust).id;
            json out = json::array();
            for (const auto& r : ws.events().imports(trust)) {
                if (l->json)
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
                              << r.format << "\t" << r.events << " events\t" << r.cases
                              << " cases\t" << r.fileName << "\n";
            }
            if (l->json) std::cout << out.dump(2) << "\n";
            return 0;
        };
    });
    auto* remove = import->add_subcommand("remove", "Remove an import and every event it brought");
    remove->add_option("WORKSPACE", l->ws, "Workspace file")->required();
    remove->add_option("IMPORT", l->id, "Import id (see strawman import list)")->required();
    remove->callback([&inv, l] {
        inv.run = [l] {
            auto ws = Workspace::open(l->ws);
            ws.events().removeImport(model::ImportId{l->id});
            std::cout << "removed import " << l->id << "\n";
            return 0;
        };
    });

    import->callback([&inv, a, list, remove, delimiter] {
        if (list->parsed() || remove->parsed()) return;
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

// [SECTION] codes
auto* codes = app.add_subcommand(
    "codes", "A trust's local status codes and the network activities they mean");
codes->require_subcommand(1);
struct CodeArgs {
    std::string ws, trust, local, activity;
    bool ignore = false, json = false;
};
auto c = std::make_shared<CodeArgs>();
auto* codesList = codes->add_subcommand("list", "List a trust's code mapping");
codesList->add_option("WORKSPACE", c->ws, "Workspace file")->required();
codesList->add_option("--trust", c->trust, "ODS code")->required();
codesList->add_flag("--json", c->json, "Print JSON");
codesList->callback([&inv, c] {
    inv.run = [c] {
        const auto ws = Workspace::open(c->ws);
        json out = json::array();
        for (const auto& m : ws.events().codeMappings(ws.trust(c->trust).id)) {
            if (c->json)
                out.push_back({{"local", m.localCode},
                               {"activity", m.activity ? json(*m.activity) : json(nullptr)}});
            else
                std::cout << m.localCode << "\t" << m.activity.value_or("(ignored)") << "\n";
        }
        if (c->json) std::cout << out.dump(2) << "\n";
        return 0;
    };
});
auto* codesSet =
    codes->add_subcommand("set", "Map a local code to a network activity (or --ignore it)");
codesSet->add_option("WORKSPACE", c->ws, "Workspace file")->required();
codesSet->add_option("--trust", c->trust, "ODS code")->required();
codesSet->add_option("LOCAL", c->local, "The code or text as the trust's RIS writes it")
    ->required();
codesSet->add_option("ACTIVITY", c->activity, "Network activity code, e.g. BKD");
codesSet->add_flag("--ignore", c->ignore, "Leave events with this code out of imports (counted)");
codesSet->callback([&inv, c] {
    if (c->activity.empty() == !c->ignore)
        throw CLI::ValidationError("codes set", "give either an ACTIVITY or --ignore");
    inv.run = [c] {
        auto ws = Workspace::open(c->ws);
        const auto trust = ws.trust(c->trust);
        ws.events().setCodeMapping(trust.id, c->local,
                                   c->ignore ? std::nullopt
                                             : std::optional<std::string_view>(c->activity));
        std::cout << trust.code << ": \"" << c->local << "\" -> "
                  << (c->ignore ? "(ignored)" : c->activity) << "\n";
        return 0;
    };
});
auto* codesUnset = codes->add_subcommand("unset", "Remove a local code's mapping");
codesUnset->add_option("WORKSPACE", c->ws, "Workspace file")->required();
codesUnset->add_option("--trust", c->trust, "ODS code")->required();
codesUnset->add_option("LOCAL", c->local, "The local code")->required();
codesUnset->callback([&inv, c] {
    inv.run = [c] {
        auto ws = Workspace::open(c->ws);
        if (!ws.events().unsetCodeMapping(ws.trust(c->trust).id, c->local))
            throw model::Error("no mapping for \"" + c->local + "\" at " + c->trust);
        std::cout << "removed the mapping of \"" << c->local << "\"\n";
        return 0;
    };
});

// [SECTION] log stats
auto* logCmd = app.add_subcommand("log", "Look at a trust's event log");
logCmd->require_subcommand(1);
auto* stats = logCmd->add_subcommand("stats", "Cases, events, activities, period and variants");
stats->add_option("WORKSPACE", c->ws, "Workspace file")->required();
stats->add_option("--trust", c->trust, "ODS code")->required();
stats->add_flag("--json", c->json, "Print JSON");
stats->callback([&inv, c] {
    inv.run = [c] {
        const auto ws = Workspace::open(c->ws);
        const auto s = model::logStats(ws.events().load(ws.trust(c->trust).id));
        const json first = s.events ? json(model::formatUtc(s.first)) : json(nullptr);
        const json last = s.events ? json(model::formatUtc(s.last)) : json(nullptr);
        if (c->json) {
            std::cout << json{{"cases", s.cases},
                              {"events", s.events},
                              {"activities", s.activities},
                              {"first", first},
                              {"last", last},
                              {"variants", s.variants},
                              {"repeated_events", s.repeatedEvents}}
                             .dump(2)
                      << "\n";
            return 0;
        }
        std::cout << c->trust << ": " << s.cases << " cases, " << s.events << " events, "
                  << s.variants << " variants\n";
        if (s.events)
            std::cout << "  from " << model::formatUtc(s.first) << " to "
                      << model::formatUtc(s.last) << "\n";
        if (s.repeatedEvents)
            std::cout << "  " << s.repeatedEvents
                      << " events held by more than one import, counted once\n";
        for (const auto& [code, n] : s.activities) std::cout << "  " << code << "\t" << n << "\n";
        return 0;
    };
});
} // namespace strawman::cli

} // namespace strawman::cli
