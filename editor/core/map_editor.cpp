#include "map_editor.h"

#include "model/maps/lanes.h"

#include "model/core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace strawman::editor {

bool Selection::has(const std::string& key) const {
    return std::find(nodes.begin(), nodes.end(), key) != nodes.end();
}

bool Selection::has(const model::EdgeRef& edge) const {
    return std::find(edges.begin(), edges.end(), edge) != edges.end();
}

std::string countLabel(const std::string& verb, std::size_t nodes, std::size_t edges) {
    auto part = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::string text = verb;
    if (nodes > 0) text += " " + part(nodes, "node", "nodes");
    if (nodes > 0 && edges > 0) text += " and";
    if (edges > 0) text += " " + part(edges, "arrow", "arrows");
    return text;
}

void MapEditor::select(Selection s) {
    m_selection = std::move(s);
    pruneSelection();
}

void MapEditor::selectAll() {
    m_selection = {};
    for (const model::Node& n : content().nodes) m_selection.nodes.push_back(n.key);
}

void MapEditor::selectKeys(const std::vector<std::string>& keys) {
    m_selection = {};
    m_selection.nodes = keys;
    pruneSelection();
}

void MapEditor::pruneSelection() {
    const model::MapContent& map = content();
    std::erase_if(m_selection.nodes, [&](const std::string& k) { return !map.findNodeByKey(k); });
    std::erase_if(m_selection.edges, [&](const model::EdgeRef& e) {
        const model::Node* from = map.findNodeByKey(e.from);
        const model::Node* to = map.findNodeByKey(e.to);
        return !from || !to ||
               std::none_of(map.edges.begin(), map.edges.end(), [&](const model::Edge& x) {
                   return x.from == from->id && x.to == to->id;
               });
    });
}

Vec2 MapEditor::snappedDelta(const std::string& anchor, double dx, double dy) const {
    const model::Node* n = content().findNodeByKey(anchor);
    if (!n || m_snap <= 0) return {dx, dy};
    const double x = std::round((n->x + dx) / m_snap) * m_snap;
    const double y = std::round((n->y + dy) / m_snap) * m_snap;
    return {x - n->x, y - n->y};
}

std::string MapEditor::addNode(model::NodeKind kind, double x, double y) {
    if (m_snap > 0) {
        x = std::round(x / m_snap) * m_snap;
        y = std::round(y / m_snap) * m_snap;
    }
    model::MapContent after = content();
    const std::string key = model::addNode(after, kind, x, y);
    m_session->commit("Add " + (kind == model::NodeKind::Activity   ? std::string("step")
                                : kind == model::NodeKind::Parallel ? std::string("parallel bar")
                                                                    : model::toText(kind)),
                      after);
    selectKeys({key});
    return key;
}

void MapEditor::connect(const std::string& from, const std::string& to) {
    model::MapContent after = content();
    model::connect(after, from, to);
    m_session->commit("Connect", after);
    m_selection = {};
    m_selection.edges.push_back({from, to});
}

std::string MapEditor::addConnected(const std::string& from, model::NodeKind kind, double x,
                                    double y) {
    if (m_snap > 0) {
        x = std::round(x / m_snap) * m_snap;
        y = std::round(y / m_snap) * m_snap;
    }
    model::MapContent after = content();
    const std::string key = model::addNode(after, kind, x, y);
    model::connect(after, from, key);
    m_session->commit("Add connected step", after);
    selectKeys({key});
    return key;
}

Vec2 MapEditor::allowedMove(double dx, double dy) const {
    const auto [x, y] = model::laneLimitedMove(content(), m_selection.nodes, dx, dy);
    return {x, y};
}

void MapEditor::moveSelection(double dx, double dy) {
    const Vec2 allowed = allowedMove(dx, dy);
    dx = allowed.x;
    dy = allowed.y;
    if (m_selection.nodes.empty() || (dx == 0 && dy == 0)) return;
    model::MapContent after = content();
    model::moveNodes(after, m_selection.nodes, dx, dy);
    m_session->commit(countLabel("Move", m_selection.nodes.size()), after);
    pruneSelection();
}

