#include "map_edit.h"

#include "model/core/error.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace strawman::model {

namespace {

std::string keyWord(NodeKind kind) {
    switch (kind) {
    case NodeKind::Activity:
        return "step";
    case NodeKind::Decision:
        return "decision";
    case NodeKind::Parallel:
        return "parallel";
    case NodeKind::Start:
        return "start";
    case NodeKind::End:
        return "end";
    case NodeKind::Note:
        return "note";
    }
    return "step";
}

// A key for `base` not among those taken: new nodes are numbered from 1
// ("step1"); a copy of a named node keeps the name when free, else "vet2", "vet3".
std::string firstFree(const std::unordered_set<std::string>& taken, const std::string& base,
                      bool numberAlways) {
    if (!numberAlways && !taken.count(base)) return base;
    for (int i = numberAlways ? 1 : 2;; ++i) {
        std::string key = base + std::to_string(i);
        if (!taken.count(key)) return key;
    }
}

std::unordered_set<std::string> keysOf(const MapContent& map) {
    std::unordered_set<std::string> keys;
    for (const Node& n : map.nodes) keys.insert(n.key);
    return keys;
}

} // namespace

std::string freshKey(const MapContent& map, NodeKind kind) {
    return firstFree(keysOf(map), keyWord(kind), true);
}

std::string defaultLabel(NodeKind kind) {
    switch (kind) {
    case NodeKind::Activity:
        return "New step";
    case NodeKind::Decision:
        return "Decision?";
    case NodeKind::Parallel:
        return "";
    case NodeKind::Start:
        return "Start";
    case NodeKind::End:
        return "End";
    case NodeKind::Note:
        return "Note";
    }
    return "";
}

std::string addNode(MapContent& map, NodeKind kind, double x, double y) {
    Node n;
    n.kind = kind;
    n.key = freshKey(map, kind);
    n.label = defaultLabel(kind);
    n.x = x;
    n.y = y;
    defaultSize(kind, n.width, n.height);
    std::int64_t id = 0;
    for (const Node& m : map.nodes) id = std::max(id, m.id.value);
    n.id = NodeId{id + 1};
    map.nodes.push_back(n);
    return n.key;
}

std::optional<std::string> connectionRefusal(const MapContent& map, std::string_view fromKey,
                                             std::string_view toKey) {
    const Node* from = map.findNodeByKey(fromKey);
    const Node* to = map.findNodeByKey(toKey);
    if (!from || !to) return "that node is no longer on the map";
    if (from == to)
        return "a step cannot lead straight back to itself: draw the repeat through a decision";
    if (from->kind == NodeKind::End) return "an end has no way out";
    if (to->kind == NodeKind::Start) return "nothing leads into a start";
    if (from->kind == NodeKind::Note || to->kind == NodeKind::Note)
        return "notes stand beside the flow and are not connected";
    for (const Edge& e : map.edges)
        if (e.from == from->id && e.to == to->id) return "these two are already connected";
    return std::nullopt;
}

void connect(MapContent& map, std::string_view fromKey, std::string_view toKey,
             std::string_view label) {
    if (auto why = connectionRefusal(map, fromKey, toKey)) throw Error(*why);
    std::int64_t id = 0;
    for (const Edge& e : map.edges) id = std::max(id, e.id.value);
    map.edges.push_back({EdgeId{id + 1}, map.findNodeByKey(fromKey)->id,
                         map.findNodeByKey(toKey)->id, std::string(label)});
}

void removeItems(MapContent& map, const std::vector<std::string>& nodeKeys,
                 const std::vector<EdgeRef>& edges) {
    std::unordered_set<NodeId> gone;
    for (const std::string& k : nodeKeys)
        if (const Node* n = map.findNodeByKey(k)) gone.insert(n->id);
    for (const EdgeRef& ref : edges) {
        const Node* from = map.findNodeByKey(ref.from);
        const Node* to = map.findNodeByKey(ref.to);
        if (!from || !to) continue;
        auto it = std::find_if(map.edges.begin(), map.edges.end(),
                               [&](const Edge& e) { return e.from == from->id && e.to == to->id; });
        if (it != map.edges.end()) map.edges.erase(it);
    }
    std::erase_if(map.edges, [&](const Edge& e) { return gone.count(e.from) || gone.count(e.to); });
    std::erase_if(map.nodes, [&](const Node& n) { return gone.count(n.id) > 0; });
}

void moveNodes(MapContent& map, const std::vector<std::string>& keys, double dx, double dy) {
    const std::unordered_set<std::string> moving(keys.begin(), keys.end());
    for (Node& n : map.nodes)
        if (moving.count(n.key)) {
            n.x += dx;
            n.y += dy;
        }
}

MapContent extract(const MapContent& map, const std::vector<std::string>& nodeKeys) {
    MapContent piece;
    const std::unordered_set<std::string> wanted(nodeKeys.begin(), nodeKeys.end());
    std::unordered_set<NodeId> ids;
    for (const Node& n : map.nodes)
        if (wanted.count(n.key)) {
            piece.nodes.push_back(n);
            ids.insert(n.id);
        }
    for (const Edge& e : map.edges)
        if (ids.count(e.from) && ids.count(e.to)) piece.edges.push_back(e);
    return piece;
}

std::vector<std::string> paste(MapContent& map, const MapContent& piece, double dx, double dy) {
    std::unordered_set<std::string> taken = keysOf(map);
    std::int64_t nextNode = 0, nextEdge = 0;
    for (const Node& n : map.nodes) nextNode = std::max(nextNode, n.id.value);
    for (const Edge& e : map.edges) nextEdge = std::max(nextEdge, e.id.value);

    std::unordered_map<NodeId, NodeId> renumbered;
    std::vector<std::string> added;
    for (const Node& n : piece.nodes) {
        Node copy = n;
        // Keep a pasted node's name where it is free (pasting into another map
        // keeps "vet" as "vet"); number it where it is taken, counting on from a
        // number it already has ("bkd2" copied again becomes "bkd3", not "bkd22").
        if (n.key.empty()) {
            copy.key = firstFree(taken, keyWord(n.kind), true);
        } else if (taken.count(n.key)) {
            std::string base = n.key;
            while (base.size() > 1 && std::isdigit(static_cast<unsigned char>(base.back())))
                base.pop_back();
            copy.key = firstFree(taken, base, false);
        }
        taken.insert(copy.key);
        copy.id = NodeId{++nextNode};
        copy.x += dx;
        copy.y += dy;
        renumbered.emplace(n.id, copy.id);
        added.push_back(copy.key);
        map.nodes.push_back(std::move(copy));
    }
    for (const Edge& e : piece.edges) {
        auto from = renumbered.find(e.from), to = renumbered.find(e.to);
        if (from == renumbered.end() || to == renumbered.end()) continue;
        map.edges.push_back({EdgeId{++nextEdge}, from->second, to->second, e.label});
    }
    return added;
}

} // namespace strawman::model
