// Lanes as bands. Positions are the map's: points, node centres, y down.
#include "lanes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace strawman::model {

namespace {

// What the canvas draws under a start or an end: its caption (the editor's
// GeometryStyle::captionHeight, and half of a caption's width).
constexpr double kCaptionHeight = 18;
constexpr double kCaptionHalfWidth = 45;

struct Extent {
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    void add(double lo, double hi) {
        min = std::min(min, lo);
        max = std::max(max, hi);
    }
    bool empty() const { return min > max; }
    double centre() const { return (min + max) / 2; }
};

// A node's drawn box, caption included, split into the two axes: along the flow
// and across it.
struct Box {
    Extent along, across;
};

Box boxOf(const Node& n, LayoutDirection flow) {
    double left = n.x - n.width / 2, right = n.x + n.width / 2;
    const double top = n.y - n.height / 2;
    double bottom = n.y + n.height / 2;
    if (n.kind == NodeKind::Start || n.kind == NodeKind::End) {
        bottom += kCaptionHeight;
        left = std::min(left, n.x - kCaptionHalfWidth);
        right = std::max(right, n.x + kCaptionHalfWidth);
    }
    Box box;
    if (flow == LayoutDirection::LeftRight) {
        box.along.add(left, right);
        box.across.add(top, bottom);
    } else {
        box.along.add(top, bottom);
        box.across.add(left, right);
    }
    return box;
}

bool hasPositions(const MapContent& map) {
    return std::all_of(map.nodes.begin(), map.nodes.end(),
                       [](const Node& n) { return n.width > 0 && n.height > 0; });
}

// Room before the first node along the flow: padding, and the titles.
double alongBefore(const MapContent& map, LayoutDirection flow) {
    return kLanePadding +
           (flow == LayoutDirection::LeftRight ? laneTitleColumn(map) : kLaneTitleHeight);
}

double roundToHundredths(double value) {
    return std::round(value * 100.0) / 100.0;
}

struct Group {
    std::string lane;
    std::vector<std::size_t> nodes;
    Extent across;
    std::size_t first = 0; // the first node's index, to order ties
};

// The nodes of each lane with their extent across the flow, in order across it.
std::vector<Group> groupsOf(const MapContent& map, const std::vector<std::string>& lanes,
                            const std::vector<std::string>& movedWith, LayoutDirection flow) {
    std::map<std::string, std::size_t> index;
    std::vector<Group> groups;
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        const bool inBand = map.nodes[i].kind != NodeKind::Note;
        const std::string& lane = inBand ? lanes[i] : movedWith[i];
        if (!inBand && lane.empty()) continue;
        auto [it, added] = index.try_emplace(lane, groups.size());
        if (added) groups.push_back({lane, {}, {}, i});
        Group& g = groups[it->second];
        g.nodes.push_back(i);
        if (inBand) {
            const Box box = boxOf(map.nodes[i], flow);
            g.across.add(box.across.min, box.across.max);
        }
    }
    std::erase_if(groups, [](const Group& g) { return g.across.empty(); });
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        if (a.across.centre() != b.across.centre()) return a.across.centre() < b.across.centre();
        return a.first < b.first;
    });
    return groups;
}

} // namespace

double laneTitleWidth(std::string_view lane) {
    constexpr double kBoldWidth = 1.08; // DejaVu Sans Bold against Book, near enough
    return textWidth(lane, kLaneTitleSize) * kBoldWidth;
}

double laneTitleColumn(const MapContent& map) {
    double widest = 0;
    for (const Node& n : map.nodes)
        if (n.kind != NodeKind::Note) widest = std::max(widest, laneTitleWidth(n.lane));
    return widest > 0 ? std::ceil(widest) + 12 : 0;
}

