#include "workflow_net.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace strawman::model {

namespace {

std::string nameOf(const Node& n) {
    if (!n.label.empty()) return n.label;
    if (!n.activity.empty()) return n.activity;
    return n.key.empty() ? toText(n.kind) : n.key;
}

// Places are made per node and per arrow end, then merged (union-find) where
// an arrow needs no silent step of its own.
class NetBuilder {
  public:
    std::uint32_t place(std::string where, NodeId node, int rank) {
        m_parent.push_back(static_cast<std::uint32_t>(m_parent.size()));
        m_places.push_back({std::move(where), node});
        m_rank.push_back(rank);
        return static_cast<std::uint32_t>(m_parent.size() - 1);
    }

    std::uint32_t find(std::uint32_t p) {
        while (m_parent[p] != p) p = m_parent[p] = m_parent[m_parent[p]];
        return p;
    }

    // The merged place keeps the description users recognise best (lower rank).
    void merge(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return;
        if (m_rank[b] < m_rank[a]) std::swap(a, b);
        m_parent[b] = a;
    }

    // The net with merged places numbered densely.
    WorkflowNet finish(std::vector<NetTransition> transitions, std::uint32_t source,
                       std::uint32_t sink, std::vector<std::string> warnings) {
        WorkflowNet net;
        std::vector<std::uint32_t> index(m_parent.size(), UINT32_MAX);
        for (std::uint32_t p = 0; p < m_parent.size(); ++p) {
            const std::uint32_t root = find(p);
            if (index[root] == UINT32_MAX) {
                index[root] = static_cast<std::uint32_t>(net.places.size());
                net.places.push_back(m_places[root]);
            }
        }
        for (NetTransition& t : transitions) {
            for (auto& p : t.in) p = index[find(p)];
            for (auto& p : t.out) p = index[find(p)];
        }
        net.transitions = std::move(transitions);
        net.source = index[find(source)];
        net.sink = index[find(sink)];
        net.warnings = std::move(warnings);
        return net;
    }

  private:
    std::vector<std::uint32_t> m_parent;
    std::vector<NetPlace> m_places;
    std::vector<int> m_rank;
};

// How well a place's description names it: a decision or an end says more
// than "after" a step, which says more than a bar's arrow.
enum Rank { kAtNode = 0, kBefore = 1, kAfter = 2, kArrow = 3 };

// The map's nodes and arrows that carry behaviour (notes aside), with each
// node's arrows counted; refuses a map no case can be replayed on.
struct ReplayableParts {
    std::unordered_map<std::int64_t, const Node*> nodes;
    std::vector<const Node*> starts, ends;
    std::vector<const Edge*> edges;
    std::unordered_map<std::int64_t, int> outDegree, inDegree;

    explicit ReplayableParts(const MapContent& map) {
        for (const Node& n : map.nodes) {
            if (n.kind == NodeKind::Note) continue;
            nodes[n.id.value] = &n;
            if (n.kind == NodeKind::Start) starts.push_back(&n);
            if (n.kind == NodeKind::End) ends.push_back(&n);
        }
        if (starts.empty())
            throw NotReplayable("the map has no start, so no case can be replayed on it");
        if (ends.empty())
            throw NotReplayable("the map has no end, so no case can be replayed to its finish");
        for (const Edge& e : map.edges) {
            if (!nodes.count(e.from.value) || !nodes.count(e.to.value)) continue;
            edges.push_back(&e);
            ++outDegree[e.from.value];
            ++inDegree[e.to.value];
        }
        for (const Node* end : ends)
            if (outDegree[end->id.value] > 0)
                throw NotReplayable("the end \"" + nameOf(*end) +
                                    "\" has arrows leaving it: an end has no way out");
    }
};

// The net drawn node by node, then arrow by arrow, then its source and sink.
class NetDraft {
  public:
    explicit NetDraft(ReplayableParts& parts) : m_parts(parts) {}

