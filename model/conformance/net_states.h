// The states a map's workflow net can be in (its reachability graph), explored
// once per map and shared by every case replayed on it. Radiology maps are
// small: tens of states, a few thousand with several parallel blocks.
//
// Exploring is also the soundness check the diff needs: a map whose end cannot
// be reached with all work finished (parallel branches that meet at a decision
// instead of a bar, a loop back before a parallel split) is refused with the
// reason in the map's words.
#pragma once

#include "workflow_net.h"

#include <cstdint>
#include <string>
#include <vector>

namespace strawman::model {

using Marking = std::vector<std::uint8_t>; // tokens per place

struct NetStates {
    struct Arc {
        std::uint32_t transition;
        std::uint32_t to;
    };
    static constexpr std::uint32_t kNever = UINT32_MAX;

    std::vector<Marking> markings; // [0] is the initial marking
    std::vector<std::uint32_t>
        arcStart; // the arcs of marking m: arcs[arcStart[m], arcStart[m + 1])
    std::vector<Arc> arcs;
    std::uint32_t final = kNever; // the marking with one token in the sink and none elsewhere
    // Fewest visible (labelled) steps from each marking to the final one; kNever
    // where the final marking cannot be reached from it.
    std::vector<std::uint32_t> visibleToFinal;
    std::vector<std::string> warnings;

    std::uint32_t shortestRun() const { return visibleToFinal[0]; }
};

// The arcs between states turned round, to count steps backwards from the
// end: how few steps of some kind (visible ones, silent ones, one activity's)
// each state's runs need to reach it.
class ArcsInto {
  public:
    explicit ArcsInto(const NetStates& states);

    // Per marking, the fewest arcs whose transition `counted` says count on a
    // way to `target` (other arcs are free); NetStates::kNever where there is none.
    template <class Counted>
    std::vector<std::uint32_t> fewestTo(std::uint32_t target, Counted counted) const;

  private:
    std::vector<std::uint32_t>
        m_start; // the arcs into marking m: m_arcs[m_start[m], m_start[m + 1])
    std::vector<NetStates::Arc> m_arcs; // transition, and the marking it comes from
    std::vector<std::uint32_t> fewest(std::uint32_t target,
                                      const std::vector<std::uint8_t>& counts) const;
};

template <class Counted>
std::vector<std::uint32_t> ArcsInto::fewestTo(std::uint32_t target, Counted counted) const {
    std::vector<std::uint8_t> counts;
    for (const NetStates::Arc& a : m_arcs) counts.push_back(counted(a.transition) ? 1 : 0);
    return fewest(target, counts);
}

// Throws NotReplayable when no run reaches the end, when work can pile up
// without bound, or when the states exceed maxStates.
NetStates exploreStates(const WorkflowNet& net, std::size_t maxStates = 200'000);

} // namespace strawman::model
