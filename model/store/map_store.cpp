// The maps part of Workspace: maps, their versions, nodes and edges.
#include "workspace.h"

#include "database.h"
#include "model/core/clock.h"
#include "model/maps/content_hash.h"
#include "model/maps/map_change.h"

#include <ctime>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace strawman::model {

namespace {

// Checks what SQLite constraints would refuse, but in words a user can act on.
void checkContent(const Workspace& ws, const MapContent& content) {
    std::unordered_set<NodeId> ids;
    std::unordered_set<std::string> keys;
    for (const Node& n : content.nodes) {
        if (!ids.insert(n.id).second)
            throw Error("two nodes share id " + std::to_string(n.id.value));
        if (!n.key.empty() && !keys.insert(n.key).second)
            throw Error("two nodes share the name \"" + n.key + "\"");
        if (!n.activity.empty() && !ws.hasActivity(n.activity))
            throw Error("unknown activity code \"" + n.activity + "\" on node \"" +
                        (n.key.empty() ? n.label : n.key) + "\": add it to the vocabulary first");
    }
    for (const Edge& e : content.edges)
        if (!ids.count(e.from) || !ids.count(e.to))
            throw Error("an edge refers to a node that is not in the map");
}

// The rows of the nodes and arrows `next` no longer has.
void deleteWhatIsGone(Database& db, const MapContent& current, const MapContent& next) {
    std::unordered_set<NodeId> stays;
    for (const Node& n : next.nodes) stays.insert(n.id);
    std::unordered_set<EdgeId> staysEdge;
    for (const Edge& e : next.edges) staysEdge.insert(e.id);
    auto deleteEdge = db.prepare("DELETE FROM edge WHERE id = :id");
    for (const Edge& e : current.edges)
        if (!staysEdge.count(e.id)) {
            deleteEdge.reset();
            deleteEdge.bind(":id", e.id.value).run();
        }
    auto deleteNode = db.prepare("DELETE FROM node WHERE id = :id");
    for (const Node& n : current.nodes)
        if (!stays.count(n.id)) {
            deleteNode.reset();
            deleteNode.bind(":id", n.id.value).run();
        }
}

// Updates the nodes that changed and adds the new ones; returns each new
// node's id in `next` -> its row id.
std::unordered_map<NodeId, NodeId> storeNodes(Database& db, VersionId v, const MapContent& current,
                                              const MapContent& next) {
    std::unordered_map<NodeId, const Node*> was;
    for (const Node& n : current.nodes) was.emplace(n.id, &n);
    auto updateNode = db.prepare(
        "UPDATE node SET kind = :kind, label = :label, activity = :activity, lane = :lane, "
        "x = :x, y = :y, width = :w, height = :h WHERE id = :id");
    auto insertNode = db.prepare(
        "INSERT INTO node(version_id, key, kind, label, activity, lane, x, y, width, height, "
        "position) "
        "VALUES(:v, :key, :kind, :label, :activity, :lane, :x, :y, :w, :h, "
        "(SELECT coalesce(max(position), 0) + 1 FROM node WHERE version_id = :v))");
    std::unordered_map<NodeId, NodeId> stored;
    for (const Node& n : next.nodes) {
        auto old = was.find(n.id);
        if (old != was.end() && sameNode(*old->second, n)) continue;
        Statement& s = old != was.end() ? updateNode : insertNode;
        s.reset();
        if (old != was.end())
            s.bind(":id", n.id.value);
        else
            s.bind(":v", v.value).bind(":key", n.key);
        s.bind(":kind", toText(n.kind))
            .bind(":label", n.label)
            .bind(":lane", n.lane)
            .bind(":x", n.x)
            .bind(":y", n.y)
            .bind(":w", n.width)
            .bind(":h", n.height);
        if (n.activity.empty())
            s.bindNull(":activity");
        else
            s.bind(":activity", n.activity);
        s.run();
        if (old == was.end()) stored.emplace(n.id, NodeId{db.lastInsertId()});
    }
    return stored;
}

// Adds the new arrows (between the nodes' row ids) and relabels the changed ones.
void storeEdges(Database& db, VersionId v, const MapContent& current, const MapContent& next,
                const std::unordered_map<NodeId, NodeId>& stored) {
    std::unordered_map<EdgeId, const Edge*> wasEdge;
    for (const Edge& e : current.edges) wasEdge.emplace(e.id, &e);
    auto rowOf = [&](NodeId n) {
        auto it = stored.find(n);
        return it == stored.end() ? n : it->second;
    };
    auto updateEdge = db.prepare("UPDATE edge SET label = :label WHERE id = :id");
    auto insertEdge =
        db.prepare("INSERT INTO edge(version_id, from_node, to_node, label, position) "
                   "VALUES(:v, :from, :to, :label, "
                   "(SELECT coalesce(max(position), 0) + 1 FROM edge WHERE version_id = :v))");
    for (const Edge& e : next.edges) {
        auto old = wasEdge.find(e.id);
        if (old == wasEdge.end()) {
            insertEdge.reset();
            insertEdge.bind(":v", v.value)
                .bind(":from", rowOf(e.from).value)
                .bind(":to", rowOf(e.to).value)
                .bind(":label", e.label)
                .run();
        } else if (old->second->label != e.label) {
            updateEdge.reset();
            updateEdge.bind(":label", e.label).bind(":id", e.id.value).run();
        }
    }
}

} // namespace

