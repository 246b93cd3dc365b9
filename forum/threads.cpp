#include "threads.h"

#include "model/core/error.h"

#include <charconv>
#include <vector>

namespace strawman::forum {

namespace {

using model::Error;
using model::ThreadAnchor;

std::vector<std::string_view> fields(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t colon = text.find(':', start);
        out.push_back(text.substr(start, colon == std::string_view::npos ? colon : colon - start));
        if (colon == std::string_view::npos) return out;
        start = colon + 1;
    }
}

std::optional<std::int64_t> number(std::string_view text) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

bool hasNode(const model::MapContent& c, const std::string& key) {
    return c.findNodeByKey(key) != nullptr;
}

bool hasEdge(const model::MapContent& c, const std::string& from, const std::string& to) {
    const model::Node* a = c.findNodeByKey(from);
    const model::Node* b = c.findNodeByKey(to);
    if (!a || !b) return false;
    for (const model::Edge& e : c.edges)
        if (e.from == a->id && e.to == b->id) return true;
    return false;
}

} // namespace

ThreadAnchor parseAnchor(const model::Workspace& ws, std::string_view text) {
    const auto f = fields(text);
    const auto bad = [&]() -> Error {
        return Error("\"" + std::string(text) +
                     "\" is not a place for a thread: network, process:NAME, map:N, node:N:KEY "
                     "or edge:N:FROM:TO");
    };
    ThreadAnchor a;
    if (f.size() == 1 && f[0] == "network") return a;
    if (f[0] == "process" && f.size() >= 2) {
        // A process name may itself hold a colon.
        const std::string name(text.substr(std::string_view("process:").size()));
        const auto process = ws.findProcess(name);
        if (!process) throw Error("no process called \"" + name + "\"");
        a.kind = ThreadAnchor::Kind::Process;
        a.process = process->id;
        return a;
    }
    const std::size_t wanted = f[0] == "map" ? 2 : f[0] == "node" ? 3 : f[0] == "edge" ? 4 : 0;
    if (wanted == 0 || f.size() != wanted) throw bad();
    const auto id = number(f[1]);
    if (!id) throw bad();
    a.map = model::MapId{*id};
    const model::MapContent content = ws.content(a.map); // refuses an unknown map
    a.kind = ThreadAnchor::Kind::Map;
    if (wanted >= 3) {
        a.kind = ThreadAnchor::Kind::Node;
        a.node = std::string(f[2]);
        if (wanted == 3 && !hasNode(content, a.node))
            throw Error("map " + std::to_string(*id) + " has no node \"" + a.node + "\"");
    }
    if (wanted == 4) {
        a.kind = ThreadAnchor::Kind::Edge;
        a.to = std::string(f[3]);
        if (!hasEdge(content, a.node, a.to))
            throw Error("map " + std::to_string(*id) + " has no arrow from \"" + a.node +
                        "\" to \"" + a.to + "\"");
    }
    return a;
}

std::string anchorText(const model::Workspace& ws, const ThreadAnchor& a) {
    switch (a.kind) {
    case ThreadAnchor::Kind::Network:
        return "network";
    case ThreadAnchor::Kind::Process:
        for (const model::Process& p : ws.processes())
            if (p.id == a.process) return "process:" + p.name;
        return "process:" + std::to_string(a.process.value);
    case ThreadAnchor::Kind::Map:
        return "map:" + std::to_string(a.map.value);
    case ThreadAnchor::Kind::Node:
        return "node:" + std::to_string(a.map.value) + ":" + a.node;
    case ThreadAnchor::Kind::Edge:
        return "edge:" + std::to_string(a.map.value) + ":" + a.node + ":" + a.to;
    }
    return "network";
}

bool anchorGone(const model::Workspace& ws, const ThreadAnchor& a) {
    if (a.kind != ThreadAnchor::Kind::Node && a.kind != ThreadAnchor::Kind::Edge) return false;
    const model::MapContent content = ws.content(a.map);
    return a.kind == ThreadAnchor::Kind::Node ? !hasNode(content, a.node)
                                              : !hasEdge(content, a.node, a.to);
}

model::Member memberNamed(const model::Workspace& ws, std::string_view nameOrId) {
    const auto id = number(nameOrId);
    for (const model::Member& m : ws.members())
        if (m.name == nameOrId || (id && m.id.value == *id)) return m;
    throw Error("\"" + std::string(nameOrId) + "\" is not a member of this network");
}

MemberNames::MemberNames(const model::Workspace& ws) {
    for (const model::Member& m : ws.members()) m_names[m.id] = m.name;
}

std::string MemberNames::operator()(model::MemberId id) const {
    const auto it = m_names.find(id);
    return it == m_names.end() ? "member " + std::to_string(id.value) : it->second;
}

} // namespace strawman::forum
