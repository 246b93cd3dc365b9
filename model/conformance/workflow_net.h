// What a map means as a process model: its workflow net.
//
// The flowchart convention managers draw in: an activity, start or end with
// several arrows out is an exclusive choice, with several arrows in a merge;
// decisions are explicit choices and merges; a parallel bar with several arrows
// out starts all of them, with several in waits for all of them; notes and
// lanes carry no behaviour. So:
//   activity   -> a transition labelled with its activity code, between an input
//                 and an output place
//   decision   -> one place (choice and merge at once)
//   parallel   -> a silent transition with a place per arrow in and per arrow out
//   start      -> a place holding the initial token (several starts: a silent
//                 choice between them from one source place)
//   end        -> the sink place (several ends share it)
//   arrow      -> its two places merged when one of them serves this arrow
//                 alone, else a silent transition between them
// The net is what the diff replays each case on (alignment.h).
#pragma once

#include "model/core/error.h"
#include "model/core/ids.h"
#include "model/maps/process_map.h"

#include <cstdint>
#include <string>
#include <vector>

namespace strawman::model {

struct NetPlace {
    std::string where; // for messages, in the map's words: "before Vetting", "at Urgent?"
    NodeId node;       // the map node it belongs to, where there is one
};

struct NetTransition {
    std::string activity;               // activity code; empty for a silent transition
    std::string name;                   // for messages: the node's label, or the arrow's ends
    NodeId node;                        // the map node (activity or parallel bar) it comes from
    EdgeId edge;                        // the arrow, for a silent transition made for one
    std::vector<std::uint32_t> in, out; // places; a place listed twice takes or gives two tokens
    bool silent() const { return activity.empty(); }
};

struct WorkflowNet {
    std::vector<NetPlace> places;
    std::vector<NetTransition> transitions;
    std::uint32_t source = 0; // one token here to begin
    std::uint32_t sink = 0;   // one token here, and nowhere else, to end
    // Things the diff should tell the user but that do not stop it, e.g. an
    // activity node without an activity code (replayed as a silent step).
    std::vector<std::string> warnings;
};

// A map the diff cannot replay, and why, in the map's words.
class NotReplayable : public Error {
  public:
    using Error::Error;
};

// Throws NotReplayable for a map with no start or no end, or with arrows out of
// an end. Soundness (can every run finish?) is judged on the net's states
// (net_states.h).
WorkflowNet toWorkflowNet(const MapContent& map);

} // namespace strawman::model