void Workspace::insertContent(VersionId version, const MapContent& content) {
    std::unordered_map<NodeId, std::int64_t> stored;
    std::unordered_set<std::string> keys;
    for (const Node& n : content.nodes) keys.insert(n.key);

    auto insertNode =
        m_db->prepare("INSERT INTO node(version_id, key, kind, label, activity, lane, x, y, width, "
                      "height, position) "
                      "VALUES(:v, :key, :kind, :label, :activity, :lane, :x, :y, :w, :h, :pos)");
    int position = 0;
    int generated = 0;
    for (const Node& n : content.nodes) {
        std::string key = n.key;
        while (key.empty() || (n.key.empty() && keys.count(key)))
            key = "n" + std::to_string(++generated);
        if (n.key.empty()) keys.insert(key);
        insertNode.reset();
        insertNode.bind(":v", version.value)
            .bind(":key", key)
            .bind(":kind", toText(n.kind))
            .bind(":label", n.label)
            .bind(":lane", n.lane)
            .bind(":x", n.x)
            .bind(":y", n.y)
            .bind(":w", n.width)
            .bind(":h", n.height)
            .bind(":pos", ++position);
        if (n.activity.empty())
            insertNode.bindNull(":activity");
        else
            insertNode.bind(":activity", n.activity);
        insertNode.run();
        stored[n.id] = m_db->lastInsertId();
    }

    auto insertEdge =
        m_db->prepare("INSERT INTO edge(version_id, from_node, to_node, label, position) "
                      "VALUES(:v, :from, :to, :label, :pos)");
    position = 0;
    for (const Edge& e : content.edges) {
        insertEdge.reset();
        insertEdge.bind(":v", version.value)
            .bind(":from", stored.at(e.from))
            .bind(":to", stored.at(e.to))
            .bind(":label", e.label)
            .bind(":pos", ++position)
            .run();
    }
}

namespace {

// What a map change did, by the keys people know the steps by.
std::string changeDetail(MapId id, int version, const MapChange& c) {
    const auto keys = [](const std::vector<Node>& nodes) {
        nlohmann::json out = nlohmann::json::array();
        for (const Node& n : nodes) out.push_back(n.key);
        return out;
    };
    const auto arrows = [](const std::vector<EdgeByKey>& edges) {
        nlohmann::json out = nlohmann::json::array();
        for (const EdgeByKey& e : edges) out.push_back(e.from + "->" + e.to);
        return out;
    };
    nlohmann::json changed = nlohmann::json::array();
    for (const auto& n : c.changedNodes) changed.push_back(n.after.key);
    nlohmann::json relabelled = nlohmann::json::array();
    for (const auto& e : c.changedEdges) relabelled.push_back(e.after.from + "->" + e.after.to);
    return nlohmann::json{{"map", id.value},
                          {"version", version},
                          {"nodes added", keys(c.addedNodes)},
                          {"nodes removed", keys(c.removedNodes)},
                          {"nodes changed", changed},
                          {"arrows added", arrows(c.addedEdges)},
                          {"arrows removed", arrows(c.removedEdges)},
                          {"arrows changed", relabelled}}
        .dump();
}

} // namespace

