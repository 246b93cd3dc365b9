#include "map_import.h"

#include "dot_format.h"
#include "model/core/error.h"
#include "model/maps/layout.h"

#include <algorithm>
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

model::MapId importDotMap(model::Workspace& ws, std::string_view dotText, std::string_view fileName,
                          const MapImportOptions& options) {
    if (options.process.empty()) throw model::Error("a map belongs to a process: name one");
    std::function<bool(std::string_view)> known;
    if (!options.addActivities) known = [&](std::string_view code) { return ws.hasActivity(code); };
    DotImport parsed = fromDot(dotText, fileName, known);

    // A file with no positions (hand-written, or from another tool) is laid out
    // so it can be seen at once; one with positions keeps them.
    const bool placed = std::any_of(parsed.content.nodes.begin(), parsed.content.nodes.end(),
                                    [](const model::Node& n) { return n.width > 0; });
    if (!placed)
        model::layout(parsed.content, model::LayoutDirection::LeftRight);
    else
        keepOnCanvas(parsed.content);

    std::string name = options.name;
    if (name.empty()) name = parsed.graphName;
    if (name.empty()) name = std::filesystem::path(fileName).stem().string();
    if (name.empty()) name = "Imported map";

    model::MapId id;
    ws.transaction([&] {
        if (options.addActivities)
            for (const model::Node& n : parsed.content.nodes)
                if (!n.activity.empty() && !ws.hasActivity(n.activity))
                    ws.addActivity(n.activity, n.activity);
        const auto process = ws.findProcess(options.process);
        const model::ProcessId processId = process ? process->id : ws.addProcess(options.process);
        id = ws.createMap(processId, options.trust, name, parsed.content, options.status);
    });
    return id;
}

} // namespace strawman::exporters
