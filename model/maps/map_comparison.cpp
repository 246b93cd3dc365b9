#include "map_comparison.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace strawman::model {

namespace {

using NodePair = std::pair<std::size_t, std::size_t>;
using StepPair = std::pair<std::string, std::string>;

bool compared(NodeKind kind) {
    return kind == NodeKind::Start || kind == NodeKind::End || kind == NodeKind::Activity;
}

// Lower case, runs of spacing as one space, none at either end: "Vetted  by
// Radiologist " and "vetted by radiologist" are one label.
std::string normalisedLabel(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string displayName(const Node& n) {
    if (!n.label.empty()) return n.label;
    if (n.kind == NodeKind::Start) return "Start";
    if (n.kind == NodeKind::End) return "End";
    return n.activity.empty() ? n.key : n.activity;
}

// What makes nodes of the two maps the same step (see the header). An activity
// with neither code nor label is a step of its own: `side` keeps its key from
// meeting one of the other map.
std::string stepKey(const Node& n, std::size_t index, char side) {
    if (n.kind == NodeKind::Start) return "start";
    if (n.kind == NodeKind::End) return "end";
    if (!n.activity.empty()) return "code:" + n.activity;
    const std::string label = normalisedLabel(n.label);
    if (!label.empty()) return "label:" + label;
    return std::string(1, side) + "#" + std::to_string(index);
}

// One map read as steps and the transitions between them.
struct MapSteps {
    const MapContent& map;
    std::vector<std::string> key;                     // per node; empty for gateways and notes
    std::vector<std::vector<std::size_t>> out, in;    // arrows, notes left out
    std::vector<std::vector<NodePair>> edgePairs;     // per edge: the transitions it helps to draw
    std::set<NodePair> pairs;                         // node pairs, every transition of the map
    std::set<StepPair> stepPairs;                     // the same, by step
    std::vector<std::set<std::string>> before, after; // per node: neighbouring steps
    std::vector<std::size_t> depth;                   // per node: transitions from a start

    MapSteps(const MapContent& m, char side) : map(m) {
        const std::size_t n = map.nodes.size();
        key.resize(n);
        out.resize(n);
        in.resize(n);
        before.resize(n);
        after.resize(n);
        std::unordered_map<NodeId, std::size_t> indexOf;
        for (std::size_t i = 0; i < n; ++i) {
            indexOf.emplace(map.nodes[i].id, i);
            if (compared(map.nodes[i].kind)) key[i] = stepKey(map.nodes[i], i, side);
        }
        // Arrows of an edge, or none for one to or from a note or an unknown node.
        std::vector<std::optional<NodePair>> arrow(map.edges.size());
        for (std::size_t e = 0; e < map.edges.size(); ++e) {
            const auto from = indexOf.find(map.edges[e].from), to = indexOf.find(map.edges[e].to);
            if (from == indexOf.end() || to == indexOf.end()) continue;
            if (map.nodes[from->second].kind == NodeKind::Note ||
                map.nodes[to->second].kind == NodeKind::Note)
                continue;
            arrow[e] = NodePair{from->second, to->second};
            out[from->second].push_back(to->second);
            in[to->second].push_back(from->second);
        }
        // Every path between two steps through gateways only has a first arrow,
        // so the transitions are those the arrows draw, together.
        edgePairs.resize(map.edges.size());
        for (std::size_t e = 0; e < map.edges.size(); ++e) {
            if (!arrow[e]) continue;
            for (const std::size_t x : nearestSteps(arrow[e]->first, in))
                for (const std::size_t y : nearestSteps(arrow[e]->second, out))
                    edgePairs[e].emplace_back(x, y);
            pairs.insert(edgePairs[e].begin(), edgePairs[e].end());
        }
        for (const auto& [x, y] : pairs) {
            stepPairs.emplace(key[x], key[y]);
            after[x].insert(key[y]);
            before[y].insert(key[x]);
        }
        measureDepth();
    }

    // The node itself when it is a step, else the steps met first going along
    // `arrows` from it through gateways.
    std::vector<std::size_t>
    nearestSteps(std::size_t node, const std::vector<std::vector<std::size_t>>& arrows) const {
        if (!key[node].empty()) return {node};
        std::vector<std::size_t> found, todo{node};
        std::vector<bool> seen(key.size(), false);
        seen[node] = true;
        while (!todo.empty()) {
            const std::size_t g = todo.back();
            todo.pop_back();
            for (const std::size_t next : arrows[g]) {
                if (seen[next]) continue;
                seen[next] = true;
                if (!key[next].empty())
                    found.push_back(next);
                else
                    todo.push_back(next);
            }
        }
        std::sort(found.begin(), found.end());
        return found;
    }

    // Breadth first over the transitions from every start; unreached nodes stay at SIZE_MAX.
    void measureDepth() {
        std::vector<std::vector<std::size_t>> next(key.size());
        for (const auto& [x, y] : pairs) next[x].push_back(y);
        depth.assign(key.size(), SIZE_MAX);
        std::vector<std::size_t> layer;
        for (std::size_t i = 0; i < key.size(); ++i)
            if (map.nodes[i].kind == NodeKind::Start) {
                depth[i] = 0;
                layer.push_back(i);
            }
        for (std::size_t d = 1; !layer.empty(); ++d) {
            std::vector<std::size_t> following;
            for (const std::size_t x : layer)
                for (const std::size_t y : next[x])
                    if (depth[y] == SIZE_MAX) {
                        depth[y] = d;
                        following.push_back(y);
                    }
            layer = std::move(following);
        }
    }
};

std::size_t common(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::size_t n = 0;
    for (const std::string& s : a) n += b.count(s);
    return n;
}

// Counterparts among the nodes of one step on each side: one-to-one by best
// likeness first, then each node left over to its best match.
void pairNodes(const MapSteps& left, const std::vector<std::size_t>& leftNodes,
               const MapSteps& right, const std::vector<std::size_t>& rightNodes,
               MapSideDifferences& l, MapSideDifferences& r) {
    struct Candidate {
        std::size_t left, right;
        bool sameLabel;
        std::size_t shared, depthGap;
    };
    std::vector<Candidate> candidates;
    for (const std::size_t a : leftNodes)
        for (const std::size_t b : rightNodes) {
            const std::string la = normalisedLabel(left.map.nodes[a].label);
            const bool sameLabel = !la.empty() && la == normalisedLabel(right.map.nodes[b].label);
            const std::size_t shared =
                common(left.before[a], right.before[b]) + common(left.after[a], right.after[b]);
            const std::size_t da = left.depth[a], db = right.depth[b];
            const std::size_t gap =
                da == SIZE_MAX || db == SIZE_MAX ? SIZE_MAX : (da > db ? da - db : db - da);
            candidates.push_back({a, b, sameLabel, shared, gap});
        }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& x, const Candidate& y) {
                         return std::tuple(!x.sameLabel, y.shared, x.depthGap) <
                                std::tuple(!y.sameLabel, x.shared, y.depthGap);
                     });
    for (const Candidate& c : candidates)
        if (!l.nodeCounterpart[c.left] && !r.nodeCounterpart[c.right]) {
            l.nodeCounterpart[c.left] = c.right;
            r.nodeCounterpart[c.right] = c.left;
        }
    for (const Candidate& c : candidates) {
        if (!l.nodeCounterpart[c.left]) l.nodeCounterpart[c.left] = c.right;
        if (!r.nodeCounterpart[c.right]) r.nodeCounterpart[c.right] = c.left;
    }
}