MapId Workspace::createMap(ProcessId process, std::optional<TrustId> trustId, std::string_view name,
                           const MapContent& content, MapStatus status) {
    if (name.empty()) throw Error("a map needs a name");
    checkContent(*this, content);
    MapId id;
    transaction([&] {
        m_db->prepare("INSERT INTO map(process_id, trust_id, name, status, created_at) "
                      "VALUES(:process, :trust, :name, :status, :now)")
            .bind(":process", process.value)
            .bind(":trust", trustId ? std::optional<std::int64_t>(trustId->value) : std::nullopt)
            .bind(":name", name)
            .bind(":status", toText(status))
            .bind(":now", nowUtc())
            .run();
        id = MapId{m_db->lastInsertId()};
        m_db->prepare("INSERT INTO map_version(map_id, number) VALUES(:map, 1)")
            .bind(":map", id.value)
            .run();
        insertContent(VersionId{m_db->lastInsertId()}, content);
        m_audit->append(
            "map created",
            nlohmann::json{{"map", id.value},
                           {"name", name},
                           {"process", process.value},
                           {"trust", trustId ? nlohmann::json(trustId->value) : nullptr},
                           {"status", toText(status)},
                           {"nodes", content.nodes.size()},
                           {"arrows", content.edges.size()}}
                .dump());
    });
    return id;
}

namespace {
constexpr std::string_view kSummarySql = R"sql(
SELECT m.id, m.process_id, p.name, m.trust_id, t.code, m.name, m.status, v.id, v.number, v.hash,
       (SELECT count(*) FROM node n WHERE n.version_id = v.id),
       (SELECT count(*) FROM edge e WHERE e.version_id = v.id)
FROM map m
JOIN process p ON p.id = m.process_id
LEFT JOIN trust t ON t.id = m.trust_id
JOIN map_version v ON v.map_id = m.id
 AND v.number = (SELECT max(number) FROM map_version WHERE map_id = m.id)
)sql";

MapSummary readSummary(const Statement& s) {
    MapSummary m;
    m.id = MapId{s.integer(0)};
    m.process = ProcessId{s.integer(1)};
    m.processName = s.text(2);
    if (!s.isNull(3)) m.trust = TrustId{s.integer(3)};
    m.trustCode = s.text(4);
    m.name = s.text(5);
    m.status = mapStatusFromString(s.text(6)).value_or(MapStatus::Draft);
    m.version = VersionId{s.integer(7)};
    m.versionNumber = static_cast<int>(s.integer(8));
    m.published = !s.isNull(9);
    m.hash = s.text(9);
    m.nodeCount = static_cast<int>(s.integer(10));
    m.edgeCount = static_cast<int>(s.integer(11));
    return m;
}
} // namespace

std::vector<MapSummary> Workspace::maps() const {
    std::vector<MapSummary> out;
    // Network-wide maps first within each process, then trusts by code.
    auto s = m_db->prepare(std::string(kSummarySql) +
                           " ORDER BY p.name, t.code IS NOT NULL, t.code, m.id");
    while (s.step()) out.push_back(readSummary(s));
    return out;
}

MapSummary Workspace::map(MapId id) const {
    auto s = m_db->prepare(std::string(kSummarySql) + " WHERE m.id = :id");
    s.bind(":id", id.value);
    if (!s.step()) throw Error("no map with id " + std::to_string(id.value));
    return readSummary(s);
}

std::vector<MapVersionInfo> Workspace::versions(MapId id) const {
    map(id);
    std::vector<MapVersionInfo> out;
    auto s = m_db->prepare("SELECT id, number, hash, published_at FROM map_version "
                           "WHERE map_id = :map ORDER BY number");
    s.bind(":map", id.value);
    while (s.step())
        out.push_back({VersionId{s.integer(0)}, static_cast<int>(s.integer(1)), !s.isNull(2),
                       s.text(2), s.text(3)});
    return out;
}

