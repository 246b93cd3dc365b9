#include "process_map.h"

#include <algorithm>
#include <array>
#include <utility>

namespace strawman::model {

namespace {
constexpr std::array<std::pair<NodeKind, std::string_view>, 6> kKindNames{{
    {NodeKind::Start, "start"},
    {NodeKind::End, "end"},
    {NodeKind::Activity, "activity"},
    {NodeKind::Decision, "decision"},
    {NodeKind::Parallel, "parallel"},
    {NodeKind::Note, "note"},
}};
} // namespace

std::string toText(NodeKind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind) return std::string(name);
    return "activity";
}

std::optional<NodeKind> nodeKindFromString(std::string_view text) {
    for (const auto& [k, name] : kKindNames)
        if (name == text) return k;
    return std::nullopt;
}

const Node* MapContent::findNode(NodeId id) const {
    auto it = std::find_if(nodes.begin(), nodes.end(), [&](const Node& n) { return n.id == id; });
    return it == nodes.end() ? nullptr : &*it;
}

Node* MapContent::findNode(NodeId id) {
    return const_cast<Node*>(std::as_const(*this).findNode(id));
}

const Node* MapContent::findNodeByKey(std::string_view key) const {
    auto it = std::find_if(nodes.begin(), nodes.end(), [&](const Node& n) { return n.key == key; });
    return it == nodes.end() ? nullptr : &*it;
}

void defaultSize(NodeKind kind, double& width, double& height) {
    switch (kind) {
    case NodeKind::Start:
    case NodeKind::End:
        width = height = 36;
        break;
    case NodeKind::Decision:
        width = 72;
        height = 54;
        break;
    case NodeKind::Parallel:
        width = 72;
        height = 18;
        break;
    case NodeKind::Note:
        width = 144;
        height = 54;
        break;
    case NodeKind::Activity:
        width = 126;
        height = 54;
        break;
    }
}

} // namespace strawman::model