// The side's own findings, once the other side is known.
void findDifferences(const MapSteps& here, const MapSteps& there, MapSideDifferences& side) {
    const MapContent& map = here.map;
    std::set<std::string> otherSteps(there.key.begin(), there.key.end()), seen;
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        side.nodeCompared[i] = !here.key[i].empty();
        if (!side.nodeCompared[i] || !seen.insert(here.key[i]).second) continue;
        ++side.steps;
        if (!otherSteps.count(here.key[i])) side.stepsOnlyHere.push_back(displayName(map.nodes[i]));
    }
    side.transitions = here.stepPairs.size();
    std::set<StepPair> listed;
    for (const auto& [x, y] : here.pairs) {
        StepPair step{here.key[x], here.key[y]};
        if (there.stepPairs.count(step) || !listed.insert(std::move(step)).second) continue;
        side.pairsOnlyHere.push_back({x, y, displayName(map.nodes[x]), displayName(map.nodes[y])});
    }
    // In the order the process goes, as far as the map says.
    std::stable_sort(side.pairsOnlyHere.begin(), side.pairsOnlyHere.end(),
                     [&](const auto& a, const auto& b) {
                         return std::pair(here.depth[a.from], here.depth[a.to]) <
                                std::pair(here.depth[b.from], here.depth[b.to]);
                     });
    for (std::size_t e = 0; e < map.edges.size(); ++e) {
        const auto& drawn = here.edgePairs[e];
        side.edgeMatched[e] = std::all_of(drawn.begin(), drawn.end(), [&](const NodePair& p) {
            return there.stepPairs.count({here.key[p.first], here.key[p.second]}) > 0;
        });
        if (!side.edgeMatched[e]) ++side.unmatchedEdges;
    }
}

