#include "map_change.h"

#include "model/core/error.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace strawman::model {

namespace {

using EdgeEnds = std::pair<std::string, std::string>;

// Edges grouped by their ends, in map order, so that several edges between the
// same two nodes pair up first with first.
std::map<EdgeEnds, std::vector<std::string>> edgesByEnds(const MapContent& content) {
    std::unordered_map<NodeId, const std::string*> keyOf;
    for (const Node& n : content.nodes) keyOf.emplace(n.id, &n.key);
    std::map<EdgeEnds, std::vector<std::string>> out;
    for (const Edge& e : content.edges) {
        auto from = keyOf.find(e.from), to = keyOf.find(e.to);
        if (from == keyOf.end() || to == keyOf.end())
            throw Error("an edge refers to a node that is not in the map");
        out[{*from->second, *to->second}].push_back(e.label);
    }
    return out;
}

std::string describe(const EdgeByKey& e) {
    return "the arrow from \"" + e.from + "\" to \"" + e.to + "\"";
}

} // namespace

bool MapChange::empty() const {
    return removedNodes.empty() && addedNodes.empty() && changedNodes.empty() &&
           removedEdges.empty() && addedEdges.empty() && changedEdges.empty();
}

bool sameNode(const Node& a, const Node& b) {
    return a.key == b.key && a.kind == b.kind && a.label == b.label && a.activity == b.activity &&
           a.lane == b.lane && a.x == b.x && a.y == b.y && a.width == b.width &&
           a.height == b.height;
}

MapChange diffContent(const MapContent& before, const MapContent& after) {
    MapChange change;
    std::unordered_map<std::string, const Node*> old;
    for (const Node& n : before.nodes) old.emplace(n.key, &n);
    std::set<std::string> kept;
    for (const Node& n : after.nodes) {
        auto it = old.find(n.key);
        if (it == old.end()) {
            change.addedNodes.push_back(n);
            continue;
        }
        kept.insert(n.key);
        if (!sameNode(*it->second, n)) change.changedNodes.push_back({*it->second, n});
    }
    for (const Node& n : before.nodes)
        if (!kept.count(n.key)) change.removedNodes.push_back(n);

    const auto oldEdges = edgesByEnds(before);
    const auto newEdges = edgesByEnds(after);
    for (const auto& [ends, labels] : newEdges) {
        auto it = oldEdges.find(ends);
        const std::size_t common =
            it == oldEdges.end() ? 0 : std::min(labels.size(), it->second.size());
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const EdgeByKey now{ends.first, ends.second, labels[i]};
            if (i >= common)
                change.addedEdges.push_back(now);
            else if (it->second[i] != labels[i])
                change.changedEdges.push_back({{ends.first, ends.second, it->second[i]}, now});
        }
    }
    for (const auto& [ends, labels] : oldEdges) {
        auto it = newEdges.find(ends);
        const std::size_t remaining = it == newEdges.end() ? 0 : it->second.size();
        for (std::size_t i = remaining; i < labels.size(); ++i)
            change.removedEdges.push_back({ends.first, ends.second, labels[i]});
    }
    return change;
}

MapChange inverse(const MapChange& change) {
    MapChange out;
    out.removedNodes = change.addedNodes;
    out.addedNodes = change.removedNodes;
    for (const auto& e : change.changedNodes) out.changedNodes.push_back({e.after, e.before});
    out.removedEdges = change.addedEdges;
    out.addedEdges = change.removedEdges;
    for (const auto& e : change.changedEdges) out.changedEdges.push_back({e.after, e.before});
    return out;
}

void applyChange(MapContent& content, const MapChange& change) {
    auto nodeIndex = [&](const std::string& key) -> std::ptrdiff_t {
        for (std::size_t i = 0; i < content.nodes.size(); ++i)
            if (content.nodes[i].key == key) return static_cast<std::ptrdiff_t>(i);
        return -1;
    };
    auto idOf = [&](const std::string& key) {
        const std::ptrdiff_t i = nodeIndex(key);
        return i < 0 ? NodeId{} : content.nodes[static_cast<std::size_t>(i)].id;
    };
    auto findEdge = [&](const EdgeByKey& e) -> std::vector<Edge>::iterator {
        const NodeId from = idOf(e.from), to = idOf(e.to);
        return std::find_if(content.edges.begin(), content.edges.end(), [&](const Edge& x) {
            return x.from == from && x.to == to && x.label == e.label;
        });
    };
    // New items are numbered above every id in the map before the change, removed
    // ones included, so that an id never names two different nodes across it.
    std::int64_t next = 0, nextEdge = 0;
    for (const Node& n : content.nodes) next = std::max(next, n.id.value);
    for (const Edge& e : content.edges) nextEdge = std::max(nextEdge, e.id.value);
    auto mismatch = [](const std::string& what) {
        throw Error(what + " is not as this change expects: the map was changed elsewhere");
    };

    // Edges first: removing a node's edges must not find the node already gone.
    for (const EdgeByKey& e : change.removedEdges) {
        auto it = findEdge(e);
        if (it == content.edges.end()) mismatch(describe(e));
        content.edges.erase(it);
    }
    for (const auto& edit : change.changedEdges) {
        auto it = findEdge(edit.before);
        if (it == content.edges.end()) mismatch(describe(edit.before));
        it->label = edit.after.label;
    }
    for (const Node& n : change.removedNodes) {
        const std::ptrdiff_t i = nodeIndex(n.key);
        if (i < 0 || !sameNode(content.nodes[static_cast<std::size_t>(i)], n))
            mismatch("the node \"" + n.key + "\"");
        const NodeId id = content.nodes[static_cast<std::size_t>(i)].id;
        if (std::any_of(content.edges.begin(), content.edges.end(),
                        [&](const Edge& e) { return e.from == id || e.to == id; }))
            throw Error("the node \"" + n.key + "\" still has arrows; remove them with it");
        content.nodes.erase(content.nodes.begin() + i);
    }
    for (const auto& edit : change.changedNodes) {
        const std::ptrdiff_t i = nodeIndex(edit.before.key);
        if (i < 0 || !sameNode(content.nodes[static_cast<std::size_t>(i)], edit.before))
            mismatch("the node \"" + edit.before.key + "\"");
        Node& n = content.nodes[static_cast<std::size_t>(i)];
        const NodeId id = n.id;
        n = edit.after;
        n.id = id;
    }
    for (const Node& n : change.addedNodes) {
        if (n.key.empty()) throw Error("a new node needs a name");
        if (nodeIndex(n.key) >= 0) mismatch("the new node \"" + n.key + "\"");
        Node added = n;
        added.id = NodeId{++next};
        content.nodes.push_back(std::move(added));
    }
    for (const EdgeByKey& e : change.addedEdges) {
        const NodeId from = idOf(e.from), to = idOf(e.to);
        if (!from || !to) mismatch(describe(e));
        content.edges.push_back({EdgeId{++nextEdge}, from, to, e.label});
    }
}

std::vector<std::string> touchedKeys(const MapChange& change) {
    std::vector<std::string> keys;
    auto add = [&](const std::string& k) {
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    };
    for (const Node& n : change.addedNodes) add(n.key);
    for (const auto& e : change.changedNodes) add(e.after.key);
    for (const EdgeByKey& e : change.addedEdges) {
        add(e.from);
        add(e.to);
    }
    for (const auto& e : change.changedEdges) {
        add(e.after.from);
        add(e.after.to);
    }
    return keys;
}

} // namespace strawman::model
