// The differences between two maps of one process, for showing them side by
// side: a trust's straw man beside the map its data shows (discovery.h), or two
// trusts' maps. What is compared is what a reader of either flowchart would say
// the process does, not how it is drawn:
//
//   steps        start, end and activity nodes. Activities are the same step
//                when they carry the same activity code; an activity without a
//                code is matched by its label, ignoring case and spacing, against
//                other activities without a code. Every start is the same step
//                (the process begins), and so is every end (it finishes).
//   transitions  "step B can come straight after step A": an arrow from A to B,
//                or a path from A to B through decisions and parallel bars only.
//                Gateways are not compared themselves: two drawings whose
//                gateways allow the same transitions do not differ. So the
//                branches of a parallel block are not said to follow one
//                another, and a choice redrawn as parallel work is not reported.
//   notes        ignored, with any arrow to or from one.
//
// A step drawn on several nodes (a code on two nodes, a map with two ends) is
// one step, all-to-all: its transitions are those of all its nodes, and each of
// its nodes is matched when the other map has the step at all. For highlighting,
// each such node is shown one counterpart: nodes are paired one-to-one first,
// preferring the same label, then the most neighbouring steps in common, then the
// nearest distance from the start; a node left over points to its best match.
//
// An arrow is matched when every transition it helps to draw is in the other map,
// so an arrow into a decision is highlighted when one of the ways through that
// decision is missing there. An arrow that draws no transition (from a gateway
// nothing reaches, or to or from a note) is matched: there is nothing of it to miss.
#pragma once

#include "process_map.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace strawman::model {

// A transition of one map: `to` can come straight after `from`. Either end may
// be a start or an end node.
struct ActivityPair {
    std::size_t from = 0, to = 0; // node indices in that map
    std::string fromName, toName; // for display: label, else code
};

// One map's side of a comparison; indices are into that map's nodes and edges.
struct MapSideDifferences {
    // Per node: its counterpart's index in the other map's nodes; empty for a
    // step only this map has, and for gateways and notes, which are not compared.
    std::vector<std::optional<std::size_t>> nodeCounterpart;
    std::vector<bool> nodeCompared; // start, end and activity nodes
    std::vector<bool> edgeMatched;  // per edge; see the rule above

    std::vector<std::string> stepsOnlyHere;  // names, once per step
    std::vector<ActivityPair> pairsOnlyHere; // once per pair of steps
    std::size_t steps = 0, transitions = 0;  // distinct, in this map
    std::size_t unmatchedEdges = 0;

    bool nodeOnlyHere(std::size_t node) const {
        return nodeCompared[node] && !nodeCounterpart[node];
    }
};

struct MapComparison {
    MapSideDifferences left, right;
    // "2 steps only in RN7's map: Protocolled, Addendum. 1 transition only in the
    // as-recorded map: Vetted then Booked." Transitions to or from a step only one
    // map has are left out of the text (the step says it); the lists have them.
    std::string summary;

    bool same() const {
        return left.stepsOnlyHere.empty() && right.stepsOnlyHere.empty() &&
               left.pairsOnlyHere.empty() && right.pairsOnlyHere.empty();
    }
};

// How the summary names the two maps: "RN7's map", "the as-recorded map".
struct MapNames {
    std::string left = "the left map", right = "the right map";
};

MapComparison compareMaps(const MapContent& left, const MapContent& right,
                          const MapNames& names = {});

} // namespace strawman::model
