// The diff's third step (diff_steps.h): what each arrow of the map carries.
// An arrow that carries nothing is one no case follows.
#include "diff_steps.h"

#include <set>

namespace strawman::model {

namespace {

constexpr const char* kStart = "\x01start";
constexpr const char* kEnd = "\x01end";

// The activities an arrow can come from (backwards) or lead to (forwards),
// through gateways; wildcard when the way crosses a parallel bar, where the
// branches' steps interleave and no single pair stands for the arrow.
struct Ends {
    std::set<std::string> activities;
    bool wildcard = false;
};

Ends reach(const MapContent& map, NodeId start, bool forwards) {
    Ends out;
    std::set<std::int64_t> seen;
    std::vector<NodeId> stack{start};
    while (!stack.empty()) {
        const NodeId id = stack.back();
        stack.pop_back();
        if (!seen.insert(id.value).second) continue;
        const Node* n = map.findNode(id);
        if (!n) continue;
        switch (n->kind) {
        case NodeKind::Activity:
            out.activities.insert(n->activity);
            continue;
        case NodeKind::Start:
            out.activities.insert(kStart);
            if (!forwards) continue;
            break;
        case NodeKind::End:
            out.activities.insert(kEnd);
            continue;
        case NodeKind::Note:
            continue;
        case NodeKind::Parallel:
            out.wildcard = true;
            break;
        case NodeKind::Decision:
            break;
        }
        for (const Edge& e : map.edges) {
            if (forwards && e.from == id) stack.push_back(e.to);
            if (!forwards && e.to == id) stack.push_back(e.from);
        }
    }
    return out;
}

std::string nodeName(const MapContent& map, NodeId id) {
    const Node* n = map.findNode(id);
    if (!n) return {};
    if (!n->label.empty()) return n->label;
    if (!n->activity.empty()) return n->activity;
    return n->key;
}

// An arrow between two nodes of the process; not one to or from a note.
bool isStep(const MapContent& map, const Edge& e) {
    const Node* from = map.findNode(e.from);
    const Node* to = map.findNode(e.to);
    return from && to && from->kind != NodeKind::Note && to->kind != NodeKind::Note;
}

// The steps, starts and ends one arrow stands for (ArrowTraffic, diff.h). Only
// steps the map allows count, so a step that jumps a whole parallel block is
// not put on the arrow into it.
ArrowTraffic trafficOf(const DiffResult& r, const MapContent& map, const Edge& e) {
    ArrowTraffic traffic;
    traffic.edge = e.id;
    const Ends before = reach(map, e.from, false), after = reach(map, e.to, true);
    auto comesFrom = [&](const std::string& a) {
        return before.wildcard || before.activities.count(a) > 0;
    };
    auto leadsTo = [&](const std::string& b) {
        return after.wildcard || after.activities.count(b) > 0;
    };
    for (std::size_t i = 0; i < r.transitions.size(); ++i) {
        const ObservedTransition& t = r.transitions[i];
        if (!t.drawn || !comesFrom(t.from) || !leadsTo(t.to)) continue;
        traffic.transitions.push_back(i);
        traffic.occurrences += t.count;
    }
    for (std::size_t i = 0; i < r.starts.size(); ++i) {
        if (!r.starts[i].drawn || !comesFrom(kStart) || !leadsTo(r.starts[i].activity)) continue;
        traffic.starts.push_back(i);
        traffic.occurrences += r.starts[i].cases;
    }
    for (std::size_t i = 0; i < r.ends.size(); ++i) {
        if (!r.ends[i].drawn || !comesFrom(r.ends[i].activity) || !leadsTo(kEnd)) continue;
        traffic.ends.push_back(i);
        traffic.occurrences += r.ends[i].cases;
    }
    return traffic;
}

} // namespace

void countArrowTraffic(DiffResult& r, const MapContent& map) {
    for (const Edge& e : map.edges) {
        if (!isStep(map, e)) {
            ArrowTraffic none; // a note's arrow carries no traffic, nor is it unused
            none.edge = e.id;
            r.arrows.push_back(std::move(none));
            continue;
        }
        ArrowTraffic traffic = trafficOf(r, map, e);
        if (traffic.occurrences == 0 && r.cases > 0)
            r.unusedEdges.push_back({e.id, nodeName(map, e.from), nodeName(map, e.to)});
        r.arrows.push_back(std::move(traffic));
    }
}

} // namespace strawman::model
