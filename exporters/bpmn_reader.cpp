#include "bpmn_reader.h"

#include "bpmn_writer.h"
#include "xml_tree.h"

#include "model/core/error.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace strawman::exporters {

namespace {

using model::InputError;
using model::NodeKind;

constexpr std::string_view kModel = "http://www.omg.org/spec/BPMN/20100524/MODEL";
constexpr std::string_view kBpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
constexpr std::string_view kDc = "http://www.omg.org/spec/DD/20100524/DC";

const std::set<std::string_view> kTasks = {"task",       "userTask",   "serviceTask",
                                           "manualTask", "scriptTask", "businessRuleTask",
                                           "sendTask",   "receiveTask"};

// Declarations beside the process that draw nothing themselves; whatever uses
// them (a message flow, a data object) is refused where it is.
const std::set<std::string_view> kDeclarations = {
    "itemDefinition", "message",           "signal",       "error",     "escalation",
    "resource",       "interface",         "category",     "import",    "extension",
    "documentation",  "extensionElements", "relationship", "dataStore", "correlationProperty"};

// Why an element is refused, in the user's terms.
std::string refusalReason(std::string_view type) {
    if (type == "inclusiveGateway")
        return "an inclusive gateway (one or more ways at once) has no counterpart on a map: "
               "draw it as a decision or a parallel bar";
    if (type == "boundaryEvent")
        return "an event on a task's border has no counterpart on a map: draw its path as a "
               "decision after the task";
    if (type == "eventBasedGateway" || type == "complexGateway")
        return "this gateway has no counterpart on a map: draw it as a decision";
    if (type.find("LoopCharacteristics") != std::string_view::npos)
        return "a repeated task: draw the repetition as an arrow back";
    if (type.find("data") == 0 || type.find("Data") != std::string_view::npos ||
        type == "ioSpecification" || type == "property")
        return "a map holds no data objects or stores";
    if (type == "messageFlow")
        return "a map is one process: messages between pools have no counterpart";
    return "Strawman does not read this BPMN element";
}

struct Refusal {
    std::string type, id;
    int line = 0;
};

struct RawNode {
    model::Node node;
    std::string id, type;
    int line = 0;
    bool passThrough = false; // taken out after reading, its flows joined up
    std::string lane;         // from the lane set
    std::optional<std::string> laneOverride;
    std::optional<double> barWidth, barHeight;
};

struct RawEdge {
    std::string id, from, to, label;
    int line = 0;
    bool association = false;
    bool inner = false; // joins a sub-process's frame to its content
};

struct Bounds {
    double x = 0, y = 0, width = 0, height = 0;
    int plane = 0;
};

class Reader {
  public:
    Reader(std::string_view fileName, const std::function<bool(std::string_view)>& known)
        : m_file(fileName), m_known(known) {}

    BpmnImport read(const XmlElement& root);

  private:
    [[noreturn]] void fail(int line, const std::string& reason) const {
        throw InputError(m_file, line, reason);
    }
    std::string strawman(const XmlElement& e, std::string_view name) const {
        const std::string* v = e.attribute(kStrawmanBpmnNamespace, name);
        return v ? *v : std::string();
    }
    const std::string* strawmanAttr(const XmlElement& e, std::string_view name) const {
        return e.attribute(kStrawmanBpmnNamespace, name);
    }
    void refuse(const XmlElement& e) { m_refused.push_back({e.name, e.value("id"), e.line}); }
    void readContainer(const XmlElement& container, const std::string& enclosingLane);
    void readLaneSet(const XmlElement& laneSet);
    void readNode(const XmlElement& e, NodeKind kind, const std::string& enclosingLane);
    void readSubProcess(const XmlElement& e, const std::string& enclosingLane);
    void checkChildren(const XmlElement& e);
    void readDiagram(const XmlElement& diagram, int plane);
    RawNode& add(RawNode node);
    void collapse();

