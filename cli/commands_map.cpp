// strawman map list | import | export | validate | layout | publish
#include "commands.h"

#include "exporters/dot_format.h"
#include "exporters/map_import.h"
#include "exporters/map_json.h"
#include "model/core/error.h"
#include "model/maps/layout.h"
#include "model/maps/map_change.h"
#include "model/maps/validation.h"
#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace strawman::cli {

using model::MapId;
using model::Workspace;
using nlohmann::json;

namespace {

struct MapArgs {
    std::string ws;
    std::int64_t map = 0;
    std::string trust, process, name, file, format = "dot", output, direction = "LR";
    std::string importFormat; // map import: "dot" or "bpmn"; empty: by the file's extension
    bool json = false;
    bool addActivities = false;
};

json summaryJson(const model::MapSummary& m) {
    return exporters::mapSummaryJson(m);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw model::Error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<model::TrustId> trustOption(const Workspace& ws, const std::string& code) {
    if (code == "network") return std::nullopt;
    const auto trust = ws.findTrust(code);
    if (!trust)
        throw model::Error("no trust with code " + code +
                           " (use --trust network for a network-wide map)");
    return trust->id;
}

CLI::App* withWorkspaceAndMap(CLI::App* cmd, MapArgs& a) {
    cmd->add_option("WORKSPACE", a.ws, "Workspace file")->required();
    cmd->add_option("MAP", a.map, "Map id (see strawman map list)")->required();
    return cmd;
}

// [SECTION] map list

int runMapList(const MapArgs& a) {
    auto ws = Workspace::open(a.ws);
    const auto maps = ws.maps();
    if (a.json) {
        json out = json::array();
        for (const auto& m : maps) out.push_back(summaryJson(m));
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << std::left << std::setw(5) << "id" << std::setw(9) << "trust" << std::setw(32)
              << "process" << std::setw(46) << "name" << std::setw(11) << "status"
              << "version  nodes  edges\n";
    for (const auto& m : maps)
        std::cout << std::setw(5) << m.id.value << std::setw(9)
                  << (m.trustCode.empty() ? "network" : m.trustCode) << std::setw(32)
                  << m.processName << std::setw(46) << m.name << std::setw(11)
                  << model::toText(m.status) << std::setw(9)
                  << (std::to_string(m.versionNumber) + (m.published ? "p" : "")) << std::setw(7)
                  << m.nodeCount << m.edgeCount << "\n";
    return 0;
}

void addMapListCommand(CLI::App& map, Invocation& inv) {
    auto a = std::make_shared<MapArgs>();
    auto* list = map.add_subcommand("list", "List every map with its current version");
    list->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    list->add_flag("--json", a->json, "Print JSON");
    list->callback([&inv, a] { inv.run = [a] { return runMapList(*a); }; });
}

// [SECTION] map import

int runMapImport(const MapArgs& a) {
    auto ws = Workspace::open(a.ws);
    exporters::MapImportOptions options;
    options.trust = trustOption(ws, a.trust);
    options.process = a.process;
    options.name = a.name;
    options.addActivities = a.addActivities;
    const exporters::MapFileFormat format = a.importFormat.empty()
                                                ? exporters::mapFileFormatOf(a.file)
                                                : *exporters::mapFileFormatNamed(a.importFormat);
    std::vector<std::string> flattened;
    const MapId id =
        format == exporters::MapFileFormat::Bpmn
            ? exporters::importBpmnMap(ws, readFile(a.file), a.file, options, &flattened)
            : exporters::importDotMap(ws, readFile(a.file), a.file, options);
    // Said on standard error, so a script reading the id or the JSON is not disturbed.
    for (const std::string& line : flattened)
        std::cerr << a.file << ": flattened: " << line << "\n";
    if (a.json)
        std::cout << summaryJson(ws.map(id)).dump(2) << "\n";
    else
        std::cout << id.value << "\n";
    return 0;
}

void addMapImportCommand(CLI::App& map, Invocation& inv) {
    auto a = std::make_shared<MapArgs>();
    auto* command = map.add_subcommand("import", "Import a map from a DOT or BPMN 2.0 file");
    command->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    command->add_option("FILE", a->file, "DOT or BPMN file")->required()->check(CLI::ExistingFile);
    command
        ->add_option("--format", a->importFormat,
                     "dot or bpmn (default: bpmn for a .bpmn or .xml file, else dot)")
        ->check(CLI::IsMember({"dot", "bpmn"}));
    command->add_option("--trust", a->trust, "ODS code of the trust, or 'network'")->required();
    command->add_option("--process", a->process, "Process name; created if new")->required();
    command->add_option("--name", a->name,
                        "Map name (default: the DOT graph's or BPMN process's name)");
    command->add_flag("--json", a->json, "Print JSON");
    command->add_flag("--add-activities", a->addActivities,
                      "Add activity codes the workspace does not know to its vocabulary");
    command->callback([&inv, a] { inv.run = [a] { return runMapImport(*a); }; });
}

// [SECTION] map validate

int runMapValidate(const MapArgs& a) {
    auto ws = Workspace::open(a.ws);
    const MapId id{a.map};
    const auto content = ws.content(id);
    const auto problems =
        model::validate(content, [&](std::string_view code) { return ws.hasActivity(code); });
    if (a.json) {
        json out = json::array();
        for (const auto& p : problems) {
            json item = {{"code", p.code}, {"message", p.message}};
            if (const auto* n = content.findNode(p.node)) item["node"] = n->key;
            out.push_back(item);
        }
        std::cout << json{{"map", id.value}, {"valid", problems.empty()}, {"problems", out}}.dump(2)
                  << "\n";
    } else if (problems.empty()) {
        std::cout << ws.map(id).name << ": valid\n";
    } else {
        std::cout << ws.map(id).name << ": " << problems.size() << " problem"
                  << (problems.size() == 1 ? "" : "s") << "\n";
        for (const auto& p : problems) std::cout << "  - " << p.message << "\n";
    }
    return problems.empty() ? 0 : 1;
}

void addMapValidateCommand(CLI::App& map, Invocation& inv) {
    auto a = std::make_shared<MapArgs>();
    auto* validate = withWorkspaceAndMap(
        map.add_subcommand("validate", "Check a map; exit code 0 only when it is valid"), *a);
    validate->add_flag("--json", a->json, "Print JSON");
    validate->callback([&inv, a] { inv.run = [a] { return runMapValidate(*a); }; });
}

// [SECTION] map layout

int runMapLayout(const MapArgs& a) {
    auto ws = Workspace::open(a.ws);
    const MapId id{a.map};
    const model::MapContent before = ws.content(id);
    model::MapContent content = before;
    const bool tb = a.direction == "TB" || a.direction == "tb";
    model::layout(content,
                  tb ? model::LayoutDirection::TopBottom : model::LayoutDirection::LeftRight);
    // One change, as the editor's Ctrl+L makes it: refused if the map moved meanwhile.
    ws.applyChange(id, model::diffContent(before, content));
    const auto s = ws.map(id);
    if (a.json) {
        std::cout << summaryJson(s).dump(2) << "\n";
        return 0;
    }
    std::cout << "laid out " << content.nodes.size() << " nodes of " << s.name << " ("
              << (tb ? "top to bottom" : "left to right") << "), version " << s.versionNumber
              << "\n";
    return 0;
}

void addMapLayoutCommand(CLI::App& map, Invocation& inv) {
    auto a = std::make_shared<MapArgs>();
    auto* layout = withWorkspaceAndMap(
        map.add_subcommand("layout", "Lay a map out automatically with Graphviz dot"), *a);
    layout->add_option("--direction", a->direction, "LR (left to right) or TB (top to bottom)")
        ->capture_default_str()
        ->check(CLI::IsMember({"LR", "TB"}, CLI::ignore_case));
    layout->add_flag("--json", a->json, "Print JSON");
    layout->callback([&inv, a] { inv.run = [a] { return runMapLayout(*a); }; });
}

// [SECTION] map publish

int runMapPublish(const MapArgs& a) {
    auto ws = Workspace::open(a.ws);
    const std::string hash = ws.publish(MapId{a.map});
    if (a.json)
        std::cout << summaryJson(ws.map(MapId{a.map})).dump(2) << "\n";
    else
        std::cout << hash << "\n";
    return 0;
}

void addMapPublishCommand(CLI::App& map, Invocation& inv) {
    auto a = std::make_shared<MapArgs>();
    auto* publish = withWorkspaceAndMap(
        map.add_subcommand("publish", "Freeze the map's current version and print its hash"), *a);
    publish->add_flag("--json", a->json, "Print JSON");
    publish->callback([&inv, a] { inv.run = [a] { return runMapPublish(*a); }; });
}

} // namespace

void addMapCommands(CLI::App& app, Invocation& inv) {
    auto* map = app.add_subcommand("map", "List, import, export, check, lay out and publish maps");
    map->require_subcommand(1);
    addMapListCommand(*map, inv);
    addMapImportCommand(*map, inv);
    addExportCommand(*map, inv);
    addMapValidateCommand(*map, inv);
    addMapLayoutCommand(*map, inv);
    addMapPublishCommand(*map, inv);
}

} // namespace strawman::cli
