// Small maps for tests, built in code so each test shows what it relies on.
#pragma once

#include "model/maps/process_map.h"

#include <initializer_list>
#include <string>
#include <utility>

namespace strawman::test {

// Builds a MapContent with local ids: nodes are numbered in the order added.
class MapBuilder {
  public:
    model::NodeId node(model::NodeKind kind, std::string key, std::string label = {},
                       std::string activity = {}) {
        model::Node n;
        n.id = model::NodeId{static_cast<std::int64_t>(m_map.nodes.size() + 1)};
        n.kind = kind;
        n.key = std::move(key);
        n.label = std::move(label);
        n.activity = std::move(activity);
        m_map.nodes.push_back(n);
        return n.id;
    }
    model::NodeId activity(std::string key, std::string code) {
        return node(model::NodeKind::Activity, std::move(key), {}, std::move(code));
    }
    MapBuilder& edge(model::NodeId from, model::NodeId to, std::string label = {}) {
        m_map.edges.push_back({model::EdgeId{static_cast<std::int64_t>(m_map.edges.size() + 1)},
                               from, to, std::move(label)});
        return *this;
    }
    const model::MapContent& map() const { return m_map; }

  private:
    model::MapContent m_map;
};

// start -> request received -> vetted -> decision(accepted?) -> booked -> ... -> end
inline model::MapContent ctPathway() {
    using model::NodeKind;
    MapBuilder b;
    auto start = b.node(NodeKind::Start, "start");
    auto rcv = b.activity("rcv", "RCV");
    auto vet = b.activity("vet", "VET");
    auto ok = b.node(NodeKind::Decision, "accepted", "Justified?");
    auto rej = b.activity("rej", "REJ");
    auto bkd = b.activity("bkd", "BKD");
    auto cmp = b.activity("cmp", "CMP");
    auto ver = b.activity("ver", "VER");
    auto end = b.node(NodeKind::End, "end");
    auto endRejected = b.node(NodeKind::End, "end_rejected");
    b.edge(start, rcv).edge(rcv, vet).edge(vet, ok).edge(ok, bkd, "yes").edge(ok, rej, "no");
    b.edge(rej, endRejected).edge(bkd, cmp).edge(cmp, ver).edge(ver, end);
    return b.map();
}

// start -> A -> split -> (B and C) -> join -> D -> end
inline model::MapContent parallelBlock() {
    using model::NodeKind;
    MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "A");
    auto split = b.node(NodeKind::Parallel, "split");
    auto bb = b.activity("b", "B"), c = b.activity("c", "C");
    auto join = b.node(NodeKind::Parallel, "join");
    auto d = b.activity("d", "D");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a)
        .edge(a, split)
        .edge(split, bb)
        .edge(split, c)
        .edge(bb, join)
        .edge(c, join)
        .edge(join, d)
        .edge(d, e);
    return b.map();
}

} // namespace strawman::test
