#include "map_import.h"

#include "bpmn_reader.h"
#include "dot_format.h"
#include "model/core/error.h"
#include "model/maps/layout.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace strawman::exporters {

namespace {
// A file laid out by Graphviz itself has its origin bottom-left, which reads as
// negative y here: move such a drawing down and right so it starts at the
// origin. Our own exports never need this, so their round trip stays exact.
void keepOnCanvas(model::MapContent& map) {
    double left = 0, top = 0;
    for (const model::Node& n : map.nodes) {
        left = std::min(left, n.x - n.width / 2);
        top = std::min(top, n.y - n.height / 2);
    }
    if (left > -0.5 && top > -0.5) return;
    for (model::Node& n : map.nodes) {
        n.x -= left;
        n.y -= top;
    }
}
} // namespace

namespace {
// A file with no positions (hand-written, or from another tool) is laid out
// so it can be seen at once; one with positions keeps them. Then it is stored,
// with any new activity codes and the process, in one transaction.
model::MapId store(model::Workspace& ws, model::MapContent content, std::string_view fileName,
                   std::string name, const MapImportOptions& options) {
    const bool placed = std::any_of(content.nodes.begin(), content.nodes.end(),
                                    [](const model::Node& n) { return n.width > 0; });
    if (!placed)
        model::layout(content, model::LayoutDirection::LeftRight);
    else
        keepOnCanvas(content);

    if (!options.name.empty()) name = options.name;
    if (name.empty()) name = std::filesystem::path(fileName).stem().string();
    if (name.empty()) name = "Imported map";

    model::MapId id;
    ws.transaction([&] {
        if (options.addActivities)
            for (const model::Node& n : content.nodes)
                if (!n.activity.empty() && !ws.hasActivity(n.activity))
                    ws.addActivity(n.activity, n.activity);
        const auto process = ws.findProcess(options.process);
        const model::ProcessId processId = process ? process->id : ws.addProcess(options.process);
        id = ws.createMap(processId, options.trust, name, content, options.status);
    });
    return id;
}

std::function<bool(std::string_view)> knownCodes(const model::Workspace& ws,
                                                 const MapImportOptions& options) {
    if (options.addActivities) return {};
    return [&ws](std::string_view code) { return ws.hasActivity(code); };
}
} // namespace

model::MapId importDotMap(model::Workspace& ws, std::string_view dotText, std::string_view fileName,
                          const MapImportOptions& options) {
    if (options.process.empty()) throw model::Error("a map belongs to a process: name one");
    DotImport parsed = fromDot(dotText, fileName, knownCodes(ws, options));
    return store(ws, std::move(parsed.content), fileName, parsed.graphName, options);
}

model::MapId importBpmnMap(model::Workspace& ws, std::string_view bpmnText,
                           std::string_view fileName, const MapImportOptions& options,
                           std::vector<std::string>* flattened) {
    if (options.process.empty()) throw model::Error("a map belongs to a process: name one");
    BpmnImport parsed = fromBpmn(bpmnText, fileName, knownCodes(ws, options));
    const model::MapId id =
        store(ws, std::move(parsed.content), fileName, parsed.processName, options);
    if (flattened) *flattened = std::move(parsed.flattened);
    return id;
}

MapFileFormat mapFileFormatOf(std::string_view fileName) {
    std::string extension = std::filesystem::path(fileName).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".bpmn" || extension == ".xml" ? MapFileFormat::Bpmn : MapFileFormat::Dot;
}

std::optional<MapFileFormat> mapFileFormatNamed(std::string_view name) {
    if (name == "dot") return MapFileFormat::Dot;
    if (name == "bpmn") return MapFileFormat::Bpmn;
    return std::nullopt;
}

} // namespace strawman::exporters
