#include "silent_steps.h"

#include <algorithm>

namespace strawman::model {

namespace {

// Per marking, an enabled silent step whose places no other step takes from
// (the first rule of silent_steps.h). Every run to the end from the marking
// takes it later; taking it first keeps the run's steps and costs, since the
// steps before it neither need its places nor lose by its tokens coming early.
std::vector<std::uint32_t> eagerSilentArcs(const WorkflowNet& net, const NetStates& s) {
    std::vector<std::uint32_t> takers(net.places.size(), 0);
    for (const NetTransition& t : net.transitions) {
        std::vector<std::uint32_t> in = t.in;
        std::sort(in.begin(), in.end());
        in.erase(std::unique(in.begin(), in.end()), in.end());
        for (const std::uint32_t p : in) ++takers[p];
    }
    std::vector<bool> alone(net.transitions.size(), false);
    for (std::size_t k = 0; k < net.transitions.size(); ++k) {
        const NetTransition& t = net.transitions[k];
        alone[k] = t.silent() && !t.in.empty() &&
                   std::all_of(t.in.begin(), t.in.end(),
                               [&](std::uint32_t p) { return takers[p] == 1 && p != net.sink; });
    }
    std::vector<std::uint32_t> eager(s.markings.size(), NetStates::kNever);
    for (std::uint32_t m = 0; m < s.markings.size(); ++m)
        for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a)
            if (alone[s.arcs[a].transition] &&
                s.visibleToFinal[s.arcs[a].to] != NetStates::kNever) {
                eager[m] = a;
                break;
            }
    return eager;
}

// A silent step is worth trying where one of its tokens can be taken next,
// after silent steps alone that leave it (the second rule of silent_steps.h).
std::vector<std::uint8_t> silentStepsWorthTaking(const WorkflowNet& net, const NetStates& s) {
    const std::size_t words = (net.places.size() + 63) / 64;
    using Places = std::vector<std::uint64_t>;
    auto placesOf = [&](const std::vector<std::uint32_t>& list) {
        Places bits(words, 0);
        for (const std::uint32_t p : list) bits[p / 64] |= std::uint64_t{1} << (p % 64);
        return bits;
    };
    std::vector<Places> takes, gives;
    for (const NetTransition& t : net.transitions) {
        takes.push_back(placesOf(t.in));
        gives.push_back(placesOf(t.out));
    }
    // soon[m]: places whose token some step can take from m, after silent
    // steps that leave that place alone.
    const std::size_t markings = s.markings.size();
    std::vector<std::uint64_t> soon(markings * words, 0);
    for (std::size_t m = 0; m < markings; ++m)
        for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a)
            for (std::size_t w = 0; w < words; ++w)
                soon[m * words + w] |= takes[s.arcs[a].transition][w];
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t m = markings; m-- > 0;)
            for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a) {
                const NetStates::Arc arc = s.arcs[a];
                if (!net.transitions[arc.transition].silent()) continue;
                for (std::size_t w = 0; w < words; ++w) {
                    std::uint64_t& here = soon[m * words + w];
                    const std::uint64_t more =
                        here | (soon[arc.to * words + w] & ~takes[arc.transition][w]);
                    changed = changed || more != here;
                    here = more;
                }
            }
    }
    std::vector<std::uint8_t> worth(s.arcs.size(), 1);
    for (std::size_t m = 0; m < markings; ++m)
        for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a) {
            const NetStates::Arc arc = s.arcs[a];
            const NetTransition& t = net.transitions[arc.transition];
            if (!t.silent() || t.out.empty() ||
                std::find(t.out.begin(), t.out.end(), net.sink) != t.out.end())
                continue;
            bool taken = false;
            for (std::size_t w = 0; w < words; ++w)
                taken = taken || (soon[arc.to * words + w] & gives[arc.transition][w]);
            worth[a] = taken ? 1 : 0;
        }
    return worth;
}

} // namespace

SilentSteps planSilentSteps(const WorkflowNet& net, const NetStates& states,
                            const std::vector<std::int32_t>& transitionLabel) {
    SilentSteps plan;
    plan.toFinal.assign(states.markings.size(), NetStates::kNever);
    if (states.final != NetStates::kNever)
        plan.toFinal = ArcsInto(states).fewestTo(
            states.final, [&](std::uint32_t t) { return transitionLabel[t] < 0; });
    plan.takeAlone = eagerSilentArcs(net, states);
    plan.worthTaking = silentStepsWorthTaking(net, states);
    return plan;
}

} // namespace strawman::model
