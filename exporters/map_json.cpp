#include "map_json.h"

namespace strawman::exporters {

using nlohmann::json;

json mapSummaryJson(const model::MapSummary& m) {
    return {{"id", m.id.value},
            {"trust", m.trustCode.empty() ? json(nullptr) : json(m.trustCode)},
            {"process", m.processName},
            {"name", m.name},
            {"status", model::toText(m.status)},
            {"version", m.versionNumber},
            {"published", m.published},
            {"hash", m.published ? json(m.hash) : json(nullptr)},
            {"nodes", m.nodeCount},
            {"edges", m.edgeCount}};
}

std::string mapJson(const model::MapSummary& summary, const model::MapContent& c) {
    json out = mapSummaryJson(summary);
    json nodes = json::array();
    for (const auto& n : c.nodes)
        nodes.push_back({{"id", n.id.value},
                         {"key", n.key},
                         {"kind", model::toText(n.kind)},
                         {"label", n.label},
                         {"activity", n.activity},
                         {"lane", n.lane},
                         {"x", n.x},
                         {"y", n.y},
                         {"width", n.width},
                         {"height", n.height}});
    json edges = json::array();
    for (const auto& e : c.edges)
        edges.push_back({{"id", e.id.value},
                         {"from", c.findNode(e.from)->key},
                         {"to", c.findNode(e.to)->key},
                         {"label", e.label}});
    out["nodes"] = std::move(nodes);
    out["edges"] = std::move(edges);
    return out.dump(2) + "\n";
}

} // namespace strawman::exporters
