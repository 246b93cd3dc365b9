#include "validation.h"

#include <deque>
#include <unordered_map>
#include <unordered_set>

namespace strawman::model {

namespace {

std::string nameOf(const Node& n) {
    std::string text = !n.label.empty() ? n.label : !n.activity.empty() ? n.activity : n.key;
    for (char& c : text)
        if (c == '\n') c = ' ';
    return "\"" + text + "\"";
}

std::string kindWord(NodeKind kind) {
    switch (kind) {
    case NodeKind::Decision:
        return "decision";
    case NodeKind::Parallel:
        return "parallel gateway";
    case NodeKind::Start:
        return "start";
    case NodeKind::End:
        return "end";
    case NodeKind::Note:
        return "note";
    case NodeKind::Activity:
        return "step";
    }
    return "step";
}

// Nodes reachable from `from` following edges forwards (or backwards).
std::unordered_set<NodeId> reach(const std::vector<NodeId>& from,
                                 const std::unordered_map<NodeId, std::vector<NodeId>>& next) {
    std::unordered_set<NodeId> seen(from.begin(), from.end());
    std::deque<NodeId> queue(from.begin(), from.end());
    while (!queue.empty()) {
        const NodeId n = queue.front();
        queue.pop_front();
        auto it = next.find(n);
        if (it == next.end()) continue;
        for (NodeId m : it->second)
            if (seen.insert(m).second) queue.push_back(m);
    }
    return seen;
}

} // namespace

std::vector<Problem> validate(const MapContent& map,
                              const std::function<bool(std::string_view)>& knownActivity) {
    std::vector<Problem> problems;
    auto add = [&](std::string code, std::string message, NodeId node = {}, EdgeId edge = {}) {
        problems.push_back({std::move(code), std::move(message), node, edge});
    };

    std::vector<NodeId> starts, ends;
    std::unordered_map<NodeId, std::vector<NodeId>> forward, backward;
    std::unordered_map<NodeId, int> in, out;
    for (const Node& n : map.nodes) {
        if (n.kind == NodeKind::Start) starts.push_back(n.id);
        if (n.kind == NodeKind::End) ends.push_back(n.id);
    }
    for (const Edge& e : map.edges) {
        const Node* from = map.findNode(e.from);
        const Node* to = map.findNode(e.to);
        if (!from || !to) {
            add("dangling-edge", "an arrow points to a step that is not on the map", {}, e.id);
            continue;
        }
        if (e.from == e.to) {
            add("self-loop",
                "an arrow leads from " + nameOf(*from) +
                    " back to itself; draw the "
                    "repeat through a decision instead",
                e.from, e.id);
            continue;
        }
        if (from->kind == NodeKind::Note || to->kind == NodeKind::Note) {
            add("note-connected",
                "the note " + nameOf(from->kind == NodeKind::Note ? *from : *to) +
                    " is connected by an arrow; notes stand beside the flow",
                from->kind == NodeKind::Note ? e.from : e.to, e.id);
            continue;
        }
        forward[e.from].push_back(e.to);
        backward[e.to].push_back(e.from);
        ++out[e.from];
        ++in[e.to];
    }

    if (starts.empty())
        add("no-start", "the map has no start: add one where the process begins");
    else if (starts.size() > 1)
        add("several-starts",
            "the map has " + std::to_string(starts.size()) + " starts; a map has exactly one");
    if (ends.empty()) add("no-end", "the map has no end: add one where the process finishes");

    const auto fromStart = reach(starts, forward);
    const auto toEnd = reach(ends, backward);
    for (const Node& n : map.nodes) {
        if (n.kind == NodeKind::Note) continue;
        const std::string name = nameOf(n);
        if (n.kind == NodeKind::Start && in[n.id] > 0)
            add("start-has-input", "the start has an arrow coming into it", n.id);
        if (n.kind == NodeKind::End && out[n.id] > 0)
            add("end-has-output", "an end has an arrow leaving it", n.id);
        if (!starts.empty() && !fromStart.count(n.id))
            add("unreachable", kindWord(n.kind) + " " + name + " cannot be reached from the start",
                n.id);
        if (!ends.empty() && !toEnd.count(n.id))
            add("dead-end", kindWord(n.kind) + " " + name + " has no way on to an end", n.id);
        if (n.kind == NodeKind::Activity && n.activity.empty())
            add("no-activity-code",
                "step " + name +
                    " has no activity code, so it cannot be "
                    "matched with the trust's data",
                n.id);
        if (n.kind == NodeKind::Activity && !n.activity.empty() && knownActivity &&
            !knownActivity(n.activity))
            add("unknown-activity-code",
                "step " + name + " uses the activity code \"" + n.activity +
                    "\", which is not in the network's vocabulary",
                n.id);
        if ((n.kind == NodeKind::Decision || n.kind == NodeKind::Parallel) && in[n.id] <= 1 &&
            out[n.id] <= 1)
            add("gateway-one-way",
                kindWord(n.kind) + " " + name + " has one way in and one way out, so it " +
                    (n.kind == NodeKind::Decision ? "decides" : "splits") + " nothing",
                n.id);
    }
    return problems;
}

} // namespace strawman::model
