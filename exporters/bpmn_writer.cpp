#include "bpmn_writer.h"

#include "xml_text.h"

#include "editor/geometry/map_geometry.h"
#include "model/maps/lanes.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace strawman::exporters {

namespace {

using editor::Rect;
using editor::Vec2;
using model::NodeKind;

// A gateway we add where BPMN needs one and the map draws none: a step with
// several ways out (a choice), or several ways in (a merge), or a decision or a
// bar that both joins and forks (BPMN tools flag a gateway that does both). The
// reader removes them again, so the round trip gives the same arrows.
enum class Added { None, Choice, Merge, Join };

std::string_view addedName(Added a) {
    switch (a) {
    case Added::Choice:
        return "choice";
    case Added::Merge:
        return "merge";
    case Added::Join:
        return "join";
    case Added::None:
        break;
    }
    return "";
}

struct FlowNode {
    std::string id;
    std::string element;  // BPMN element name, without prefix
    std::size_t node = 0; // index into map.nodes: the node, or the node the gateway serves
    Added added = Added::None;
    std::string name;
    std::optional<std::string> label; // strawman:label, when the map's own label is not `name`
    std::optional<std::string> lane;  // strawman:lane, when the lane set would say otherwise
    Rect bounds;
    std::vector<std::string> incoming, outgoing;
    std::string defaultFlow;
};

struct Flow {
    std::string id;
    std::size_t source = 0, target = 0; // indices into the flow nodes
    std::string name;
    bool condition = false; // leaves a forking exclusive gateway: a conditionExpression
    bool unnamed = false;   // `name` is ours, not the map's
    std::vector<Vec2> waypoints;
};

struct Association {
    std::string id, source, target;
    std::vector<Vec2> waypoints;
    std::string label; // BPMN names no association: kept in strawman:label
};

bool nameStart(unsigned char c) {
    return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool nameChar(unsigned char c) {
    return nameStart(c) || std::isdigit(c) || c == '-' || c == '.';
}

// XML ids are NCNames: a key that is one is the id, so files stay readable.
bool isNcName(std::string_view s) {
    if (s.empty() || !nameStart(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return nameChar(static_cast<unsigned char>(c)); });
}

class Ids {
  public:
    std::string unique(std::string base) {
        if (!isNcName(base)) {
            std::string clean =
                base.empty() || !nameStart(static_cast<unsigned char>(base[0])) ? "id_" : "";
            for (char c : base) clean += nameChar(static_cast<unsigned char>(c)) ? c : '_';
            base = clean;
        }
        std::string id = base;
        for (int n = 2; !m_used.insert(id).second; ++n) id = base + "_" + std::to_string(n);
        return id;
    }

  private:
    std::set<std::string> m_used;
};

// Where a line from the centre of `r` towards `p` leaves a diamond inscribed in r.
Vec2 diamondExit(const Rect& r, Vec2 p) {
    const Vec2 c = r.centre();
    const Vec2 d = p - c;
    const double hx = r.width() / 2, hy = r.height() / 2;
    const double s = std::abs(d.x) / hx + std::abs(d.y) / hy;
    return s > 0 ? c + d / s : c;
}

// Exactly the stored position and size, so the reader gives them back.
Rect storedBounds(const model::Node& n) {
    return Rect::around({n.x, n.y}, {n.width / 2, n.height / 2});
}

std::vector<Vec2> sampled(const editor::Bezier& b, Vec2 tip) {
    std::vector<Vec2> points;
    const bool straight = distance(b.c1, b.p0 + (b.p3 - b.p0) / 3) < 1 &&
                          distance(b.c2, b.p0 + (b.p3 - b.p0) * (2.0 / 3)) < 1;
    if (straight) {
        points = {b.p0};
    } else {
        for (int i = 0; i < 6; ++i) points.push_back(b.at(i / 6.0));
    }
    points.push_back(tip);
    return points;
}

std::string shapeXml(const std::string& id, const Rect& r, std::string_view extra = {}) {
    std::string out = "      <bpmndi:BPMNShape id=\"" + id + "_di\" bpmnElement=\"" + id + "\"";
    out += extra;
    out += ">\n        <dc:Bounds x=\"" + xmlNumber(r.min.x) + "\" y=\"" + xmlNumber(r.min.y) +
           "\" width=\"" + xmlNumber(r.width()) + "\" height=\"" + xmlNumber(r.height()) +
           "\" />\n      </bpmndi:BPMNShape>\n";
    return out;
}

std::string edgeXml(const std::string& id, const std::vector<Vec2>& points) {
    std::string out = "      <bpmndi:BPMNEdge id=\"" + id + "_di\" bpmnElement=\"" + id + "\">\n";
    for (const Vec2& p : points)
        out +=
            "        <di:waypoint x=\"" + xmlNumber(p.x) + "\" y=\"" + xmlNumber(p.y) + "\" />\n";
    out += "      </bpmndi:BPMNEdge>\n";
    return out;
}

class Writer {
  public:
    Writer(const model::MapContent& map, std::string_view processName)
        : m_map(map), m_geo(editor::buildMapGeometry(map)), m_processName(processName) {}

    std::string write();

  private:
    void addNodes();
    void addFlows();
    void addLanes();
    std::string flowNodeXml(const FlowNode& f) const;
    std::size_t addGateway(std::size_t node, Added added, const Rect& at);
    Rect gatewayBeside(std::size_t node, bool after) const;

    const model::MapContent& m_map;
    editor::MapGeometry m_geo;
    std::string m_processName;
    Ids m_ids;
    std::vector<FlowNode> m_nodes;              // BPMN flow nodes
    std::vector<std::size_t> m_flowNode;        // map node -> its flow node (notes: npos)
    std::vector<std::size_t> m_choice, m_merge; // map node -> added gateway, or npos
    std::vector<Flow> m_flows;
    std::vector<Association> m_associations;
    std::vector<std::string> m_noteIds; // map node -> text annotation id
    std::vector<model::LaneBand> m_bands;
    std::vector<std::string> m_laneIds;
    std::string m_process, m_collaboration, m_participant;
};

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// An added gateway goes in the gap beside its node along the flow, as small as
// it must be to fit between the node and its nearest neighbour on that side,
// so BPMN tools see no shapes on top of each other.
Rect Writer::gatewayBeside(std::size_t node, bool after) const {
    const Rect r = m_nodes[m_flowNode[node]].bounds;
    const bool lr = m_geo.flow == editor::Flow::LeftRight;
    auto along = [&](Vec2 v) { return lr ? v.x : v.y; };
    auto across = [&](Vec2 v) { return lr ? v.y : v.x; };
    constexpr double largest = 36, smallest = 16, room = 18;
    const double mid = across(r.centre());
    const double from = after ? along(r.max) : along(r.min);
    double limit = after ? 1e300 : -1e300;
    std::vector<Rect> others;
    for (const FlowNode& other : m_nodes)
        if (&other != &m_nodes[m_flowNode[node]]) others.push_back(other.bounds);
    for (std::size_t i = 0; i < m_map.nodes.size(); ++i)
        if (!m_noteIds[i].empty()) others.push_back(storedBounds(m_map.nodes[i]));
    for (const Rect& o : others) {
        if (across(o.max) < mid - largest / 2 || across(o.min) > mid + largest / 2) continue;
        if (after && along(o.min) >= from - 0.5) limit = std::min(limit, along(o.min));
        if (!after && along(o.max) <= from + 0.5) limit = std::max(limit, along(o.max));
    }
    const double sign = after ? 1 : -1;
    const double gap = std::abs(limit - from);
    double side = largest, centre = from + sign * (room + largest / 2);
    if (gap < 2 * room + largest) {
        side = std::clamp(gap - 12, smallest, largest);
        centre = from + sign * gap / 2;
    }
    const Vec2 c = lr ? Vec2{centre, mid} : Vec2{mid, centre};
    return Rect::around(c, {side / 2, side / 2});
}

std::size_t Writer::addGateway(std::size_t node, Added added, const Rect& at) {
    FlowNode g;
    g.id = m_ids.unique(m_nodes[m_flowNode[node]].id + "_" + std::string(addedName(added)));
    g.element = added == Added::Join ? "parallelGateway" : "exclusiveGateway";
    g.node = node;
    g.added = added;
    // BPMN tools want a forking exclusive gateway named: say what it follows.
    if (added == Added::Choice) g.name = "After " + m_nodes[m_flowNode[node]].name;
    g.bounds = at;
    m_nodes.push_back(std::move(g));
    return m_nodes.size() - 1;
}

void Writer::addNodes() {
    m_flowNode.assign(m_map.nodes.size(), npos);
    m_choice.assign(m_map.nodes.size(), npos);
    m_merge.assign(m_map.nodes.size(), npos);
    m_noteIds.assign(m_map.nodes.size(), {});
    std::vector<int> in(m_map.nodes.size()), out(m_map.nodes.size());
    for (const editor::EdgeGeometry& e : m_geo.edges) {
        if (e.style != editor::EdgeStyle::Flow) continue;
        ++out[e.from];
        ++in[e.to];
    }
    for (std::size_t i = 0; i < m_map.nodes.size(); ++i) {
        const model::Node& n = m_map.nodes[i];
        if (n.kind == NodeKind::Note) {
            m_noteIds[i] = m_ids.unique(n.key);
            continue;
        }
        FlowNode f;
        f.id = m_ids.unique(n.key);
        f.node = i;
        f.bounds = storedBounds(n);
        std::string fallback;
        switch (n.kind) {
        case NodeKind::Start:
            f.element = "startEvent";
            fallback = "Start";
            break;
        case NodeKind::End:
            f.element = "endEvent";
            fallback = "End";
            break;
        case NodeKind::Activity:
            f.element = "task";
            fallback = n.activity.empty() ? n.key : n.activity;
            break;
        case NodeKind::Decision:
            f.element = "exclusiveGateway";
            fallback = "Decision";
            break;
        case NodeKind::Parallel:
            f.element = "parallelGateway";
            // A bar is drawn as a gateway of the usual size; the bar's own size
            // goes in strawman:width and strawman:height.
            f.bounds = Rect::around(f.bounds.centre(), {18, 18});
            break;
        case NodeKind::Note:
            break;
        }
        f.name = n.label;
        if (n.label.empty() && !fallback.empty()) {
            f.name = fallback;
            f.label = "";
        }
        m_flowNode[i] = m_nodes.size();
        m_nodes.push_back(std::move(f));
    }
    for (std::size_t i = 0; i < m_map.nodes.size(); ++i) {
        const NodeKind kind = m_map.nodes[i].kind;
        if (kind == NodeKind::Note) continue;
        const bool gateway = kind == NodeKind::Decision || kind == NodeKind::Parallel;
        if (!gateway && out[i] > 1)
            m_choice[i] = addGateway(i, Added::Choice, gatewayBeside(i, true));
        if (in[i] > 1 && (!gateway || out[i] > 1))
            m_merge[i] = addGateway(i, kind == NodeKind::Parallel ? Added::Join : Added::Merge,
                                    gatewayBeside(i, false));
    }
}

void Writer::addFlows() {
    auto connect = [&](std::size_t from, std::size_t to, std::vector<Vec2> points) {
        Flow f;
        f.id = m_ids.unique("Flow_" + m_nodes[from].id + "_" + m_nodes[to].id);
        f.source = from;
        f.target = to;
        f.waypoints = std::move(points);
        m_nodes[from].outgoing.push_back(f.id);
        m_nodes[to].incoming.push_back(f.id);
        m_flows.push_back(std::move(f));
        return m_flows.size() - 1;
    };
    auto straight = [&](std::size_t from, std::size_t to) {
        const Rect a = m_nodes[from].bounds, b = m_nodes[to].bounds;
        const editor::Shape& sa = m_geo.nodes[m_nodes[from].node].shape;
        const editor::Shape& sb = m_geo.nodes[m_nodes[to].node].shape;
        const Vec2 p0 = m_nodes[from].added != Added::None
                            ? diamondExit(a, b.centre())
                            : editor::borderPoint(sa, b.centre() - a.centre());
        const Vec2 p1 = m_nodes[to].added != Added::None
                            ? diamondExit(b, a.centre())
                            : editor::borderPoint(sb, a.centre() - b.centre());
        return std::vector<Vec2>{p0, p1};
    };
    // Into each merge, and out of each choice, once.
    for (std::size_t i = 0; i < m_map.nodes.size(); ++i) {
        if (m_merge[i] != npos)
            connect(m_merge[i], m_flowNode[i], straight(m_merge[i], m_flowNode[i]));
        if (m_choice[i] != npos)
            connect(m_flowNode[i], m_choice[i], straight(m_flowNode[i], m_choice[i]));
    }
    std::map<model::EdgeId, const model::Edge*> edges;
    for (const model::Edge& e : m_map.edges) edges.emplace(e.id, &e);
    for (const editor::EdgeGeometry& g : m_geo.edges) {
        const model::Edge& edge = *edges.at(g.id);
        std::vector<Vec2> points;
        if (g.drawable) {
            points = sampled(g.line, g.tip);
        } else {
            const Vec2 a = m_geo.nodes[g.from].shape.centre, b = m_geo.nodes[g.to].shape.centre;
            points = {a, b};
        }
        if (g.style == editor::EdgeStyle::Association) {
            const std::size_t from = g.from, to = g.to;
            auto idOf = [&](std::size_t i) {
                return m_map.nodes[i].kind == NodeKind::Note ? m_noteIds[i]
                                                             : m_nodes[m_flowNode[i]].id;
            };
            m_associations.push_back({m_ids.unique("Association_" + idOf(from) + "_" + idOf(to)),
                                      idOf(from), idOf(to), std::move(points), edge.label});
            continue;
        }
        const std::size_t from = m_choice[g.from] != npos ? m_choice[g.from] : m_flowNode[g.from];
        const std::size_t to = m_merge[g.to] != npos ? m_merge[g.to] : m_flowNode[g.to];
        // A line that now starts at a gateway beside its step starts on the gateway.
        if (m_nodes[from].added != Added::None) {
            if (points.size() > 2) points.erase(points.begin());
            points.front() = diamondExit(m_nodes[from].bounds, points[1]);
        }
        if (m_nodes[to].added != Added::None) {
            if (points.size() > 2) points.pop_back();
            points.back() = diamondExit(m_nodes[to].bounds, points[points.size() - 2]);
        }
        const std::size_t f = connect(from, to, std::move(points));
        m_flows[f].name = edge.label;
    }
    // Conditions: where the map names a way out of a choice, every way out has
    // a condition or is the default (BPMN tools flag any other); the first
    // unnamed way is the default, any further one is named "other", which the
    // reader knows to be no name (strawman:label=""). A choice with no named
    // way needs neither.
    for (FlowNode& n : m_nodes) {
        if (n.element != "exclusiveGateway" || n.outgoing.size() < 2) continue;
        std::vector<Flow*> ways;
        for (const std::string& id : n.outgoing)
            ways.push_back(&*std::find_if(m_flows.begin(), m_flows.end(),
                                          [&](const Flow& x) { return x.id == id; }));
        if (std::all_of(ways.begin(), ways.end(), [](const Flow* f) { return f->name.empty(); }))
            continue;
        for (Flow* f : ways) {
            if (f->name.empty() && n.defaultFlow.empty()) {
                n.defaultFlow = f->id;
                continue;
            }
            f->condition = true;
            if (f->name.empty()) {
                f->name = "other";
                f->unnamed = true;
            }
        }
    }
}

void Writer::addLanes() {
    m_bands = model::laneBands(m_map, m_geo.flow == editor::Flow::LeftRight
                                          ? model::LayoutDirection::LeftRight
                                          : model::LayoutDirection::TopBottom);
    std::vector<std::string> laneOf(m_map.nodes.size());
    for (const model::LaneBand& b : m_bands) {
        m_laneIds.push_back(
            m_ids.unique("Lane_" + (b.lane.empty() ? std::string("none") : b.lane)));
        for (std::size_t i : b.nodes) laneOf[i] = b.lane;
    }
    // The reader gives a step the lane it is drawn in, and any other node none:
    // say so where the map differs.
    for (FlowNode& f : m_nodes) {
        if (f.added != Added::None) continue;
        const model::Node& n = m_map.nodes[f.node];
        const std::string read = n.kind == NodeKind::Activity ? laneOf[f.node] : std::string();
        if (read != n.lane) f.lane = n.lane;
    }
}

std::string Writer::flowNodeXml(const FlowNode& f) const {
    std::string out = "    <bpmn:" + f.element + " id=\"" + f.id + "\"";
    if (!f.name.empty()) out += " name=\"" + xmlAttribute(f.name) + "\"";
    if (!f.defaultFlow.empty()) out += " default=\"" + f.defaultFlow + "\"";
    if (f.added != Added::None) {
        out += " strawman:added=\"" + std::string(addedName(f.added)) + "\"";
    } else {
        const model::Node& n = m_map.nodes[f.node];
        if (n.key != f.id) out += " strawman:key=\"" + xmlAttribute(n.key) + "\"";
        if (!n.activity.empty()) out += " strawman:activity=\"" + xmlAttribute(n.activity) + "\"";
        if (f.label) out += " strawman:label=\"" + xmlAttribute(*f.label) + "\"";
        if (f.lane) out += " strawman:lane=\"" + xmlAttribute(*f.lane) + "\"";
        if (n.kind == NodeKind::Parallel)
            out += " strawman:width=\"" + xmlNumber(n.width) + "\" strawman:height=\"" +
                   xmlNumber(n.height) + "\"";
    }
    if (f.incoming.empty() && f.outgoing.empty()) return out + " />\n";
    out += ">\n";
    for (const std::string& id : f.incoming)
        out += "      <bpmn:incoming>" + id + "</bpmn:incoming>\n";
    for (const std::string& id : f.outgoing)
        out += "      <bpmn:outgoing>" + id + "</bpmn:outgoing>\n";
    return out + "    </bpmn:" + f.element + ">\n";
}

std::string Writer::write() {
    m_process = m_ids.unique("Process_1");
    addNodes();
    addFlows();
    addLanes();
    const bool lanes = !m_bands.empty();
    if (lanes) {
        m_collaboration = m_ids.unique("Collaboration_1");
        m_participant = m_ids.unique("Participant_1");
    }
    const std::string name = m_processName.empty() ? "Process" : m_processName;

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
           "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" "
           "xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" "
           "xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xmlns:strawman=\"" +
           std::string(kStrawmanBpmnNamespace) +
           "\" id=\"Definitions_1\" targetNamespace=\"http://bpmn.io/schema/bpmn\" "
           "exporter=\"Strawman\" exporterVersion=\"1\">\n";
    if (lanes)
        out += "  <bpmn:collaboration id=\"" + m_collaboration +
               "\">\n    <bpmn:participant id=\"" + m_participant + "\" name=\"" +
               xmlAttribute(name) + "\" processRef=\"" + m_process +
               "\" />\n  </bpmn:collaboration>\n";
    out += "  <bpmn:process id=\"" + m_process + "\" name=\"" + xmlAttribute(name) +
           "\" isExecutable=\"false\">\n";
    if (lanes) {
        out += "    <bpmn:laneSet id=\"" + m_ids.unique("LaneSet_1") + "\">\n";
        for (std::size_t b = 0; b < m_bands.size(); ++b) {
            const std::string& lane = m_bands[b].lane;
            out += "      <bpmn:lane id=\"" + m_laneIds[b] + "\" name=\"" +
                   xmlAttribute(lane.empty() ? "No role" : lane) + "\"" +
                   (lane.empty() ? " strawman:label=\"\"" : "") + ">\n";
            std::vector<bool> in(m_map.nodes.size());
            for (std::size_t i : m_bands[b].nodes) in[i] = true;
            for (const FlowNode& f : m_nodes)
                if (in[f.node])
                    out += "        <bpmn:flowNodeRef>" + f.id + "</bpmn:flowNodeRef>\n";
            out += "      </bpmn:lane>\n";
        }
        out += "    </bpmn:laneSet>\n";
    }
    for (const FlowNode& f : m_nodes) out += flowNodeXml(f);
    for (const Flow& f : m_flows) {
        out += "    <bpmn:sequenceFlow id=\"" + f.id + "\"";
        if (!f.name.empty()) out += " name=\"" + xmlAttribute(f.name) + "\"";
        if (f.unnamed) out += " strawman:label=\"\"";
        out += " sourceRef=\"" + m_nodes[f.source].id + "\" targetRef=\"" + m_nodes[f.target].id +
               "\"";
        if (!f.condition) {
            out += " />\n";
            continue;
        }
        // The condition as the map words it: for people, not an engine.
        out += ">\n      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" +
               xmlText(f.name) + "</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n";
    }
    for (std::size_t i = 0; i < m_map.nodes.size(); ++i) {
        if (m_noteIds[i].empty()) continue;
        const model::Node& n = m_map.nodes[i];
        out += "    <bpmn:textAnnotation id=\"" + m_noteIds[i] + "\"";
        if (n.key != m_noteIds[i]) out += " strawman:key=\"" + xmlAttribute(n.key) + "\"";
        if (!n.lane.empty()) out += " strawman:lane=\"" + xmlAttribute(n.lane) + "\"";
        out += ">\n      <bpmn:text>" + xmlText(n.label) +
               "</bpmn:text>\n    </bpmn:textAnnotation>\n";
    }
    for (const Association& a : m_associations)
        out += "    <bpmn:association id=\"" + a.id + "\" sourceRef=\"" + a.source +
               "\" targetRef=\"" + a.target + "\"" +
               (a.label.empty() ? "" : " strawman:label=\"" + xmlAttribute(a.label) + "\"") +
               " />\n";
    out += "  </bpmn:process>\n";

    out += "  <bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n    <bpmndi:BPMNPlane id=\"BPMNPlane_1\" "
           "bpmnElement=\"" +
           (lanes ? m_collaboration : m_process) + "\">\n";
    if (lanes) {
        const bool across = m_geo.flow == editor::Flow::LeftRight;
        const std::string horizontal =
            across ? " isHorizontal=\"true\"" : " isHorizontal=\"false\"";
        Rect pool;
        for (const model::LaneBand& b : m_bands)
            pool.add(Rect({b.left, b.top}, {b.right, b.bottom}));
        // Room for the pool's own title, where BPMN tools draw it.
        if (across)
            pool.min.x -= 30;
        else
            pool.min.y -= 30;
        out += shapeXml(m_participant, pool, horizontal);
        for (std::size_t b = 0; b < m_bands.size(); ++b)
            out += shapeXml(
                m_laneIds[b],
                Rect({m_bands[b].left, m_bands[b].top}, {m_bands[b].right, m_bands[b].bottom}),
                horizontal);
    }
    for (const FlowNode& f : m_nodes)
        out += shapeXml(f.id, f.bounds,
                        f.element == "exclusiveGateway" ? " isMarkerVisible=\"true\"" : "");
    for (std::size_t i = 0; i < m_map.nodes.size(); ++i)
        if (!m_noteIds[i].empty()) out += shapeXml(m_noteIds[i], storedBounds(m_map.nodes[i]));
    for (const Flow& f : m_flows) out += edgeXml(f.id, f.waypoints);
    for (const Association& a : m_associations) out += edgeXml(a.id, a.waypoints);
    out += "    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n";
    return out;
}

} // namespace

std::string toBpmn(const model::MapContent& map, std::string_view processName) {
    return Writer(map, processName).write();
}

} // namespace strawman::exporters