std::string counted(std::size_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

std::string listed(const std::vector<std::string>& names) {
    constexpr std::size_t shown = 5;
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
    return out;
}

// Transitions between steps both maps have: one to or from a step only one map
// has is already said by that step.
std::vector<std::string> transitionsToTell(const MapSideDifferences& side) {
    std::vector<std::string> out;
    for (const ActivityPair& p : side.pairsOnlyHere)
        if (!side.nodeOnlyHere(p.from) && !side.nodeOnlyHere(p.to))
            out.push_back(p.fromName + " then " + p.toName);
    return out;
}

std::string summarise(const MapComparison& c, const MapNames& names) {
    if (c.same())
        return names.left + " and " + names.right + " show the same steps in the same order.";
    std::string text;
    const auto say = [&](const std::vector<std::string>& items, const char* what,
                         const std::string& map) {
        if (items.empty()) return;
        if (!text.empty()) text += ' ';
        text += counted(items.size(), what) + " only in " + map + ": " + listed(items) + ".";
    };
    say(c.left.stepsOnlyHere, "step", names.left);
    say(c.right.stepsOnlyHere, "step", names.right);
    say(transitionsToTell(c.left), "transition", names.left);
    say(transitionsToTell(c.right), "transition", names.right);
    return text;
}

} // namespace

MapComparison compareMaps(const MapContent& left, const MapContent& right, const MapNames& names) {
    const MapSteps l(left, 'L'), r(right, 'R');
    MapComparison c;
    for (auto [side, map] : {std::pair{&c.left, &left}, std::pair{&c.right, &right}}) {
        side->nodeCounterpart.resize(map->nodes.size());
        side->nodeCompared.resize(map->nodes.size());
        side->edgeMatched.resize(map->edges.size());
    }
    std::map<std::string, std::vector<std::size_t>> leftNodes, rightNodes;
    for (std::size_t i = 0; i < l.key.size(); ++i)
        if (!l.key[i].empty()) leftNodes[l.key[i]].push_back(i);
    for (std::size_t i = 0; i < r.key.size(); ++i)
        if (!r.key[i].empty()) rightNodes[r.key[i]].push_back(i);
    for (const auto& [key, nodes] : leftNodes) {
        const auto other = rightNodes.find(key);
        if (other != rightNodes.end()) pairNodes(l, nodes, r, other->second, c.left, c.right);
    }
    findDifferences(l, r, c.left);
    findDifferences(r, l, c.right);
    c.summary = summarise(c, names);
    return c;
}

} // namespace strawman::model