MapContent Workspace::content(MapId id) const {
    return content(map(id).version);
}

MapContent Workspace::content(VersionId version) const {
    MapContent c;
    auto nodes =
        m_db->prepare("SELECT id, key, kind, label, coalesce(activity, ''), lane, "
                      "x, y, width, height FROM node WHERE version_id = :v ORDER BY position");
    nodes.bind(":v", version.value);
    while (nodes.step()) {
        Node n;
        n.id = NodeId{nodes.integer(0)};
        n.key = nodes.text(1);
        n.kind = nodeKindFromString(nodes.text(2)).value_or(NodeKind::Activity);
        n.label = nodes.text(3);
        n.activity = nodes.text(4);
        n.lane = nodes.text(5);
        n.x = nodes.real(6);
        n.y = nodes.real(7);
        n.width = nodes.real(8);
        n.height = nodes.real(9);
        c.nodes.push_back(std::move(n));
    }
    auto edges = m_db->prepare("SELECT id, from_node, to_node, label FROM edge "
                               "WHERE version_id = :v ORDER BY position");
    edges.bind(":v", version.value);
    while (edges.step())
        c.edges.push_back({EdgeId{edges.integer(0)}, NodeId{edges.integer(1)},
                           NodeId{edges.integer(2)}, edges.text(3)});
    return c;
}

VersionId Workspace::editableVersion(MapId id) {
    const MapSummary current = map(id);
    if (!current.published) return current.version;
    // The current version is frozen: continue in a new draft copied from it.
    const MapContent copy = content(current.version);
    m_db->prepare("INSERT INTO map_version(map_id, number) VALUES(:map, :number)")
        .bind(":map", id.value)
        .bind(":number", current.versionNumber + 1)
        .run();
    const VersionId draft{m_db->lastInsertId()};
    insertContent(draft, copy);
    return draft;
}

void Workspace::applyChange(MapId id, const MapChange& change) {
    if (change.empty()) return;
    transaction([&] {
        const VersionId v = editableVersion(id);
        const MapContent current = content(v);
        MapContent next = current;
        model::applyChange(next, change); // refuses a change made for another state of the map
        checkContent(*this, next);

        // applyChange kept the ids of what stays and numbered new items above
        // every id in use, so ids tell what is gone, new or altered.
        deleteWhatIsGone(*m_db, current, next);
        const std::unordered_map<NodeId, NodeId> stored = storeNodes(*m_db, v, current, next);
        storeEdges(*m_db, v, current, next, stored);
        m_audit->append("map changed", changeDetail(id, map(id).versionNumber, change));
    });
}

void Workspace::setStatus(MapId id, MapStatus status) {
    map(id);
    transaction([&] {
        m_db->prepare("UPDATE map SET status = :status WHERE id = :id")
            .bind(":status", toText(status))
            .bind(":id", id.value)
            .run();
        m_audit->append("map status set",
                        nlohmann::json{{"map", id.value}, {"status", toText(status)}}.dump());
    });
}

void Workspace::rename(MapId id, std::string_view name) {
    if (name.empty()) throw Error("a map needs a name");
    map(id);
    transaction([&] {
        m_db->prepare("UPDATE map SET name = :name WHERE id = :id")
            .bind(":name", name)
            .bind(":id", id.value)
            .run();
        m_audit->append("map renamed", nlohmann::json{{"map", id.value}, {"name", name}}.dump());
    });
}

std::string Workspace::publish(MapId id) {
    std::string hash;
    transaction([&] {
        const MapSummary current = map(id);
        if (current.published) {
            hash = current.hash;
            return;
        }
        hash = contentHash(content(current.version));
        m_db->prepare("UPDATE map_version SET hash = :hash, published_at = :now WHERE id = :v")
            .bind(":hash", hash)
            .bind(":now", nowUtc())
            .bind(":v", current.version.value)
            .run();
        m_audit->append(
            "map published",
            nlohmann::json{{"map", id.value}, {"version", current.versionNumber}, {"hash", hash}}
                .dump());
    });
    return hash;
}

} // namespace strawman::model
