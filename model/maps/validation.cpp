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

// The problems found, in the order a reader meets them: arrows, the map's
// start and end, then each node.
class Checker {
  public:
    explicit Checker(const MapContent& map) : m_map(map) {
        for (const Node& n : map.nodes) {
            if (n.kind == NodeKind::Start) m_starts.push_back(n.id);
            if (n.kind == NodeKind::End) m_ends.push_back(n.id);
        }
    }

    // Arrows that cannot be part of the flow are problems; the rest make it.
    void checkArrows() {
        for (const Edge& e : m_map.edges) {
            const Node* from = m_map.findNode(e.from);
            const Node* to = m_map.findNode(e.to);
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
            m_forward[e.from].push_back(e.to);
            m_backward[e.to].push_back(e.from);
            ++m_out[e.from];
            ++m_in[e.to];
        }
    }

    void checkStartAndEnd() {
        if (m_starts.empty())
            add("no-start", "the map has no start: add one where the process begins");
        else if (m_starts.size() > 1)
            add("several-starts", "the map has " + std::to_string(m_starts.size()) +
                                      " starts; a map has exactly one");
        if (m_ends.empty()) add("no-end", "the map has no end: add one where the process finishes");
    }

    void checkNodes(const std::function<bool(std::string_view)>& knownActivity) {
        const auto fromStart = reach(m_starts, m_forward);
        const auto toEnd = reach(m_ends, m_backward);
        for (const Node& n : m_map.nodes) {
            if (n.kind == NodeKind::Note) continue;
            checkPlace(n, fromStart, toEnd);
            checkCode(n, knownActivity);
        }
    }

    std::vector<Problem> problems() && { return std::move(m_problems); }

  private:
    void add(std::string code, std::string message, NodeId node = {}, EdgeId edge = {}) {
        m_problems.push_back({std::move(code), std::move(message), node, edge});
    }

    // Where the node stands in the flow: its arrows, and the ways to and from it.
    void checkPlace(const Node& n, const std::unordered_set<NodeId>& fromStart,
                    const std::unordered_set<NodeId>& toEnd) {
        const std::string name = nameOf(n);
        if (n.kind == NodeKind::Start && m_in[n.id] > 0)
            add("start-has-input", "the start has an arrow coming into it", n.id);
        if (n.kind == NodeKind::End && m_out[n.id] > 0)
            add("end-has-output", "an end has an arrow leaving it", n.id);
        if (!m_starts.empty() && !fromStart.count(n.id))
            add("unreachable", kindWord(n.kind) + " " + name + " cannot be reached from the start",
                n.id);
        if (!m_ends.empty() && !toEnd.count(n.id))
            add("dead-end", kindWord(n.kind) + " " + name + " has no way on to an end", n.id);
        if ((n.kind == NodeKind::Decision || n.kind == NodeKind::Parallel) && m_in[n.id] <= 1 &&
            m_out[n.id] <= 1)
            add("gateway-one-way",
                kindWord(n.kind) + " " + name + " has one way in and one way out, so it " +
                    (n.kind == NodeKind::Decision ? "decides" : "splits") + " nothing",
                n.id);
    }

    // A step's activity code: there, and in the network's vocabulary.
    void checkCode(const Node& n, const std::function<bool(std::string_view)>& knownActivity) {
        if (n.kind != NodeKind::Activity) return;
        const std::string name = nameOf(n);
        if (n.activity.empty())
            add("no-activity-code",
                "step " + name +
                    " has no activity code, so it cannot be "
                    "matched with the trust's data",
                n.id);
        else if (knownActivity && !knownActivity(n.activity))
            add("unknown-activity-code",
                "step " + name + " uses the activity code \"" + n.activity +
                    "\", which is not in the network's vocabulary",
                n.id);
    }

    const MapContent& m_map;
    std::vector<Problem> m_problems;
    std::vector<NodeId> m_starts, m_ends;
    std::unordered_map<NodeId, std::vector<NodeId>> m_forward, m_backward;
    std::unordered_map<NodeId, int> m_in, m_out;
};

} // namespace

std::vector<Problem> validate(const MapContent& map,
                              const std::function<bool(std::string_view)>& knownActivity) {
    Checker check(map);
    check.checkArrows();
    check.checkStartAndEnd();
    check.checkNodes(knownActivity);
    return std::move(check).problems();
}

} // namespace strawman::model