std::vector<std::string> lanesOfNodes(const MapContent& map) {
    const std::size_t n = map.nodes.size();
    std::vector<std::string> lanes(n);
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (map.nodes[i].kind == NodeKind::Note) continue;
        lanes[i] = map.nodes[i].lane;
        any = any || !lanes[i].empty();
    }
    if (!any) return lanes;

    std::unordered_map<NodeId, std::size_t> at;
    for (std::size_t i = 0; i < n; ++i) at.emplace(map.nodes[i].id, i);
    auto placeable = [&](std::size_t i) {
        return lanes[i].empty() && map.nodes[i].kind != NodeKind::Note;
    };
    // Before, then after: each pass takes the lane of the first neighbour (in
    // edge order) that has one, until nothing changes.
    for (const bool fromBefore : {true, false}) {
        for (bool changed = true; changed;) {
            changed = false;
            for (const Edge& e : map.edges) {
                const auto from = at.find(e.from), to = at.find(e.to);
                if (from == at.end() || to == at.end()) continue;
                const std::size_t target = fromBefore ? to->second : from->second;
                const std::size_t source = fromBefore ? from->second : to->second;
                if (placeable(target) && !lanes[source].empty()) {
                    lanes[target] = lanes[source];
                    changed = true;
                }
            }
        }
    }
    return lanes;
}

std::vector<LaneBand> laneBands(const MapContent& map, LayoutDirection flow) {
    if (map.nodes.empty() || !hasPositions(map)) return {};
    const std::vector<std::string> lanes = lanesOfNodes(map);
    if (std::all_of(lanes.begin(), lanes.end(), [](const std::string& l) { return l.empty(); }))
        return {};

    Extent along;
    for (const Node& node : map.nodes) {
        const Box box = boxOf(node, flow);
        along.add(box.along.min, box.along.max);
    }
    along.min -= alongBefore(map, flow);
    along.max += kLanePadding;

    const std::vector<Group> groups =
        groupsOf(map, lanes, std::vector<std::string>(lanes.size()), flow);
    std::vector<LaneBand> bands;
    bands.reserve(groups.size());
    std::vector<Extent> across;
    for (const Group& g : groups) {
        across.push_back({g.across.min - kLanePadding, g.across.max + kLanePadding});
        bands.push_back({g.lane, 0, 0, 0, 0, 0, 0, g.nodes});
    }
    // Neighbouring bands meet half-way between (or through) their nodes, so the
    // bands tile the drawing with one line between two roles.
    for (std::size_t i = 1; i < across.size(); ++i) {
        const double meet = (across[i - 1].max + across[i].min) / 2;
        across[i - 1].max = meet;
        across[i].min = meet;
    }
    for (std::size_t i = 0; i < bands.size(); ++i) {
        LaneBand& b = bands[i];
        if (flow == LayoutDirection::LeftRight) {
            b.left = along.min;
            b.right = along.max;
            b.top = across[i].min;
            b.bottom = across[i].max;
        } else {
            b.left = across[i].min;
            b.right = across[i].max;
            b.top = along.min;
            b.bottom = along.max;
        }
        b.titleX = b.left + 6;
        b.titleY = flow == LayoutDirection::LeftRight ? (b.top + b.bottom) / 2
                                                      : b.top + kLaneTitleHeight / 2;
    }
    return bands;
}

LayoutDirection drawnDirection(const MapContent& map) {
    double along = 0, across = 0;
    for (const Edge& e : map.edges) {
        const Node* a = map.findNode(e.from);
        const Node* b = map.findNode(e.to);
        if (!a || !b) continue;
        along += b->x - a->x;
        across += b->y - a->y;
    }
    // Net progress, not distance: arrows that zig-zag between lanes across the
    // flow cancel out, while the flow itself adds up from start to end.
    return std::abs(across) > std::abs(along) ? LayoutDirection::TopBottom
                                              : LayoutDirection::LeftRight;
}

