// A process map: the flowchart of one process, as nodes and edges with positions.
// This is the in-memory form that layout, validation, DOT and the editor share.
//
// Ids are unique within one MapContent. Content read from the workspace carries
// database ids; content built elsewhere (a DOT import, a test) uses any distinct
// positive ids, and the workspace assigns real ones when it stores it.
// Coordinates are in points (1/72 inch), centre of the node, y growing downwards.
#pragma once

#include "model/core/ids.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

enum class NodeKind { Start, End, Activity, Decision, Parallel, Note };

std::string toText(NodeKind kind);
std::optional<NodeKind> nodeKindFromString(std::string_view text);

struct Node {
    NodeId id;
    NodeKind kind = NodeKind::Activity;
    std::string key;      // stable name within the map (the DOT node name); kept across versions
    std::string label;    // display text
    std::string activity; // activity code, for activity nodes
    std::string lane;     // role, optional
    double x = 0, y = 0;  // centre
    double width = 0, height = 0;
};

struct Edge {
    EdgeId id;
    NodeId from;
    NodeId to;
    std::string label; // condition, for edges leaving a decision
};

struct MapContent {
    std::vector<Node> nodes;
    std::vector<Edge> edges;

    const Node* findNode(NodeId id) const;
    Node* findNode(NodeId id);
    const Node* findNodeByKey(std::string_view key) const;
};

// Default size of a node of a kind, in points, before layout measures its label.
void defaultSize(NodeKind kind, double& width, double& height);

} // namespace strawman::model
