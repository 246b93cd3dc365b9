// One edit of a map, as what it takes away, adds and alters. Every change the
// editor makes is one of these: applied to the workspace in one transaction,
// kept in the undo history, and undone by applying its inverse.
//
// Nodes are named by their key and edges by the keys of their two ends, not by
// database ids: keys survive a reload, an undone delete and the copy into a new
// draft version, ids do not. A change records the "before" of everything it
// touches, so the store can refuse it when the map no longer looks like that (a
// second window changed the same node meanwhile) instead of overwriting blindly.
#pragma once

#include "process_map.h"

#include <string>
#include <vector>

namespace strawman::model {

// An edge with its ends named by node key.
struct EdgeByKey {
    std::string from, to;
    std::string label;
    bool operator==(const EdgeByKey&) const = default;
};

struct MapChange {
    struct NodeEdit {
        Node before, after; // same key
    };
    struct EdgeEdit {
        EdgeByKey before, after; // same ends
    };
    std::vector<Node> removedNodes, addedNodes; // ids are ignored
    std::vector<NodeEdit> changedNodes;
    std::vector<EdgeByKey> removedEdges, addedEdges;
    std::vector<EdgeEdit> changedEdges;

    bool empty() const;
};

// Whether two nodes look the same (every stored field but the id).
bool sameNode(const Node& a, const Node& b);

// What turns `before` into `after`, matching nodes by key and edges by their
// ends' keys (several edges between the same two nodes pair up in order).
MapChange diffContent(const MapContent& before, const MapContent& after);

// The change that undoes `change`.
MapChange inverse(const MapChange& change);

// `change` applied to content in memory, with the workspace's rules: removed
// items must be there and look as recorded, added keys must be new. New nodes get
// fresh ids above every id the content had before
// the change. Throws Error naming the first mismatch.
void applyChange(MapContent& content, const MapChange& change);

// The keys of the nodes a change adds or alters (for selecting them afterwards),
// and of the ends of edges it adds or alters.
std::vector<std::string> touchedKeys(const MapChange& change);

} // namespace strawman::model