std::pair<double, double>
laneLimitedMove(const MapContent& map, const std::vector<std::string>& keys, double dx, double dy) {
    const LayoutDirection flow = drawnDirection(map);
    const std::vector<LaneBand> bands = laneBands(map, flow);
    if (bands.empty()) return {dx, dy};
    std::vector<bool> moving(map.nodes.size(), false);
    for (std::size_t i = 0; i < map.nodes.size(); ++i)
        moving[i] = std::find(keys.begin(), keys.end(), map.nodes[i].key) != keys.end();

    // What stays of each band: the extent across the flow of its unmoved nodes.
    std::vector<Extent> staying(bands.size());
    for (std::size_t k = 0; k < bands.size(); ++k)
        for (std::size_t i : bands[k].nodes)
            if (!moving[i] && map.nodes[i].kind != NodeKind::Note) {
                const Box box = boxOf(map.nodes[i], flow);
                staying[k].add(box.across.min, box.across.max);
            }

    constexpr double inf = std::numeric_limits<double>::infinity();
    double least = -inf, most = inf; // the shift across every moved node allows
    for (std::size_t k = 0; k < bands.size(); ++k) {
        double lo = -inf, hi = inf; // the room of band k: between its neighbours' staying steps
        for (std::size_t j = 0; j < bands.size(); ++j) {
            if (staying[j].empty()) continue;
            if (j < k) lo = std::max(lo, staying[j].max + 2 * kLanePadding);
            if (j > k) hi = std::min(hi, staying[j].min - 2 * kLanePadding);
        }
        for (std::size_t i : bands[k].nodes) {
            if (!moving[i] || map.nodes[i].kind == NodeKind::Note) continue;
            const Box box = boxOf(map.nodes[i], flow);
            least = std::max(least, lo - box.across.min);
            most = std::min(most, hi - box.across.max);
        }
    }
    double& across = flow == LayoutDirection::LeftRight ? dy : dx;
    across = std::clamp(across, std::min(least, 0.0), std::max(most, 0.0));
    return {dx, dy};
}

void separateLanes(MapContent& map, LayoutDirection flow) {
    if (map.nodes.empty() || !hasPositions(map)) return;
    const std::vector<std::string> lanes = lanesOfNodes(map);
    if (std::all_of(lanes.begin(), lanes.end(), [](const std::string& l) { return l.empty(); }))
        return;
    // A note moves with the node it is attached to.
    std::vector<std::string> movedWith(map.nodes.size());
    std::unordered_map<NodeId, std::size_t> at;
    for (std::size_t i = 0; i < map.nodes.size(); ++i) at.emplace(map.nodes[i].id, i);
    for (const Edge& e : map.edges) {
        const auto from = at.find(e.from), to = at.find(e.to);
        if (from == at.end() || to == at.end()) continue;
        for (auto [note, other] : {std::pair{from->second, to->second}, {to->second, from->second}})
            if (map.nodes[note].kind == NodeKind::Note && movedWith[note].empty())
                movedWith[note] = lanes[other];
    }

    const std::vector<Group> groups = groupsOf(map, lanes, movedWith, flow);
    auto shiftAcross = [&](std::size_t i, double by) {
        Node& n = map.nodes[i];
        (flow == LayoutDirection::LeftRight ? n.y : n.x) += by;
    };
    // Stacked in their order, each band's nodes start where the band before
    // ends; the whole drawing then starts at 0 again, titles included.
    double cursor = kLanePadding;
    for (const Group& g : groups) {
        const double by = cursor - g.across.min;
        for (std::size_t i : g.nodes) shiftAcross(i, by);
        cursor += (g.across.max - g.across.min) + 2 * kLanePadding;
    }
    Extent along, across;
    for (const Node& node : map.nodes) {
        const Box box = boxOf(node, flow);
        along.add(box.along.min, box.along.max);
        across.add(box.across.min, box.across.max);
    }
    const double alongStart = alongBefore(map, flow);
    for (Node& n : map.nodes) {
        double& a = flow == LayoutDirection::LeftRight ? n.x : n.y;
        a = roundToHundredths(a - along.min + alongStart);
        double& c = flow == LayoutDirection::LeftRight ? n.y : n.x;
        c = roundToHundredths(c - std::min(across.min - kLanePadding, 0.0));
    }
}

} // namespace strawman::model
