// The edits a person makes to a map, as rules on its content: add a node,
// connect two, move, remove, copy a part out and paste it back in. The editor
// turns a gesture into one of these requests; the request either changes the
// content or is refused with a reason in the workshop's words ("an end has no
// way out"). Pure functions on MapContent; storing the result is map_change.h's
// and the workspace's job.
#pragma once

#include "process_map.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

// A key not yet used in the map, from the kind's word: "step7", "decision2".
std::string freshKey(const MapContent& map, NodeKind kind);

// The label a new node of a kind starts with ("New step", "Start").
std::string defaultLabel(NodeKind kind);

// Adds a node of `kind` centred at (x, y) with its default size and label and a
// fresh key; returns the key.
std::string addNode(MapContent& map, NodeKind kind, double x, double y);

// Why an arrow from one node to the other would be wrong, or nothing when it
// may be drawn. Checks the shape of the flow only; whether every path ends is
// validation's job, once the drawing is finished.
std::optional<std::string> connectionRefusal(const MapContent& map, std::string_view fromKey,
                                             std::string_view toKey);

// Adds the arrow, or throws Error with connectionRefusal's reason.
void connect(MapContent& map, std::string_view fromKey, std::string_view toKey,
             std::string_view label = {});

// An edge named by its two ends; the first such edge when there are several.
struct EdgeRef {
    std::string from, to;
    bool operator==(const EdgeRef&) const = default;
};

// Removes the nodes (with every arrow touching them) and the edges.
void removeItems(MapContent& map, const std::vector<std::string>& nodeKeys,
                 const std::vector<EdgeRef>& edges);

// Moves the nodes by (dx, dy) points.
void moveNodes(MapContent& map, const std::vector<std::string>& keys, double dx, double dy);

// A piece of a map for the clipboard: the nodes and the arrows between them.
MapContent extract(const MapContent& map, const std::vector<std::string>& nodeKeys);

// Pastes a piece into the map shifted by (dx, dy), with fresh keys where the
// piece's keys are taken. Activity codes come along. Returns the new nodes' keys.
std::vector<std::string> paste(MapContent& map, const MapContent& piece, double dx, double dy);

} // namespace strawman::model
