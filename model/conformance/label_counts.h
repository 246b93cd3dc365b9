// How often each activity of a map can and must still happen from each of its
// states, on the ways to the end. The alignment's bound (alignment.h) uses it:
// a case with three more X-rays than the map can still do has three log moves
// ahead; a report the map still requires and the case no longer has is a model
// move ahead.
#pragma once

#include "net_states.h"

#include <cstdint>
#include <vector>

namespace strawman::model {

struct LabelCounts {
    static constexpr std::uint8_t kAnyNumber = 255; // a loop can repeat it

    std::size_t labels = 0;
    // [marking * labels + label]; empty when the map has too many states and
    // activities for the tables to be worth their memory.
    std::vector<std::uint8_t> most;  // at most; kAnyNumber through a loop
    std::vector<std::uint8_t> least; // at least (capped at 255)
    // The labels each marking still requires: must[mustStart[m], mustStart[m + 1]);
    // and those it can still do a limited number of times, once at least:
    // limited[limitedStart[m], limitedStart[m + 1]). A bound need only look at
    // these: a label it cannot do at all is counted by the reach bound, one a
    // loop can repeat never forces a deviation.
    std::vector<std::uint32_t> mustStart, must, limitedStart, limited;

    bool known() const { return !most.empty(); }
};

// transitionLabel: per transition, its label or -1 for a silent step. Only the
// markings from which the end can be reached count.
LabelCounts countLabels(const NetStates& states, const std::vector<std::int32_t>& transitionLabel,
                        std::size_t labels);

} // namespace strawman::model
