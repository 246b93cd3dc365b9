// Automatic layout with Graphviz dot.
//
// How labels are measured, and why here. Graphviz sizes a node by measuring its
// label with the text-layout plugin it finds (pango on Debian, through whatever
// font fontconfig resolves "DejaVu Sans" to) or, with none, with estimate tables
// that have no DejaVu metrics and change between Graphviz versions. Either way the
// same map could come out differently on two machines. So layout measures every
// label itself, with the advance widths of DejaVu Sans 14 pt compiled in below
// (the font the editor draws with, from fonts-dejavu-core), and hands Graphviz
// only fixed sizes: nodes are fixedsize with an empty label, and an edge's
// condition becomes an empty HTML table cell of the measured size. Graphviz then
// measures no text at all, whichever plugins it loads, and the result depends only
// on the map (and the Graphviz version).
//
// Graphviz is not thread-safe: layout() must be called from one thread.
#include "layout.h"

#include "graphviz_compat.h"
#include "graphviz_shape.h"
#include "lanes.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace strawman::model {

namespace {

// [SECTION] Measuring labels in DejaVu Sans

constexpr double kFontSize = 14.0;
constexpr double kUnitsPerEm = 2048.0;          // DejaVu Sans design units
constexpr double kLineHeight = kFontSize * 1.2; // Graphviz's line spacing
constexpr std::size_t kWrapColumns = 18;        // characters per line before wrapping

// Advance widths in design units, read from DejaVuSans.ttf (hmtx via cmap).
constexpr std::array<std::uint16_t, 95> kAsciiAdvance{
    // U+0020 .. U+007E
    651,  821,  942,  1716, 1303, 1946, 1597, 563,  799,  799,  1024, 1716, 651,  739,  651,  690,
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690,  690,  1716, 1716, 1716, 1087,
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604,  604,  1343, 1141, 1767, 1532, 1612,
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799,  690,  799,  1716, 1024,
    1024, 1255, 1300, 1126, 1300, 1260, 721,  1300, 1298, 569,  569,  1186, 569,  1995, 1298, 1253,
    1300, 1300, 842,  1067, 803,  1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,  1303, 1716,
};
constexpr std::array<std::uint16_t, 96> kLatin1Advance{
    // U+00A0 .. U+00FF
    651,  821,  1303, 1303, 1303, 1303, 690,  1024, 1024, 2048, 965,  1253, 1716, 739,  2048, 1024,
    1024, 1716, 821,  821,  1024, 1303, 1303, 651,  1024, 821,  965,  1253, 1985, 1985, 1985, 1087,
    1401, 1401, 1401, 1401, 1401, 1401, 1995, 1430, 1294, 1294, 1294, 1294, 604,  604,  604,  604,
    1587, 1532, 1612, 1612, 1612, 1612, 1612, 1716, 1612, 1499, 1499, 1499, 1499, 1251, 1239, 1290,
    1255, 1255, 1255, 1255, 1255, 1255, 2011, 1126, 1260, 1260, 1260, 1260, 569,  569,  569,  569,
    1253, 1298, 1253, 1253, 1253, 1253, 1253, 1716, 1253, 1298, 1298, 1298, 1298, 1212, 1300, 1212,
};
struct Advance {
    char32_t codePoint;
    std::uint16_t units;
};
// Punctuation that word processors put into pasted labels.
constexpr std::array<Advance, 13> kOtherAdvance{{
    {0x2013, 1024},
    {0x2014, 2048},
    {0x2018, 651},
    {0x2019, 651},
    {0x201C, 1061},
    {0x201D, 1061},
    {0x2022, 1208},
    {0x2026, 2048},
    {0x20AC, 1303},
    {0x2190, 1716},
    {0x2192, 1716},
    {0x2264, 1716},
    {0x2265, 1716},
}};

std::uint16_t advanceUnits(char32_t c) {
    if (c >= 0x20 && c <= 0x7E) return kAsciiAdvance[c - 0x20];
    if (c >= 0xA0 && c <= 0xFF) return kLatin1Advance[c - 0xA0];
    for (const Advance& a : kOtherAdvance)
        if (a.codePoint == c) return a.units;
    if (c >= 0x2E80) return 2048; // CJK and other full-width scripts
    return 1303;                  // elsewhere: the width of a digit, a fair average
}

// The code point starting at text[i]; moves i past it. Malformed UTF-8 counts as
// one replacement character per byte.
char32_t nextCodePoint(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i++]);
    if (lead < 0x80) return lead;
    int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) > text.size()) return 0xFFFD;
    char32_t c = lead & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        const auto next = static_cast<unsigned char>(text[i]);
        if ((next & 0xC0) != 0x80) return 0xFFFD;
        c = (c << 6) | (next & 0x3F);
        ++i;
    }
    return c;
}