    std::string m_file;
    const std::function<bool(std::string_view)>& m_known;
    std::vector<RawNode> m_nodes;
    std::map<std::string, std::size_t> m_byId;
    std::vector<RawEdge> m_edges;
    std::vector<Refusal> m_refused;
    std::map<std::string, std::string> m_laneOf; // flow node id -> lane name
    std::map<std::string, Bounds> m_shapes;
    std::vector<std::string> m_flattened;
    std::set<std::string> m_subProcesses;
    bool m_ours = false; // written by Strawman: a step without strawman:activity has no code
    int m_planes = 0;
};

RawNode& Reader::add(RawNode node) {
    if (node.id.empty()) fail(node.line, "a " + node.type + " without an id");
    if (!m_byId.emplace(node.id, m_nodes.size()).second)
        fail(node.line, "the id \"" + node.id + "\" is used twice");
    m_nodes.push_back(std::move(node));
    return m_nodes.back();
}

// The children a flow node may have; anything else (a loop marker, data
// associations, a vendor's element outside extensionElements) is refused.
void Reader::checkChildren(const XmlElement& e) {
    for (const XmlElement& c : e.children) {
        if (c.ns != kModel) {
            refuse(c);
            continue;
        }
        if (c.name == "incoming" || c.name == "outgoing" || c.name == "documentation" ||
            c.name == "extensionElements" || c.name.ends_with("EventDefinition") ||
            c.name == "conditionExpression")
            continue;
        // Empty input and output sets are written by some tools on every event.
        if ((c.name == "inputSet" || c.name == "outputSet" || c.name == "ioSpecification") &&
            std::none_of(c.children.begin(), c.children.end(), [](const XmlElement& d) {
                return d.name == "dataInput" || d.name == "dataOutput";
            }))
            continue;
        refuse(c);
    }
}

void Reader::readNode(const XmlElement& e, NodeKind kind, const std::string& enclosingLane) {
    RawNode r;
    r.id = e.value("id");
    r.type = e.name;
    r.line = e.line;
    r.node.kind = kind;
    r.node.key = strawmanAttr(e, "key") ? strawman(e, "key") : r.id;
    r.node.label = strawmanAttr(e, "label") ? strawman(e, "label") : e.value("name");
    r.node.activity = strawman(e, "activity");
    // A model discovered from a log (PM4Py, ProM) names its tasks by the log's
    // activity codes: a name the workspace knows as a code is taken as one.
    if (kind == NodeKind::Activity && !m_ours && !strawmanAttr(e, "activity") && m_known &&
        m_known(r.node.label))
        r.node.activity = r.node.label;
    r.lane = enclosingLane;
    if (const std::string* lane = strawmanAttr(e, "lane")) r.laneOverride = *lane;
    auto number = [&](std::string_view name) -> std::optional<double> {
        const std::string* v = strawmanAttr(e, name);
        if (!v) return std::nullopt;
        try {
            return std::stod(*v);
        } catch (const std::exception&) {
            fail(e.line, "strawman:" + std::string(name) + " is not a number: \"" + *v + "\"");
        }
    };
    r.barWidth = number("width");
    r.barHeight = number("height");
    if (!r.node.activity.empty() && m_known && !m_known(r.node.activity))
        throw InputError(m_file, e.line,
                         "unknown activity code \"" + r.node.activity + "\" on " + e.name + " \"" +
                             r.id + "\"",
                         model::Remedy::AddActivities);
    if (kind != NodeKind::Note) checkChildren(e);
    std::vector<std::string> definitions;
    for (const XmlElement& c : e.children)
        if (c.ns == kModel && c.name.ends_with("EventDefinition")) definitions.push_back(c.name);
    if (!definitions.empty()) {
        std::string list;
        for (const std::string& d : definitions) list += (list.empty() ? "" : ", ") + d;
        m_flattened.push_back(e.name + " \"" + r.id + "\" (line " + std::to_string(e.line) +
                              ") read as a plain " +
                              (kind == NodeKind::Start ? "start"
                               : kind == NodeKind::End ? "end"
                                                       : "step") +
                              ": its trigger (" + list + ") is not kept");
    }
    add(std::move(r));
}

// A sub-process is read as its content inlined: the flows into it go to its
// start, the flows out of it leave from its ends.
void Reader::readSubProcess(const XmlElement& e, const std::string& enclosingLane) {
    const std::string id = e.value("id");
    if (e.value("triggeredByEvent") == "true") {
        refuse(e);
        return;
    }
    m_flattened.push_back("subProcess \"" + id + "\" (line " + std::to_string(e.line) +
                          "): its content inlined in the map");
    RawNode in;
    in.id = id;
    in.type = e.name;
    in.line = e.line;
    in.passThrough = true;
    add(std::move(in));
    RawNode out;
    out.id = id + "\x1fout"; // no XML id holds this character
    out.type = e.name;
    out.line = e.line;
    out.passThrough = true;
    add(std::move(out));

    m_subProcesses.insert(id);
    const std::size_t firstNode = m_nodes.size(), firstEdge = m_edges.size();
    const auto lane = m_laneOf.find(id);
    readContainer(e, lane != m_laneOf.end() ? lane->second : enclosingLane);
    std::set<std::string> hasIn, hasOut;
    for (std::size_t i = firstEdge; i < m_edges.size(); ++i) {
        if (m_edges[i].association) continue;
        hasOut.insert(m_edges[i].from);
        hasIn.insert(m_edges[i].to);
    }
    bool anyStart = false, anyEnd = false;
    for (std::size_t i = firstNode; i < m_nodes.size(); ++i) {
        anyStart = anyStart || (m_nodes[i].type == "startEvent");
        anyEnd = anyEnd || (m_nodes[i].type == "endEvent");
    }
    // Without start events, BPMN starts a sub-process at every node nothing
    // leads to, and ends it where nothing leads on.
    const std::size_t lastNode = m_nodes.size();
    for (std::size_t i = firstNode; i < lastNode; ++i) {
        RawNode& n = m_nodes[i];
        if (n.node.kind == NodeKind::Note || n.id.find('\x1f') != std::string::npos) continue;
        const bool entry = anyStart ? n.type == "startEvent" : !hasIn.count(n.id);
        const bool exit = anyEnd ? n.type == "endEvent" : !hasOut.count(n.id);
        if (entry) {
            if (n.type == "startEvent") n.passThrough = true;
            m_edges.push_back({"", id, n.id, "", e.line, false, true});
        }
        if (exit) {
            if (n.type == "endEvent") n.passThrough = true;
            m_edges.push_back({"", n.id, id + "\x1fout", "", e.line, false, true});
        }
    }
}

void Reader::readLaneSet(const XmlElement& laneSet) {
    for (const XmlElement& lane : laneSet.children) {
        if (lane.ns != kModel || lane.name != "lane") continue;
        const std::string name =
            strawmanAttr(lane, "label") ? strawman(lane, "label") : lane.value("name");
        for (const XmlElement& c : lane.children) {
            if (c.ns != kModel) continue;
            if (c.name == "flowNodeRef") {
                std::string ref = c.text;
                ref.erase(0, ref.find_first_not_of(" \t\r\n"));
                ref.erase(ref.find_last_not_of(" \t\r\n") + 1);
                // A lane inside a lane names the role more closely: it wins.
                m_laneOf.emplace(ref, name);
            }
        }
        for (const XmlElement& c : lane.children)
            if (c.ns == kModel && c.name == "childLaneSet") {
                // Read nested lanes first so the inner name is kept.
                std::map<std::string, std::string> outer;
                outer.swap(m_laneOf);
                readLaneSet(c);
                for (auto& [k, v] : outer) m_laneOf.emplace(k, v);
            }
    }
}

void Reader::readContainer(const XmlElement& container, const std::string& enclosingLane) {
    for (const XmlElement& e : container.children)
        if (e.ns == kModel && e.name == "laneSet") readLaneSet(e);
    for (const XmlElement& e : container.children) {
        if (e.ns != kModel) {
            refuse(e);
            continue;
        }
        const std::string& t = e.name;
        const std::string lane = [&] {
            const auto it = m_laneOf.find(e.value("id"));
            return it != m_laneOf.end() ? it->second : enclosingLane;
        }();
        if (t == "laneSet" || t == "documentation" || t == "extensionElements") continue;
        if (t == "startEvent") {
            readNode(e, NodeKind::Start, lane);
        } else if (t == "endEvent") {
            readNode(e, NodeKind::End, lane);
        } else if (kTasks.count(t)) {
            readNode(e, NodeKind::Activity, lane);
        } else if (t == "callActivity") {
            m_flattened.push_back("callActivity \"" + e.value("id") + "\" (line " +
                                  std::to_string(e.line) +
                                  ") read as a step: the process it calls is not read");
            readNode(e, NodeKind::Activity, lane);
        } else if (t == "intermediateCatchEvent" || t == "intermediateThrowEvent") {
            const bool trigger =
                std::any_of(e.children.begin(), e.children.end(), [](const XmlElement& c) {
                    return c.name.ends_with("EventDefinition");
                });
            if (!trigger) // else readNode says so, naming the trigger
                m_flattened.push_back(t + " \"" + e.value("id") + "\" (line " +
                                      std::to_string(e.line) + ") read as a step");
            readNode(e, NodeKind::Activity, lane);
        } else if (t == "exclusiveGateway" || t == "parallelGateway") {
            const std::string* added = strawmanAttr(e, "added");
            readNode(e, t == "exclusiveGateway" ? NodeKind::Decision : NodeKind::Parallel, lane);
            if (added) m_nodes.back().passThrough = true;
        } else if (t == "subProcess" || t == "transaction") {
            readSubProcess(e, lane);
        } else if (t == "textAnnotation") {
            RawNode r;
            r.id = e.value("id");
            r.type = t;
            r.line = e.line;
            r.node.kind = NodeKind::Note;
            r.node.key = strawmanAttr(e, "key") ? strawman(e, "key") : r.id;
            for (const XmlElement& c : e.children)
                if (c.ns == kModel && c.name == "text") r.node.label = c.text;
            if (const std::string* l = strawmanAttr(e, "lane")) r.laneOverride = *l;
            add(std::move(r));
        } else if (t == "sequenceFlow" || t == "association") {
            RawEdge edge{e.value("id"), e.value("sourceRef"), e.value("targetRef"), e.value("name"),
                         e.line,        t == "association"};
            if (const std::string* label = strawmanAttr(e, "label"))
                edge.label = *label;
            else if (edge.label.empty())
                for (const XmlElement& c : e.children)
                    if (c.ns == kModel && c.name == "conditionExpression") edge.label = c.text;
            if (edge.from.empty() || edge.to.empty())
                fail(e.line, t + " \"" + edge.id + "\" has no " +
                                 (edge.from.empty() ? "sourceRef" : "targetRef"));
            if (t == "sequenceFlow") checkChildren(e);
            m_edges.push_back(std::move(edge));
        } else {
            refuse(e);
        }
    }
}

void Reader::readDiagram(const XmlElement& diagram, int plane) {
    for (const XmlElement& c : diagram.children) {
        if (c.ns == kBpmnDi && c.name == "BPMNPlane") {
            readDiagram(c, ++m_planes);
            continue;
        }
        if (c.ns != kBpmnDi || c.name != "BPMNShape") continue;
        for (const XmlElement& b : c.children) {
            if (b.ns != kDc || b.name != "Bounds") continue;
            Bounds bounds;
            bounds.plane = plane;
            try {
                bounds.x = std::stod(b.value("x"));
                bounds.y = std::stod(b.value("y"));
                bounds.width = std::stod(b.value("width"));
                bounds.height = std::stod(b.value("height"));
            } catch (const std::exception&) {
                fail(b.line, "the bounds of \"" + c.value("bpmnElement") + "\" are not numbers");
            }
            m_shapes[c.value("bpmnElement")] = bounds;
        }
    }
}

// Takes out the nodes that stand for nothing on a map (the gateways our writer
// added, a sub-process's frame, start and end): every way in joins every way
// out, keeping the condition.
void Reader::collapse() {
    for (std::size_t p = 0; p < m_nodes.size(); ++p) {
        if (!m_nodes[p].passThrough) continue;
        const std::string& id = m_nodes[p].id;
        std::vector<RawEdge> ins, outs, rest;
        for (RawEdge& e : m_edges) {
            if (e.association && (e.from == id || e.to == id)) {
                m_flattened.push_back("the association \"" + e.id + "\" (line " +
                                      std::to_string(e.line) + ") to \"" + id +
                                      "\" is left out: that element is flattened");
                continue;
            }
            if (e.to == id && e.from != id)
                ins.push_back(e);
            else if (e.from == id && e.to != id)
                outs.push_back(e);
            else if (e.from != id)
                rest.push_back(std::move(e));
        }
        for (const RawEdge& i : ins)
            for (const RawEdge& o : outs) {
                RawEdge joined = o;
                joined.from = i.from;
                if (joined.label.empty()) joined.label = i.label;
                const bool seen = std::any_of(rest.begin(), rest.end(), [&](const RawEdge& r) {
                    return !r.association && r.from == joined.from && r.to == joined.to &&
                           r.label == joined.label;
                });
                if (!seen) rest.push_back(std::move(joined));
            }
        m_edges = std::move(rest);
    }
}

BpmnImport Reader::read(const XmlElement& root) {
    if (root.ns != kModel || root.name != "definitions")
        fail(root.line, "not a BPMN 2.0 file: the root element is <" + root.name +
                            "> in the namespace \"" + root.ns + "\", not BPMN's <definitions>");
    BpmnImport result;
    m_ours = root.value("exporter") == "Strawman";
    std::vector<const XmlElement*> processes;
    std::map<std::string, std::string> poolName; // process id -> participant name
    for (const XmlElement& e : root.children) {
        if (e.ns == kModel && e.name == "process") {
            processes.push_back(&e);
        } else if (e.ns == kModel && e.name == "collaboration") {
            for (const XmlElement& c : e.children) {
                if (c.ns == kModel && c.name == "participant")
                    poolName[c.value("processRef")] = c.value("name");
                else if (c.ns == kModel &&
                         (c.name == "documentation" || c.name == "extensionElements"))
                    continue;
                else
                    refuse(c);
            }
        } else if (e.ns == kBpmnDi && e.name == "BPMNDiagram") {
            readDiagram(e, 0);
        } else if (e.ns == kModel && kDeclarations.count(e.name)) {
            continue;
        } else {
            refuse(e);
        }
    }
    // A pool drawn empty (another organisation, a black box) is no process to read.
    std::erase_if(processes, [](const XmlElement* p) {
        return std::none_of(p->children.begin(), p->children.end(), [](const XmlElement& c) {
            return c.name != "documentation" && c.name != "extensionElements" &&
                   c.name != "laneSet";
        });
    });
    if (processes.empty()) fail(root.line, "the file has no process with anything in it");
    if (processes.size() > 1)
        fail(processes[1]->line, "the file holds " + std::to_string(processes.size()) +
                                     " processes (\"" + processes[0]->value("id") + "\", \"" +
                                     processes[1]->value("id") +
                                     "\"...): a map is one process, export one pool at a time");
    const XmlElement& process = *processes.front();
    result.processName = process.value("name");
    if (result.processName.empty()) result.processName = poolName[process.value("id")];
    readContainer(process, "");

    if (!m_refused.empty()) {
        std::string reason;
        for (const Refusal& r : m_refused) {
            reason += reason.empty() ? "cannot import " : "; also ";
            reason += r.type + (r.id.empty() ? "" : " \"" + r.id + "\"");
            if (&r != &m_refused.front())
                reason += " (line " + std::to_string(r.line) + ")";
            else
                reason += ": " + refusalReason(r.type);
        }
        fail(m_refused.front().line, reason);
    }

    // Flows out of a sub-process leave from its ends.
    for (RawEdge& e : m_edges)
        if (!e.association && !e.inner && m_subProcesses.count(e.from)) e.from += "\x1fout";
    for (const RawEdge& e : m_edges) {
        for (const std::string* end : {&e.from, &e.to}) {
            const auto it = m_byId.find(*end);
            if (it == m_byId.end())
                fail(e.line, (e.association ? "association \"" : "sequence flow \"") + e.id +
                                 "\" " + (end == &e.from ? "comes from" : "goes to") + " \"" +
                                 *end + "\", which is not in the process");
            if (!e.association && m_nodes[it->second].node.kind == NodeKind::Note)
                fail(e.line, "sequence flow \"" + e.id + "\" joins the text annotation \"" + *end +
                                 "\": only associations may");
        }
        if (e.association && m_nodes[m_byId[e.from]].node.kind != NodeKind::Note &&
            m_nodes[m_byId[e.to]].node.kind != NodeKind::Note)
            fail(e.line, "association \"" + e.id +
                             "\" joins two elements neither of which is a text annotation; "
                             "a map draws associations to notes only");
    }
    for (const RawNode& n : m_nodes) {
        if (n.type != "exclusiveGateway" && n.type != "parallelGateway") continue;
        const bool wayOut = std::any_of(m_edges.begin(), m_edges.end(), [&](const RawEdge& e) {
            return !e.association && e.from == n.id;
        });
        if (!wayOut)
            fail(n.line, n.type + " \"" + n.id + "\" has no way out: no sequence flow leaves it");
    }

    collapse();

    // Positions only when every node has a shape on the one diagram: a
    // collapsed sub-process drawn on a diagram of its own would overlap.
    bool placed = true;
    int plane = -1;
    std::map<std::string, model::NodeId> nodeId;
    std::int64_t next = 1;
    for (RawNode& r : m_nodes) {
        if (r.passThrough) continue;
        model::Node n = r.node;
        n.id = model::NodeId(next++);
        if (n.kind == NodeKind::Activity) n.lane = m_laneOf.count(r.id) ? m_laneOf[r.id] : r.lane;
        if (r.laneOverride) n.lane = *r.laneOverride;
        const auto shape = m_shapes.find(r.id);
        if (shape == m_shapes.end() || (plane >= 0 && shape->second.plane != plane)) {
            placed = false;
        } else {
            plane = shape->second.plane;
            const Bounds& b = shape->second;
            n.x = b.x + b.width / 2;
            n.y = b.y + b.height / 2;
            n.width = b.width;
            n.height = b.height;
            if (r.barWidth) n.width = *r.barWidth;
            if (r.barHeight) n.height = *r.barHeight;
        }
        nodeId[r.id] = n.id;
        result.content.nodes.push_back(std::move(n));
    }
    if (!placed)
        for (model::Node& n : result.content.nodes) n.x = n.y = n.width = n.height = 0;
    result.placed = placed && !result.content.nodes.empty();
    std::int64_t nextEdge = 1;
    for (const RawEdge& e : m_edges)
        result.content.edges.push_back(
            {model::EdgeId(nextEdge++), nodeId.at(e.from), nodeId.at(e.to), e.label});
    result.flattened = std::move(m_flattened);
    return result;
}

} // namespace

BpmnImport fromBpmn(std::string_view text, std::string_view fileName,
                    const std::function<bool(std::string_view)>& knownActivity) {
    const XmlElement root = readXml(text, fileName);
    return Reader(fileName, knownActivity).read(root);
}

} // namespace strawman::exporters