void MapEditor::deleteSelection() {
    if (m_selection.empty()) return;
    model::MapContent after = content();
    model::removeItems(after, m_selection.nodes, m_selection.edges);
    m_session->commit(countLabel("Delete", m_selection.nodes.size(), m_selection.edges.size()),
                      after);
    m_selection = {};
}

namespace {
model::Node& editable(model::MapContent& map, const std::string& key) {
    const model::Node* n = map.findNodeByKey(key);
    if (!n) throw model::Error("the map has no node \"" + key + "\"");
    return *map.findNode(n->id);
}
} // namespace

void MapEditor::rename(const std::string& key, const std::string& label) {
    model::MapContent after = content();
    editable(after, key).label = label;
    m_session->commit("Rename", after);
}

void MapEditor::setActivity(const std::string& key, const std::string& code) {
    model::MapContent after = content();
    model::Node& n = editable(after, key);
    if (n.kind != model::NodeKind::Activity) throw model::Error("only a step has an activity code");
    if (!code.empty() && !m_session->workspace().hasActivity(code))
        throw model::Error("\"" + code + "\" is not in the network's vocabulary");
    n.activity = code;
    m_session->commit(code.empty() ? "Clear activity code" : "Set activity code " + code, after);
}

void MapEditor::setLane(const std::string& key, const std::string& lane) {
    model::MapContent after = content();
    editable(after, key).lane = lane;
    m_session->commit("Set role", after);
}

void MapEditor::setEdgeLabel(const model::EdgeRef& edge, const std::string& label) {
    model::MapContent after = content();
    const model::Node* from = after.findNodeByKey(edge.from);
    const model::Node* to = after.findNodeByKey(edge.to);
    auto it = std::find_if(after.edges.begin(), after.edges.end(), [&](const model::Edge& e) {
        return from && to && e.from == from->id && e.to == to->id;
    });
    if (it == after.edges.end()) throw model::Error("that arrow is no longer on the map");
    it->label = label;
    m_session->commit("Label arrow", after);
}

void MapEditor::autoLayout(model::LayoutDirection direction) {
    model::MapContent after = content();
    model::layout(after, direction);
    m_session->commit("Auto-layout", after);
    pruneSelection();
}

void MapEditor::copy() {
    if (m_selection.nodes.empty()) return;
    m_clipboard = model::extract(content(), m_selection.nodes);
    m_pasteCount = 0;
}

void MapEditor::cut() {
    if (m_selection.nodes.empty()) return;
    copy();
    model::MapContent after = content();
    model::removeItems(after, m_selection.nodes, {});
    m_session->commit(countLabel("Cut", m_selection.nodes.size()), after);
    m_selection = {};
}

void MapEditor::paste(std::optional<double> x, std::optional<double> y) {
    if (m_clipboard.nodes.empty()) return;
    double dx = 0, dy = 0;
    if (x && y) {
        // The piece's top-left corner goes to the point.
        double left = std::numeric_limits<double>::max(), top = left;
        for (const model::Node& n : m_clipboard.nodes) {
            left = std::min(left, n.x - n.width / 2);
            top = std::min(top, n.y - n.height / 2);
        }
        dx = *x - left;
        dy = *y - top;
        if (m_snap > 0) {
            dx = std::round(dx / m_snap) * m_snap;
            dy = std::round(dy / m_snap) * m_snap;
        }
    } else {
        const double step = 30.0 * ++m_pasteCount;
        dx = dy = step;
    }
    model::MapContent after = content();
    const std::vector<std::string> added = model::paste(after, m_clipboard, dx, dy);
    m_session->commit(countLabel("Paste", added.size()), after);
    selectKeys(added);
}

void MapEditor::duplicate() {
    if (m_selection.nodes.empty()) return;
    const model::MapContent piece = model::extract(content(), m_selection.nodes);
    model::MapContent after = content();
    const std::vector<std::string> added = model::paste(after, piece, 30, 30);
    m_session->commit(countLabel("Duplicate", added.size()), after);
    selectKeys(added);
}

void MapEditor::undo() {
    const std::vector<std::string> touched = m_session->undo();
    if (!touched.empty()) selectKeys(touched);
    pruneSelection();
}

void MapEditor::redo() {
    const std::vector<std::string> touched = m_session->redo();
    if (!touched.empty()) selectKeys(touched);
    pruneSelection();
}

} // namespace strawman::editor