struct TextBox {
    double width = 0;
    double height = 0;
};

double lineWidthUnits(std::string_view line) {
    double width = 0;
    for (std::size_t i = 0; i < line.size();) width += advanceUnits(nextCodePoint(line, i));
    return width;
}

// The box of the label as the editor will show it (wrapLabel's lines). Only
// measured: the label in the map is not changed.
TextBox measureLabel(std::string_view text) {
    if (text.empty()) return {};
    const std::vector<std::string> lines = wrapLabel(text);
    TextBox box;
    for (const std::string& line : lines) box.width = std::max(box.width, lineWidthUnits(line));
    box.width = box.width * kFontSize / kUnitsPerEm;
    box.height = static_cast<double>(lines.size()) * kLineHeight;
    return box;
}

} // namespace

double textWidth(std::string_view line, double fontSize) {
    return lineWidthUnits(line) * fontSize / kUnitsPerEm;
}

std::vector<std::string> wrapLabel(std::string_view text) {
    std::vector<std::string> lines;
    if (text.empty()) return lines;
    std::string line;
    std::size_t lineColumns = 0;
    bool lineOpen = false;
    auto closeLine = [&] {
        lines.push_back(line);
        line.clear();
        lineColumns = 0;
        lineOpen = false;
    };
    std::size_t i = 0;
    while (i <= text.size()) {
        // One word (or the end of a paragraph) at a time.
        if (i == text.size() || text[i] == '\n') {
            closeLine();
            ++i;
            continue;
        }
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        const std::size_t wordStart = i;
        std::size_t columns = 0;
        while (i < text.size() && text[i] != ' ' && text[i] != '\n') {
            nextCodePoint(text, i);
            ++columns;
        }
        if (lineOpen && lineColumns + 1 + columns > kWrapColumns) closeLine();
        if (lineOpen) {
            line += ' ';
            ++lineColumns;
        }
        line.append(text.substr(wordStart, i - wordStart));
        lineColumns += columns;
        lineOpen = true;
    }
    return lines;
}

namespace {

// [SECTION] Node and edge sizes

struct Size {
    double width = 0;
    double height = 0;
};

std::string_view displayText(const Node& node) {
    if (!node.label.empty()) return node.label;
    if (!node.activity.empty()) return node.activity;
    return node.key;
}

// Sizes in whole points, never below the kind's default size. Start, end and
// parallel nodes have a fixed shape; the editor shows their labels beside them.
Size nodeSize(const Node& node, LayoutDirection direction) {
    constexpr double kPadX = 12, kPadY = 8;
    Size min;
    defaultSize(node.kind, min.width, min.height);
    Size size = min;
    switch (node.kind) {
    case NodeKind::Start:
    case NodeKind::End:
        break;
    case NodeKind::Parallel:
        // A bar across the flow: tall and narrow when the flow runs left to right.
        if (direction == LayoutDirection::LeftRight) size = {min.height, min.width};
        break;
    case NodeKind::Decision: {
        // A diamond whose sides pass through the corners of the padded text box
        // needs twice its width and height.
        const TextBox text = measureLabel(displayText(node));
        size.width = std::max(min.width, 2 * (text.width + kPadX));
        size.height = std::max(min.height, 2 * (text.height + kPadY / 2));
        break;
    }
    case NodeKind::Activity:
    case NodeKind::Note: {
        const TextBox text = measureLabel(displayText(node));
        size.width = std::max(min.width, text.width + 2 * kPadX);
        size.height = std::max(min.height, text.height + 2 * kPadY);
        break;
    }
    }
    return {std::ceil(size.width), std::ceil(size.height)};
}

std::string formatNumber(double value) {
    std::array<char, 32> buffer{};
    auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                std::chars_format::fixed, 6);
    return std::string(buffer.data(), result.ptr);
}

// An edge's condition as Graphviz sees it: a blank box of the measured size, so the
// rank gap leaves room for the text.
std::string conditionBox(std::string_view condition) {
    const TextBox text = measureLabel(condition);
    const auto width = static_cast<long>(std::ceil(text.width)) + 8;
    const auto height = static_cast<long>(std::ceil(text.height)) + 4;
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
           "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"" +
           std::to_string(width) + "\" HEIGHT=\"" + std::to_string(height) +
           "\"></TD></TR></TABLE>";
}

double roundToHundredths(double value) {
    return std::round(value * 100.0) / 100.0;
}

