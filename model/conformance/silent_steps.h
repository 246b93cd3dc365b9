// Which silent steps (parallel splits and joins, skips, loop-backs) the
// alignment's search tries, and when (alignment.h).
//
// The search counts silent moves (fewest deviations first, then fewest silent
// moves, as PM4Py's costs do), so every order in which a map's silent steps can
// interleave with the case is a state of its own. On a map of many optional
// branches in parallel that is every set of branches skipped at every point of
// the case, all at the same cost. Two rules keep one order of each, with the
// same costs, and a bound keeps the search walking towards the end:
// - a silent step nothing else competes for (no other step takes from its
//   places: a split, a join) must happen before the end and can happen at
//   once, so where one is possible it is taken alone;
// - any other silent step can be moved later, past every move that does not
//   take a token it gives, until just before what does; so it is only tried
//   where, after it, something taking one of its tokens can happen through
//   silent steps alone that leave that token.
// The property tests hold the search's costs equal to the first A*'s
// (alignment_reference.h) on random maps of parallel blocks, loops and skips.
#pragma once

#include "net_states.h"
#include "workflow_net.h"

#include <cstdint>
#include <vector>

namespace strawman::model {

struct SilentSteps {
    // Per marking: fewest silent steps on any run from it to the end, whatever
    // visible steps the run takes (NetStates::kNever where the end is out of reach).
    std::vector<std::uint32_t> toFinal;
    // Per marking: the arc of a silent step to take alone, or NetStates::kNever.
    std::vector<std::uint32_t> takeAlone;
    // Per arc of the states: 0 for a silent step not worth trying there.
    std::vector<std::uint8_t> worthTaking;
};

// transitionLabel: per transition of net, its activity's index, -1 when silent.
SilentSteps planSilentSteps(const WorkflowNet& net, const NetStates& states,
                            const std::vector<std::int32_t>& transitionLabel);

} // namespace strawman::model