    void addNode(const Node& n) {
        const std::string name = nameOf(n);
        switch (n.kind) {
        case NodeKind::Activity: {
            const std::uint32_t in = m_b.place("before " + name, n.id, kBefore);
            const std::uint32_t out = m_b.place("after " + name, n.id, kAfter);
            m_inPlace[n.id.value] = in;
            m_outPlace[n.id.value] = out;
            if (n.activity.empty())
                m_warnings.push_back("the step \"" + name +
                                     "\" has no activity code, so no event can match it: it is "
                                     "replayed as a silent step");
            m_transitions.push_back({n.activity, name, n.id, EdgeId{}, {in}, {out}});
            break;
        }
        case NodeKind::Parallel: {
            if (m_parts.inDegree[n.id.value] == 0 || m_parts.outDegree[n.id.value] == 0)
                throw NotReplayable("the parallel bar \"" + name +
                                    "\" needs arrows both in and out");
            m_barTransition[n.id.value] = static_cast<std::uint32_t>(m_transitions.size());
            m_transitions.push_back({"", "parallel bar " + name, n.id, EdgeId{}, {}, {}});
            break;
        }
        default: { // start, end, decision: one place
            const char* what = n.kind == NodeKind::Start ? "at the start "
                               : n.kind == NodeKind::End ? "at the end "
                                                         : "at ";
            const std::uint32_t p = m_b.place(what + name, n.id, kAtNode);
            m_inPlace[n.id.value] = m_outPlace[n.id.value] = p;
        }
        }
    }

    void addArrow(const Edge& e) {
        const Node& from = *m_parts.nodes.at(e.from.value);
        const Node& to = *m_parts.nodes.at(e.to.value);
        std::uint32_t tail = 0, head = 0;
        int tailUses = 1, headUses = 1;
        if (from.kind == NodeKind::Parallel) {
            tail = m_b.place("out of " + nameOf(from), from.id, kArrow);
            m_transitions[m_barTransition.at(from.id.value)].out.push_back(tail);
        } else {
            tail = m_outPlace.at(from.id.value);
            tailUses = m_parts.outDegree[from.id.value];
        }
        if (to.kind == NodeKind::Parallel) {
            head = m_b.place("into " + nameOf(to), to.id, kArrow);
            m_transitions[m_barTransition.at(to.id.value)].in.push_back(head);
        } else {
            head = m_inPlace.at(to.id.value);
            headUses = m_parts.inDegree[to.id.value];
        }
        // A start joined straight to an end keeps a silent step, or the source
        // would be the sink.
        const bool startToEnd = from.kind == NodeKind::Start && to.kind == NodeKind::End;
        if ((tailUses == 1 || headUses == 1) && !startToEnd)
            m_b.merge(tail, head);
        else // a choice meeting a merge: the arrow is a step of its own, silent
            m_transitions.push_back(
                {"", nameOf(from) + " -> " + nameOf(to), NodeId{}, e.id, {tail}, {head}});
    }

    // One source (a silent choice when the map has several starts), one sink
    // (its ends merged).
    WorkflowNet finish() {
        const std::vector<const Node*>& starts = m_parts.starts;
        const std::vector<const Node*>& ends = m_parts.ends;
        std::uint32_t source = m_inPlace.at(starts.front()->id.value);
        if (starts.size() > 1) {
            source = m_b.place("before any start", NodeId{}, kAtNode);
            for (const Node* s : starts)
                m_transitions.push_back({"",
                                         "start " + nameOf(*s),
                                         s->id,
                                         EdgeId{},
                                         {source},
                                         {m_inPlace.at(s->id.value)}});
        }
        for (const Node* end : ends)
            m_b.merge(m_inPlace.at(ends.front()->id.value), m_inPlace.at(end->id.value));
        const std::uint32_t sink = m_inPlace.at(ends.front()->id.value);
        return m_b.finish(std::move(m_transitions), source, sink, std::move(m_warnings));
    }

  private:
    ReplayableParts& m_parts;
    NetBuilder m_b;
    std::vector<NetTransition> m_transitions;
    std::vector<std::string> m_warnings;
    std::unordered_map<std::int64_t, std::uint32_t> m_inPlace, m_outPlace, m_barTransition;
};

} // namespace

WorkflowNet toWorkflowNet(const MapContent& map) {
    ReplayableParts parts(map);
    NetDraft draft(parts);
    for (const Node& n : map.nodes)
        if (n.kind != NodeKind::Note) draft.addNode(n);
    for (const Edge* e : parts.edges) draft.addArrow(*e);
    return draft.finish();
}

} // namespace strawman::model