// gvFreeLayout must run before the graph is closed, on every path out.
struct LaidOut {
    GVC_t* gvc;
    Agraph_t* graph;
    LaidOut(GVC_t* context, Agraph_t* g) : gvc(context), graph(g) {}
    ~LaidOut() { gvFreeLayout(gvc, graph); }
    LaidOut(const LaidOut&) = delete;
    LaidOut& operator=(const LaidOut&) = delete;
};

} // namespace

void layout(MapContent& map, LayoutDirection direction) {
    if (map.nodes.empty()) return;

    graphviz::Lock lock;
    GVC_t* gvc = graphviz::context();
    graphviz::GraphPtr graph = graphviz::openDirected("map");
    Agraph_t* g = graph.get();

    // Spacing readable on a projector: half an inch between neighbours in a rank,
    // a little more between ranks. No edge routing: the map keeps no edge paths.
    graphviz::declare(g, AGRAPH, "rankdir", direction == LayoutDirection::LeftRight ? "LR" : "TB");
    graphviz::declare(g, AGRAPH, "nodesep", "0.5");
    graphviz::declare(g, AGRAPH, "ranksep", "0.4");
    graphviz::declare(g, AGRAPH, "splines", "none");
    // Rank the whole graph at once: by default dot ranks each lane's cluster on
    // its own, and a step can land before the step it follows.
    graphviz::declare(g, AGRAPH, "newrank", "true");
    Agsym_t* shape = graphviz::declare(g, AGNODE, "shape", "box");
    graphviz::declare(g, AGNODE, "fixedsize", "true");
    graphviz::declare(g, AGNODE, "label", "");
    Agsym_t* width = graphviz::declare(g, AGNODE, "width", "0.75");
    Agsym_t* height = graphviz::declare(g, AGNODE, "height", "0.5");
    Agsym_t* edgeLabel = graphviz::declare(g, AGEDGE, "label", "");

    // Nodes and edges go in in vector order: dot is deterministic for a given
    // insertion order, so the same map always gives the same drawing.
    std::vector<Agnode_t*> gvNodes;
    gvNodes.reserve(map.nodes.size());
    std::unordered_map<NodeId, Agnode_t*> byId;
    byId.reserve(map.nodes.size());
    // Each role's nodes in a cluster of their own, so that dot keeps them
    // together across the flow; separateLanes then gives each its band.
    const std::vector<std::string> lanes = lanesOfNodes(map);
    std::unordered_map<std::string, Agraph_t*> clusters;
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        const Node& node = map.nodes[i];
        const std::string name = "n" + std::to_string(i);
        Agnode_t* n = agnode(g, graphviz::mut(name.c_str()), 1);
        const Size size = nodeSize(node, direction);
        // The shape as drawn everywhere (an end's double circle), its outer
        // ring the node's size.
        const GraphvizShape drawn = graphvizShape(node.kind);
        graphviz::set(n, shape, std::string(drawn.shape).c_str());
        graphviz::set(n, width, formatNumber(drawn.innerSize(size.width) / 72.0).c_str());
        graphviz::set(n, height, formatNumber(drawn.innerSize(size.height) / 72.0).c_str());
        gvNodes.push_back(n);
        byId.emplace(node.id, n);
        if (!lanes[i].empty()) {
            auto [it, added] = clusters.try_emplace(lanes[i], nullptr);
            if (added) {
                const std::string cluster = "cluster_" + std::to_string(clusters.size());
                it->second = agsubg(g, graphviz::mut(cluster.c_str()), 1);
            }
            agsubnode(it->second, n, 1);
        }
    }
    for (const Edge& edge : map.edges) {
        auto from = byId.find(edge.from);
        auto to = byId.find(edge.to);
        if (from == byId.end() || to == byId.end()) continue; // validation reports these
        Agedge_t* e = agedge(g, from->second, to->second, nullptr, 1);
        if (!edge.label.empty()) graphviz::setHtml(g, e, edgeLabel, conditionBox(edge.label));
    }

    graphviz::ErrorCapture errors;
    LaidOut laidOut{gvc, g};
    if (gvLayout(gvc, g, "dot") != 0) throw Error("automatic layout failed: " + errors.messages());

    // Graphviz: points, y up, origin at the bottom-left of the bounding box.
    // Ours: points, y down, origin at the top-left of the drawing.
    const boxf bb = graphviz::boundingBox(g);
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        Node& node = map.nodes[i];
        const pointf centre = graphviz::nodeCentre(gvNodes[i]);
        node.x = roundToHundredths(centre.x - bb.LL.x);
        node.y = roundToHundredths(bb.UR.y - centre.y);
        node.width = roundToHundredths(graphviz::nodeWidthInches(gvNodes[i]) * 72.0);
        node.height = roundToHundredths(graphviz::nodeHeightInches(gvNodes[i]) * 72.0);
    }
    separateLanes(map, direction);
}

} // namespace strawman::model
